import { and, asc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { engagements, organizations, ticketEvents, ticketSlaFacts, tickets, tiers, users } from "@/db/schema";
import { OPEN_TICKET_STATUSES, type TierCode } from "@/db/schema/enums";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { computeHealth, type Health, type HealthBand, type HealthInputs } from "./health";
import { PORTFOLIO_PAGE_SIZE, type PortfolioFilter } from "./inputs";

export type { PortfolioFilter } from "./inputs";

const DAY = 86_400_000;

/** Whole days from `now` to the start of a contract's last day ("YYYY-MM-DD", UTC). */
export function daysUntil(isoDate: string, now: Date): number {
  return Math.ceil((new Date(`${isoDate}T00:00:00Z`).getTime() - now.getTime()) / DAY);
}

/**
 * The health inputs of several organizations at once (a handful of grouped queries, not one per
 * organization), as of `now`. Breaches follow the attainment rule: a breached target counts when
 * its due time fell in the last 90 days, excluded tickets and tickets outside the SLA not counted.
 */
export function loadHealthInputs(
  db: Db,
  orgs: { id: number; contractEnd: string }[],
  now: Date,
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
  const breachCounts = new Map<number, number>();
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
          inArray(ticketSlaFacts.organizationId, ids),
          gte(at, since),
          lt(at, t),
          sql`+${outcome} = 'breached'`,
          eq(ticketSlaFacts.excluded, false),
        ),
      )
      .groupBy(ticketSlaFacts.organizationId)
      .all();
    for (const r of rows) breachCounts.set(r.org, (breachCounts.get(r.org) ?? 0) + r.n);
  }
  const breaches = [...breachCounts].map(([org, n]) => ({ org, n }));
  const urgent = db
    .select({ org: tickets.organizationId, n: sql<number>`count(*)`, oldest: sql<number>`min(${tickets.createdAt})` })
    .from(tickets)
    .where(and(inOrgs, inArray(tickets.status, [...OPEN_TICKET_STATUSES]), inArray(tickets.priority, ["P0", "P1"])))
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

export type PortfolioRow = {
  id: number;
  name: string;
  tier: TierCode;
  region: string;
  accountManager: string | null;
  contractEnd: string;
  daysToRenewal: number;
  health: Health;
};

/** One page of the portfolio in its order, with the total and each band's count before the band filter. */
export type PortfolioPage = {
  total: number;
  page: number;
  pageSize: number;
  counts: Record<HealthBand, number>;
  items: PortfolioRow[];
};

/**
 * The account manager's portfolio (organizations they are account manager or TAM of); managers
 * and admins see every organization. Each row carries its health with every factor, filtered by
 * tier and band and sorted (health: worst first; renewal: soonest first).
 */
export function listPortfolio(db: Db, user: SessionUser, filter: PortfolioFilter, now: Date): PortfolioPage {
  const conditions: (SQL | undefined)[] = [];
  if (user.role === "account_manager")
    conditions.push(
      or(eq(organizations.accountManagerId, user.id), eq(organizations.technicalAccountManagerId, user.id)),
    );
  if (filter.tier) conditions.push(eq(tiers.code, filter.tier));
  const orgs = db
    .select({
      id: organizations.id,
      name: organizations.name,
      tier: tiers.code,
      rank: tiers.rank,
      region: organizations.region,
      contractEnd: organizations.contractEnd,
      accountManager: users.name,
    })
    .from(organizations)
    .innerJoin(tiers, eq(tiers.id, organizations.tierId))
    .leftJoin(users, eq(users.id, organizations.accountManagerId))
    .where(and(...conditions))
    .orderBy(asc(organizations.name))
    .all();
  const inputs = loadHealthInputs(db, orgs, now);
  const rows = orgs.map((o) => ({
    ...o,
    daysToRenewal: daysUntil(o.contractEnd, now),
    health: computeHealth(inputs.get(o.id)!),
  }));
  const filtered = filter.band ? rows.filter((r) => r.health.band === filter.band) : rows;
  const sort = filter.sort ?? "health";
  filtered.sort((a, b) =>
    sort === "health"
      ? a.health.score - b.health.score || a.name.localeCompare(b.name)
      : sort === "renewal"
        ? a.daysToRenewal - b.daysToRenewal || a.name.localeCompare(b.name)
        : sort === "tier"
          ? b.rank - a.rank || a.name.localeCompare(b.name)
          : a.name.localeCompare(b.name),
  );
  const pageSize = filter.pageSize ?? PORTFOLIO_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(filtered.length / pageSize));
  const page = Math.min(filter.page ?? 1, pages);
  const counts = { red: 0, yellow: 0, green: 0 } satisfies Record<HealthBand, number>;
  for (const r of rows) counts[r.health.band]++;
  return {
    total: filtered.length,
    page,
    pageSize,
    counts,
    items: filtered.slice((page - 1) * pageSize, page * pageSize).map(({ rank: _rank, ...r }) => r),
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
