import { z } from "zod";
import { getTierMatrix, listCalendars } from "@/server/admin/service";
import { createTRPCRouter, roleProcedure } from "../trpc";
import { ZTargetCell, ZTierChannels, ZTierCode, ZWeeklyHours } from "../schemas";

const adminProcedure = roleProcedure("admin");

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
    .output(z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), timeZone: z.string(), hours: ZWeeklyHours, holidays: z.number() })))
    .query(({ ctx }) => listCalendars(ctx.db)),
});
