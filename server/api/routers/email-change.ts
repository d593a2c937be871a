import { z } from "zod";
import { checkEmailChange, confirmEmailChange } from "@/server/identity/email-change-service";
import { createTRPCRouter, publicProcedure } from "../trpc";

const ZToken = z.string().max(100);

/**
 * Following an address change link: anonymous (the link reached the new mailbox, perhaps on
 * another device), limited per client address (server/security/write-limits.ts).
 */
export const emailChangeRouter = createTRPCRouter({
  check: publicProcedure
    .input(z.object({ token: ZToken }))
    .output(z.object({ valid: z.boolean(), email: z.string().nullable() }))
    .query(({ ctx, input }) => checkEmailChange(ctx.db, input.token, ctx.now())),
  confirm: publicProcedure
    .input(z.object({ token: ZToken }))
    .output(z.object({ email: z.string(), signedIn: z.boolean() }))
    .mutation(({ ctx, input }) =>
      confirmEmailChange(ctx.db, {
        token: input.token,
        userId: ctx.user?.id ?? null,
        sessionId: ctx.sessionId,
        ip: ctx.ip,
        now: ctx.now(),
      }),
    ),
});
