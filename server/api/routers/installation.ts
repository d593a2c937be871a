import { z } from "zod";
import { DomainError } from "@/server/errors";
import { env } from "@/server/env";
import { completeSetup, isDemoDatabase, needsSetup } from "@/server/identity/installation";
import { ZAcceptInvitationInput, ZSetupInput, ZTokenInput } from "@/server/people/inputs";
import { acceptInvitation, previewInvitation } from "@/server/people/service";
import { allowWrite } from "@/server/security/write-limit-service";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { ZRole } from "../schemas";

function limitIdentityStep(ctx: { db: Parameters<typeof allowWrite>[0]; ip: string | null; now: () => Date }) {
  if (!allowWrite(ctx.db, "identity", { userId: null, ip: ctx.ip }, ctx.now()))
    throw new DomainError("TOO_MANY_REQUESTS", "Too many attempts; try again in an hour.", "errors.tooManyAttempts");
}

/**
 * The anonymous steps of identity: what kind of installation this is, its one-time setup, and
 * accepting an invitation. Each write counts against the shared anonymous limits (write-limits.ts).
 */
export const installationRouter = createTRPCRouter({
  status: publicProcedure
    .input(z.void())
    .output(z.object({ mode: z.enum(["demo", "production"]), demoData: z.boolean(), needsSetup: z.boolean() }))
    .query(({ ctx }) => ({ mode: env.ATTAIN_MODE, demoData: isDemoDatabase(ctx.db), needsSetup: needsSetup(ctx.db) })),
  setup: publicProcedure
    .input(ZSetupInput)
    .output(z.object({ email: z.string() }))
    .mutation(async ({ ctx, input }) => {
      limitIdentityStep(ctx);
      await completeSetup(ctx.db, input, ctx.now(), ctx.ip);
      return { email: input.email };
    }),
  invitation: publicProcedure
    .input(ZTokenInput)
    .output(
      z.discriminatedUnion("state", [
        z.object({
          state: z.literal("pending"),
          email: z.string(),
          name: z.string(),
          role: ZRole,
          orgAdmin: z.boolean(),
          organizationName: z.string(),
          expiresAt: z.date(),
          sso: z.enum(["offered", "required"]).nullable(),
        }),
        z.object({ state: z.enum(["accepted", "revoked", "expired", "unknown"]) }),
      ]),
    )
    .query(({ ctx, input }) => previewInvitation(ctx.db, input.token, ctx.now())),
  acceptInvitation: publicProcedure
    .input(ZAcceptInvitationInput)
    .output(z.object({ email: z.string() }))
    .mutation(async ({ ctx, input }) => {
      limitIdentityStep(ctx);
      const { email } = await acceptInvitation(ctx.db, input, ctx.now(), ctx.ip);
      return { email };
    }),
});
