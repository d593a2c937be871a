/** zod schemas shared by several routers' inputs and outputs. */
import { z } from "zod";
import { CALENDAR_MODES, LOCALES, METRICS, PRIORITIES, REGIONS, ROLES, TIER_CHANNELS, TIER_CODES } from "@/db/schema/enums";

export const ZPriority = z.enum(PRIORITIES);
export const ZMetric = z.enum(METRICS);
export const ZTierCode = z.enum(TIER_CODES);
export const ZLocale = z.enum(LOCALES);
export const ZRole = z.enum(ROLES);
export const ZRegion = z.enum(REGIONS);

export const ZTargetCell = z.object({ priority: ZPriority, metric: ZMetric, minutes: z.number().int(), calendarMode: z.enum(CALENDAR_MODES) });

export const ZWeeklyHours = z.array(
  z.object({ day: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]), start: z.string(), end: z.string() }),
);

export const ZTierChannels = z.array(z.enum(TIER_CHANNELS));
