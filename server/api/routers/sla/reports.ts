import { z } from "zod";
import {
  getPublishedSlaReport,
  listSlaReports,
  publishSlaReport,
  unpublishSlaReport,
} from "@/server/dashboards/reports";
import { permittedProcedure, publicProcedure } from "../../trpc";
import { ZQuarter } from "../../schemas";
import { ZReport } from "./outputs";

/** Who reads the SLA dashboards: leadership and the managers who run support. */
const dashboardProcedure = permittedProcedure("sla.dashboards");
/** Publishing a quarter's figures to the public is leadership's call. */
const publisherProcedure = permittedProcedure("sla.publish");

/** Quarterly SLA reports: published by leadership, read by anyone. */
export const slaReports = {
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
  /** The index of published quarters, newest first: anyone, signed in or not (/reports/sla). */
  publishedReports: publicProcedure
    .input(z.void())
    .output(z.array(z.object({ quarter: z.string(), publishedAt: z.date() })))
    .query(({ ctx }) => listSlaReports(ctx.db)),
  /** The public report: anyone, signed in or not, may read a published quarter. */
  publishedReport: publicProcedure
    .input(z.object({ quarter: z.string().max(10) }))
    .output(ZReport)
    .query(({ ctx, input }) => getPublishedSlaReport(ctx.db, input.quarter)),
};
