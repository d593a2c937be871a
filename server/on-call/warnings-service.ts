/**
 * The at-risk and breach warnings job. Each pass reads, by the queue's partial index on
 * next_due_at, only tickets due between the start of its breach window (the last pass) and the
 * furthest at-risk threshold ahead; warns the assignee (or the primary on call) when a running
 * target has `percent` % of its time left, and the manager of the ticket's rota at breach (with no
 * rota covering the ticket the warning is recorded, for nobody);
 * and records each warning in sla_warnings, so a target is warned once, however often the pass
 * runs or re-runs after a crash. Paused, met, excluded and outside-SLA targets are never warned.
 */
import { and, eq, sql } from "drizzle-orm";
import { notifications, organizations, slaWarnings, tickets, users } from "@/db/schema";
import { OPEN_STATUS_SQL_LIST, type Metric, type SlaWarningKind } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import { mailTime, portalLink } from "@/server/identity/mail";
import { RAW_TARGET_COLUMNS, riskThresholds, thresholdKey } from "@/server/sla/risk-thresholds";
import { enqueueWebhookEvent } from "@/server/webhooks/enqueue";
import { onCallInRota, rotaForTicket, unavailableOf } from "./load";
import { queueOnCallMail } from "./mail";
import { atRiskPercent } from "./settings";
import { warningFor } from "./warnings";

/** On the first pass (no watermark), breaches of the last hour are still warned. */
export const FIRST_PASS_LOOKBACK_MS = 3_600_000;

type Writer = Pick<Db, "select" | "insert" | "update">;

/** One warning pass at `now`; `since` is the last pass's `now`. Returns how many warnings were sent. */
export function warnDueTargets(db: Db, now: Date, since: Date | null): number {
  const percent = atRiskPercent(db);
  const { map, horizon } = riskThresholds(db, now, percent);
  const n = now.getTime();
  const windowStart = since ? since.getTime() : n - FIRST_PASS_LOOKBACK_MS;
  const rows = dueTargetsQuery(db, windowStart, horizon).all();
  // Most at-risk targets a pass reads were warned by an earlier pass: a lookup by the primary key
  // skips them before the transaction (which still refuses a duplicate if two passes race).
  const warned = db
    .select({ one: sql<number>`1` })
    .from(slaWarnings)
    .where(
      and(
        eq(slaWarnings.ticketId, sql.placeholder("t")),
        eq(slaWarnings.metric, sql.placeholder("m")),
        eq(slaWarnings.kind, sql.placeholder("k")),
        eq(slaWarnings.dueAt, sql.placeholder("d")),
      ),
    )
    .prepare();
  let sent = 0;
  for (const r of rows) {
    const th = map.get(thresholdKey(r.v, r.c, r.p));
    const metrics: [Metric, { status: string | null; achievedAt: number | null; dueAt: number | null }][] = [
      ["firstResponse", { status: r.fs, achievedAt: r.fa, dueAt: r.fd }],
      ["workaround", { status: r.ws, achievedAt: r.wa, dueAt: r.wd }],
      ["resolution", { status: r.rs, achievedAt: r.ra, dueAt: r.rd }],
    ];
    metrics.forEach(([metric, state], i) => {
      const kind = warningFor(state, n, th?.[i], windowStart);
      if (!kind || warned.get({ t: r.id, m: metric, k: kind, d: state.dueAt })) return;
      sent += warnOnce(db, r.id, metric, kind, new Date(state.dueAt!), percent, now) ? 1 : 0;
    });
  }
  return sent;
}

/**
 * The tickets one pass reads: running targets due between `windowStart` (the last pass) and
 * `horizon` (the furthest at-risk threshold ahead), by the partial index tickets_open_due_idx.
 * Exported for the benchmark, which reports its query plan at 1,000,000 tickets.
 */
export function dueTargetsQuery(db: Pick<Db, "select">, windowStart: number, horizon: number) {
  return db
    .select({
      id: tickets.id,
      ...RAW_TARGET_COLUMNS,
      c: organizations.calendarId,
    })
    .from(tickets)
    .crossJoin(organizations)
    .where(
      and(
        eq(organizations.id, tickets.organizationId),
        // Literally the partial index's predicate (tickets_open_due_idx), and a range on its key.
        sql`${tickets.nextDueAt} is not null and ${tickets.outsideSla} = 0 and ${tickets.nextDueAt} > ${windowStart} and ${tickets.nextDueAt} < ${horizon}`,
        sql`+${tickets.status} in (${sql.raw(OPEN_STATUS_SQL_LIST)}) and ${tickets.exclusionReason} is null`,
      ),
    );
}

/** Records and sends one warning in its own transaction, unless this target was already warned. */
function warnOnce(
  db: Db,
  ticketId: number,
  metric: Metric,
  kind: SlaWarningKind,
  dueAt: Date,
  percent: number,
  now: Date,
): boolean {
  return db.transaction((tx) => {
    const facts = tx
      .select({
        subject: tickets.subject,
        priority: tickets.priority,
        assigneeId: tickets.assigneeId,
        organization: organizations.name,
      })
      .from(tickets)
      .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
      .where(eq(tickets.id, ticketId))
      .get();
    if (!facts) return false;
    const rota = rotaForTicket(tx, ticketId);
    // Nobody is warned who can no longer act: a deactivated assignee's ticket warns the engineer on call.
    const gone = new Set(unavailableOf(tx, [facts.assigneeId, rota?.managerId ?? null]));
    const assignee = facts.assigneeId !== null && !gone.has(facts.assigneeId) ? facts.assigneeId : null;
    const recipients = (
      kind === "at_risk"
        ? [assignee ?? (rota ? onCallInRota(tx, rota, now).primary : null)]
        : [rota && !gone.has(rota.managerId) ? rota.managerId : null]
    ).filter((x): x is number => x !== null);
    const inserted = tx
      .insert(slaWarnings)
      .values({ ticketId, metric, kind, dueAt, userId: recipients[0] ?? null, warnedAt: now })
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 0) return false;
    notify(tx, recipients, { ticketId, metric, kind, dueAt, percent, ...facts }, now);
    return true;
  });
}

function notify(
  tx: Writer,
  recipients: number[],
  w: {
    ticketId: number;
    metric: Metric;
    kind: SlaWarningKind;
    dueAt: Date;
    percent: number;
    subject: string;
    priority: string;
    organization: string;
  },
  now: Date,
): void {
  for (const id of recipients) {
    const person = tx
      .select({ email: users.email, locale: users.locale, timeZone: users.timeZone })
      .from(users)
      .where(eq(users.id, id))
      .get();
    if (!person) continue;
    tx.insert(notifications)
      .values({
        userId: id,
        ticketId: w.ticketId,
        kind: w.kind === "at_risk" ? "at_risk" : "breach_warning",
        createdAt: now,
      })
      .run();
    queueOnCallMail(
      tx,
      person.email,
      w.kind === "at_risk" ? "atRisk" : "breach",
      person.locale,
      {
        id: w.ticketId,
        subject: w.subject,
        priority: w.priority,
        organization: w.organization,
        metric: w.metric,
        percent: w.percent,
        due: mailTime(w.dueAt, person.locale, person.timeZone),
        link: portalLink(`/tickets/${w.ticketId}`),
      },
      now,
    );
  }
  enqueueWebhookEvent(
    tx,
    w.kind === "at_risk" ? "at_risk" : "breach",
    {
      ticketId: w.ticketId,
      subject: w.subject,
      priority: w.priority,
      organization: w.organization,
      metric: w.metric,
      dueAt: w.dueAt.toISOString(),
      link: portalLink(`/tickets/${w.ticketId}`),
    },
    now,
  );
}
