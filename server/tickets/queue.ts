import { and, asc, desc, eq, gte, gt, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { organizations, tickets, tiers, users } from "@/db/schema";
import { OPEN_UNDER_SLA } from "@/db/schema/tickets";
import type {
  EscalationLevel,
  OPEN_TICKET_STATUSES,
  ProductArea,
  QueueSort,
  Region,
  TierCode,
} from "@/db/schema/enums";
import type { SessionUser } from "@/server/auth/session";
import { cachedRead } from "@/server/cache/read-cache";
import type { Db } from "@/server/db";
import { slaRiskState, type Metric, type MetricOutcome, type Priority, type SlaTargets } from "@/server/sla/evaluate";
import { loadCalendar, loadTargets } from "@/server/sla/load";
import {
  decodeUrgencyCursor,
  encodeUrgencyCursor,
  mergeByUrgency,
  QUEUE_PRIORITIES,
  type QueueSection,
  type UrgencyCursor,
} from "./queue-order";

export type QueueFilters = {
  tier?: TierCode;
  priority?: Priority;
  level?: EscalationLevel;
  /** Mine, nobody's, or one colleague's (a user id). */
  assignee?: "mine" | "unassigned" | number;
  productArea?: ProductArea;
  region?: Region;
  status?: (typeof OPEN_TICKET_STATUSES)[number];
  /** Every ticket of one application (the fault details' App ID), exactly. */
  appId?: string;
};

export type QueueQuery = QueueFilters & {
  sort?: QueueSort;
  /** Where the due section's page starts (from the previous page's `nextCursor`). */
  cursor?: string | null;
  /** Where the breached section's page starts. */
  breachedCursor?: string | null;
  limit: number;
};

const METRIC_COLUMNS: [Metric, "fr" | "wa" | "res"][] = [
  ["firstResponse", "fr"],
  ["workaround", "wa"],
  ["resolution", "res"],
];

const MINUTE = 60_000;
const requesters = alias(users, "requester");

/**
 * The staff queue in two sections: tickets still due, and breached tickets (in their own section,
 * so they stay visible), each ordered by the chosen sort (by default urgency: priority weighed with
 * due time, server/tickets/queue-order.ts) with keyset pagination. Each row says whether it is
 * breached or at risk (25 % or less of the target left) now. The rows, counts and targets are held
 * by the read cache until the next write, per minute (the boundary between the sections moves by
 * the minute; breached and at risk are worked out at `now` on every call).
 */
export function listQueue(db: Db, user: SessionUser, q: QueueQuery, now: Date) {
  const boundary = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE);
  const page = cachedRead(
    db,
    "tickets.queue",
    { q, mine: q.assignee === "mine" ? user.id : null, boundary: boundary.getTime() },
    () => {
      const due = sectionPage(db, user, q, "due", q.cursor ?? null, boundary);
      const breached = sectionPage(db, user, q, "breached", q.breachedCursor ?? null, boundary);
      const targets: Record<string, SlaTargets> = {};
      for (const r of [...due.rows, ...breached.rows]) {
        const key = `${r.targetVersionId}:${r.calendarId}`;
        targets[key] ??= loadTargets(db, r.targetVersionId, loadCalendar(db, r.calendarId));
      }
      return { due, breached, targets };
    },
    // The rows are only read: each view's items are new objects (describeRow).
    { readOnly: true },
  );
  const section = (s: typeof page.due) => ({
    items: s.rows.map((r) => describeRow(r, page.targets[`${r.targetVersionId}:${r.calendarId}`]!, now)),
    total: s.total,
    nextCursor: s.nextCursor,
  });
  const due = section(page.due);
  const breached = section(page.breached);
  return { total: due.total + breached.total, due, breached };
}

type Row = ReturnType<typeof selectRows>[number];

/**
 * One row as the queue shows it: which metric is next, breached or at risk at `now`, and whether
 * the next one is paused (waiting on the customer: its clock stands still, so it is never breached
 * by time passing; server/sla/paused.ts keeps its stored due time ahead of now).
 */
function describeRow(r: Row, targets: SlaTargets, now: Date) {
  let breached = false;
  let atRisk = false;
  let nextMetric: Metric | null = null;
  let paused = false;
  for (const [metric, p] of METRIC_COLUMNS) {
    const dueAt = r[`${p}DueAt`];
    const status = r[`${p}Status`];
    if (!dueAt || !status || r[`${p}AchievedAt`]) continue;
    if (dueAt.getTime() === r.nextDueAt.getTime() && nextMetric === null) {
      nextMetric = metric;
      paused = status === "paused";
    }
    if (status === "breached" || (status === "running" && dueAt < now)) {
      breached = true;
      continue;
    }
    // A paused due time behind now is one the next pass moves later: its time left is not known yet.
    if (dueAt < now) continue;
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
    updatedAt: r.updatedAt,
    nextDueAt: r.nextDueAt,
    nextMetric,
    organization: r.organization,
    region: r.region,
    tier: r.tier,
    requester: r.requester,
    assignee: r.assignee,
    assigneeId: r.assigneeId,
    appId: r.appId,
    breached,
    atRisk: !breached && atRisk,
    paused: !breached && paused,
  };
}

/** The filters as Drizzle conditions, with the section's side of `boundary`. */
function conditions(user: SessionUser, f: QueueFilters, section: QueueSection, boundary: Date): (SQL | undefined)[] {
  const conds: (SQL | undefined)[] = [
    sql.raw(OPEN_UNDER_SLA.replace(/"(status|outside_sla|next_due_at)"/g, '"tickets"."$1"')),
    section === "due" ? gte(tickets.nextDueAt, boundary) : lt(tickets.nextDueAt, boundary),
  ];
  if (f.priority) conds.push(eq(tickets.priority, f.priority));
  if (f.level) conds.push(eq(tickets.escalationLevel, f.level));
  if (f.status) conds.push(eq(tickets.status, f.status));
  if (f.assignee === "mine") conds.push(eq(tickets.assigneeId, user.id));
  else if (f.assignee === "unassigned") conds.push(isNull(tickets.assigneeId));
  else if (typeof f.assignee === "number") conds.push(eq(tickets.assigneeId, f.assignee));
  if (f.productArea) conds.push(eq(tickets.productArea, f.productArea));
  if (f.region) conds.push(eq(organizations.region, f.region));
  if (f.tier) conds.push(eq(tiers.code, f.tier));
  if (f.appId) conds.push(eq(tickets.appId, f.appId));
  return conds;
}

/**
 * The keys of a section's rows in order: read from the partial index alone (joining organizations
 * and tiers only for a tier or region filter), so a page costs a few short index ranges and then
 * one lookup of the rows shown.
 */
function selectKeys(db: Pick<Db, "select">, q: QueueFilters, where: SQL | undefined, order: SQL[], limit: number) {
  const base = db
    .select({
      id: tickets.id,
      priority: tickets.priority,
      nextDueAt: sql<Date>`${tickets.nextDueAt}`.mapWith(tickets.nextDueAt),
      createdAt: tickets.createdAt,
      updatedAt: tickets.updatedAt,
    })
    .from(tickets);
  const joined =
    q.tier || q.region
      ? base
          .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
          .innerJoin(tiers, eq(tiers.id, organizations.tierId))
      : base;
  return joined
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .all();
}

type Key = ReturnType<typeof selectKeys>[number];

/** The shown rows, in the order of `keys`. */
function rowsFor(db: Pick<Db, "select">, keys: Key[]): Row[] {
  if (keys.length === 0) return [];
  const byId = new Map(
    selectRows(
      db,
      inArray(
        tickets.id,
        keys.map((k) => k.id),
      ),
    ).map((r) => [r.id, r]),
  );
  return keys.map((k) => byId.get(k.id)!).filter(Boolean);
}

function selectRows(db: Pick<Db, "select">, where: SQL | undefined) {
  return db
    .select({
      id: tickets.id,
      subject: tickets.subject,
      priority: tickets.priority,
      status: tickets.status,
      escalationLevel: tickets.escalationLevel,
      productArea: tickets.productArea,
      createdAt: tickets.createdAt,
      updatedAt: tickets.updatedAt,
      nextDueAt: sql<Date>`${tickets.nextDueAt}`.mapWith(tickets.nextDueAt),
      targetVersionId: tickets.targetVersionId,
      calendarId: organizations.calendarId,
      organization: organizations.name,
      region: organizations.region,
      tier: tiers.code,
      requester: requesters.name,
      assignee: users.name,
      assigneeId: tickets.assigneeId,
      appId: tickets.appId,
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
    .innerJoin(requesters, eq(requesters.id, tickets.requesterId))
    .leftJoin(users, eq(users.id, tickets.assigneeId))
    .where(where)
    .all();
}

/** A keyset cursor of the single-order sorts: "<ms>.<id>". */
const decodeKey = (v: string | null) => {
  const m = v ? /^(\d{1,15})\.(\d{1,15})$/.exec(v) : null;
  return m ? { at: new Date(Number(m[1])), id: Number(m[2]) } : null;
};

/**
 * One section's page. Urgency: one short range of tickets_queue_priority_idx per priority, merged
 * (queue-order.ts). Due time, age and last update: one range of their partial index.
 */
function sectionPage(
  db: Db,
  user: SessionUser,
  q: QueueQuery,
  section: QueueSection,
  cursor: string | null,
  boundary: Date,
) {
  const base = conditions(user, q, section, boundary);
  const sort = q.sort ?? "urgency";
  let keys: Key[];
  let nextCursor: string | null;
  if (sort === "urgency") {
    const at: UrgencyCursor = decodeUrgencyCursor(cursor ?? undefined) ?? {};
    const ranges = (q.priority ? [q.priority] : QUEUE_PRIORITIES).map((p) => {
      const after = at[p];
      return selectKeys(
        db,
        q,
        and(
          ...base,
          eq(tickets.priority, p),
          after
            ? or(
                gt(tickets.nextDueAt, after.nextDueAt),
                and(eq(tickets.nextDueAt, after.nextDueAt), gt(tickets.id, after.id)),
              )
            : undefined,
        ),
        [asc(tickets.nextDueAt), asc(tickets.id)],
        q.limit + 1,
      );
    });
    const merged = mergeByUrgency(ranges, q.limit, boundary, at);
    keys = merged.rows;
    nextCursor = merged.next ? encodeUrgencyCursor(merged.next) : null;
  } else {
    const column = { due: tickets.nextDueAt, age: tickets.createdAt, updated: tickets.updatedAt }[sort];
    const descending = sort === "updated";
    const after = decodeKey(cursor);
    const beyond = descending ? lt : gt;
    const found = selectKeys(
      db,
      q,
      and(
        ...base,
        after ? or(beyond(column, after.at), and(eq(column, after.at), beyond(tickets.id, after.id))) : undefined,
      ),
      descending ? [desc(column), desc(tickets.id)] : [asc(column), asc(tickets.id)],
      q.limit + 1,
    );
    keys = found.slice(0, q.limit);
    const last = keys.at(-1);
    const key = (r: Key) => ({ due: r.nextDueAt, age: r.createdAt, updated: r.updatedAt })[sort];
    nextCursor = found.length > q.limit && last ? `${key(last).getTime()}.${last.id}` : null;
  }
  return { rows: rowsFor(db, keys), nextCursor, total: countSection(db, user, q, section, boundary) };
}

/**
 * How many tickets a section holds. Written as SQL with INDEXED BY: SQLite's planner otherwise
 * counts through the (status, ...) index and reads every open ticket's row, ~100x slower at 1M
 * tickets. The partial index holds next_due_at and status, so without further filters the count
 * never reads the table.
 */
function countSection(db: Db, user: SessionUser, f: QueueFilters, section: QueueSection, boundary: Date): number {
  const where = [
    OPEN_UNDER_SLA.replace(/"(status|outside_sla|next_due_at)"/g, '"t"."$1"'),
    section === "due" ? "t.next_due_at >= ?" : "t.next_due_at < ?",
  ];
  const params: (string | number)[] = [boundary.getTime()];
  const add = (clause: string, value: string | number) => {
    where.push(clause);
    params.push(value);
  };
  if (f.priority) add("t.priority = ?", f.priority);
  if (f.level) add("t.escalation_level = ?", f.level);
  if (f.status) add("t.status = ?", f.status);
  if (f.assignee === "mine") add("t.assignee_id = ?", user.id);
  else if (f.assignee === "unassigned") where.push("t.assignee_id IS NULL");
  else if (typeof f.assignee === "number") add("t.assignee_id = ?", f.assignee);
  if (f.productArea) add("t.product_area = ?", f.productArea);
  if (f.appId) add("t.app_id = ?", f.appId);
  let from = "tickets t INDEXED BY tickets_open_due_idx";
  if (f.tier || f.region)
    from += " JOIN organizations o ON o.id = t.organization_id JOIN tiers tr ON tr.id = o.tier_id";
  if (f.region) add("o.region = ?", f.region);
  if (f.tier) add("tr.code = ?", f.tier);
  const row = db.$client.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${where.join(" AND ")}`).get(...params) as {
    n: number;
  };
  return row.n;
}

/**
 * The most urgent unassigned ticket of the queue at `now` (queue-order.ts's rule across both
 * sections), other than `except`: the first unassigned row of each priority's index range, merged.
 */
export function mostUrgentUnassigned(db: Pick<Db, "select">, except: number | null, now: Date): { id: number } | null {
  const open = sql.raw(OPEN_UNDER_SLA.replace(/"(status|outside_sla|next_due_at)"/g, '"tickets"."$1"'));
  const firsts = QUEUE_PRIORITIES.flatMap((p) =>
    db
      .select({
        id: tickets.id,
        priority: tickets.priority,
        nextDueAt: sql<Date>`${tickets.nextDueAt}`.mapWith(tickets.nextDueAt),
      })
      .from(tickets)
      .where(
        and(
          open,
          eq(tickets.priority, p),
          isNull(tickets.assigneeId),
          except ? sql`${tickets.id} <> ${except}` : undefined,
        ),
      )
      .orderBy(asc(tickets.nextDueAt), asc(tickets.id))
      .limit(1)
      .all(),
  );
  const [first] = mergeByUrgency([firsts], 1, now).rows;
  return first ? { id: first.id } : null;
}
