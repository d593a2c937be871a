import { z } from "zod";
import { INCIDENT_SEVERITIES, PRODUCT_AREAS } from "@/db/schema/enums";
import { lastMonths } from "@/server/periods/periods";
import { cachedOrganizationStatus, creditsOwed } from "@/server/availability/service";
import { DomainError } from "@/server/errors";
import { authedProcedure, createTRPCRouter, permittedProcedure } from "../trpc";
import { ZRegion, ZTierCode } from "../schemas";
import { readableOrganization } from "@/server/api/scope";

const ZId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ZMonth = z.object({
  month: z.string(),
  availability: z.number(),
  commitment: z.number(),
  downtimeMinutes: z.number(),
  minutesInMonth: z.number(),
  belowCommitment: z.boolean(),
  creditPercent: z.number(),
  incidentIds: z.array(z.number()),
  excusedMaintenanceIds: z.array(z.number()),
});
const ZStatusIncident = z.object({
  id: z.number(),
  title: z.string(),
  productArea: z.enum(PRODUCT_AREAS),
  severity: z.enum(INCIDENT_SEVERITIES),
  startedAt: z.date(),
  endedAt: z.date().nullable(),
  planned: z.boolean(),
  announcedAt: z.date().nullable(),
});

export const availabilityRouter = createTRPCRouter({
  /**
   * The status page: a customer always gets their own organization (any id passed is ignored);
   * staff name the organization.
   */
  status: authedProcedure
    .input(z.object({ organizationId: ZId.optional() }))
    .output(
      z.object({
        organization: z.object({
          id: z.number(),
          name: z.string(),
          region: ZRegion,
          tierCode: ZTierCode,
          commitment: z.number(),
        }),
        current: z.array(ZStatusIncident.extend({ phase: z.enum(["ongoing", "scheduled"]) })),
        areas: z.array(
          z.object({
            productArea: z.enum(PRODUCT_AREAS),
            availability: z.number(),
            downtimeMinutes: z.number(),
            days: z.array(z.object({ day: z.string(), downtimeMinutes: z.number(), incidentIds: z.array(z.number()) })),
          }),
        ),
        months: z.array(ZMonth),
        incidents: z.array(ZStatusIncident),
      }),
    )
    .query(({ ctx, input }) => {
      // A customer's own organization whatever they ask for; staff name one.
      const organizationId = readableOrganization(
        ctx.user,
        ctx.user.role === "customer" ? undefined : input.organizationId,
      );
      if (organizationId === undefined)
        throw new DomainError("INVALID", "Choose an organization.", "availability.errors.chooseOrganization");
      return cachedOrganizationStatus(ctx.db, organizationId, ctx.now());
    }),
  /** Staff: every service credit owed over the last `months` months (default 6), across organizations. */
  credits: permittedProcedure("incidents.read")
    .input(z.object({ months: z.number().int().min(1).max(24).default(6) }))
    .output(
      z.array(
        z.object({
          organizationId: z.number(),
          organizationName: z.string(),
          tierCode: ZTierCode,
          month: z.string(),
          availability: z.number(),
          commitment: z.number(),
          creditPercent: z.number(),
          creditCents: z.number(),
          downtimeMinutes: z.number(),
          incidentIds: z.array(z.number()),
        }),
      ),
    )
    .query(({ ctx, input }) => creditsOwed(ctx.db, lastMonths(ctx.now(), input.months), ctx.now())),
});
