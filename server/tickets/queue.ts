import { and, asc, eq, gt, isNull, or, sql, type SQL } from "drizzle-orm";
import { organizations, tickets, tiers, users } from "@/db/schema";
import { OPEN_UNDER_SLA } from "@/db/schema/tickets";
import type { EscalationLevel, ProductArea, Region, TierCode } from "@/db/schema/enums";
import type { SessionUser } from "@/server/auth/session";
import { cachedRead } from "@/server/cache/read-cache";
import type { Db } from "@/server/db";
import { slaRiskState, type Metric, type MetricOutcome, type Priority, type SlaTargets } from "@/server/sla/evaluate";
import { loadCalendar, loadTargets } from "@/server/sla/load";

export type QueueFilters = {
  tier?: TierCode;
  priority?: Priority;
  level?: EscalationLevel;
  assignee?: "mine" | "unassigned";
  productArea?: ProductArea;
  region?: Region;
  /** Every ticket of one application (the fault details' App ID), exactly. */
  appId?: string;
  cursor?: { nextDueAt: Date; id: number } | null;
  limit: number;
};

const METRIC_COLUMNS: [Metric, "fr" | "wa" | "res"][] = [
  ["firstResponse", "fr"],
  ["workaround", "wa"],
  ["resolution", "res"],
];

/**
 * The staff queue: every open ticket ordered by the nearest due time of any open metric (breached
 * first, since theirs are in the past), with keyset pagination on (next_due_at, id). Each row says
 * whether it is breached or at risk (25 % or less of the target left) now. The rows, the count and
 * the rows' targets do not depend on `now` and are held by the read cache until the next write;
 * breached and at risk are worked out at `now` on every call.
 */
export function listQueue(db: Db, user: SessionUser, f: QueueFilters, now: Date) {
  const page = cachedRead(db, "tickets.queue", { f, mine: f.assignee === "mine" ? user.id : null }, () =>
    queuePage(db, user, f),
  );
  const items = page.rows.slice(0, f.limit).map((r) => {
    const targets = page.targets[`${r.targetVersionId}:${r.calendarId}`]!;
    let breached = false;
    let atRisk = false;
    let nextMetric: Metric | null = null;
    for (const [metric, p] of METRIC_COLUMNS) {
      const dueAt = r[`${p}DueAt`];
      const status = r[`${p}Status`];
      if (!dueAt || !status || r[`${p}AchievedAt`]) continue;
      if (r.nextDueAt && dueAt.getTime() === r.nextDueAt.getTime()) nextMetric ??= metric;
      if (status === "breached" || dueAt < now) {
        breached = true;
        continue;
      }
      const target = targets[r.priority][metric];
      const outcome: MetricOutcome = { dueAt, achievedAt: null, status };
      if (target && slaRiskState(outcome, target, now)?.state === "atRisk") atRisk = true;
    }
    return {
      id: r.id,
      subject: r.subject,
      priority: r.priority,
      status: r.status,
      escalationLevel: r.escalationLevel,
      productArea: r.productArea,
      createdAt: r.createdAt,
      nextDueAt: r.nextDueAt!,
      nextMetric,
      organization: r.organization,
      region: r.region,
      tier: r.tier,
      assignee: r.assignee,
      breached,
      atRisk: !breached && atRisk,
    };
  });
  const last = page.rows.slice(0, f.limit).at(-1);
  return {
    items,
    total: page.total,
    nextCursor: page.rows.length > f.limit && last?.nextDueAt ? { nextDueAt: last.nextDueAt, id: last.id } : null,
  };
}

/** The queue's rows (one more than the page, to tell whether another follows), its count and each row's targets: everything but `now`. */
function queuePage(db: Db, user: SessionUser, f: QueueFilters) {
  const conds: (SQL | undefined)[] = [
    sql.raw(OPEN_UNDER_SLA.replace(/"(status|outside_sla|next_due_at)"/g, '"tickets"."$1"')),
  ];
  if (f.priority) conds.push(eq(tickets.priority, f.priority));
  if (f.level) conds.push(eq(tickets.escalationLevel, f.level));
  if (f.assignee === "mine") conds.push(eq(tickets.assigneeId, user.id));
  if (f.assignee === "unassigned") conds.push(isNull(tickets.assigneeId));
  if (f.productArea) conds.push(eq(tickets.productArea, f.productArea));
  if (f.region) conds.push(eq(organizations.region, f.region));
  if (f.tier) conds.push(eq(tiers.code, f.tier));
  if (f.appId) conds.push(eq(tickets.appId, f.appId));
  if (f.cursor)
    conds.push(
      or(
        gt(tickets.nextDueAt, f.cursor.nextDueAt),
        and(eq(tickets.nextDueAt, f.cursor.nextDueAt), gt(tickets.id, f.cursor.id)),
      ),
    );
  const rows = db
    .select({
      id: tickets.id,
      subject: tickets.subject,
      priority: tickets.priority,
      status: tickets.status,
      escalationLevel: tickets.escalationLevel,
      productArea: tickets.productArea,
      createdAt: tickets.createdAt,
      nextDueAt: tickets.nextDueAt,
      targetVersionId: tickets.targetVersionId,
      calendarId: organizations.calendarId,
      organization: organizations.name,
      region: organizations.region,
      tier: tiers.code,
      assignee: users.name,
      frDueAt: tickets.frDueAt,
      frAchievedAt: tickets.frAchievedAt,
      frStatus: tickets.frStatus,
      waDueAt: tickets.waDueAt,
      waAchievedAt: tickets.waAchievedAt,
      waStatus: tickets.waStatus,
      resDueAt: tickets.resDueAt,
      resAchievedAt: tickets.resAchievedAt,
      resStatus: tickets.resStatus,
    })
    .from(tickets)
    .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
    .innerJoin(tiers, eq(tiers.id, organizations.tierId))
    .leftJoin(users, eq(users.id, tickets.assigneeId))
    .where(and(...conds))
    .orderBy(asc(tickets.nextDueAt), asc(tickets.id))
    .limit(f.limit + 1)
    .all();

  const targets: Record<string, SlaTargets> = {};
  for (const r of rows) {
    const key = `${r.targetVersionId}:${r.calendarId}`;
    targets[key] ??= loadTargets(db, r.targetVersionId, loadCalendar(db, r.calendarId));
  }
  return { rows, total: countQueue(db, user, f), targets };
}

/**
 * How many tickets the queue view holds. Written as SQL with INDEXED BY: SQLite's planner otherwise
 * counts through the (status, ...) index and reads every open ticket's row, ~100x slower at 1M tickets.
 * The partial index holds status (migration 0006), so without further filters the count never reads the table.
 */
function countQueue(db: Db, user: SessionUser, f: QueueFilters): number {
  const where = [OPEN_UNDER_SLA.replace(/"(status|outside_sla|next_due_at)"/g, '"t"."$1"')];
  const params: (string | number)[] = [];
  if (f.priority) {
    where.push("t.priority = ?");
    params.push(f.priority);
  }
  if (f.level) {
    where.push("t.escalation_level = ?");
    params.push(f.level);
  }
  if (f.assignee === "mine") {
    where.push("t.assignee_id = ?");
    params.push(user.id);
  }
  if (f.assignee === "unassigned") where.push("t.assignee_id IS NULL");
  if (f.productArea) {
    where.push("t.product_area = ?");
    params.push(f.productArea);
  }
  if (f.appId) {
    where.push("t.app_id = ?");
    params.push(f.appId);
  }
  let from = "tickets t INDEXED BY tickets_open_due_idx";
  if (f.tier || f.region)
    from += " JOIN organizations o ON o.id = t.organization_id JOIN tiers tr ON tr.id = o.tier_id";
  if (f.region) {
    where.push("o.region = ?");
    params.push(f.region);
  }
  if (f.tier) {
    where.push("tr.code = ?");
    params.push(f.tier);
  }
  const row = db.$client.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${where.join(" AND ")}`).get(...params) as {
    n: number;
  };
  return row.n;
}
