import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/server/auth/password-policy";
import { env } from "@/server/env";
import { checkResetToken, completePasswordReset, requestPasswordReset } from "@/server/identity/password-reset-service";
import { createTRPCRouter, publicProcedure } from "../trpc";

const ZToken = z.string().max(100);

/** "Forgot password": anonymous, limited per client address (server/security/write-limits.ts). */
export const passwordResetRouter = createTRPCRouter({
  /** Always the same answer, whether or not the address has an account. */
  request: publicProcedure
    .input(z.object({ email: z.string().trim().max(320) }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await requestPasswordReset(ctx.db, { email: input.email, ip: ctx.ip, now: ctx.now(), mode: env.ATTAIN_MODE });
      return { ok: true as const };
    }),
  check: publicProcedure
    .input(z.object({ token: ZToken }))
    .output(z.object({ valid: z.boolean(), email: z.string().nullable() }))
    .query(({ ctx, input }) => checkResetToken(ctx.db, input.token, ctx.now(), env.ATTAIN_MODE)),
  complete: publicProcedure
    .input(
      z.object({
        token: ZToken,
        password: z
          .string()
          .min(1)
          .max(PASSWORD_MAX_LENGTH * 4),
      }),
    )
    .output(z.object({ email: z.string() }))
    .mutation(({ ctx, input }) =>
      completePasswordReset(ctx.db, { ...input, ip: ctx.ip, now: ctx.now(), mode: env.ATTAIN_MODE }),
    ),
});
