import { z } from "zod";
import { PRODUCT_AREAS, TICKET_CATEGORIES, TICKET_STATUSES } from "@/db/schema/enums";
import {
  countAtRiskNow,
  getSlaAvailability,
  getSlaDashboard,
  getSlaTrend,
  listSlaTickets,
  organizationName,
  searchOrganizations,
} from "@/server/dashboards/service";
import {
  getPublishedSlaReport,
  listSlaReports,
  publishSlaReport,
  unpublishSlaReport,
} from "@/server/dashboards/reports";
import { FR_BANDS } from "@/server/dashboards/rollup";
import { monthsApart } from "@/server/periods/periods";
import { createTRPCRouter, publicProcedure, permittedProcedure } from "../trpc";
import { ZMetric, ZMonth, ZPriority, ZQuarter, ZRegion, ZTierCode } from "../schemas";

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

const ZFigures = z.object({
  met: z.number(),
  breached: z.number(),
  excluded: z.number(),
  n: z.number(),
  attainment: z.number().nullable(),
});
const ZByMetric = z.object({ firstResponse: ZFigures, workaround: ZFigures, resolution: ZFigures });
const ZSatisfaction = z.object({ average: z.number().nullable(), ratings: z.number() });

const ZDashboard = z.object({
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

const ZAvailability = z.object({
  tiers: z.array(
    z.object({
      tierCode: ZTierCode,
      commitment: z.number(),
      current: z.number().nullable(),
      previous: z.number().nullable(),
    }),
  ),
  creditsOwed: z.object({ current: z.number(), previous: z.number() }),
});

const ZTrend = z.object({
  goal: z.number(),
  months: z.array(z.string()),
  series: z.array(
    z.object({ tierCode: ZTierCode, points: z.array(z.object({ month: z.string(), byMetric: ZByMetric })) }),
  ),
});

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
  month: ZMonth.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

const ZDrillDownResult = z.object({
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

const ZReportFigures = ZFigures;
const ZReport = z.object({
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

/** Who reads the SLA dashboards: leadership and the managers who run support. */
const dashboardProcedure = permittedProcedure("sla.dashboards");
/** Publishing a quarter's figures to the public is leadership's call. */
const publisherProcedure = permittedProcedure("sla.publish");

export const slaRouter = createTRPCRouter({
  dashboard: dashboardProcedure
    .input(ZDashboardFilter)
    .output(ZDashboard)
    .query(({ ctx, input }) => getSlaDashboard(ctx.db, input, ctx.now())),
  availability: dashboardProcedure
    .input(ZDashboardFilter)
    .output(ZAvailability)
    .query(({ ctx, input }) => getSlaAvailability(ctx.db, input, ctx.now())),
  /** Tickets at risk now, to the minute (the filter's period does not apply: "now" is the period). */
  atRisk: dashboardProcedure
    .input(ZDashboardFilter.omit({ period: true }))
    .output(z.object({ atRisk: z.number() }))
    .query(({ ctx, input }) => ({ atRisk: countAtRiskNow(ctx.db, input, ctx.now()) })),
  trend: dashboardProcedure
    .input(ZDashboardFilter)
    .output(ZTrend)
    .query(({ ctx, input }) => getSlaTrend(ctx.db, input, ctx.now())),
  tickets: dashboardProcedure
    .input(ZDrillDown)
    .output(ZDrillDownResult)
    .query(({ ctx, input }) => listSlaTickets(ctx.db, input, ctx.now())),
  organizations: dashboardProcedure
    .input(z.object({ query: z.string().max(100), id: z.number().int().positive().optional() }))
    .output(
      z.object({
        items: z.array(z.object({ id: z.number(), name: z.string(), tierCode: ZTierCode })),
        selected: z.string().nullable(),
      }),
    )
    .query(({ ctx, input }) => ({
      items: searchOrganizations(ctx.db, input.query, 20),
      selected: input.id ? organizationName(ctx.db, input.id) : null,
    })),
  reports: dashboardProcedure
    .input(z.void())
    .output(z.array(z.object({ quarter: z.string(), publishedAt: z.date() })))
    .query(({ ctx }) => listSlaReports(ctx.db)),
  publish: publisherProcedure
    .input(z.object({ quarter: ZQuarter }))
    .output(z.object({ quarter: z.string(), publishedAt: z.date() }))
    .mutation(({ ctx, input }) => publishSlaReport(ctx.db, ctx.user.id, input.quarter, ctx.now())),
  unpublish: publisherProcedure
    .input(z.object({ quarter: ZQuarter }))
    .output(z.object({ quarter: z.string() }))
    .mutation(({ ctx, input }) => unpublishSlaReport(ctx.db, ctx.user.id, input.quarter, ctx.now())),
  /** The public report: anyone, signed in or not, may read a published quarter. */
  publishedReport: publicProcedure
    .input(z.object({ quarter: z.string().max(10) }))
    .output(ZReport)
    .query(({ ctx, input }) => getPublishedSlaReport(ctx.db, input.quarter)),
});
