/**
 * The frozen figures of a quarterly service review, and the pure assembly of them from what the
 * service loaded. Pure: no database, no clock, no environment. The snapshot is stored as JSON in
 * `reviews.snapshot`; its schema is the one contract between generation, storage and display.
 */
import { z } from "zod";
import { HEALTH_FACTORS, type Health } from "@/server/accounts/health";
import { METRICS, PRIORITIES, PRODUCT_AREAS, TICKET_CATEGORIES, TIER_CODES } from "@/db/schema/enums";

const ZFigures = z.object({
  met: z.number(),
  breached: z.number(),
  excluded: z.number(),
  n: z.number(),
  attainment: z.number().nullable(),
});
const ZMetricKey = z.enum(METRICS);
const ZPriorityKey = z.enum(PRIORITIES);

export const ZAttainment = z.object({
  byMetric: z.record(ZMetricKey, ZFigures),
  byMetricPriority: z.record(ZMetricKey, z.record(ZPriorityKey, ZFigures)),
});
export type AttainmentFigures = z.infer<typeof ZAttainment>;

const ZTrendRow = z.object({ key: z.string(), current: z.number(), previous: z.number() });

export const ZReviewSnapshot = z.object({
  version: z.literal(1),
  quarter: z.string(),
  previousQuarter: z.string(),
  from: z.string(),
  to: z.string(),
  organization: z.object({
    id: z.number(),
    name: z.string(),
    tier: z.enum(TIER_CODES),
    timeZone: z.string(),
    monthlyFeeCents: z.number(),
  }),
  attainment: z.object({ current: ZAttainment, previous: ZAttainment }),
  volume: z.object({
    total: z.number(),
    previousTotal: z.number(),
    byMonth: z.array(z.object({ month: z.string(), tickets: z.number() })),
    byProductArea: z.array(ZTrendRow),
    byCategory: z.array(ZTrendRow),
    byPriority: z.array(ZTrendRow),
  }),
  breaches: z.array(
    z.object({
      ticketId: z.number(),
      subject: z.string(),
      priority: ZPriorityKey,
      metric: ZMetricKey,
      dueAt: z.string(),
      achievedAt: z.string().nullable(),
    }),
  ),
  availability: z.object({
    commitment: z.number(),
    months: z.array(
      z.object({
        month: z.string(),
        availability: z.number(),
        commitment: z.number(),
        downtimeMinutes: z.number(),
        creditPercent: z.number(),
        creditCents: z.number(),
        incidentIds: z.array(z.number()),
      }),
    ),
    creditsCents: z.number(),
    incidents: z.array(
      z.object({
        id: z.number(),
        title: z.string(),
        severity: z.string(),
        productArea: z.string(),
        startedAt: z.string(),
        endedAt: z.string().nullable(),
        planned: z.boolean(),
      }),
    ),
  }),
  satisfaction: z.object({
    current: z.object({ n: z.number(), average: z.number().nullable() }),
    previous: z.object({ n: z.number(), average: z.number().nullable() }),
  }),
  kbGaps: z.object({ tickets: z.number(), queries: z.array(z.object({ query: z.string(), count: z.number() })) }),
  proactiveAlerts: z.array(
    z.object({
      id: z.number(),
      detectedAt: z.string(),
      productArea: z.string(),
      description: z.string(),
      /** A monitoring alert's metric and App ID, worded by the page (none in snapshots frozen before). */
      metric: z.string().nullable().default(null),
      appId: z.string().nullable().default(null),
      ticketId: z.number().nullable(),
    }),
  ),
  health: z.object({
    score: z.number(),
    band: z.enum(["green", "yellow", "red"]),
    factors: z.array(
      z.object({
        key: z.enum(HEALTH_FACTORS),
        weight: z.number(),
        subscore: z.number(),
        contribution: z.number(),
        detail: z.record(z.string(), z.number().nullable()),
      }),
    ),
  }),
});
export type ReviewSnapshot = z.infer<typeof ZReviewSnapshot>;

export type SnapshotInputs = {
  quarter: string;
  previousQuarter: string;
  from: Date;
  to: Date;
  organization: ReviewSnapshot["organization"];
  attainment: { current: AttainmentFigures; previous: AttainmentFigures };
  /** Tickets filed, one row per (period, month, product area, category, priority) with its count. */
  ticketCounts: {
    period: "current" | "previous";
    month: string;
    productArea: string;
    category: string;
    priority: string;
    n: number;
  }[];
  months: string[];
  breaches: {
    ticketId: number;
    subject: string;
    priority: (typeof PRIORITIES)[number];
    metric: (typeof METRICS)[number];
    dueAt: Date;
    achievedAt: Date | null;
  }[];
  commitment: number;
  availability: {
    month: string;
    availability: number;
    commitment: number;
    downtimeMinutes: number;
    creditPercent: number;
    incidentIds: number[];
  }[];
  incidents: {
    id: number;
    title: string;
    severity: string;
    productArea: string;
    startedAt: Date;
    endedAt: Date | null;
    planned: boolean;
  }[];
  satisfaction: { current: { n: number; sum: number }; previous: { n: number; sum: number } };
  kbGapQueries: string[];
  kbGapTickets: number;
  proactiveAlerts: {
    id: number;
    detectedAt: Date;
    productArea: string;
    description: string;
    metric: string | null;
    appId: string | null;
    ticketId: number | null;
  }[];
  health: Health;
};

function trend(
  rows: SnapshotInputs["ticketCounts"],
  keys: readonly string[],
  pick: (r: SnapshotInputs["ticketCounts"][number]) => string,
) {
  return keys
    .map((key) => ({
      key,
      current: rows.filter((r) => r.period === "current" && pick(r) === key).reduce((s, r) => s + r.n, 0),
      previous: rows.filter((r) => r.period === "previous" && pick(r) === key).reduce((s, r) => s + r.n, 0),
    }))
    .filter((r) => r.current > 0 || r.previous > 0);
}

const average = (x: { n: number; sum: number }) => ({
  n: x.n,
  average: x.n > 0 ? Math.round((x.sum / x.n) * 100) / 100 : null,
});

/**
 * Assembles the snapshot. Invariants: every breach listed is one counted in the current
 * attainment (the service passes exactly those); credits are the monthly fee times each month's
 * credit percentage, summed over the quarter; KB gap queries are grouped case-insensitively,
 * most frequent first, at most ten.
 */
export function assembleSnapshot(i: SnapshotInputs): ReviewSnapshot {
  const months = i.availability.map((m) => ({
    ...m,
    creditCents: Math.round((i.organization.monthlyFeeCents * m.creditPercent) / 100),
  }));
  const gapCounts = new Map<string, { query: string; count: number }>();
  for (const q of i.kbGapQueries) {
    const key = q.trim().toLowerCase();
    if (!key) continue;
    const entry = gapCounts.get(key) ?? { query: q.trim(), count: 0 };
    entry.count++;
    gapCounts.set(key, entry);
  }
  return {
    version: 1,
    quarter: i.quarter,
    previousQuarter: i.previousQuarter,
    from: i.from.toISOString(),
    to: i.to.toISOString(),
    organization: i.organization,
    attainment: i.attainment,
    volume: {
      total: i.ticketCounts.filter((r) => r.period === "current").reduce((s, r) => s + r.n, 0),
      previousTotal: i.ticketCounts.filter((r) => r.period === "previous").reduce((s, r) => s + r.n, 0),
      byMonth: i.months.map((month) => ({
        month,
        tickets: i.ticketCounts.filter((r) => r.period === "current" && r.month === month).reduce((s, r) => s + r.n, 0),
      })),
      byProductArea: trend(i.ticketCounts, PRODUCT_AREAS, (r) => r.productArea),
      byCategory: trend(i.ticketCounts, TICKET_CATEGORIES, (r) => r.category),
      byPriority: trend(i.ticketCounts, PRIORITIES, (r) => r.priority),
    },
    breaches: [...i.breaches]
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.ticketId - b.ticketId)
      .map((b) => ({ ...b, dueAt: b.dueAt.toISOString(), achievedAt: b.achievedAt?.toISOString() ?? null })),
    availability: {
      commitment: i.commitment,
      months,
      creditsCents: months.reduce((s, m) => s + m.creditCents, 0),
      incidents: i.incidents.map((x) => ({
        ...x,
        startedAt: x.startedAt.toISOString(),
        endedAt: x.endedAt?.toISOString() ?? null,
      })),
    },
    satisfaction: { current: average(i.satisfaction.current), previous: average(i.satisfaction.previous) },
    kbGaps: {
      tickets: i.kbGapTickets,
      queries: [...gapCounts.values()].sort((a, b) => b.count - a.count || a.query.localeCompare(b.query)).slice(0, 10),
    },
    proactiveAlerts: i.proactiveAlerts.map((a) => ({ ...a, detectedAt: a.detectedAt.toISOString() })),
    health: i.health,
  };
}

/**
 * The open action items of the previous review that carry into a new one: everything not done,
 * each remembering the item it came from (or that item's own origin, so a chain points at the first).
 */
export function carriedItems<T extends { id: number; status: string; carriedFromId: number | null }>(
  previous: T[],
): (T & { carriedFromId: number })[] {
  return previous.filter((a) => a.status !== "done").map((a) => ({ ...a, carriedFromId: a.carriedFromId ?? a.id }));
}
