import { and, asc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import {
  engagements,
  followUps,
  organizations,
  ticketEvents,
  ticketSlaFacts,
  tickets,
  tiers,
  users,
} from "@/db/schema";
import { OPEN_TICKET_STATUSES, type TierCode } from "@/db/schema/enums";
import type { SessionUser } from "@/server/auth/session";
import { cachedRead, minuteOf } from "@/server/cache/read-cache";
import type { Db } from "@/server/db";
import { completedQuarters, quarterOf, quarterPeriod } from "@/server/periods/periods";
import { portfolioScope } from "./access";
import { viewerToday } from "./follow-ups";
import { computeHealth, type Health, type HealthBand, type HealthInputs } from "./health";
import { PORTFOLIO_PAGE_SIZE, type PortfolioFilter } from "./inputs";
import { DEFAULT_DIR, portfolioComparator, type PortfolioSort, type SortDir } from "./portfolio-sort";

export type { PortfolioFilter } from "./inputs";

const DAY = 86_400_000;

/** Whole days from `now` to the start of a contract's last day ("YYYY-MM-DD", UTC). */
export function daysUntil(isoDate: string, now: Date): number {
  return Math.ceil((new Date(`${isoDate}T00:00:00Z`).getTime() - now.getTime()) / DAY);
}

/**
 * Above this many organizations a grouped count reads by its other conditions, not by an IN list of
 * organizations: with a manager's 5,000 organizations at 1,000,000 tickets the IN list made SQLite
 * probe every organization's range in turn (issue 25).
 */
export const MANY_ORGANIZATIONS = 200;

/**
 * Breached targets per organization whose outcome instant lies in [from, to): the attainment rule's
 * count (excluded tickets and tickets outside the SLA have no breach here), one indexed range per metric.
 */
function countBreaches(db: Db, ids: number[], from: number, to: number): Map<number, number> {
  const counts = new Map<number, number>();
  const many = ids.length > MANY_ORGANIZATIONS;
  const wanted = many ? new Set(ids) : null;
  for (const [outcome, at] of [
    [ticketSlaFacts.frOutcome, ticketSlaFacts.frAt],
    [ticketSlaFacts.waOutcome, ticketSlaFacts.waAt],
    [ticketSlaFacts.resOutcome, ticketSlaFacts.resAt],
  ] as const) {
    const rows = db
      .select({ org: ticketSlaFacts.organizationId, n: sql<number>`count(*)` })
      .from(ticketSlaFacts)
      .where(
        and(
          // A few organizations: their covering (organization, at, outcome) ranges. Many: the breached
          // targets of the window through the (outcome, at) index, the other organizations' groups dropped.
          many ? undefined : inArray(ticketSlaFacts.organizationId, ids),
          gte(at, from),
          lt(at, to),
          many ? eq(outcome, "breached") : sql`+${outcome} = 'breached'`,
          eq(ticketSlaFacts.excluded, false),
        ),
      )
      .groupBy(ticketSlaFacts.organizationId)
      .all();
    for (const r of rows) if (!wanted || wanted.has(r.org)) counts.set(r.org, (counts.get(r.org) ?? 0) + r.n);
  }
  return counts;
}

/**
 * The health inputs of several organizations at once (a handful of grouped queries, not one per
 * organization), as of `now`. Breaches follow the attainment rule: a breached target counts when
 * its due time fell in the last 90 days, excluded tickets and tickets outside the SLA not counted.
 * With `past`, `now` is an instant gone by (a quarter's end) and open urgent tickets are those
 * filed in the 90 days before it and unresolved then.
 */
export function loadHealthInputs(
  db: Db,
  orgs: { id: number; contractEnd: string }[],
  now: Date,
  options: { past?: boolean } = {},
): Map<number, HealthInputs> {
  const ids = orgs.map((o) => o.id);
  const out = new Map<number, HealthInputs>();
  if (ids.length === 0) return out;
  const t = now.getTime();
  const since = t - 90 * DAY;
  const before = t - 180 * DAY;
  const inOrgs = inArray(tickets.organizationId, ids);
  // Breached targets due in the window, from the per-ticket SLA facts (the dashboards' own source:
  // excluded and outside-SLA tickets left out), one indexed range per metric.
  const breaches = [...countBreaches(db, ids, since, t)].map(([org, n]) => ({ org, n }));
  // Open P0/P1 tickets: now, the open ones; at a past instant (a quarter's end, for the trend), those
  // filed in the 90 days before it and not yet resolved then (older ones are not looked for: the
  // tickets table keeps no status history, and a 90-day window keeps the read bounded).
  const urgent = db
    .select({ org: tickets.organizationId, n: sql<number>`count(*)`, oldest: sql<number>`min(${tickets.createdAt})` })
    .from(tickets)
    .where(
      options.past
        ? and(
            inOrgs,
            gte(tickets.createdAt, new Date(since)),
            lt(tickets.createdAt, now),
            inArray(tickets.priority, ["P0", "P1"]),
            or(isNull(tickets.resolvedAt), sql`${tickets.resolvedAt} > ${t}`),
          )
        : and(inOrgs, inArray(tickets.status, [...OPEN_TICKET_STATUSES]), inArray(tickets.priority, ["P0", "P1"])),
    )
    .groupBy(tickets.organizationId)
    .all();
  // Ratings from the per-ticket facts, through the (organization, rating time) index.
  const ratings = db
    .select({
      org: ticketSlaFacts.organizationId,
      curN: sql<number>`sum(case when ${ticketSlaFacts.ratingAt} >= ${since} then 1 else 0 end)`,
      curSum: sql<number>`sum(case when ${ticketSlaFacts.ratingAt} >= ${since} then ${ticketSlaFacts.ratingScore} else 0 end)`,
      prevN: sql<number>`sum(case when ${ticketSlaFacts.ratingAt} < ${since} then 1 else 0 end)`,
      prevSum: sql<number>`sum(case when ${ticketSlaFacts.ratingAt} < ${since} then ${ticketSlaFacts.ratingScore} else 0 end)`,
    })
    .from(ticketSlaFacts)
    .where(
      and(
        inArray(ticketSlaFacts.organizationId, ids),
        gte(ticketSlaFacts.ratingAt, before),
        lt(ticketSlaFacts.ratingAt, t),
      ),
    )
    .groupBy(ticketSlaFacts.organizationId)
    .all();
  const escalations = db
    .select({ org: ticketEvents.organizationId, n: sql<number>`count(*)` })
    .from(ticketEvents)
    .where(
      and(
        inArray(ticketEvents.organizationId, ids),
        eq(ticketEvents.type, "escalated"),
        sql`${ticketEvents.at} >= ${since}`,
        sql`${ticketEvents.at} < ${t}`,
      ),
    )
    .groupBy(ticketEvents.organizationId)
    .all();
  const lastEngagement = db
    .select({ org: engagements.organizationId, at: sql<number>`max(${engagements.at})` })
    .from(engagements)
    .where(and(inArray(engagements.organizationId, ids), sql`${engagements.at} <= ${t}`))
    .groupBy(engagements.organizationId)
    .all();
  const by = <T extends { org: number }>(rows: T[]) => new Map(rows.map((r) => [r.org, r]));
  const [b, u, r, e, l] = [by(breaches), by(urgent), by(ratings), by(escalations), by(lastEngagement)];
  for (const o of orgs) {
    const rr = r.get(o.id);
    const uu = u.get(o.id);
    const ll = l.get(o.id);
    out.set(o.id, {
      breaches90d: b.get(o.id)?.n ?? 0,
      openUrgent: uu?.n ?? 0,
      oldestUrgentAgeDays: uu ? Math.max(0, (t - uu.oldest) / DAY) : 0,
      satisfaction90d: rr && rr.curN > 0 ? rr.curSum / rr.curN : null,
      satisfactionPrevious90d: rr && rr.prevN > 0 ? rr.prevSum / rr.prevN : null,
      escalations90d: e.get(o.id)?.n ?? 0,
      daysSinceEngagement: ll ? Math.floor((t - ll.at) / DAY) : null,
      daysToRenewal: daysUntil(o.contractEnd, now),
    });
  }
  return out;
}

/** One quarter's point of an account's health trend: the score at its end (now, for the current one). */
export type TrendPoint = { quarter: string; score: number | null };

export type PortfolioRow = {
  id: number;
  name: string;
  tier: TierCode;
  region: string;
  accountManager: string | null;
  contractEnd: string;
  daysToRenewal: number;
  health: Health;
  /** The score at the end of each of the last three quarters, then now; null before the contract began. */
  trend: TrendPoint[];
  openTickets: number;
  /** Breached targets whose outcome fell in the current quarter so far (the attainment rule's count). */
  breachesThisQuarter: number;
  /** The earliest due day of the organization's open follow-ups, and how many are open. */
  nextFollowUpOn: string | null;
  openFollowUps: number;
  daysSinceEngagement: number | null;
};

/** One page of the portfolio in its order, with the total and each band's count before the band filter. */
export type PortfolioPage = {
  total: number;
  page: number;
  pageSize: number;
  sort: PortfolioSort;
  dir: SortDir;
  /** The viewer's today ("YYYY-MM-DD", their own time zone): a follow-up due before it is overdue. */
  today: string;
  counts: Record<HealthBand, number>;
  items: PortfolioRow[];
};

/**
 * Each organization's health score at the end of each of the last three quarters, then `now`'s
 * (`current`), oldest first: three bounded sets of grouped queries for the whole page, never one
 * per organization. A quarter that ended before the contract began has no score.
 */
export function healthTrend(
  db: Db,
  orgs: { id: number; contractStart: string; contractEnd: string }[],
  now: Date,
  current: Map<number, number>,
): Map<number, TrendPoint[]> {
  const quarters = completedQuarters(now, 3).reverse();
  // Ended quarters do not depend on `now`: held by the read cache until the next write.
  const past = cachedRead(
    db,
    "accounts.healthTrend",
    { orgs: orgs.map((o) => [o.id, o.contractStart, o.contractEnd]), quarters },
    () =>
      quarters.map((quarter) => {
        const end = quarterPeriod(quarter).to;
        const live = orgs.filter((o) => new Date(`${o.contractStart}T00:00:00Z`) < end);
        const inputs = loadHealthInputs(db, live, end, { past: true });
        return Object.fromEntries([...inputs].map(([id, i]) => [id, computeHealth(i).score]));
      }),
  );
  const thisQuarter = quarterOf(now);
  return new Map(
    orgs.map((o) => [
      o.id,
      [
        ...quarters.map((quarter, k) => ({ quarter, score: past[k]![o.id] ?? null })),
        { quarter: thisQuarter, score: current.get(o.id) ?? null },
      ],
    ]),
  );
}

/** Health inputs, open tickets, this quarter's breaches and open follow-ups of the given organizations, now. */
function portfolioFigures(db: Db, orgs: { id: number; contractEnd: string }[], now: Date) {
  const ids = orgs.map((o) => o.id);
  const inputs = loadHealthInputs(db, orgs, now);
  const open = new Map<number, number>();
  const breaches = new Map<number, number>();
  const due = new Map<number, { next: string; n: number }>();
  if (ids.length > 0) {
    for (const r of db
      .select({ org: tickets.organizationId, n: sql<number>`count(*)` })
      .from(tickets)
      .where(and(inArray(tickets.organizationId, ids), inArray(tickets.status, [...OPEN_TICKET_STATUSES])))
      .groupBy(tickets.organizationId)
      .all())
      open.set(r.org, r.n);
    for (const [org, n] of countBreaches(db, ids, quarterPeriod(quarterOf(now)).from.getTime(), now.getTime()))
      breaches.set(org, n);
    for (const r of db
      .select({ org: followUps.organizationId, next: sql<string>`min(${followUps.dueOn})`, n: sql<number>`count(*)` })
      .from(followUps)
      .where(and(inArray(followUps.organizationId, ids), isNull(followUps.completedAt)))
      .groupBy(followUps.organizationId)
      .all())
      due.set(r.org, { next: r.next, n: r.n });
  }
  return { inputs, open, breaches, due };
}

/**
 * The account manager's portfolio (organizations they are account manager or TAM of); managers
 * and admins see every organization. Each row carries its health with every factor, open tickets,
 * this quarter's breaches, the next follow-up and the last engagement, for the whole portfolio
 * (grouped queries: the grid sorts by any of them on the server), filtered by tier and band, sorted
 * by the chosen column (server/accounts/portfolio-sort.ts) and cut to one page; only that page's
 * rows get their health trend.
 */
export function listPortfolio(db: Db, user: SessionUser, filter: PortfolioFilter, now: Date): PortfolioPage {
  const conditions: (SQL | undefined)[] = [portfolioScope(user)];
  if (filter.tier) conditions.push(eq(tiers.code, filter.tier));
  const orgs = db
    .select({
      id: organizations.id,
      name: organizations.name,
      tier: tiers.code,
      tierRank: tiers.rank,
      region: organizations.region,
      contractStart: organizations.contractStart,
      contractEnd: organizations.contractEnd,
      accountManager: users.name,
    })
    .from(organizations)
    .innerJoin(tiers, eq(tiers.id, organizations.tierId))
    .leftJoin(users, eq(users.id, organizations.accountManagerId))
    .where(and(...conditions))
    .orderBy(asc(organizations.name))
    .all();
  // The figures as of this minute, as the dashboards read theirs: held by the read cache until the
  // next write or the next minute (issue 25: 8 ms of grouped queries on every view of a portfolio).
  const at = minuteOf(now);
  const { inputs, open, breaches, due } = cachedRead(
    db,
    "accounts.portfolioFigures",
    { orgs: orgs.map((o) => [o.id, o.contractEnd]), at: at.getTime() },
    () => portfolioFigures(db, orgs, at),
    // Only read: each row is a new object.
    { readOnly: true },
  );
  const rows = orgs.map((o) => {
    const i = inputs.get(o.id)!;
    const health = computeHealth(i);
    return {
      ...o,
      daysToRenewal: daysUntil(o.contractEnd, now),
      health,
      score: health.score,
      openTickets: open.get(o.id) ?? 0,
      breachesThisQuarter: breaches.get(o.id) ?? 0,
      nextFollowUpOn: due.get(o.id)?.next ?? null,
      openFollowUps: due.get(o.id)?.n ?? 0,
      daysSinceEngagement: i.daysSinceEngagement,
    };
  });
  const filtered = filter.band ? rows.filter((r) => r.health.band === filter.band) : rows;
  const sort = filter.sort ?? "health";
  const dir = filter.dir ?? DEFAULT_DIR[sort];
  filtered.sort(portfolioComparator(sort, dir));
  const pageSize = filter.pageSize ?? PORTFOLIO_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(filtered.length / pageSize));
  const page = Math.min(filter.page ?? 1, pages);
  const counts = { red: 0, yellow: 0, green: 0 } satisfies Record<HealthBand, number>;
  for (const r of rows) counts[r.health.band]++;
  const slice = filtered.slice((page - 1) * pageSize, page * pageSize);
  const trend = healthTrend(db, slice, now, new Map(slice.map((r) => [r.id, r.health.score])));
  return {
    total: filtered.length,
    page,
    pageSize,
    sort,
    dir,
    today: viewerToday(db, user.id, now),
    counts,
    items: slice.map(({ tierRank: _rank, score: _score, contractStart: _start, ...r }) => ({
      ...r,
      trend: trend.get(r.id)!,
    })),
  };
}

/** One organization's health now (staff only; the service caller checks the role). */
export function organizationHealth(db: Db, organization: { id: number; contractEnd: string }, now: Date): Health {
  return computeHealth(loadHealthInputs(db, [organization], now).get(organization.id)!);
}

/**
 * The staff directory of organizations: search by name, filter by tier, with the account manager
 * and renewal. Staff read every organization (docs/DOMAIN.md); at most `limit` rows.
 */
export function searchOrganizations(db: Db, filter: { q?: string; tier?: TierCode }, now: Date, limit = 200) {
  const conditions: (SQL | undefined)[] = [];
  if (filter.q)
    conditions.push(sql`${organizations.name} like ${`%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  if (filter.tier) conditions.push(eq(tiers.code, filter.tier));
  const rows = db
    .select({
      id: organizations.id,
      name: organizations.name,
      tier: tiers.code,
      region: organizations.region,
      contractEnd: organizations.contractEnd,
      accountManager: users.name,
    })
    .from(organizations)
    .innerJoin(tiers, eq(tiers.id, organizations.tierId))
    .leftJoin(users, eq(users.id, organizations.accountManagerId))
    .where(and(...conditions))
    .orderBy(asc(organizations.name))
    .limit(limit)
    .all();
  return rows.map((r) => ({ ...r, daysToRenewal: daysUntil(r.contractEnd, now) }));
}

/**
 * One organization's health as of this minute, for its page: held by the read cache until the next
 * write or the next minute, as the portfolio's figures are (issue 25).
 */
export function organizationHealthNow(db: Db, organization: { id: number; contractEnd: string }, now: Date): Health {
  const at = minuteOf(now);
  return cachedRead(db, "accounts.health", { ...organization, at: at.getTime() }, () =>
    organizationHealth(db, organization, at),
  );
}
