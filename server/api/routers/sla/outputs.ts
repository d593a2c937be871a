import { z } from "zod";
import { PRODUCT_AREAS, TICKET_CATEGORIES, TICKET_STATUSES } from "@/db/schema/enums";
import { ZMetric, ZPriority, ZTierCode } from "../../schemas";

export const ZFigures = z.object({
  met: z.number(),
  breached: z.number(),
  excluded: z.number(),
  n: z.number(),
  attainment: z.number().nullable(),
});
export const ZByMetric = z.object({ firstResponse: ZFigures, workaround: ZFigures, resolution: ZFigures });
export const ZSatisfaction = z.object({ average: z.number().nullable(), ratings: z.number() });

export const ZDashboard = z.object({
  /** The instant the figures are read at (the minute's start, at most the period's end); drill-downs read at it too. */
  asOf: z.date(),
  period: z.object({ from: z.date(), to: z.date(), months: z.array(z.string()) }),
  previous: z.object({ from: z.date(), to: z.date() }),
  tiles: z.object({
    attainment: z.object({ current: ZByMetric, previous: ZByMetric }),
    breaches: z.object({ current: z.number(), previous: z.number() }),
    satisfaction: z.object({ current: ZSatisfaction, previous: ZSatisfaction }),
  }),
  heatmap: z.array(z.object({ tierCode: ZTierCode, priority: ZPriority, byMetric: ZByMetric })),
  firstResponseBands: z.array(z.number()),
  breaches: z.array(
    z.object({ productArea: z.enum(PRODUCT_AREAS), category: z.enum(TICKET_CATEGORIES), breached: z.number() }),
  ),
});

export const ZAvailability = z.object({
  tiers: z.array(
    z.object({
      tierCode: ZTierCode,
      commitment: z.number(),
      current: z.number().nullable(),
      previous: z.number().nullable(),
    }),
  ),
  creditsOwed: z.object({
    current: z.number(),
    previous: z.number(),
    currentCents: z.number(),
    previousCents: z.number(),
  }),
});

export const ZTrend = z.object({
  goal: z.number(),
  months: z.array(z.string()),
  series: z.array(
    z.object({ tierCode: ZTierCode, points: z.array(z.object({ month: z.string(), byMetric: ZByMetric })) }),
  ),
});

export const ZDrillDownResult = z.object({
  total: z.number(),
  period: z.object({ from: z.date(), to: z.date() }),
  items: z.array(
    z.object({
      ticketId: z.number(),
      subject: z.string(),
      organization: z.string(),
      tierCode: ZTierCode,
      priority: ZPriority,
      status: z.enum(TICKET_STATUSES),
      productArea: z.enum(PRODUCT_AREAS),
      category: z.enum(TICKET_CATEGORIES),
      metric: ZMetric,
      outcome: z.enum(["met", "breached", "excluded"]),
      dueAt: z.date(),
      achievedAt: z.date().nullable(),
    }),
  ),
});

export const ZReportFigures = ZFigures;
export const ZReport = z.object({
  quarter: z.string(),
  publishedAt: z.date(),
  tiers: z.array(
    z.object({
      code: ZTierCode,
      availabilityCommitment: z.number(),
      availability: z.number().nullable(),
      metrics: z.object({ firstResponse: ZReportFigures, workaround: ZReportFigures, resolution: ZReportFigures }),
    }),
  ),
});
