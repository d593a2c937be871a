import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { organizations, satisfactionRollups, slaBreachRollups, ticketSlaFacts, tickets, tiers } from "@/db/schema";
import { OPEN_STATUS_SQL_LIST, type ProductArea, type TicketCategory, type TierCode } from "@/db/schema/enums";
import { availabilityOverview, type TierMonth } from "@/server/availability/service";
import { cachedRead, minuteOf } from "@/server/cache/read-cache";
import type { Db } from "@/server/db";
import { METRICS, PRIORITIES, type Metric } from "@/server/sla/evaluate";
import { RAW_TARGET_COLUMNS, riskThresholds, thresholdKey } from "@/server/sla/risk-thresholds";
import {
  agedBreaches,
  cellsAt,
  sumCells,
  tierIdOf,
  type AgedBreach,
  type AttainmentFilter,
  type Cell,
  type Figures,
} from "./attainment";
import {
  monthOf,
  monthStart,
  monthsBetween,
  previousPeriod,
  resolvePeriod,
  type Period,
} from "@/server/periods/periods";
import type { DashboardFilter, DrillDown } from "./inputs";
import { FR_BANDS } from "./rollup";

export type { DashboardFilter, DrillDown } from "./inputs";

/**
 * The share of targets an executive expects met: the line drawn on the attainment trend. A
 * business goal, not a contract term (contracts promise each target, not a share of them).
 */
export const ATTAINMENT_GOAL = 0.95;

function attainmentFilter(f: DashboardFilter, p: Period, now: Date): AttainmentFilter {
  return {
    from: p.from,
    to: p.to,
    tierCode: f.tierCode,
    productArea: f.productArea,
    region: f.region,
    priority: f.priority,
    organizationId: f.organizationId,
    now,
  };
}

function tierCodes(db: Db) {
  return db
    .select({ id: tiers.id, code: tiers.code, commitment: tiers.availabilityCommitment })
    .from(tiers)
    .orderBy(asc(tiers.rank))
    .all();
}

const byMetric = (cells: Cell[]) =>
  Object.fromEntries(METRICS.map((m) => [m, sumCells(cells.filter((c) => c.metric === m))])) as Record<Metric, Figures>;

function satisfaction(db: Db, f: DashboardFilter, p: Period): { average: number | null; ratings: number } {
  let ratings = 0;
  let sum = 0;
  const tierId = tierIdOf(db, f.tierCode);
  if (f.organizationId === undefined) {
    const conds: SQL[] = [inArray(satisfactionRollups.month, monthsBetween(p.from, p.to))];
    if (tierId !== undefined) conds.push(eq(satisfactionRollups.tierId, tierId));
    if (f.region) conds.push(eq(satisfactionRollups.region, f.region));
    if (f.productArea) conds.push(eq(satisfactionRollups.productArea, f.productArea));
    if (f.priority) conds.push(eq(satisfactionRollups.priority, f.priority));
    const r = db
      .select({
        n: sql<number>`coalesce(sum(${satisfactionRollups.ratings}), 0)`,
        s: sql<number>`coalesce(sum(${satisfactionRollups.scoreSum}), 0)`,
      })
      .from(satisfactionRollups)
      .where(and(...conds))
      .get();
    ratings = r?.n ?? 0;
    sum = r?.s ?? 0;
  } else {
    const conds: SQL[] = [
      eq(ticketSlaFacts.organizationId, f.organizationId),
      // The rating's instant over the period's UTC bounds (the same months rating_month names): a range
      // on the (organization, rating_at, score) index; by month, SQLite read all the organization's
      // facts (100,000 rows for the largest organization at 1M tickets, about 280 ms a period).
      gte(ticketSlaFacts.ratingAt, p.from.getTime()),
      lt(ticketSlaFacts.ratingAt, p.to.getTime()),
    ];
    if (f.productArea) conds.push(eq(ticketSlaFacts.productArea, f.productArea));
    if (f.priority) conds.push(eq(ticketSlaFacts.priority, f.priority));
    const r = db
      .select({ n: sql<number>`count(*)`, s: sql<number>`coalesce(sum(${ticketSlaFacts.ratingScore}), 0)` })
      .from(ticketSlaFacts)
      .where(and(...conds))
      .get();
    ratings = r?.n ?? 0;
    sum = r?.s ?? 0;
  }
  return { average: ratings > 0 ? sum / ratings : null, ratings };
}

/**
 * Open tickets with a target that has 25 % or less of its time left now (breached ones not
 * included), under the filter. Instead of measuring open time ticket by ticket, the threshold
 * instant is computed once per target version, calendar, priority and metric (riskThreshold) and
 * the count is one indexed SQL query over the queue's partial index.
 */
export function countAtRisk(db: Db, f: Omit<DashboardFilter, "period">, now: Date): number {
  const { map: thresholds, horizon } = riskThresholds(db, now);
  const tierId = tierIdOf(db, f.tierCode);
  const n = now.getTime();
  const conds: SQL[] = [
    sql`${tickets.nextDueAt} is not null and ${tickets.outsideSla} = 0 and ${tickets.nextDueAt} >= ${n} and ${tickets.nextDueAt} < ${horizon}`,
    sql`+${tickets.status} in (${sql.raw(OPEN_STATUS_SQL_LIST)}) and ${tickets.exclusionReason} is null`,
  ];
  if (f.organizationId !== undefined) conds.push(eq(tickets.organizationId, f.organizationId));
  if (tierId !== undefined) conds.push(eq(organizations.tierId, tierId));
  if (f.region) conds.push(eq(organizations.region, f.region));
  if (f.productArea) conds.push(eq(tickets.productArea, f.productArea));
  if (f.priority) conds.push(eq(tickets.priority, f.priority));
  const open = (status: string | null, achieved: number | null, due: number | null, th: number | undefined) =>
    (status === "running" || status === "paused") &&
    achieved === null &&
    due !== null &&
    due >= n &&
    th !== undefined &&
    due < th;
  let atRisk = 0;
  // Raw rows (no Date mapping): tens of thousands of open tickets at scale.
  const rows = db
    .select({ ...RAW_TARGET_COLUMNS, c: organizations.calendarId })
    .from(tickets)
    // CROSS JOIN keeps tickets (by due time) as the outer loop; SQLite would otherwise start from organizations.
    .crossJoin(organizations)
    .where(and(eq(organizations.id, tickets.organizationId), ...conds))
    .all();
  for (const r of rows) {
    const th = thresholds.get(thresholdKey(r.v, r.c, r.p));
    if (!th) continue;
    if (open(r.fs, r.fa, r.fd, th[0]) || open(r.ws, r.wa, r.wd, th[1]) || open(r.rs, r.ra, r.rd, th[2])) atRisk++;
  }
  return atRisk;
}

/**
 * countAtRisk as of the start of the current UTC minute, held until the next minute or the next
 * write: what /sla shows as "at risk now" (a count that moves with the clock, read to the minute).
 */
export function countAtRiskNow(db: Db, f: Omit<DashboardFilter, "period">, now: Date): number {
  const at = minuteOf(now);
  return cachedRead(db, "sla.atRisk", { f, at: at.getTime() }, (from) => countAtRisk(from, f, at), {
    replica: true,
    readOnly: true,
  });
}

type Breakdown = { productArea: ProductArea; category: TicketCategory; breached: number }[];

/** Breached targets (excluded tickets left out) per product area and category in a period, aged breaches included. */
function breachBreakdown(db: Db, f: DashboardFilter, p: Period, aged: readonly AgedBreach[]): Breakdown {
  const tierId = tierIdOf(db, f.tierCode);
  const counts = new Map<string, number>();
  const add = (area: ProductArea, category: TicketCategory, n: number) =>
    counts.set(`${area}|${category}`, (counts.get(`${area}|${category}`) ?? 0) + n);
  if (f.organizationId === undefined) {
    const conds: SQL[] = [inArray(slaBreachRollups.month, monthsBetween(p.from, p.to))];
    if (tierId !== undefined) conds.push(eq(slaBreachRollups.tierId, tierId));
    if (f.region) conds.push(eq(slaBreachRollups.region, f.region));
    if (f.productArea) conds.push(eq(slaBreachRollups.productArea, f.productArea));
    if (f.priority) conds.push(eq(slaBreachRollups.priority, f.priority));
    const rows = db
      .select({
        area: slaBreachRollups.productArea,
        category: slaBreachRollups.category,
        n: sql<number>`sum(${slaBreachRollups.breached})`,
      })
      .from(slaBreachRollups)
      .where(and(...conds))
      .groupBy(slaBreachRollups.productArea, slaBreachRollups.category)
      .all();
    for (const r of rows) add(r.area, r.category, r.n);
  } else {
    for (const [outcome, at] of [
      [ticketSlaFacts.frOutcome, ticketSlaFacts.frAt],
      [ticketSlaFacts.waOutcome, ticketSlaFacts.waAt],
      [ticketSlaFacts.resOutcome, ticketSlaFacts.resAt],
    ] as const) {
      const conds: SQL[] = [
        eq(ticketSlaFacts.organizationId, f.organizationId),
        // A range on the organization's covering index of the metric (organization, at, outcome, ...):
        // with the instant hidden from the planner (+at) it read every fact of the organization instead.
        sql`+${outcome} = 'breached'`,
        eq(ticketSlaFacts.excluded, false),
        gte(at, p.from.getTime()),
        lt(at, p.to.getTime()),
      ];
      if (f.productArea) conds.push(eq(ticketSlaFacts.productArea, f.productArea));
      if (f.priority) conds.push(eq(ticketSlaFacts.priority, f.priority));
      const rows = db
        .select({ area: ticketSlaFacts.productArea, category: ticketSlaFacts.category, n: sql<number>`count(*)` })
        .from(ticketSlaFacts)
        .where(and(...conds))
        .groupBy(ticketSlaFacts.productArea, ticketSlaFacts.category)
        .all();
      for (const r of rows) add(r.area, r.category, r.n);
    }
  }
  for (const a of aged) if (!a.excluded) add(a.productArea, a.category, 1);
  return [...counts.entries()]
    .filter(([, n]) => n > 0)
    .map(([k, breached]) => {
      const [productArea, category] = k.split("|") as [ProductArea, TicketCategory];
      return { productArea, category, breached };
    });
}

/**
 * Everything on /sla for a period and filter: the tiles (this period against the one before), the
 * tier x priority heatmap per metric, the first-response distribution and the breaches by product
 * area and category. Attainment comes from the rollups (getAttainment's cells), so each figure
 * equals a recomputation from events (npm run sla:verify).
 */
export function getSlaDashboard(db: Db, f: DashboardFilter, now: Date) {
  const at = readAt(f, now);
  return cachedRead(db, "sla.dashboard", { f, at }, (from) => computeSlaDashboard(from, f, new Date(at)), {
    replica: true,
    readOnly: true,
  });
}

/**
 * The instant a period's figures are read at: `now` only counts up to the period's end (aged breaches
 * and availability are read over [from, min(to, now))), so once the period has ended every `now`
 * gives the same figures and one held result serves them all, exactly. Within the current period the
 * figures are read as of the start of the current UTC minute, as "at risk now" is: read to the
 * millisecond, every request was a new cache key and the held results never served /sla (issue 25).
 */
function readAt(f: DashboardFilter, now: Date): number {
  return Math.min(minuteOf(now).getTime(), resolvePeriod(f.period).to.getTime());
}

/**
 * Every target still running past its due time at `now` under the filter (any period): the part of
 * /sla's figures that is read from the open tickets and so grows with the data. Read once and held
 * for the instant, so the dashboard's two periods, its breakdown and the trend share one read.
 */
function overdueTargets(db: Db, f: DashboardFilter, now: Date): AgedBreach[] {
  const { period: _period, ...filter } = f;
  return cachedRead(db, "sla.overdue", { filter, at: now.getTime() }, () =>
    agedBreaches(db, { ...attainmentFilter(f, { from: new Date(0), to: now }, now), now }),
  );
}

/** getSlaDashboard without the read cache (what every held result equals). */
export function computeSlaDashboard(db: Db, f: DashboardFilter, now: Date) {
  const period = resolvePeriod(f.period);
  const previous = previousPeriod(period);
  const aged = overdueTargets(db, f, now);
  const current = cellsAt(db, attainmentFilter(f, period, now), aged);
  const before = cellsAt(db, attainmentFilter(f, previous, now), aged);
  const tierRows = tierCodes(db);
  const codeOf = new Map(tierRows.map((t) => [t.id, t.code]));

  const months = monthsBetween(period.from, period.to);
  const bands = new Array<number>(FR_BANDS).fill(0);
  for (const c of current) if (c.metric === "firstResponse") c.bands.forEach((n, i) => (bands[i]! += n));

  return {
    // The figures count up to `now`, and not past the period's end.
    asOf: new Date(Math.min(now.getTime(), period.to.getTime())),
    period: { from: period.from, to: period.to, months },
    previous: { from: previous.from, to: previous.to },
    tiles: {
      attainment: { current: byMetric(current), previous: byMetric(before) },
      breaches: {
        current: current.reduce((s, c) => s + c.breached, 0),
        previous: before.reduce((s, c) => s + c.breached, 0),
      },
      satisfaction: { current: satisfaction(db, f, period), previous: satisfaction(db, f, previous) },
    },
    heatmap: tierRows.flatMap((t) =>
      PRIORITIES.map((priority) => ({
        tierCode: t.code,
        priority,
        byMetric: byMetric(current.filter((c) => codeOf.get(c.tierId) === t.code && c.priority === priority)),
      })),
    ),
    firstResponseBands: bands,
    breaches: breachBreakdown(
      db,
      f,
      period,
      aged.filter((a) => a.dueAt >= period.from && a.dueAt.getTime() < Math.min(period.to.getTime(), now.getTime())),
    ),
  };
}

/**
 * Availability against commitment per tier and the service credits owed, this period and the one
 * before, from the availability service (issue 7): its own procedure, as it assesses every
 * organization's months against the incidents and costs what that service costs.
 */
export function getSlaAvailability(db: Db, f: DashboardFilter, now: Date) {
  const at = readAt(f, now);
  return cachedRead(db, "sla.availability", { f, at }, (from) => computeSlaAvailability(from, f, new Date(at)), {
    replica: true,
    readOnly: true,
  });
}

/** getSlaAvailability without the read cache (what every held result equals). */
export function computeSlaAvailability(db: Db, f: DashboardFilter, now: Date) {
  const period = resolvePeriod(f.period);
  const previous = previousPeriod(period);
  const monthsNow = monthsEnded(monthsBetween(period.from, period.to), now);
  const monthsBefore = monthsEnded(monthsBetween(previous.from, previous.to), now);
  // Both periods in one assessment (each month's figures do not depend on the other months asked for).
  const all = [...monthsBefore, ...monthsNow];
  const assessed = all.length === 0 ? { tiers: [] as TierMonth[], credits: [] } : availabilityOverview(db, all, now);
  const overview = (ms: string[]) => {
    const owed = assessed.credits.filter(
      (c) =>
        ms.includes(c.month) &&
        (!f.tierCode || c.tierCode === f.tierCode) &&
        (f.organizationId === undefined || c.organizationId === f.organizationId),
    );
    return {
      tiers: assessed.tiers.filter((t) => ms.includes(t.month)),
      credits: owed.length,
      cents: owed.reduce((n, c) => n + c.creditCents, 0),
    };
  };
  const current = overview(monthsNow);
  const before = overview(monthsBefore);
  return {
    tiers: tierCodes(db)
      .filter((t) => !f.tierCode || t.code === f.tierCode)
      .map((t) => ({
        tierCode: t.code,
        commitment: t.commitment,
        current: meanAvailability(current.tiers, t.code),
        previous: meanAvailability(before.tiers, t.code),
      })),
    creditsOwed: {
      current: current.credits,
      previous: before.credits,
      currentCents: current.cents,
      previousCents: before.cents,
    },
  };
}

/** Months of a list that have begun by `now` (availability of a month not yet begun is not a figure). */
function monthsEnded(months: string[], now: Date): string[] {
  return months.filter((m) => monthStart(m) <= now);
}

/** Mean of a tier's monthly availability over the months with organizations, or null. */
function meanAvailability(rows: TierMonth[], code: TierCode): number | null {
  const mine = rows.filter((r) => r.tierCode === code && r.organizations > 0);
  return mine.length === 0 ? null : mine.reduce((s, r) => s + r.availability, 0) / mine.length;
}

/**
 * Attainment per tier and month over the 24 months ending with the period's last month, per metric:
 * the trend chart, drawn against ATTAINMENT_GOAL.
 */
export function getSlaTrend(db: Db, f: DashboardFilter, now: Date) {
  const at = readAt(f, now);
  return cachedRead(db, "sla.trend", { f, at }, (from) => computeSlaTrend(from, f, new Date(at)), {
    replica: true,
    readOnly: true,
  });
}

/** getSlaTrend without the read cache (what every held result equals). */
export function computeSlaTrend(db: Db, f: DashboardFilter, now: Date) {
  const period = resolvePeriod(f.period);
  const lastMonth = monthOf(new Date(period.to.getTime() - 1));
  const from = monthStart(lastMonth, -23);
  const to = monthStart(lastMonth, 1);
  const cells = cellsAt(db, attainmentFilter(f, { from, to }, now), overdueTargets(db, f, now));
  const tierRows = tierCodes(db).filter((t) => !f.tierCode || t.code === f.tierCode);
  const months = monthsBetween(from, to);
  return {
    goal: ATTAINMENT_GOAL,
    months,
    series: tierRows.map((t) => ({
      tierCode: t.code,
      points: months.map((month) => ({
        month,
        byMetric: byMetric(cells.filter((c) => c.tierId === t.id && c.month === month)),
      })),
    })),
  };
}

const FACTS = {
  firstResponse: { outcome: ticketSlaFacts.frOutcome, at: ticketSlaFacts.frAt },
  workaround: { outcome: ticketSlaFacts.waOutcome, at: ticketSlaFacts.waAt },
  resolution: { outcome: ticketSlaFacts.resOutcome, at: ticketSlaFacts.resAt },
} as const;

/**
 * The targets behind a figure on /sla: one row per ticket and metric whose outcome fell in the
 * period under the filter, newest first, with the total. Aged breaches (running past due) are
 * included, as they are in the figures.
 */
export function listSlaTickets(db: Db, d: DrillDown, now: Date) {
  // Read at the instant its figure was read at (the dashboard's `asOf`, which its links carry;
  // else as the figures are read: the start of the minute, at most the period's end), so the list
  // counts the targets the figure counted: read at `now` itself, a target that passed its due time
  // since the figure was read was listed but not counted.
  const at = Math.min(d.asOf ?? Infinity, minuteOf(now).getTime(), drillPeriod(d).to.getTime());
  return cachedRead(db, "sla.tickets", { d, at }, () => computeSlaTickets(db, d, new Date(at)), { readOnly: true });
}

/** The period a drill-down lists: the dashboard's, or one month of it (a trend point). */
function drillPeriod(d: DrillDown) {
  return d.month ? { from: monthStart(d.month), to: monthStart(d.month, 1) } : resolvePeriod(d.period);
}

/** listSlaTickets without the read cache (what every held result equals). */
export function computeSlaTickets(db: Db, d: DrillDown, now: Date) {
  const period = drillPeriod(d);
  const tierId = tierIdOf(db, d.tierCode);
  const metrics = d.band !== undefined ? (["firstResponse"] as const) : d.metric ? [d.metric] : METRICS;
  type Row = { ticketId: number; metric: Metric; outcome: "met" | "breached"; excluded: boolean; at: number };
  const rows: Row[] = [];
  let total = 0;
  for (const metric of metrics) {
    const c = FACTS[metric];
    // One organization: drive the query from its index (unary plus keeps SQLite off the outcome index).
    const plus = d.organizationId !== undefined ? sql`+` : sql``;
    const conds: SQL[] = [
      sql`${plus}${c.at} >= ${period.from.getTime()}`,
      sql`${plus}${c.at} < ${period.to.getTime()}`,
    ];
    if (d.outcome === "met" || d.outcome === "breached")
      conds.push(sql`${plus}${c.outcome} = ${d.outcome}`, eq(ticketSlaFacts.excluded, false));
    else conds.push(sql`${plus}${c.outcome} in ('met', 'breached')`);
    if (d.outcome === "excluded") conds.push(eq(ticketSlaFacts.excluded, true));
    if (d.organizationId !== undefined) conds.push(eq(ticketSlaFacts.organizationId, d.organizationId));
    if (tierId !== undefined) conds.push(eq(ticketSlaFacts.tierId, tierId));
    if (d.region) conds.push(eq(ticketSlaFacts.region, d.region));
    if (d.priority) conds.push(eq(ticketSlaFacts.priority, d.priority));
    if (d.productArea) conds.push(eq(ticketSlaFacts.productArea, d.productArea));
    if (d.category) conds.push(eq(ticketSlaFacts.category, d.category));
    if (d.band !== undefined) conds.push(eq(ticketSlaFacts.frBand, d.band), eq(ticketSlaFacts.excluded, false));
    total +=
      db
        .select({ n: sql<number>`count(*)` })
        .from(ticketSlaFacts)
        .where(and(...conds))
        .get()?.n ?? 0;
    const found = db
      .select({ ticketId: ticketSlaFacts.ticketId, outcome: c.outcome, excluded: ticketSlaFacts.excluded, at: c.at })
      .from(ticketSlaFacts)
      .where(and(...conds))
      .orderBy(desc(c.at))
      .limit(d.limit)
      .all();
    for (const r of found)
      rows.push({ ticketId: r.ticketId, metric, outcome: r.outcome!, excluded: r.excluded, at: r.at! });
  }
  if (d.band === undefined && d.outcome !== "met") {
    const aged = agedBreaches(db, {
      from: period.from,
      to: period.to,
      now,
      tierCode: d.tierCode,
      region: d.region,
      priority: d.priority,
      productArea: d.productArea,
      organizationId: d.organizationId,
      category: d.category,
    });
    for (const a of aged) {
      if (d.metric && a.metric !== d.metric) continue;
      if (d.outcome === "excluded" ? !a.excluded : d.outcome === "breached" && a.excluded) continue;
      total++;
      rows.push({
        ticketId: a.ticketId,
        metric: a.metric,
        outcome: "breached",
        excluded: a.excluded,
        at: a.dueAt.getTime(),
      });
    }
  }
  rows.sort((a, b) => b.at - a.at || b.ticketId - a.ticketId);
  const page = rows.slice(0, d.limit);
  const ids = [...new Set(page.map((r) => r.ticketId))];
  const details =
    ids.length === 0
      ? []
      : db
          .select({
            id: tickets.id,
            subject: tickets.subject,
            priority: tickets.priority,
            status: tickets.status,
            productArea: tickets.productArea,
            category: tickets.category,
            organization: organizations.name,
            tierCode: tiers.code,
            frDueAt: tickets.frDueAt,
            frAchievedAt: tickets.frAchievedAt,
            waDueAt: tickets.waDueAt,
            waAchievedAt: tickets.waAchievedAt,
            resDueAt: tickets.resDueAt,
            resAchievedAt: tickets.resAchievedAt,
          })
          .from(tickets)
          .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
          .innerJoin(tiers, eq(tiers.id, organizations.tierId))
          .where(inArray(tickets.id, ids))
          .all();
  const byId = new Map(details.map((t) => [t.id, t]));
  const prefix = { firstResponse: "fr", workaround: "wa", resolution: "res" } as const;
  return {
    total,
    period: { from: period.from, to: period.to },
    items: page.flatMap((r) => {
      const t = byId.get(r.ticketId);
      if (!t) return [];
      const p = prefix[r.metric];
      return [
        {
          ticketId: t.id,
          subject: t.subject,
          organization: t.organization,
          tierCode: t.tierCode,
          priority: t.priority,
          status: t.status,
          productArea: t.productArea,
          category: t.category,
          metric: r.metric,
          outcome: r.excluded ? ("excluded" as const) : r.outcome,
          dueAt: t[`${p}DueAt`]!,
          achievedAt: t[`${p}AchievedAt`],
        },
      ];
    }),
  };
}

/** Organizations whose name contains the query, for the dashboard's organization filter. */
export function searchOrganizations(db: Db, query: string, limit: number) {
  return db
    .select({ id: organizations.id, name: organizations.name, tierCode: tiers.code })
    .from(organizations)
    .innerJoin(tiers, eq(tiers.id, organizations.tierId))
    .where(
      query.trim()
        ? sql`${organizations.name} like ${`%${query.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`} escape '\\'`
        : undefined,
    )
    .orderBy(asc(organizations.name))
    .limit(limit)
    .all();
}

/** One organization's name (for the filter chip), or null. */
export function organizationName(db: Db, id: number): string | null {
  return (
    db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, id)).get()?.name ?? null
  );
}
