import { and, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { organizations, slaRollups, ticketSlaFacts, tickets, tiers } from "@/db/schema";
import {
  OPEN_STATUS_SQL_LIST,
  type ProductArea,
  type Region,
  type TicketCategory,
  type TierCode,
} from "@/db/schema/enums";
import type { Db } from "@/server/db";
import { METRICS, PRIORITIES, type Metric, type Priority } from "@/server/sla/evaluate";
import { isMonthStart, monthOf, monthsBetween } from "@/server/periods/periods";
import { figures, type Figures } from "./figures";
import { FR_BANDS } from "./rollup";

export { figures, type Figures };

export type AttainmentFilter = {
  from: Date;
  to: Date;
  organizationId?: number;
  tierCode?: TierCode;
  priority?: Priority;
  productArea?: ProductArea;
  region?: Region;
  /**
   * The instant the figures are read at. When given, targets still running past their due time
   * count as breached (as evaluateSla would say now), although their stored state was written
   * before they ran out. Without it, figures are those of the stored state.
   */
  now?: Date;
};

export type Attainment = {
  byMetric: Record<Metric, Figures>;
  byMetricPriority: Record<Metric, Record<Priority, Figures>>;
};

/** Target outcomes in one cell of metric x month x tier x priority; bands only for first response. */
export type Cell = {
  metric: Metric;
  month: string;
  tierId: number;
  priority: Priority;
  met: number;
  breached: number;
  excluded: number;
  bands: number[];
};

/** A target still running past its due time: breached now, though its stored state predates that. */
export type AgedBreach = {
  ticketId: number;
  metric: Metric;
  dueAt: Date;
  organizationId: number;
  tierId: number;
  priority: Priority;
  productArea: ProductArea;
  category: TicketCategory;
  excluded: boolean;
};

const FACT_COLUMNS = {
  firstResponse: { outcome: ticketSlaFacts.frOutcome, month: ticketSlaFacts.frMonth, at: ticketSlaFacts.frAt },
  workaround: { outcome: ticketSlaFacts.waOutcome, month: ticketSlaFacts.waMonth, at: ticketSlaFacts.waAt },
  resolution: { outcome: ticketSlaFacts.resOutcome, month: ticketSlaFacts.resMonth, at: ticketSlaFacts.resAt },
} as const;

const TICKET_COLUMNS = [
  ["firstResponse", "fr"],
  ["workaround", "wa"],
  ["resolution", "res"],
] as const;

/** The tier id of a tier code, or -1 (matches nothing) for an unknown one. */
export function tierIdOf(db: Db, code: TierCode | undefined): number | undefined {
  if (!code) return undefined;
  return db.select({ id: tiers.id }).from(tiers).where(eq(tiers.code, code)).get()?.id ?? -1;
}

/** Whether the rollups can answer the filter (whole UTC months, no single organization). */
export function rollupsAnswer(f: AttainmentFilter): boolean {
  return f.organizationId === undefined && isMonthStart(f.from) && isMonthStart(f.to);
}

/**
 * Target outcomes in [from, to) per metric, month, tier and priority, from the rollups when they
 * can answer and otherwise from the per-ticket facts (a single organization, or a period not made
 * of whole months), which hold the same counts ticket by ticket. Aged breaches are not included.
 */
export function slaCells(db: Db, f: AttainmentFilter): Cell[] {
  const tierId = tierIdOf(db, f.tierCode);
  if (rollupsAnswer(f)) {
    const months = monthsBetween(f.from, f.to);
    if (months.length === 0) return [];
    const conds: SQL[] = [inArray(slaRollups.month, months)];
    if (tierId !== undefined) conds.push(eq(slaRollups.tierId, tierId));
    if (f.region) conds.push(eq(slaRollups.region, f.region));
    if (f.priority) conds.push(eq(slaRollups.priority, f.priority));
    if (f.productArea) conds.push(eq(slaRollups.productArea, f.productArea));
    return db
      .select({
        metric: slaRollups.metric,
        month: slaRollups.month,
        tierId: slaRollups.tierId,
        priority: slaRollups.priority,
        met: sql<number>`sum(${slaRollups.met})`,
        breached: sql<number>`sum(${slaRollups.breached})`,
        excluded: sql<number>`sum(${slaRollups.excluded})`,
        b0: sql<number>`sum(${slaRollups.band0})`,
        b1: sql<number>`sum(${slaRollups.band1})`,
        b2: sql<number>`sum(${slaRollups.band2})`,
        b3: sql<number>`sum(${slaRollups.band3})`,
        b4: sql<number>`sum(${slaRollups.band4})`,
        b5: sql<number>`sum(${slaRollups.band5})`,
        b6: sql<number>`sum(${slaRollups.band6})`,
      })
      .from(slaRollups)
      .where(and(...conds))
      .groupBy(slaRollups.metric, slaRollups.month, slaRollups.tierId, slaRollups.priority)
      .all()
      .map((r) => ({
        metric: r.metric,
        month: r.month,
        tierId: r.tierId,
        priority: r.priority,
        met: r.met,
        breached: r.breached,
        excluded: r.excluded,
        bands: [r.b0, r.b1, r.b2, r.b3, r.b4, r.b5, r.b6],
      }));
  }
  const out: Cell[] = [];
  for (const metric of METRICS) {
    const c = FACT_COLUMNS[metric];
    // One organization: drive the query from its (organization, time) index (unary plus keeps SQLite off the outcome index).
    const byOrg = f.organizationId !== undefined;
    const conds: SQL[] = byOrg
      ? [
          eq(ticketSlaFacts.organizationId, f.organizationId!),
          sql`+${c.outcome} in ('met', 'breached')`,
          gte(c.at, f.from.getTime()),
          lt(c.at, f.to.getTime()),
        ]
      : [inArray(c.outcome, ["met", "breached"]), gte(c.at, f.from.getTime()), lt(c.at, f.to.getTime())];
    if (tierId !== undefined) conds.push(eq(ticketSlaFacts.tierId, tierId));
    if (f.region) conds.push(eq(ticketSlaFacts.region, f.region));
    if (f.priority) conds.push(eq(ticketSlaFacts.priority, f.priority));
    if (f.productArea) conds.push(eq(ticketSlaFacts.productArea, f.productArea));
    const bandSums = Array.from({ length: FR_BANDS }, (_, i) =>
      metric === "firstResponse"
        ? sql<number>`sum(case when ${ticketSlaFacts.excluded} = 0 and ${ticketSlaFacts.frBand} = ${i} then 1 else 0 end)`
        : sql<number>`0`,
    );
    const rows = db
      .select({
        month: sql<string>`${c.month}`,
        tierId: ticketSlaFacts.tierId,
        priority: ticketSlaFacts.priority,
        met: sql<number>`sum(case when ${ticketSlaFacts.excluded} = 0 and ${c.outcome} = 'met' then 1 else 0 end)`,
        breached: sql<number>`sum(case when ${ticketSlaFacts.excluded} = 0 and ${c.outcome} = 'breached' then 1 else 0 end)`,
        excluded: sql<number>`sum(${ticketSlaFacts.excluded})`,
        bands: sql<string>`json_array(${sql.join(bandSums, sql`, `)})`,
      })
      .from(ticketSlaFacts)
      .where(and(...conds))
      .groupBy(c.month, ticketSlaFacts.tierId, ticketSlaFacts.priority)
      .all();
    for (const r of rows)
      out.push({
        metric,
        month: r.month,
        tierId: r.tierId,
        priority: r.priority,
        met: r.met,
        breached: r.breached,
        excluded: r.excluded,
        bands: JSON.parse(r.bands) as number[],
      });
  }
  return out;
}

/**
 * Targets still running past their due time within [from, min(to, now)), with the filter applied:
 * breached now, although no write has yet stored them so. Read from the open tickets through the
 * queue's partial index (open tickets under the SLA by nearest due time).
 */
export function agedBreaches(db: Db, f: AttainmentFilter & { now: Date; category?: TicketCategory }): AgedBreach[] {
  const end = Math.min(f.to.getTime(), f.now.getTime());
  if (end <= f.from.getTime()) return [];
  const tierId = tierIdOf(db, f.tierCode);
  const conds: SQL[] = [
    sql`${tickets.nextDueAt} is not null and ${tickets.outsideSla} = 0 and ${tickets.nextDueAt} < ${end}`,
    sql`+${tickets.status} in (${sql.raw(OPEN_STATUS_SQL_LIST)})`,
  ];
  // Unary plus: an organization's open tickets can be thousands, the overdue ones across all a handful.
  if (f.organizationId !== undefined) conds.push(sql`+${tickets.organizationId} = ${f.organizationId}`);
  if (tierId !== undefined) conds.push(eq(organizations.tierId, tierId));
  if (f.region) conds.push(eq(organizations.region, f.region));
  if (f.priority) conds.push(eq(tickets.priority, f.priority));
  if (f.productArea) conds.push(eq(tickets.productArea, f.productArea));
  if (f.category) conds.push(eq(tickets.category, f.category));
  const rows = db
    .select({
      id: tickets.id,
      organizationId: tickets.organizationId,
      tierId: organizations.tierId,
      priority: tickets.priority,
      productArea: tickets.productArea,
      category: tickets.category,
      exclusionReason: tickets.exclusionReason,
      frDueAt: tickets.frDueAt,
      frStatus: tickets.frStatus,
      waDueAt: tickets.waDueAt,
      waStatus: tickets.waStatus,
      resDueAt: tickets.resDueAt,
      resStatus: tickets.resStatus,
    })
    .from(tickets)
    // CROSS JOIN keeps the overdue open tickets (partial index) as the outer loop, not the organizations.
    .crossJoin(organizations)
    .where(and(eq(organizations.id, tickets.organizationId), ...conds))
    .all();
  const out: AgedBreach[] = [];
  for (const r of rows) {
    for (const [metric, p] of TICKET_COLUMNS) {
      const due = r[`${p}DueAt`];
      if (r[`${p}Status`] !== "running" || !due) continue;
      const t = due.getTime();
      if (t < f.from.getTime() || t >= end) continue;
      out.push({
        ticketId: r.id,
        metric,
        dueAt: due,
        organizationId: r.organizationId,
        tierId: r.tierId,
        priority: r.priority,
        productArea: r.productArea,
        category: r.category,
        excluded: r.exclusionReason !== null,
      });
    }
  }
  return out;
}

/**
 * Cells with the aged breaches added in: the figures as they stand at `now`. `aged`, when given, is
 * agedBreaches over a window that covers [from, to) under the same filter (read once for several
 * periods: the open tickets are the part of the figures that grows with the data).
 */
export function cellsAt(db: Db, f: AttainmentFilter, aged?: readonly AgedBreach[]): Cell[] {
  const cells = slaCells(db, f);
  if (!f.now) return cells;
  const index = new Map(cells.map((c) => [`${c.metric}|${c.month}|${c.tierId}|${c.priority}`, c]));
  const end = Math.min(f.to.getTime(), f.now.getTime());
  const within = aged
    ? aged.filter((a) => a.dueAt.getTime() >= f.from.getTime() && a.dueAt.getTime() < end)
    : agedBreaches(db, { ...f, now: f.now });
  for (const a of within) {
    const month = monthOf(a.dueAt.getTime());
    const key = `${a.metric}|${month}|${a.tierId}|${a.priority}`;
    let c = index.get(key);
    if (!c) {
      c = {
        metric: a.metric,
        month,
        tierId: a.tierId,
        priority: a.priority,
        met: 0,
        breached: 0,
        excluded: 0,
        bands: new Array<number>(FR_BANDS).fill(0),
      };
      index.set(key, c);
      cells.push(c);
    }
    if (a.excluded) c.excluded++;
    else c.breached++;
  }
  return cells;
}

/** Sums cells into figures. */
export function sumCells(cells: readonly Cell[]): Figures {
  let met = 0;
  let breached = 0;
  let excluded = 0;
  for (const c of cells) {
    met += c.met;
    breached += c.breached;
    excluded += c.excluded;
  }
  return figures(met, breached, excluded);
}

/**
 * SLA attainment for a period, per metric and per metric x priority, following docs/DOMAIN.md: counted
 * per target over the targets whose outcome fell in [from, to) (met: achieved in it; breached: its
 * due time in it), targets of excluded tickets counted beside instead of in n, tickets outside the
 * SLA ignored. Priority is the ticket's priority in force. Read from the rollups kept current by
 * every ticket write (or the per-ticket facts, see slaCells); the dashboards and the quarterly
 * service reviews both call this, so a review's figures equal the ones on /sla.
 */
export function getAttainment(db: Db, filter: AttainmentFilter): Attainment {
  const cells = cellsAt(db, filter);
  const byMetric = {} as Record<Metric, Figures>;
  const byMetricPriority = {} as Record<Metric, Record<Priority, Figures>>;
  for (const metric of METRICS) {
    const mine = cells.filter((c) => c.metric === metric);
    byMetric[metric] = sumCells(mine);
    byMetricPriority[metric] = Object.fromEntries(
      PRIORITIES.map((p) => [p, sumCells(mine.filter((c) => c.priority === p))]),
    ) as Record<Priority, Figures>;
  }
  return { byMetric, byMetricPriority };
}
