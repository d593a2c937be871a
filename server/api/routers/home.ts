import { z } from "zod";
import { getOrganizationOverview } from "@/server/accounts/service";
import { getStaffHome, getTierOverview } from "@/server/home/service";
import { createTRPCRouter, customerProcedure, roleProcedure } from "../trpc";
import { ZPriority, ZRegion, ZTargetCell, ZTierChannels, ZTierCode } from "../schemas";

const ZOrganizationOverview = z.object({
  id: z.number(),
  name: z.string(),
  region: ZRegion,
  timeZone: z.string(),
  contractStart: z.string(),
  contractEnd: z.string(),
  daysToRenewal: z.number(),
  tier: z.object({
    code: ZTierCode,
    channels: ZTierChannels,
    namedContacts: z.enum(["none", "am", "am_tam"]),
    reviewCadence: z.enum(["none", "quarterly", "quarterly_monthly"]),
    proactiveAlerts: z.boolean(),
    availabilityCommitment: z.number(),
    hotline: z.string().nullable(),
  }),
  calendar: z.object({ name: z.string(), timeZone: z.string(), hours: z.array(z.object({ day: z.number(), start: z.string(), end: z.string() })) }),
  targets: z.array(ZTargetCell),
  team: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      email: z.string(),
      title: z.string().nullable(),
      phone: z.string().nullable(),
      chatHandle: z.string().nullable(),
      timeZone: z.string(),
      workingHours: z.string().nullable(),
      role: z.enum(["am", "tam"]),
    }),
  ),
  openTickets: z.number(),
});

export const homeRouter = createTRPCRouter({
  customer: customerProcedure
    .input(z.void())
    .output(ZOrganizationOverview)
    .query(({ ctx }) => getOrganizationOverview(ctx.db, ctx.organizationId, ctx.now())),
  staff: roleProcedure("agent", "expert", "manager", "account_manager", "admin")
    .input(z.void())
    .output(
      z.object({
        byPriority: z.array(z.object({ priority: ZPriority, total: z.number(), breached: z.number(), dueSoon: z.number(), mine: z.number() })),
        unassigned: z.number(),
      }),
    )
    .query(({ ctx }) => getStaffHome(ctx.db, ctx.now(), ctx.user.id)),
  tiers: roleProcedure("executive", "manager", "admin")
    .input(z.void())
    .output(
      z.array(
        z.object({
          code: ZTierCode,
          availabilityCommitment: z.number(),
          organizations: z.number(),
          openTickets: z.number(),
          firstResponse: z.object({ met: z.number(), breached: z.number(), excluded: z.number(), attainment: z.number().nullable() }),
        }),
      ),
    )
    .query(({ ctx }) => getTierOverview(ctx.db, ctx.now())),
});
