import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { authedProcedure, createTRPCRouter } from "../trpc";
import { ZLocale, ZRole } from "../schemas";

const ZTimeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "Unknown time zone");

export const meRouter = createTRPCRouter({
  get: authedProcedure
    .input(z.void())
    .output(
      z.object({
        id: z.number(),
        name: z.string(),
        email: z.string(),
        role: ZRole,
        organizationId: z.number().nullable(),
        locale: ZLocale.nullable(),
        timeZone: z.string(),
      }),
    )
    .query(({ ctx }) => {
      const u = ctx.db.select().from(users).where(eq(users.id, ctx.user.id)).get();
      if (!u) throw new Error("signed-in user vanished");
      return {
        id: u.id,
        name: u.name,
        email: u.email,
        role: u.role,
        organizationId: u.organizationId,
        locale: u.locale,
        timeZone: u.timeZone,
      };
    }),
  setLocale: authedProcedure
    .input(z.object({ locale: ZLocale }))
    .output(z.object({ locale: ZLocale }))
    .mutation(({ ctx, input }) => {
      ctx.db.update(users).set({ locale: input.locale }).where(eq(users.id, ctx.user.id)).run();
      return { locale: input.locale };
    }),
  setTimeZone: authedProcedure
    .input(z.object({ timeZone: ZTimeZone }))
    .output(z.object({ timeZone: z.string() }))
    .mutation(({ ctx, input }) => {
      ctx.db.update(users).set({ timeZone: input.timeZone }).where(eq(users.id, ctx.user.id)).run();
      return { timeZone: input.timeZone };
    }),
});
