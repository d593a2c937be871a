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
import { calendars, notifications, organizations, slaWarnings, targetVersions, tickets, users } from "@/db/schema";
import { METRICS, OPEN_STATUS_SQL_LIST, PRIORITIES, type Metric, type SlaWarningKind } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import { mailTime, portalLink } from "@/server/identity/mail";
import { loadCalendar, loadTargets } from "@/server/sla/load";
import { enqueueWebhookEvent } from "@/server/webhooks/enqueue";
import { onCallInRota, rotaForTicket } from "./load";
import { queueOnCallMail } from "./mail";
import { atRiskPercent } from "./settings";
import { atRiskThreshold, warningFor } from "./warnings";

/** On the first pass (no watermark), breaches of the last hour are still warned. */
export const FIRST_PASS_LOOKBACK_MS = 3_600_000;

type Writer = Pick<Db, "select" | "insert" | "update">;

/** Threshold per target version, calendar and priority (one per metric), and the furthest one. */
function thresholds(db: Db, now: Date, percent: number) {
  const map = new Map<string, (number | undefined)[]>();
  let horizon = now.getTime();
  const versions = db.select({ id: targetVersions.id }).from(targetVersions).all();
  for (const { id: calendarId } of db.select({ id: calendars.id }).from(calendars).all()) {
    const calendar = loadCalendar(db, calendarId);
    for (const { id: versionId } of versions) {
      const targets = loadTargets(db, versionId, calendar);
      for (const p of PRIORITIES) {
        const th = METRICS.map((m) => {
          const target = targets[p][m];
          return target ? atRiskThreshold(now, target, percent).getTime() : undefined;
        });
        for (const x of th) if (x !== undefined) horizon = Math.max(horizon, x);
        map.set(`${versionId}|${calendarId}|${p}`, th);
      }
    }
  }
  return { map, horizon };
}

/** One warning pass at `now`; `since` is the last pass's `now`. Returns how many warnings were sent. */
export function warnDueTargets(db: Db, now: Date, since: Date | null): number {
  const percent = atRiskPercent(db);
  const { map, horizon } = thresholds(db, now, percent);
  const n = now.getTime();
  const windowStart = since ? since.getTime() : n - FIRST_PASS_LOOKBACK_MS;
  const rows = db
    .select({
      id: tickets.id,
      v: tickets.targetVersionId,
      c: organizations.calendarId,
      p: tickets.priority,
      fs: tickets.frStatus,
      fa: sql<number | null>`${tickets.frAchievedAt}`,
      fd: sql<number | null>`${tickets.frDueAt}`,
      ws: tickets.waStatus,
      wa: sql<number | null>`${tickets.waAchievedAt}`,
      wd: sql<number | null>`${tickets.waDueAt}`,
      rs: tickets.resStatus,
      ra: sql<number | null>`${tickets.resAchievedAt}`,
      rd: sql<number | null>`${tickets.resDueAt}`,
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
    )
    .all();
  let sent = 0;
  for (const r of rows) {
    const th = map.get(`${r.v}|${r.c}|${r.p}`);
    const metrics: [Metric, { status: string | null; achievedAt: number | null; dueAt: number | null }][] = [
      ["firstResponse", { status: r.fs, achievedAt: r.fa, dueAt: r.fd }],
      ["workaround", { status: r.ws, achievedAt: r.wa, dueAt: r.wd }],
      ["resolution", { status: r.rs, achievedAt: r.ra, dueAt: r.rd }],
    ];
    metrics.forEach(([metric, state], i) => {
      const kind = warningFor(state, n, th?.[i], windowStart);
      if (kind) sent += warnOnce(db, r.id, metric, kind, new Date(state.dueAt!), percent, now) ? 1 : 0;
    });
  }
  return sent;
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
    const recipients =
      kind === "at_risk"
        ? [facts.assigneeId ?? (rota ? onCallInRota(tx, rota, now).primary : null)].filter(
            (x): x is number => x !== null,
          )
        : rota
          ? [rota.managerId]
          : [];
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
