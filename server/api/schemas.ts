/** zod schemas shared by several routers' inputs and outputs. */
import { z } from "zod";
import {
  CALENDAR_MODES,
  LOCALES,
  METRICS,
  PRIORITIES,
  REGIONS,
  ROLES,
  TIER_CHANNELS,
  TIER_CODES,
} from "@/db/schema/enums";
import { FIRST_YEAR, isMonth, isQuarter, LAST_YEAR } from "@/server/periods/periods";

export const ZPriority = z.enum(PRIORITIES);
export const ZMetric = z.enum(METRICS);
export const ZTierCode = z.enum(TIER_CODES);
export const ZLocale = z.enum(LOCALES);
export const ZRole = z.enum(ROLES);
export const ZRegion = z.enum(REGIONS);

/** A quarter the product holds periods for ("2026-Q3", years 2000-2099), refused with a translated sentence. */
export const ZQuarter = z
  .string()
  .max(7)
  .refine(isQuarter, {
    message: `Choose a quarter from ${FIRST_YEAR}-Q1 to ${LAST_YEAR}-Q4, such as 2026-Q3.`,
    params: { messageKey: "errors.badQuarter" },
  });

/** A month the product holds periods for ("2026-07", years 2000-2099), refused with a translated sentence. */
export const ZMonth = z
  .string()
  .max(7)
  .refine(isMonth, {
    message: `Choose a month from ${FIRST_YEAR}-01 to ${LAST_YEAR}-12, such as 2026-07.`,
    params: { messageKey: "errors.badMonth" },
  });

export const ZTargetCell = z.object({
  priority: ZPriority,
  metric: ZMetric,
  minutes: z.number().int(),
  calendarMode: z.enum(CALENDAR_MODES),
});

export const ZWeeklyHours = z.array(
  z.object({
    day: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
    start: z.string(),
    end: z.string(),
  }),
);

export const ZTierChannels = z.array(z.enum(TIER_CHANNELS));

/** An organization as its customers see it on their home page and staff on its page. */
export const ZOrganizationOverview = z.object({
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
  availabilityCommitment: z.number(),
  contact: z.object({
    hotline: z.string().nullable(),
    supportEmail: z.string().nullable(),
    chatHandle: z.string().nullable(),
    groupLink: z.string().nullable(),
  }),
  calendar: z.object({
    name: z.string(),
    timeZone: z.string(),
    hours: z.array(z.object({ day: z.number(), start: z.string(), end: z.string() })),
  }),
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

/** A monitoring alert's metric and App ID (server/incidents/alert-facts.ts), worded by the page. */
export const ZAlertFacts = z.object({ metric: z.string().nullable(), appId: z.string().nullable() });
