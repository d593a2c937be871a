import { z } from "zod";
import { ESCALATION_ROUTE_MODES, PRODUCT_AREAS, SUPPORT_ROLES } from "@/db/schema/enums";
import { listEscalationRoutes, routeCandidates, saveEscalationRoute } from "@/server/tickets/escalation-routes";
import { permittedProcedure } from "../../trpc";
import { ZId } from "./schemas";

const admin = permittedProcedure("admin.settings");

/** Escalation routes per product area (issue #22): where an escalation to L2 goes; set by administrators. */
export const ticketRoutes = {
  escalationRoutes: admin
    .input(z.void())
    .output(
      z.object({
        routes: z.array(
          z.object({
            productArea: z.enum(PRODUCT_AREAS),
            mode: z.enum(ESCALATION_ROUTE_MODES),
            experts: z.array(z.object({ id: z.number(), name: z.string() })),
          }),
        ),
        candidates: z.array(z.object({ id: z.number(), name: z.string(), role: z.enum(SUPPORT_ROLES) })),
      }),
    )
    .query(({ ctx }) => ({
      routes: listEscalationRoutes(ctx.db),
      candidates: routeCandidates(ctx.db) as { id: number; name: string; role: (typeof SUPPORT_ROLES)[number] }[],
    })),
  saveEscalationRoute: admin
    .input(
      z.object({
        productArea: z.enum(PRODUCT_AREAS),
        mode: z.enum(ESCALATION_ROUTE_MODES),
        expertIds: z.array(ZId).max(50),
      }),
    )
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => saveEscalationRoute(ctx.db, ctx.user, input, ctx.now())),
};
