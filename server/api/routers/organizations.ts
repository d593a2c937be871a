import { z } from "zod";
import { TIER_CHANNELS } from "@/db/schema/enums";
import { ZOrganizationInput, ZUpdateOrganizationInput } from "@/server/organizations/rules";
import {
  createOrganization,
  getOrganizationRecord,
  listOrganizations,
  organizationFormChoices,
  updateOrganization,
} from "@/server/organizations/service";
import { createTRPCRouter, permittedProcedure } from "../trpc";
import { ZRegion, ZTierCode } from "../schemas";

const adminProcedure = permittedProcedure("organizations.admin");

const ZOrganizationRecord = z.object({
  id: z.number(),
  name: z.string(),
  slug: z.string(),
  tierCode: ZTierCode,
  region: ZRegion,
  calendarId: z.number(),
  timeZone: z.string(),
  contractStart: z.string(),
  contractEnd: z.string(),
  availabilityCommitment: z.number().nullable(),
  accountManagerId: z.number().nullable(),
  technicalAccountManagerId: z.number().nullable(),
  hotline: z.string().nullable(),
  supportEmail: z.string().nullable(),
  chatHandle: z.string().nullable(),
  groupLink: z.string().nullable(),
  ssoRequired: z.boolean(),
  customers: z.number(),
  openTickets: z.number(),
  createdAt: z.date(),
  updatedAt: z.date().nullable(),
});

export const organizationsRouter = createTRPCRouter({
  list: adminProcedure
    .input(
      z.object({
        search: z.string().max(120).optional(),
        page: z.number().int().min(1).max(100_000).default(1),
        pageSize: z.number().int().min(1).max(100).default(25),
      }),
    )
    .output(
      z.object({
        items: z.array(
          z.object({
            id: z.number(),
            name: z.string(),
            slug: z.string(),
            tierCode: ZTierCode,
            region: ZRegion,
            contractEnd: z.string(),
            accountManagerName: z.string().nullable(),
            customers: z.number(),
          }),
        ),
        total: z.number(),
        page: z.number(),
        pageSize: z.number(),
      }),
    )
    .query(({ ctx, input }) => listOrganizations(ctx.db, input)),
  get: adminProcedure
    .input(z.object({ id: z.number().int().positive() }))
    .output(ZOrganizationRecord)
    .query(({ ctx, input }) => getOrganizationRecord(ctx.db, input.id)),
  choices: adminProcedure
    .input(z.void())
    .output(
      z.object({
        tiers: z.array(
          z.object({
            code: ZTierCode,
            availabilityCommitment: z.number(),
            hotline: z.string().nullable(),
            namedContacts: z.enum(["none", "am", "am_tam"]),
            channels: z.array(z.enum(TIER_CHANNELS)),
          }),
        ),
        calendars: z.array(
          z.object({ id: z.number(), name: z.string(), region: ZRegion.nullable(), timeZone: z.string() }),
        ),
        accountManagers: z.array(
          z.object({ id: z.number(), name: z.string(), email: z.string(), title: z.string().nullable() }),
        ),
      }),
    )
    .query(({ ctx }) => organizationFormChoices(ctx.db)),
  create: adminProcedure
    .input(ZOrganizationInput)
    .output(ZOrganizationRecord)
    .mutation(({ ctx, input }) => createOrganization(ctx.db, input, { id: ctx.user.id, ip: ctx.ip }, ctx.now())),
  update: adminProcedure
    .input(ZUpdateOrganizationInput)
    .output(
      z.object({
        organization: ZOrganizationRecord,
        changed: z.array(z.string()),
        openTicketsKeepingTargets: z.number(),
        ticketsRefreshed: z.number(),
      }),
    )
    .mutation(({ ctx, input }) => updateOrganization(ctx.db, input, { id: ctx.user.id, ip: ctx.ip }, ctx.now())),
});
