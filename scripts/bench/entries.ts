/**
 * The benchmark entries, declared as data: what `npm run bench` measures over HTTP, who it signs in
 * as, the budget it is held to, and the raw SQL that does the same work (so each result is read as
 * a ratio to the database's own cost and to the framework floor, health.ping).
 *
 * Adding an entry (see docs/BENCHMARKS.md, "Adding a benchmark entry"): append an object here. A
 * tRPC query with no input is `GET /api/trpc/<router>.<procedure>`; with input it is
 * `GET /api/trpc/<path>?input=<encodeURIComponent(JSON.stringify({ json: input }))>` (superjson);
 * a mutation is `POST /api/trpc/<path>` with body `JSON.stringify({ json: input })` and
 * `contentType: "application/json"`. Keep `rawSql` in step with the service it mirrors.
 */

export type DemoEmail =
  | "admin@attain.test"
  | "exec@attain.test"
  | "am@attain.test"
  | "agent@attain.test"
  | "expert@attain.test"
  | "manager@attain.test"
  | "dev@nimbus.example"
  | "ops@orbit.example";

export type Budget =
  | { kind: "interactive read"; p95Ms: number }
  | { kind: "dashboard aggregate"; p95Ms: number }
  | { kind: "KB search"; p95Ms: number }
  | { kind: "write"; minRps: number }
  | { kind: "review generation"; p95Ms: number }
  | { kind: "none"; reason: string };

/** The budgets of issue 4. */
export const BUDGETS = {
  interactive: { kind: "interactive read", p95Ms: 30 },
  dashboard: { kind: "dashboard aggregate", p95Ms: 50 },
  search: { kind: "KB search", p95Ms: 15 },
  write: { kind: "write", minRps: 300 },
  serverMemoryMb: 500,
  firstLoadJsKb: 200,
  /** sla:recompute over the whole dataset, scaled to 1,000,000 tickets. */
  recomputeSecondsPerMillion: 120,
  /** One minute's pass of the on-call jobs (warnings, escalations) at 1,000,000 tickets: it holds a worker's event loop no longer than a dashboard request. */
  schedulerPassP95Ms: 50,
} as const;

/** What the raw SQL and body builders may use: the bench's clock and the signed-in user. */
export type EntryContext = {
  /** Milliseconds since the epoch when the entry runs. */
  now: number;
  user: { id: number; organizationId: number | null; email: string } | null;
};

export type RawQuery = { sql: string; params?: (ctx: EntryContext) => unknown[] };

export type RequestContext = EntryContext & {
  /** 0, 1, 2... per request, so writes can differ (unique subjects, rotating organizations). */
  seq: number;
  /** next-auth's CSRF token (its cookie is always sent along). */
  csrfToken: string;
};

export type BenchEntry = {
  name: string;
  /** One line for the report: what a user does that costs this. */
  what: string;
  /** The demo account to sign in as first, or null for an anonymous request. */
  as: DemoEmail | null;
  method: "GET" | "POST";
  path: string;
  /**
   * A GET whose input differs per request (seq = 0, 1, 2...): the path of each, in place of `path`
   * (which the report shows). For a read the read cache would otherwise answer after the first.
   */
  pathOf?: (seq: number) => string;
  /** POST body, built per request. */
  body?: (ctx: RequestContext) => string;
  contentType?: string;
  budget: Budget;
  /** The same work as raw SQL on the same file; empty when there is none (the framework floor). */
  rawSql: RawQuery[];
  /**
   * A write each request does once for good (one review per organization and quarter): instead of
   * the load loop, `requests` requests go one after another on one connection, after `reset` (on a
   * writable connection, before the server starts) has removed what an earlier bench run wrote.
   */
  sequence?: { requests: number; reset: (db: import("better-sqlite3").Database) => void };
};

const OPEN = `('new','open','pending_customer','workaround_provided')`;
/** The ticket whose page `tickets.get` measures, as an agent (any dataset of 10,000 tickets or more has it). */
const TICKET_PAGE_ID = 2319;

/** The last quarter that has ended when the bench runs (UTC), which the SLA entries ask for. */
const SLA_BENCH_QUARTER = (() => {
  const now = new Date();
  const start = Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 - 3, 1);
  const d = new Date(start);
  const month = (add: number) =>
    new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1)).toISOString().slice(0, 7);
  return {
    key: `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`,
    from: start,
    to: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1),
    months: [0, 1, 2].map(month),
    previousMonths: [-3, -2, -1].map(month),
    trendMonths: Array.from({ length: 24 }, (_, i) => month(i - 21)),
  };
})();

/** The eight quarters up to SLA_BENCH_QUARTER, oldest first, whose reviews reviews.generate writes. */
const REVIEW_QUARTERS = (() => {
  const [year, q] = SLA_BENCH_QUARTER.key.split("-Q").map(Number) as [number, number];
  return Array.from({ length: 8 }, (_, i) => {
    const n = year * 4 + (q - 1) - (7 - i);
    return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
  });
})();

/** The heaviest reads of a review, as raw SQL: the quarter's attainment, its volume, its ratings. */
const REVIEW_RAW_SQL: RawQuery[] = [
  {
    sql: `SELECT fr_month, tier_id, priority, sum(excluded = 0 AND fr_outcome = 'met'), sum(excluded = 0 AND fr_outcome = 'breached'), sum(excluded) FROM ticket_sla_facts WHERE organization_id = 1 AND +fr_outcome IN ('met', 'breached') AND fr_at >= ? AND fr_at < ? GROUP BY 1, 2, 3`,
    params: () => [SLA_BENCH_QUARTER.from, SLA_BENCH_QUARTER.to],
  },
  {
    sql: `SELECT strftime('%Y-%m', created_at / 1000, 'unixepoch'), product_area, category, priority, count(*) FROM tickets WHERE organization_id = 1 AND created_at >= ? AND created_at < ? GROUP BY 1, 2, 3, 4`,
    params: () => [SLA_BENCH_QUARTER.from - 92 * 86_400_000, SLA_BENCH_QUARTER.to],
  },
  {
    sql: `SELECT count(*), sum(rating_score) FROM ticket_sla_facts WHERE organization_id = 1 AND rating_at >= ? AND rating_at < ?`,
    params: () => [SLA_BENCH_QUARTER.from, SLA_BENCH_QUARTER.to],
  },
];

export const ENTRIES: BenchEntry[] = [
  {
    name: "sign-in",
    what: "POST /api/auth/callback/credentials as dev@nimbus.example (scrypt verify, audit row, JWT cookie)",
    as: null,
    method: "POST",
    path: "/api/auth/callback/credentials",
    contentType: "application/x-www-form-urlencoded",
    body: (ctx) =>
      new URLSearchParams({
        email: "dev@nimbus.example",
        password: "attain-demo",
        csrfToken: ctx.csrfToken,
        json: "true",
      }).toString(),
    budget: { kind: "none", reason: "dominated by scrypt (N=16384) by design" },
    rawSql: [{ sql: `SELECT * FROM users WHERE lower(email) = ?`, params: () => ["dev@nimbus.example"] }],
  },
  {
    name: "health.ping",
    what: "the framework floor: tRPC + superjson, no session, no database",
    as: null,
    method: "GET",
    path: "/api/trpc/health.ping",
    budget: { kind: "none", reason: "framework floor" },
    rawSql: [],
  },
  {
    name: "home.customer",
    what: "a customer's home: organization, tier, calendar, targets, account team, open tickets",
    as: "dev@nimbus.example",
    method: "GET",
    path: "/api/trpc/home.customer",
    budget: BUDGETS.interactive,
    rawSql: [
      {
        sql: `SELECT o.*, t.*, c.* FROM organizations o JOIN tiers t ON t.id = o.tier_id JOIN calendars c ON c.id = o.calendar_id WHERE o.id = ?`,
        params: (c) => [c.user?.organizationId],
      },
      {
        sql: `SELECT priority, metric, minutes, calendar_mode FROM targets WHERE version_id = (SELECT id FROM target_versions WHERE tier_id = (SELECT tier_id FROM organizations WHERE id = ?) ORDER BY version DESC LIMIT 1)`,
        params: (c) => [c.user?.organizationId],
      },
      {
        sql: `SELECT id, name, email, title, phone, chat_handle, time_zone, working_hours FROM users WHERE id IN (SELECT account_manager_id FROM organizations WHERE id = ? UNION SELECT technical_account_manager_id FROM organizations WHERE id = ?)`,
        params: (c) => [c.user?.organizationId, c.user?.organizationId],
      },
      {
        sql: `SELECT count(*) FROM tickets WHERE organization_id = ? AND status IN ${OPEN}`,
        params: (c) => [c.user?.organizationId],
      },
    ],
  },
  {
    name: "people.list",
    what: "an organization's people page: its members (active first, by name) and open invitations",
    as: "admin@attain.test",
    method: "GET",
    path: `/api/trpc/people.list?input=${encodeURIComponent(JSON.stringify({ json: { organizationId: 1, page: 1, pageSize: 100 } }))}`,
    budget: BUDGETS.interactive,
    rawSql: [
      { sql: `SELECT count(*) FROM users WHERE organization_id = ?`, params: () => [1] },
      {
        sql: `SELECT id, name, email, role, org_admin, active FROM users WHERE organization_id = ? ORDER BY active DESC, name, id LIMIT 100`,
        params: () => [1],
      },
    ],
  },
  {
    name: "home.staff",
    what: "an agent's home: open tickets by priority, breached, due within the hour, mine, unassigned",
    as: "agent@attain.test",
    method: "GET",
    path: "/api/trpc/home.staff",
    budget: BUDGETS.interactive,
    rawSql: [
      {
        sql: `SELECT priority, count(*), sum(CASE WHEN next_due_at < ? THEN 1 ELSE 0 END), sum(CASE WHEN next_due_at >= ? AND next_due_at < ? THEN 1 ELSE 0 END), sum(CASE WHEN assignee_id = ? THEN 1 ELSE 0 END) FROM tickets WHERE status IN ${OPEN} GROUP BY priority`,
        params: (c) => [c.now, c.now, c.now + 3_600_000, c.user?.id],
      },
      { sql: `SELECT count(*) FROM tickets WHERE status IN ${OPEN} AND assignee_id IS NULL` },
    ],
  },
  {
    name: "home.tiers",
    what: "an executive's tier overview: organizations, open tickets, 90-day first-response attainment per tier",
    as: "exec@attain.test",
    method: "GET",
    path: "/api/trpc/home.tiers",
    budget: BUDGETS.dashboard,
    rawSql: [
      { sql: `SELECT tier_id, count(*) FROM organizations GROUP BY tier_id` },
      {
        sql: `SELECT o.tier_id,
                sum(CASE WHEN t.status IN ${OPEN} THEN 1 ELSE 0 END),
                sum(CASE WHEN t.fr_status = 'met' AND t.exclusion_reason IS NULL AND t.outside_sla = 0 THEN 1 ELSE 0 END),
                sum(CASE WHEN t.fr_status = 'breached' AND t.exclusion_reason IS NULL AND t.outside_sla = 0 THEN 1 ELSE 0 END),
                sum(CASE WHEN t.exclusion_reason IS NOT NULL THEN 1 ELSE 0 END)
              FROM tickets t JOIN organizations o ON o.id = +t.organization_id
              WHERE t.created_at >= ? AND t.created_at < ? GROUP BY o.tier_id`,
        params: (c) => [c.now - 90 * 86_400_000, c.now],
      },
      { sql: `SELECT * FROM tiers ORDER BY rank` },
    ],
  },
  {
    name: "admin.tiers",
    what: "the admin's tier matrix: each tier's current target version and cells",
    as: "admin@attain.test",
    method: "GET",
    path: "/api/trpc/admin.tiers",
    budget: BUDGETS.interactive,
    rawSql: [
      { sql: `SELECT * FROM tiers ORDER BY rank` },
      {
        sql: `SELECT v.*, g.priority, g.metric, g.minutes, g.calendar_mode FROM tiers t
              JOIN target_versions v ON v.id = (SELECT id FROM target_versions WHERE tier_id = t.id ORDER BY version DESC LIMIT 1)
              JOIN targets g ON g.version_id = v.id`,
      },
    ],
  },
  {
    name: "tickets.queue",
    what: "an agent's queue, first page of 25 open tickets in each section (due, breached), as the page asks, ordered by urgency (priority weighed with the due time), with risk per row",
    as: "agent@attain.test",
    method: "GET",
    path: `/api/trpc/tickets.queue?input=${encodeURIComponent(JSON.stringify({ json: { limit: 25 } }))}`,
    budget: BUDGETS.interactive,
    // Mirrors server/tickets/queue.ts: per section and priority, the first 26 keys of the partial index
    // tickets_open_due_idx (its WHERE repeated literally so SQLite can use it, the unary plus on status
    // so no status index is chosen), merged by urgency; then the shown rows by id, and each section's
    // count through INDEXED BY. Per-row risk needs each row's targets and calendar (cached per page).
    rawSql: [
      ...(["due", "breached"] as const).flatMap((section) =>
        ["P0", "P1", "P2", "P3"].map((priority) => ({
          sql: `SELECT t.id, t.priority, t.next_due_at, t.created_at, t.updated_at FROM tickets t
                WHERE t.next_due_at IS NOT NULL AND t.outside_sla = 0 AND +t.status IN ${OPEN}
                AND t.priority = ? AND t.next_due_at ${section === "due" ? ">=" : "<"} ? ORDER BY t.next_due_at, t.id LIMIT 26`,
          params: (c: EntryContext) => [priority, Math.floor(c.now / 60_000) * 60_000],
        })),
      ),
      {
        sql: `SELECT t.*, o.name, o.region, o.calendar_id, tr.code, u.name FROM tickets t JOIN organizations o ON o.id = t.organization_id JOIN tiers tr ON tr.id = o.tier_id
              LEFT JOIN users u ON u.id = t.assignee_id
              WHERE t.id IN (SELECT id FROM tickets WHERE next_due_at IS NOT NULL AND outside_sla = 0 AND +status IN ${OPEN} ORDER BY next_due_at LIMIT 50)`,
      },
      ...(["due", "breached"] as const).map((section) => ({
        sql: `SELECT count(*) FROM tickets t INDEXED BY tickets_open_due_idx WHERE t.next_due_at IS NOT NULL AND t.outside_sla = 0 AND +t.status IN ${OPEN} AND t.next_due_at ${section === "due" ? ">=" : "<"} ?`,
        params: (c: EntryContext) => [Math.floor(c.now / 60_000) * 60_000],
      })),
      {
        sql: `SELECT priority, metric, minutes, calendar_mode FROM targets WHERE version_id = (SELECT max(id) FROM target_versions)`,
      },
      { sql: `SELECT * FROM calendars WHERE id = 1` },
      { sql: `SELECT date FROM holidays WHERE calendar_id = 1` },
    ],
  },
  {
    name: "tickets.list",
    what: "a customer's organization ticket list, newest first, first page of 25 (keyset)",
    as: "dev@nimbus.example",
    method: "GET",
    path: `/api/trpc/tickets.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 25 } }))}`,
    budget: BUDGETS.interactive,
    rawSql: [
      {
        sql: `SELECT t.id, t.subject, t.priority, t.status, t.created_at, t.next_due_at, o.name FROM tickets t JOIN organizations o ON o.id = t.organization_id
              WHERE t.organization_id = ? ORDER BY t.created_at DESC, t.id DESC LIMIT 26`,
        params: (c) => [c.user?.organizationId],
      },
    ],
  },
  {
    name: "tickets.get",
    what: 'an agent opens a ticket page: ticket, conversation, timeline, complaints, disputes, watchers, and each metric\'s "why is it due then?" trace',
    // An agent, who may read every organization's tickets: which organization a given ticket id
    // belongs to changes with the day the scale dataset was generated.
    as: "agent@attain.test",
    method: "GET",
    path: `/api/trpc/tickets.get?input=${encodeURIComponent(JSON.stringify({ json: { id: TICKET_PAGE_ID } }))}`,
    budget: BUDGETS.interactive,
    rawSql: [
      {
        sql: `SELECT * FROM tickets WHERE id = ?`,
        params: () => [TICKET_PAGE_ID],
      },
      {
        sql: `SELECT o.name, tr.code, o.time_zone FROM organizations o JOIN tiers tr ON tr.id = o.tier_id WHERE o.id = (SELECT organization_id FROM tickets WHERE id = ?)`,
        params: () => [TICKET_PAGE_ID],
      },
      {
        // An agent reads the internal notes too.
        sql: `SELECT * FROM comments WHERE ticket_id = ? ORDER BY created_at, id`,
        params: () => [TICKET_PAGE_ID],
      },
      { sql: `SELECT * FROM ticket_events WHERE ticket_id = ? ORDER BY at, id`, params: () => [TICKET_PAGE_ID] },
      {
        sql: `SELECT score, comment, created_at FROM satisfaction_ratings WHERE ticket_id = ?`,
        params: () => [TICKET_PAGE_ID],
      },
      { sql: `SELECT * FROM disputes WHERE ticket_id = ? ORDER BY created_at DESC`, params: () => [TICKET_PAGE_ID] },
      {
        sql: `SELECT u.id, u.name, u.email FROM watchers w JOIN users u ON u.id = w.user_id WHERE w.ticket_id = ? ORDER BY u.name`,
        params: () => [TICKET_PAGE_ID],
      },
      {
        sql: `SELECT id, name, role FROM users WHERE id IN (SELECT requester_id FROM tickets WHERE id = ? UNION SELECT author_id FROM comments WHERE ticket_id = ? UNION SELECT actor_id FROM ticket_events WHERE ticket_id = ?)`,
        params: () => [TICKET_PAGE_ID, TICKET_PAGE_ID, TICKET_PAGE_ID],
      },
      {
        sql: `SELECT t.id, t.target_version_id, o.calendar_id FROM tickets t JOIN organizations o ON o.id = t.organization_id WHERE t.id = ?`,
        params: () => [TICKET_PAGE_ID],
      },
      {
        sql: `SELECT at, type, data FROM ticket_events WHERE ticket_id = ? ORDER BY at, id`,
        params: () => [TICKET_PAGE_ID],
      },
      {
        sql: `SELECT * FROM targets WHERE version_id = (SELECT target_version_id FROM tickets WHERE id = ?)`,
        params: () => [TICKET_PAGE_ID],
      },
      {
        sql: `SELECT * FROM calendars WHERE id = (SELECT calendar_id FROM organizations WHERE id = (SELECT organization_id FROM tickets WHERE id = ?))`,
        params: () => [TICKET_PAGE_ID],
      },
      {
        sql: `SELECT date FROM holidays WHERE calendar_id = (SELECT calendar_id FROM organizations WHERE id = (SELECT organization_id FROM tickets WHERE id = ?))`,
        params: () => [TICKET_PAGE_ID],
      },
    ],
  },
  {
    name: "tickets.create",
    what: "a customer files a P2 ticket: insert, created event, SLA evaluation and stored state, deflection row, in one transaction",
    as: "dev@nimbus.example",
    method: "POST",
    path: "/api/trpc/tickets.create",
    contentType: "application/json",
    body: (ctx) =>
      JSON.stringify({
        json: {
          subject: `Bench ticket ${ctx.seq}: audio drops`,
          description: "Audio drops for a few seconds on Wi-Fi.",
          productArea: "voice_calling",
          category: "functional_bug",
          priority: "P2",
        },
      }),
    budget: BUDGETS.write,
    rawSql: [
      {
        sql: `SELECT id FROM target_versions WHERE tier_id = (SELECT tier_id FROM organizations WHERE id = ?) ORDER BY version DESC LIMIT 1`,
        params: (c) => [c.user?.organizationId],
      },
    ],
  },
  // On call (issue #19): filing a P0 pages the primary on call in the same transaction, so the
  // response time is the time from filing to the page being sent (in-app, outbox, webhook queue).
  {
    name: "tickets.create.P0.page",
    what: "a customer files a P0: the ticket, its SLA state and the page to the primary on call (notification, email, paging log, timeline), in one transaction",
    as: "dev@nimbus.example",
    method: "POST",
    path: "/api/trpc/tickets.create",
    contentType: "application/json",
    body: (ctx) =>
      JSON.stringify({
        json: {
          subject: `Bench P0 ${ctx.seq}: nobody can join calls`,
          description: "Every join fails since a minute ago.",
          productArea: "voice_calling",
          category: "functional_bug",
          priority: "P0",
        },
      }),
    budget: { kind: "none", reason: "paging latency is reported, not budgeted; a P0 must page within a minute" },
    sequence: {
      requests: 200,
      reset: (db) => {
        const rota = db.prepare("SELECT id FROM rotas WHERE name = 'Bench duty'").get() as { id: number } | undefined;
        if (rota) return;
        const region = (db.prepare("SELECT region FROM organizations WHERE id = 1").get() as { region: string }).region;
        const id = (email: string) =>
          (db.prepare("SELECT id FROM users WHERE email = ?").get(email) as { id: number }).id;
        db.prepare("DELETE FROM rotas WHERE region = ? AND product_area IS NULL").run(region);
        const now = Date.now();
        const r = db
          .prepare(
            "INSERT INTO rotas (name, region, time_zone, kind, handover_weekday, handover_time, start_date, manager_id, created_at, updated_at) VALUES ('Bench duty', ?, 'UTC', 'weekly', 1, '09:00', '2026-01-05', ?, ?, ?)",
          )
          .run(region, id("manager@attain.test"), now, now);
        db.prepare("INSERT INTO rota_members (rota_id, position, user_id) VALUES (?, 0, ?), (?, 1, ?)").run(
          r.lastInsertRowid,
          id("agent@attain.test"),
          r.lastInsertRowid,
          id("expert@attain.test"),
        );
      },
    },
    rawSql: [
      {
        sql: `SELECT * FROM rotas WHERE region = (SELECT region FROM organizations WHERE id = ?)`,
        params: (c) => [c.user?.organizationId],
      },
      {
        sql: `SELECT user_id FROM rota_members WHERE rota_id = (SELECT id FROM rotas WHERE name = 'Bench duty') ORDER BY position`,
      },
    ],
  },
  {
    name: "onCall.now",
    what: "who is on call now in every rota (the queue header and the staff home)",
    as: "agent@attain.test",
    method: "GET",
    path: "/api/trpc/onCall.now",
    budget: BUDGETS.interactive,
    rawSql: [{ sql: `SELECT * FROM rotas ORDER BY region, name` }],
  },
  {
    name: "onCall.pages",
    what: "the pages waiting for an engineer and the latest 50 of the paging log with their steps",
    as: "agent@attain.test",
    method: "GET",
    path: `/api/trpc/onCall.pages?input=${encodeURIComponent(JSON.stringify({ json: { limit: 50 } }))}`,
    budget: BUDGETS.interactive,
    rawSql: [
      {
        sql: `SELECT p.*, t.subject FROM on_call_pages p JOIN tickets t ON t.id = p.ticket_id ORDER BY p.triggered_at DESC, p.id DESC LIMIT 50`,
      },
    ],
  },
  // SLA dashboards (issue 9): rollups per month x tier x region x priority x product area, so the
  // cost does not grow with the ticket count; drill-down reads the per-ticket facts by outcome time.
  ...(() => {
    const quarter = SLA_BENCH_QUARTER;
    const input = (extra: Record<string, unknown> = {}) =>
      encodeURIComponent(JSON.stringify({ json: { period: { kind: "quarter", quarter: quarter.key }, ...extra } }));
    const months = quarter.months.map((m) => `'${m}'`).join(",");
    const before = quarter.previousMonths.map((m) => `'${m}'`).join(",");
    const cells = (list: string, where = "") => ({
      sql: `SELECT metric, month, tier_id, priority, sum(met), sum(breached), sum(excluded), sum(band0), sum(band1), sum(band2), sum(band3), sum(band4), sum(band5), sum(band6)
            FROM sla_rollups WHERE month IN (${list}) ${where} GROUP BY metric, month, tier_id, priority`,
    });
    const aged = {
      sql: `SELECT t.id FROM tickets t JOIN organizations o ON o.id = t.organization_id WHERE t.next_due_at IS NOT NULL AND t.outside_sla = 0 AND t.next_due_at < ? AND +t.status IN ${OPEN}`,
      params: (c: EntryContext) => [c.now],
    };
    return [
      {
        name: "sla.dashboard",
        what: `an executive's /sla for ${quarter.key} against the quarter before: attainment tiles, heatmap, first-response bands, breaches by area and category, at risk now, satisfaction, availability and credits`,
        as: "exec@attain.test",
        method: "GET",
        path: `/api/trpc/sla.dashboard?input=${input()}`,
        budget: BUDGETS.dashboard,
        rawSql: [
          cells(months),
          cells(before),
          aged,
          {
            sql: `SELECT product_area, category, sum(breached) FROM sla_breach_rollups WHERE month IN (${months}) GROUP BY product_area, category`,
          },
          { sql: `SELECT sum(ratings), sum(score_sum) FROM satisfaction_rollups WHERE month IN (${months})` },
        ],
      },
      {
        name: "sla.dashboard.enterprise-p0",
        what: `/sla filtered to Enterprise P0 for ${quarter.key}`,
        as: "exec@attain.test",
        method: "GET",
        path: `/api/trpc/sla.dashboard?input=${input({ tierCode: "enterprise", priority: "P0" })}`,
        budget: BUDGETS.dashboard,
        rawSql: [
          cells(months, "AND tier_id = (SELECT id FROM tiers WHERE code = 'enterprise') AND priority = 'P0'"),
          cells(before, "AND tier_id = (SELECT id FROM tiers WHERE code = 'enterprise') AND priority = 'P0'"),
        ],
      },
      {
        name: "sla.atRisk",
        what: "/sla tickets at risk now: open tickets by due time against per-target thresholds (one calendar computation per target)",
        as: "exec@attain.test",
        method: "GET",
        path: `/api/trpc/sla.atRisk?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
        budget: BUDGETS.dashboard,
        rawSql: [
          {
            sql: `SELECT t.target_version_id, o.calendar_id, t.priority, t.fr_status, t.fr_achieved_at, t.fr_due_at, t.wa_status, t.wa_achieved_at, t.wa_due_at, t.res_status, t.res_achieved_at, t.res_due_at
                  FROM tickets t CROSS JOIN organizations o ON o.id = t.organization_id
                  WHERE t.next_due_at IS NOT NULL AND t.outside_sla = 0 AND t.next_due_at >= ? AND t.next_due_at < ? AND +t.status IN ${OPEN} AND t.exclusion_reason IS NULL`,
            params: (c: EntryContext) => [c.now, c.now + 14 * 86_400_000],
          },
        ],
      },
      {
        name: "sla.availability",
        what: `/sla availability per tier and credits owed, ${quarter.key} and the quarter before (the availability service over every organization)`,
        as: "exec@attain.test",
        method: "GET",
        path: `/api/trpc/sla.availability?input=${input()}`,
        budget: BUDGETS.dashboard,
        rawSql: [
          {
            sql: `SELECT o.id, o.region, t.code, t.availability_commitment, t.credit_schedule FROM organizations o JOIN tiers t ON t.id = o.tier_id ORDER BY o.name`,
          },
          {
            sql: `SELECT id, started_at, ended_at, planned, announced_at, all_organizations, regions FROM incidents WHERE started_at < ? AND (ended_at IS NULL OR ended_at > ?)`,
            params: () => [quarter.to, quarter.from],
          },
        ],
      },
      {
        name: "sla.trend",
        what: "the attainment trend per tier by month over 24 months",
        as: "exec@attain.test",
        method: "GET",
        path: `/api/trpc/sla.trend?input=${input()}`,
        budget: BUDGETS.dashboard,
        rawSql: [cells(quarter.trendMonths.map((m) => `'${m}'`).join(",")), aged],
      },
      {
        name: "sla.tickets",
        what: `drill-down: Enterprise P0 first-response breaches in ${quarter.key}, newest 100`,
        as: "exec@attain.test",
        method: "GET",
        path: `/api/trpc/sla.tickets?input=${input({ tierCode: "enterprise", priority: "P0", metric: "firstResponse", outcome: "breached" })}`,
        budget: BUDGETS.dashboard,
        rawSql: [
          {
            sql: `SELECT ticket_id, fr_at FROM ticket_sla_facts WHERE fr_outcome = 'breached' AND excluded = 0 AND fr_at >= ? AND fr_at < ? AND tier_id = (SELECT id FROM tiers WHERE code = 'enterprise') AND priority = 'P0' ORDER BY fr_at DESC LIMIT 100`,
            params: () => [quarter.from, quarter.to],
          },
        ],
      },
      {
        name: "sla.ourService",
        what: `a customer's /organization/sla for ${quarter.key}: their organization's attainment per metric and priority, month by month and for the quarter, availability and credits due`,
        as: "dev@nimbus.example",
        method: "GET",
        path: `/api/trpc/sla.ourService?input=${encodeURIComponent(JSON.stringify({ json: { quarter: quarter.key } }))}`,
        budget: BUDGETS.dashboard,
        rawSql: [
          ...(["fr", "wa", "res"] as const).map((m) => ({
            sql: `SELECT ${m}_month, priority, sum(excluded = 0 AND ${m}_outcome = 'met'), sum(excluded = 0 AND ${m}_outcome = 'breached'), sum(excluded) FROM ticket_sla_facts WHERE organization_id = ? AND +${m}_outcome IN ('met', 'breached') AND ${m}_at >= ? AND ${m}_at < ? GROUP BY 1, 2`,
            params: (c: EntryContext) => [c.user?.organizationId, quarter.from, quarter.to],
          })),
          {
            sql: `SELECT id, started_at, ended_at, planned, announced_at, all_organizations, regions FROM incidents WHERE started_at < ? AND (ended_at IS NULL OR ended_at > ?)`,
            params: () => [quarter.to, quarter.from],
          },
        ],
      },
    ] satisfies BenchEntry[];
  })(),
  // Issue 8: generating a review for an organization with ~5,000 tickets in the quarter must take
  // under 300 ms. The scale seed gives Nimbus Live (organization 1, am@attain.test's) a tenth of all
  // tickets, about 8,200 a quarter. A review is generated once per organization and quarter, by one
  // account manager: the entry generates the last REVIEW_QUARTERS.length ended quarters one after
  // another over HTTP (snapshot, stored review, carried action items, audit), the real operation.
  {
    name: "reviews.generate",
    what: `the account manager generates Nimbus Live's service reviews of ${REVIEW_QUARTERS[0]}-${REVIEW_QUARTERS.at(-1)} (~8,200 tickets each), one after another: attainment (the quarter and the one before), volume, every breach, availability, satisfaction, KB gaps, alerts, health, stored as the review`,
    as: "am@attain.test",
    method: "POST",
    path: "/api/trpc/reviews.generate",
    contentType: "application/json",
    body: (ctx) =>
      JSON.stringify({ json: { organizationId: 1, quarter: REVIEW_QUARTERS[ctx.seq % REVIEW_QUARTERS.length] } }),
    budget: { kind: "review generation", p95Ms: 300 },
    sequence: {
      requests: REVIEW_QUARTERS.length,
      reset: (db) => {
        const quarters = JSON.stringify(REVIEW_QUARTERS);
        // Action items go with their review (ON DELETE CASCADE).
        db.prepare(`DELETE FROM reviews WHERE organization_id = 1 AND quarter IN (SELECT value FROM json_each(?))`).run(
          quarters,
        );
      },
    },
    rawSql: REVIEW_RAW_SQL,
  },
  {
    // The same figures computed without storing them, ten requests at a time: what ten account
    // managers opening previews at once would cost. No budget in the issue for this.
    name: "reviews.preview",
    what: `ten at a time: the ${SLA_BENCH_QUARTER.key} figures of Nimbus Live computed as generation would freeze them, stored nowhere (~390 kB of JSON with its ~2,000 breaches)`,
    as: "am@attain.test",
    method: "GET",
    path: `/api/trpc/reviews.preview?input=${encodeURIComponent(JSON.stringify({ json: { organizationId: 1, quarter: SLA_BENCH_QUARTER.key } }))}`,
    budget: { kind: "none", reason: "concurrency figure for the review entry above; the issue budgets one generation" },
    rawSql: REVIEW_RAW_SQL,
  },
  ...(
    [
      {
        name: "kb.search",
        q: "android quick start",
        match: '"android" AND "quick" AND "start"',
        codes: [] as string[],
        what: "an anonymous visitor searches the knowledge base in English",
      },
      {
        name: "kb.search.zh",
        q: "网络延迟",
        match: '"网络" AND "延迟"',
        codes: [] as string[],
        what: "an anonymous visitor searches in Chinese (segmented two-character words)",
      },
      {
        name: "kb.search.code",
        q: "error 110",
        match: '"error" AND "110"',
        codes: ["110"],
        what: "an anonymous visitor searches an SDK error code (exact code match first)",
      },
      {
        // Nothing matches the typed word, so the search counts it, builds the "did you mean" and
        // answers with the correction's results (the queries below are the correction's).
        name: "kb.search.corrected",
        q: "andriod",
        match: '"android"',
        codes: [] as string[],
        what: "an anonymous visitor misspells a word and is shown the corrected query's results",
        correct: true,
      },
      {
        // A repeated query is answered by the read cache (until the next write). This one is typed
        // with other capitals each time (seq's bits pick them; 2^17 ways), which the search treats
        // alike and the cache, keyed by what was typed, does not hold: every request ranks, counts
        // and cuts snippets again.
        name: "kb.search.uncached",
        q: "android quick start",
        match: '"android" AND "quick" AND "start"',
        codes: [] as string[],
        what: "an anonymous visitor searches in English, typed as the read cache does not hold it",
        vary: true,
      },
    ] as const
  ).map((k): BenchEntry => ({
    name: k.name,
    what: `${k.what}: kb.search "${k.q}" (FTS5 bm25, a count of all matches for the pages, snippets, visibility filter)`,
    as: null,
    method: "GET",
    path: kbSearchPath({ q: k.q, preferLocale: "en", ...("correct" in k ? { correct: true } : {}) }),
    ...("vary" in k
      ? {
          pathOf: (seq: number) => kbSearchPath({ q: capitalsOf(k.q, seq), preferLocale: "en" }),
        }
      : {}),
    budget: BUDGETS.search,
    rawSql: [
      {
        // The total behind "Page N of M": every match, an article matched by code and text once.
        sql: `SELECT count(*) AS n FROM (${k.codes.length ? "SELECT a.id FROM articles a WHERE a.id IN (SELECT article_id FROM article_error_codes WHERE code IN (?)) AND a.status = 'published' AND a.internal = 0 UNION " : ""}SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? AND a.status = 'published' AND a.internal = 0)`,
        params: () => [...k.codes, k.match],
      },
      {
        sql: `SELECT a.id, a.slug, a.locale, a.title, a.summary, bm25(articles_fts, 10.0, 1.0, 5.0) AS score FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                WHERE articles_fts MATCH ? AND a.status = 'published' AND a.internal = 0 ORDER BY (a.locale = 'en') DESC, score LIMIT 20`,
        params: () => [k.match],
      },
      ...(k.codes.length
        ? [
            {
              sql: `SELECT a.id FROM articles a WHERE a.id IN (SELECT article_id FROM article_error_codes WHERE code = ?) AND a.status = 'published' AND a.internal = 0 LIMIT 20`,
              params: () => [k.codes[0]],
            },
          ]
        : []),
    ],
  })),
];

/** `text` with the letters whose position among the letters is a set bit of `bits` in capitals. */
export function capitalsOf(text: string, bits: number): string {
  let letter = 0;
  return text.replace(/[a-z]/g, (c) => ((bits >> letter++) & 1 ? c.toUpperCase() : c));
}

function kbSearchPath(input: Record<string, unknown>): string {
  return `/api/trpc/kb.search?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

/** Pages whose first-load JavaScript (compressed) is measured, as the account that opens them. */
export const PAGES: { path: string; as: DemoEmail | null }[] = [
  { path: "/signin", as: null },
  { path: "/", as: "dev@nimbus.example" },
  { path: "/", as: "agent@attain.test" },
  { path: "/tickets", as: "agent@attain.test" },
  { path: "/tickets/new", as: "dev@nimbus.example" },
  { path: "/queue", as: "agent@attain.test" },
  { path: `/tickets/${TICKET_PAGE_ID}`, as: "agent@attain.test" },
  { path: "/kb", as: null },
  { path: "/admin", as: "admin@attain.test" },
  { path: "/admin/people", as: "admin@attain.test" },
  { path: "/on-call", as: "agent@attain.test" },
  { path: "/on-call/rotas", as: "manager@attain.test" },
  { path: "/sla", as: "exec@attain.test" },
];
