import { z } from "zod";
import { PRODUCT_AREAS, TICKET_STATUSES } from "@/db/schema/enums";
import { listProactiveAlerts, raiseProactiveAlert } from "@/server/incidents/alerts";
import { createTRPCRouter, customerProcedure, permittedProcedure } from "../trpc";

const ZId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const DAY_MS = 86_400_000;

const ZAlert = z.object({
  id: z.number(),
  productArea: z.enum(PRODUCT_AREAS),
  detectedAt: z.date(),
  description: z.string(),
  metric: z.string().nullable(),
  appId: z.string().nullable(),
  ticketId: z.number().nullable(),
  ticketStatus: z.enum(TICKET_STATUSES).nullable(),
  raisedBy: z.string(),
});

export const alertsRouter = createTRPCRouter({
  /** Staff raise an alert from monitoring for an Enterprise organization; it opens a P0 ticket. */
  raise: permittedProcedure("alerts.raise")
    .input(
      z.object({
        organizationId: ZId,
        productArea: z.enum(PRODUCT_AREAS),
        description: z
          .string()
          .trim()
          .min(10, "Please describe what was detected in at least 10 characters.")
          .max(5000),
        detectedAt: z.date().refine((d) => !Number.isNaN(d.getTime()), "Give a valid date and time."),
      }),
    )
    .output(z.object({ id: z.number(), ticketId: z.number() }))
    .mutation(({ ctx, input }) => raiseProactiveAlert(ctx.db, ctx.user, input, ctx.now())),
  /** A customer's own alerts of the last 90 days (for their home page). */
  mine: customerProcedure
    .input(z.void())
    .output(z.array(ZAlert))
    .query(({ ctx }) =>
      listProactiveAlerts(ctx.db, ctx.organizationId, {
        since: new Date(ctx.now().getTime() - 90 * DAY_MS),
        limit: 20,
      }),
    ),
  /** Staff: every alert raised for an organization. */
  forOrganization: permittedProcedure("incidents.read")
    .input(z.object({ organizationId: ZId }))
    .output(z.array(ZAlert))
    .query(({ ctx, input }) => listProactiveAlerts(ctx.db, input.organizationId, { limit: 200 })),
});
