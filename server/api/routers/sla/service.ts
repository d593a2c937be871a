import { z } from "zod";
import { listSlaTickets } from "@/server/dashboards/service";
import { organizationService } from "@/server/dashboards/organization-service";
import { quarterOf } from "@/server/periods/periods";
import { ourTier, requestTierChange, serviceScope } from "@/server/service-scope/service";
import { CALENDAR_MODES, METRICS, REGIONS, TIER_CHANNELS } from "@/db/schema/enums";
import { readableOrganization } from "../../scope";
import { customerProcedure, permittedProcedure, publicProcedure } from "../../trpc";
import { ZMetric, ZMonth, ZPriority, ZQuarter, ZTierCode } from "../../schemas";
import { ZByMetric, ZDrillDownResult } from "./outputs";

/** A customer's own organization: the organization comes from the session, never from input. */
const ownProcedure = permittedProcedure("organization.own");

const ZPriorityFigures = z.object({ P0: ZByMetric, P1: ZByMetric, P2: ZByMetric, P3: ZByMetric });

export const ZOurService = z.object({
  /** The instant the figures are read at (the minute's start): the drill-down links carry it. */
  asOf: z.date(),
  organization: z.object({
    id: z.number(),
    name: z.string(),
    tierCode: ZTierCode,
    monthlyFeeCents: z.number(),
    timeZone: z.string(),
    supportCreditTerms: z
      .object({ percentPerBreach: z.number(), capPercent: z.number(), priorities: z.array(ZPriority) })
      .nullable(),
  }),
  quarter: z.string(),
  quarters: z.array(z.string()),
  columns: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(["month", "quarter"]),
      period: z.union([
        z.object({ kind: z.literal("month"), month: z.string() }),
        z.object({ kind: z.literal("quarter"), quarter: z.string() }),
        z.object({ kind: z.literal("custom"), fromMonth: z.string(), toMonth: z.string() }),
      ]),
      byMetric: ZByMetric,
      byPriority: ZPriorityFigures,
    }),
  ),
  credits: z.array(
    z.object({
      month: z.string(),
      complete: z.boolean(),
      availability: z.number(),
      commitment: z.number(),
      downtimeMinutes: z.number(),
      incidentIds: z.array(z.number()),
      availabilityCreditPercent: z.number(),
      availabilityCreditCents: z.number(),
      supportBreaches: z.number(),
      supportCreditPercent: z.number(),
      supportCreditCents: z.number(),
    }),
  ),
});

/** The tickets behind one of the organization's own figures (a quarter, or one month of it). */
export const ZOurServiceDrillDown = z.object({
  quarter: ZQuarter,
  month: ZMonth.optional(),
  metric: ZMetric.optional(),
  priority: ZPriority.optional(),
  outcome: z.enum(["met", "breached", "excluded"]).optional(),
  /** The instant the figure was read at (ms; `at` in the link): the list reads as of then, never later than now. */
  at: z.coerce.number().int().min(0).max(8_640_000_000_000_000).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const ZServiceScope = z.object({
  tier: z.object({
    code: ZTierCode,
    channels: z.array(z.enum(TIER_CHANNELS)),
    namedContacts: z.enum(["none", "am", "am_tam"]),
    reviewCadence: z.enum(["none", "quarterly", "quarterly_monthly"]),
    proactiveAlerts: z.boolean(),
    availabilityCommitment: z.number(),
    creditSchedule: z.array(z.object({ below: z.number(), percent: z.number() })),
    hotline: z.string().nullable(),
  }),
  tiers: z.array(ZTierCode),
  targets: z.array(
    z.object({
      priority: ZPriority,
      metric: z.enum(METRICS),
      minutes: z.number(),
      calendarMode: z.enum(CALENDAR_MODES),
    }),
  ),
  coverage: z.object({
    P0: z.enum(CALENDAR_MODES),
    P1: z.enum(CALENDAR_MODES),
    P2: z.enum(CALENDAR_MODES),
    P3: z.enum(CALENDAR_MODES),
  }),
  businessDayMinutes: z.number().nullable(),
  calendars: z.array(
    z.object({
      name: z.string(),
      region: z.enum(REGIONS),
      timeZone: z.string(),
      hours: z.array(z.object({ day: z.number(), start: z.string(), end: z.string() })),
    }),
  ),
  sdkSupportMonths: z.number(),
});

/** "Our service": a customer organization's own SLA results and credits (/organization/sla). */
export const slaService = {
  /** The caller's own tier and whether it has service reviews (the navigation offers Reviews only then). */
  ourTier: customerProcedure
    .input(z.void())
    .output(z.object({ tierCode: ZTierCode, reviews: z.boolean() }))
    .query(({ ctx }) => ourTier(ctx.db, ctx.organizationId)),
  /** A tier's public service scope (/service-scope/[tier]): anyone, signed in or not. */
  serviceScope: publicProcedure
    .input(z.object({ tier: ZTierCode }))
    .output(ZServiceScope)
    .query(({ ctx, input }) => serviceScope(ctx.db, input.tier)),
  /** A customer asks their account team for another tier. */
  requestTierChange: customerProcedure
    .input(z.object({ tierCode: ZTierCode, note: z.string().trim().max(1000).default("") }))
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => requestTierChange(ctx.db, ctx.user, ctx.organizationId, input, ctx.now())),
  ourService: ownProcedure
    .input(z.object({ quarter: ZQuarter.optional() }))
    .output(ZOurService)
    .query(({ ctx, input }) =>
      organizationService(ctx.db, readableOrganization(ctx.user)!, input.quarter ?? quarterOf(ctx.now()), ctx.now()),
    ),
  ourServiceTickets: ownProcedure
    .input(ZOurServiceDrillDown)
    .output(ZDrillDownResult)
    // Read as the figure was (its link's instant, else the minute's start), as /sla's drill-down is.
    .query(({ ctx, input }) =>
      listSlaTickets(
        ctx.db,
        {
          period: { kind: "quarter", quarter: input.quarter },
          month: input.month,
          metric: input.metric,
          priority: input.priority,
          outcome: input.outcome,
          limit: input.limit,
          organizationId: readableOrganization(ctx.user)!,
          asOf: input.at,
        },
        ctx.now(),
      ),
    ),
};
