import { and, gte, isNull, lt, sql } from "drizzle-orm";
import { organizations, tickets, tiers } from "@/db/schema";
import { OPEN_UNDER_SLA } from "@/db/schema/tickets";
import { OPEN_STATUS_SQL_LIST, PRIORITIES } from "@/db/schema/enums";
import { cachedRead, minuteOf } from "@/server/cache/read-cache";
import type { Db } from "@/server/db";

/**
 * The tickets the queue lists (db/schema/tickets.ts): open, with a target due, under the SLA. Each
 * count links to the queue, so it counts what the queue shows; feature and custom development
 * requests (outside the SLA) have their own lists.
 */
const open = sql.raw(OPEN_UNDER_SLA);

/**
 * Open tickets by priority, with how many are breached now or due within the next hour, "now"
 * being the start of the current UTC minute: held (read cache) until the next minute or the next
 * write, whichever comes first.
 */
export function getStaffHome(db: Db, now: Date, assigneeId: number) {
  const at = minuteOf(now);
  return cachedRead(db, "home.staff", { at: at.getTime(), assigneeId }, () => computeStaffHome(db, at, assigneeId), {
    readOnly: true,
  });
}

/** getStaffHome at exactly `now`, without the read cache. */
export function computeStaffHome(db: Db, now: Date, assigneeId: number) {
  const rows = db
    .select({
      priority: tickets.priority,
      total: sql<number>`count(*)`,
      breached: sql<number>`sum(case when ${tickets.nextDueAt} < ${now.getTime()} then 1 else 0 end)`,
      dueSoon: sql<number>`sum(case when ${tickets.nextDueAt} >= ${now.getTime()} and ${tickets.nextDueAt} < ${now.getTime() + 3_600_000} then 1 else 0 end)`,
      mine: sql<number>`sum(case when ${tickets.assigneeId} = ${assigneeId} then 1 else 0 end)`,
    })
    .from(tickets)
    .where(open)
    .groupBy(tickets.priority)
    .all();
  const unassigned = db
    .select({ n: sql<number>`count(*)` })
    .from(tickets)
    .where(and(open, isNull(tickets.assigneeId)))
    .get();
  const byPriority = PRIORITIES.map((p) => {
    const r = rows.find((x) => x.priority === p);
    return {
      priority: p,
      total: r?.total ?? 0,
      breached: r?.breached ?? 0,
      dueSoon: r?.dueSoon ?? 0,
      mine: r?.mine ?? 0,
    };
  });
  return { byPriority, unassigned: unassigned?.n ?? 0 };
}

/**
 * Each tier with its organizations, open tickets and first-response attainment over the last
 * 90 days (met / (met + breached), excluded and out-of-SLA tickets left out, with its n). The
 * 90 days end at the start of the current UTC minute: held (read cache) until the next minute or
 * the next write, whichever comes first.
 */
export function getTierOverview(db: Db, now: Date) {
  const at = minuteOf(now);
  return cachedRead(db, "home.tiers", { at: at.getTime() }, (from) => computeTierOverview(from, at), {
    replica: true,
    readOnly: true,
  });
}

/** getTierOverview over the 90 days ending exactly at `now`, without the read cache. */
export function computeTierOverview(db: Db, now: Date) {
  const since = now.getTime() - 90 * 86_400_000;
  const orgCounts = db
    .select({ tierId: organizations.tierId, n: sql<number>`count(*)` })
    .from(organizations)
    .groupBy(organizations.tierId)
    .all();
  const stats = db
    .select({
      tierId: organizations.tierId,
      open: sql<number>`sum(case when ${tickets.status} in (${sql.raw(OPEN_STATUS_SQL_LIST)}) then 1 else 0 end)`,
      met: sql<number>`sum(case when ${tickets.frStatus} = 'met' and ${tickets.exclusionReason} is null and ${tickets.outsideSla} = 0 then 1 else 0 end)`,
      breached: sql<number>`sum(case when ${tickets.frStatus} = 'breached' and ${tickets.exclusionReason} is null and ${tickets.outsideSla} = 0 then 1 else 0 end)`,
      excluded: sql<number>`sum(case when ${tickets.exclusionReason} is not null then 1 else 0 end)`,
    })
    .from(tickets)
    // Unary plus: drive the join from the covering (created_at, ...) index, not organization by organization.
    .innerJoin(organizations, sql`${organizations.id} = +${tickets.organizationId}`)
    .where(and(gte(tickets.createdAt, new Date(since)), lt(tickets.createdAt, now)))
    .groupBy(organizations.tierId)
    .all();
  return db
    .select()
    .from(tiers)
    .orderBy(tiers.rank)
    .all()
    .map((t) => {
      const s = stats.find((x) => x.tierId === t.id);
      const met = s?.met ?? 0;
      const breached = s?.breached ?? 0;
      return {
        code: t.code,
        availabilityCommitment: t.availabilityCommitment,
        organizations: orgCounts.find((x) => x.tierId === t.id)?.n ?? 0,
        openTickets: s?.open ?? 0,
        firstResponse: {
          met,
          breached,
          excluded: s?.excluded ?? 0,
          attainment: met + breached > 0 ? met / (met + breached) : null,
        },
      };
    });
}
