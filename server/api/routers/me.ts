import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { PASSWORD_MAX_LENGTH } from "@/server/auth/password-policy";
import {
  changePassword,
  listSessions,
  revokeOtherSessions,
  revokeSession,
  updateProfile,
  type Self,
} from "@/server/identity/account-service";
import { NAME_MAX_LENGTH } from "@/server/identity/account-rules";
import { emailChangeStatus, requestEmailChange } from "@/server/identity/email-change-service";
import { ZEmail } from "@/server/people/inputs";
import { authedProcedure, createTRPCRouter, type Context } from "../trpc";
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

/** A name, bounded; what it may be (with translated sentences) is the service's (`nameProblem`). */
const ZName = z.string().max(NAME_MAX_LENGTH * 4);

/** A password as typed; the policy (with its translated sentences) decides in the service. */
const ZPassword = z
  .string()
  .min(1)
  .max(PASSWORD_MAX_LENGTH * 4);

const ZSessionItem = z.object({
  ref: z.string(),
  startedAt: z.date(),
  expiresAt: z.date(),
  browser: z.string().nullable(),
  os: z.string().nullable(),
  ip: z.string().nullable(),
  method: z.enum(["password", "sso"]),
  current: z.boolean(),
});

const self = (ctx: Context & { user: { id: number } }): Self => ({
  userId: ctx.user.id,
  sessionId: ctx.sessionId,
  ip: ctx.ip,
  now: ctx.now(),
});

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
  /** Name, language and time zone of one's own account, in one change. */
  updateProfile: authedProcedure
    .input(z.object({ name: ZName, locale: ZLocale, timeZone: ZTimeZone }))
    .output(z.object({ name: z.string(), email: z.string(), locale: ZLocale.nullable(), timeZone: z.string() }))
    .mutation(({ ctx, input }) => updateProfile(ctx.db, self(ctx), input)),
  /** Changes one's own password (the current one checked, throttled); other sessions are signed out. */
  changePassword: authedProcedure
    .input(z.object({ currentPassword: ZPassword, newPassword: ZPassword }))
    .output(z.object({ otherSessionsEnded: z.number() }))
    .mutation(({ ctx, input }) => changePassword(ctx.db, self(ctx), input)),
  /** Whether one's sign-in address can be changed here (not when single sign-on keeps it), and a change awaiting its link. */
  emailChange: authedProcedure
    .input(z.void())
    .output(
      z.object({
        managedBySso: z.boolean(),
        pending: z.object({ email: z.string(), expiresAt: z.date() }).nullable(),
      }),
    )
    .query(({ ctx }) => emailChangeStatus(ctx.db, self(ctx))),
  /** Asks to change one's own sign-in address (the current password checked): a link goes to the new address. */
  requestEmailChange: authedProcedure
    .input(z.object({ newEmail: ZEmail, currentPassword: ZPassword }))
    .output(z.object({ email: z.string(), expiresAt: z.date() }))
    .mutation(({ ctx, input }) => requestEmailChange(ctx.db, self(ctx), input)),
  /** One's own sessions that stand, this one marked. */
  sessions: authedProcedure
    .input(z.void())
    .output(z.array(ZSessionItem))
    .query(({ ctx }) => listSessions(ctx.db, self(ctx))),
  /** Signs out one of one's own sessions. */
  revokeSession: authedProcedure
    .input(
      z.object({
        ref: z
          .string()
          .max(32)
          .regex(/^[0-9a-f]{32}$/),
      }),
    )
    .output(z.object({ current: z.boolean() }))
    .mutation(({ ctx, input }) => revokeSession(ctx.db, self(ctx), input.ref)),
  /** Signs out every other session of one's own. */
  revokeOtherSessions: authedProcedure
    .input(z.void())
    .output(z.object({ ended: z.number() }))
    .mutation(({ ctx }) => revokeOtherSessions(ctx.db, self(ctx))),
});
