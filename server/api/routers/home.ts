import { z } from "zod";
import { getOrganizationOverview } from "@/server/accounts/service";
import { getStaffHome, getTierOverview } from "@/server/home/service";
import { createTRPCRouter, customerProcedure, permittedProcedure } from "../trpc";
import { ZOrganizationOverview, ZPriority, ZTierCode } from "../schemas";

export const homeRouter = createTRPCRouter({
  customer: customerProcedure
    .input(z.void())
    .output(ZOrganizationOverview)
    .query(({ ctx }) => getOrganizationOverview(ctx.db, ctx.organizationId, ctx.now())),
  staff: permittedProcedure("home.staff")
    .input(z.void())
    .output(
      z.object({
        byPriority: z.array(
          z.object({
            priority: ZPriority,
            total: z.number(),
            breached: z.number(),
            dueSoon: z.number(),
            mine: z.number(),
          }),
        ),
        unassigned: z.number(),
      }),
    )
    .query(({ ctx }) => getStaffHome(ctx.db, ctx.now(), ctx.user.id)),
  tiers: permittedProcedure("sla.dashboards")
    .input(z.void())
    .output(
      z.array(
        z.object({
          code: ZTierCode,
          availabilityCommitment: z.number(),
          organizations: z.number(),
          openTickets: z.number(),
          firstResponse: z.object({
            met: z.number(),
            breached: z.number(),
            excluded: z.number(),
            attainment: z.number().nullable(),
          }),
        }),
      ),
    )
    .query(({ ctx }) => getTierOverview(ctx.db, ctx.now())),
});
