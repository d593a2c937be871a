import { z } from "zod";
import { ZDashboardFilter, ZDrillDown } from "@/server/dashboards/inputs";
import {
  countAtRiskNow,
  getSlaAvailability,
  getSlaDashboard,
  getSlaTrend,
  listSlaTickets,
  organizationName,
  searchOrganizations,
} from "@/server/dashboards/service";
import { permittedProcedure } from "../../trpc";
import { ZTierCode } from "../../schemas";
import { ZAvailability, ZDashboard, ZDrillDownResult, ZTrend } from "./outputs";

/** Who reads the SLA dashboards: leadership and the managers who run support. */
const dashboardProcedure = permittedProcedure("sla.dashboards");

/** The SLA dashboards: figures, trend, tickets at risk and the tickets behind a figure. */
export const slaDashboards = {
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
};
