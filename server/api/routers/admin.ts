import { z } from "zod";
import { ZAddHolidayInput, ZUpdateCalendarInput } from "@/server/admin/calendars";
import {
  addHoliday,
  getCalendar,
  getTierMatrix,
  listCalendars,
  listTargetVersions,
  removeHoliday,
  saveTargetVersion,
  updateCalendar,
} from "@/server/admin/service";
import { ZSaveTargetsInput } from "@/server/admin/target-matrix";
import { createTRPCRouter, permittedProcedure } from "../trpc";
import { ZMetric, ZPriority, ZRegion, ZTargetCell, ZTierChannels, ZTierCode, ZWeeklyHours } from "../schemas";

const adminProcedure = permittedProcedure("admin.settings");

const ZHoliday = z.object({ id: z.number(), date: z.string(), name: z.string(), source: z.string() });
const ZCalendarDetail = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  region: ZRegion.nullable(),
  timeZone: z.string(),
  hours: ZWeeklyHours,
  updatedAt: z.date(),
  organizations: z.number(),
  holidays: z.array(ZHoliday),
});
const ZTargetValue = z.object({ minutes: z.number(), calendarMode: ZTargetCell.shape.calendarMode }).nullable();

export const adminRouter = createTRPCRouter({
  tiers: adminProcedure
    .input(z.void())
    .output(
      z.array(
        z.object({
          code: ZTierCode,
          channels: ZTierChannels,
          availabilityCommitment: z.number(),
          creditSchedule: z.array(z.object({ below: z.number(), percent: z.number() })),
          version: z.number(),
          versionCreatedAt: z.date(),
          cells: z.array(ZTargetCell),
        }),
      ),
    )
    .query(({ ctx }) => getTierMatrix(ctx.db)),
  calendars: adminProcedure
    .input(z.void())
    .output(
      z.array(
        z.object({
          id: z.number(),
          code: z.string(),
          name: z.string(),
          timeZone: z.string(),
          hours: ZWeeklyHours,
          holidays: z.number(),
        }),
      ),
    )
    .query(({ ctx }) => listCalendars(ctx.db)),
  calendar: adminProcedure
    .input(z.object({ id: z.number().int().positive() }))
    .output(ZCalendarDetail)
    .query(({ ctx, input }) => getCalendar(ctx.db, input.id)),
  updateCalendar: adminProcedure
    .input(ZUpdateCalendarInput)
    .output(z.object({ calendar: ZCalendarDetail, ticketsRefreshed: z.number() }))
    .mutation(({ ctx, input }) => updateCalendar(ctx.db, input, { id: ctx.user.id, ip: ctx.ip }, ctx.now())),
  addHoliday: adminProcedure
    .input(ZAddHolidayInput)
    .output(z.object({ holiday: ZHoliday, ticketsRefreshed: z.number() }))
    .mutation(({ ctx, input }) => addHoliday(ctx.db, input, { id: ctx.user.id, ip: ctx.ip }, ctx.now())),
  removeHoliday: adminProcedure
    .input(z.object({ calendarId: z.number().int().positive(), holidayId: z.number().int().positive() }))
    .output(z.object({ holiday: ZHoliday, ticketsRefreshed: z.number() }))
    .mutation(({ ctx, input }) => removeHoliday(ctx.db, input, { id: ctx.user.id, ip: ctx.ip }, ctx.now())),
  targetVersions: adminProcedure
    .input(z.object({ tierCode: ZTierCode }))
    .output(
      z.object({
        tierCode: ZTierCode,
        versions: z.array(
          z.object({
            id: z.number(),
            version: z.number(),
            createdAt: z.date(),
            note: z.string().nullable(),
            createdByName: z.string().nullable(),
            cells: z.array(ZTargetCell),
            changes: z
              .array(z.object({ priority: ZPriority, metric: ZMetric, before: ZTargetValue, after: ZTargetValue }))
              .nullable(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => listTargetVersions(ctx.db, input.tierCode)),
  saveTargets: adminProcedure
    .input(ZSaveTargetsInput)
    .output(z.object({ id: z.number(), version: z.number(), createdAt: z.date(), changes: z.number() }))
    .mutation(({ ctx, input }) => saveTargetVersion(ctx.db, input, { id: ctx.user.id, ip: ctx.ip }, ctx.now())),
});
