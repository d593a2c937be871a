import type { ProductArea, Region, TicketCategory } from "@/db/schema/enums";
import { businessMinutesBetween, type BusinessCalendar } from "@/server/sla/clock";
import type { Metric, Priority } from "@/server/sla/evaluate";
import { monthOf } from "@/server/periods/periods";

/**
 * Pure rules of the SLA rollups: what one ticket contributes to the dashboards' counts. The service
 * (rollup-service.ts) stores the contribution beside the ticket and applies the difference between
 * the old and the new one on every write, and rebuilds all of them from scratch in bulk.
 */

export type Outcome = "met" | "breached";
export type TargetFact = { outcome: Outcome; month: string; at: number; band: number | null };

/** One ticket's contribution: the dimensions it is counted under and each target's outcome. */
export type TicketFacts = {
  organizationId: number;
  tierId: number;
  region: Region;
  priority: Priority;
  productArea: ProductArea;
  category: TicketCategory;
  excluded: boolean;
  fr: TargetFact | null;
  wa: TargetFact | null;
  res: TargetFact | null;
  /** The rating's month and score, and its instant (ms) for windows that are not whole months. */
  rating: { month: string; at: number; score: number } | null;
};

export const METRIC_KEYS = { firstResponse: "fr", workaround: "wa", resolution: "res" } as const satisfies Record<
  Metric,
  "fr" | "wa" | "res"
>;

/**
 * Upper bounds (inclusive) of the first-response bands, as the share of the target used: up to
 * 25 %, 50 %, 75 %, 100 % (met), 150 %, 200 %, and beyond. Band 3 ends exactly at the due time, so a
 * reply on the due instant is in a "met" band, as it is met.
 */
export const FR_BAND_LIMITS = [0.25, 0.5, 0.75, 1, 1.5, 2, Number.POSITIVE_INFINITY] as const;
export const FR_BANDS = FR_BAND_LIMITS.length;

/** The band of a share of the target used (0.5 = half the target). */
export function bandOf(share: number): number {
  const i = FR_BAND_LIMITS.findIndex((limit) => share <= limit);
  return i === -1 ? FR_BANDS - 1 : i;
}

/**
 * The share of a first-response target used before the reply, in the target's open time: the target
 * minus the open minutes left before the due time (negative once late), over the target. Measured
 * against the due time in force, so a priority change or its grace moves the yardstick with it.
 */
export function targetShareUsed(
  achievedAt: Date,
  dueAt: Date,
  targetMinutes: number,
  calendar: BusinessCalendar,
): number {
  if (targetMinutes <= 0) return achievedAt <= dueAt ? 0 : Number.POSITIVE_INFINITY;
  const left =
    achievedAt <= dueAt
      ? businessMinutesBetween(achievedAt, dueAt, calendar)
      : -businessMinutesBetween(dueAt, achievedAt, calendar);
  return (targetMinutes - left) / targetMinutes;
}

export type StoredTarget = {
  dueAt: Date | null;
  achievedAt: Date | null;
  status: "running" | "paused" | "met" | "breached" | null;
};

/**
 * The outcome of one stored target as the dashboards count it: met at its achieved instant, breached
 * at its due instant (the moment the promise broke, whether or not the ticket was answered later),
 * nothing while it runs. Running targets past due are counted at read time (see attainment.ts).
 */
export function targetFact(t: StoredTarget, band: number | null = null): TargetFact | null {
  if (t.status === "met" && t.achievedAt)
    return { outcome: "met", month: monthOf(t.achievedAt.getTime()), at: t.achievedAt.getTime(), band };
  if (t.status === "breached" && t.dueAt)
    return { outcome: "breached", month: monthOf(t.dueAt.getTime()), at: t.dueAt.getTime(), band };
  return null;
}

export type RollupKey = { month: string; tierId: number; region: Region; priority: Priority; productArea: ProductArea };
export type SlaRollupDelta = RollupKey & {
  metric: Metric;
  met: number;
  breached: number;
  excluded: number;
  bands: number[];
};
export type BreachRollupDelta = RollupKey & { metric: Metric; category: TicketCategory; breached: number };
export type SatisfactionRollupDelta = RollupKey & { ratings: number; scoreSum: number };
export type RollupDeltas = {
  sla: SlaRollupDelta[];
  breaches: BreachRollupDelta[];
  satisfaction: SatisfactionRollupDelta[];
};

/**
 * The rollup rows a ticket's facts add (sign 1) or take away (sign -1). Excluded tickets count in
 * `excluded` only (never in met, breached, bands or breaches by category), per docs/DOMAIN.md.
 */
export function rollupDeltas(f: TicketFacts, sign: 1 | -1): RollupDeltas {
  const out: RollupDeltas = { sla: [], breaches: [], satisfaction: [] };
  const dims = { tierId: f.tierId, region: f.region, priority: f.priority, productArea: f.productArea };
  for (const metric of Object.keys(METRIC_KEYS) as Metric[]) {
    const t = f[METRIC_KEYS[metric]];
    if (!t) continue;
    const bands = new Array<number>(FR_BANDS).fill(0);
    if (!f.excluded && t.band !== null) bands[t.band] = sign;
    out.sla.push({
      ...dims,
      metric,
      month: t.month,
      met: !f.excluded && t.outcome === "met" ? sign : 0,
      breached: !f.excluded && t.outcome === "breached" ? sign : 0,
      excluded: f.excluded ? sign : 0,
      bands,
    });
    if (!f.excluded && t.outcome === "breached")
      out.breaches.push({ ...dims, metric, month: t.month, category: f.category, breached: sign });
  }
  if (f.rating)
    out.satisfaction.push({ ...dims, month: f.rating.month, ratings: sign, scoreSum: sign * f.rating.score });
  return out;
}

/** Whether two facts contribute identically, so a write that changed nothing relevant costs no rollup update. */
export function sameFacts(a: TicketFacts | null, b: TicketFacts | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
