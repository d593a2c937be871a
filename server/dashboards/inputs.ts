import { z } from "zod";
import { PRODUCT_AREAS, TICKET_CATEGORIES } from "@/db/schema/enums";
import { ZMetric, ZMonth, ZPriority, ZQuarter, ZRegion, ZTierCode } from "@/server/api/schemas";
import { monthsApart } from "@/server/periods/periods";
import { FR_BANDS } from "./rollup";

/** A month, a quarter or a custom run of at most 36 months. */
export const ZPeriodSelection = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("month"), month: ZMonth }),
    z.object({ kind: z.literal("quarter"), quarter: ZQuarter }),
    z.object({ kind: z.literal("custom"), fromMonth: ZMonth, toMonth: ZMonth }),
  ])
  .refine((p) => p.kind !== "custom" || p.fromMonth <= p.toMonth, {
    message: "The period must end after it starts.",
    path: ["toMonth"],
  })
  .refine((p) => p.kind !== "custom" || monthsApart(p.fromMonth, p.toMonth) < 36, {
    message: "Choose a period of at most 36 months.",
    path: ["toMonth"],
  });

export const ZDashboardFilter = z.object({
  period: ZPeriodSelection,
  tierCode: ZTierCode.optional(),
  productArea: z.enum(PRODUCT_AREAS).optional(),
  region: ZRegion.optional(),
  priority: ZPriority.optional(),
  organizationId: z.number().int().positive().optional(),
});
export type DashboardFilter = z.infer<typeof ZDashboardFilter>;

/** The dashboard's filter narrowed to the tickets behind one figure. */
export const ZDrillDown = ZDashboardFilter.extend({
  metric: ZMetric.optional(),
  outcome: z.enum(["met", "breached", "excluded"]).optional(),
  category: z.enum(TICKET_CATEGORIES).optional(),
  band: z
    .number()
    .int()
    .min(0)
    .max(FR_BANDS - 1)
    .optional(),
  /** Narrows the period to one of its months (a trend point). */
  month: ZMonth.optional(),
  /** The instant the figure was read at (the dashboard's `asOf`, in ms): the list reads as of then, never later than now. */
  asOf: z.number().int().min(0).max(8_640_000_000_000_000).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type DrillDown = z.infer<typeof ZDrillDown>;
