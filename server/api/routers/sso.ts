import { z } from "zod";
import { ssoForEmail } from "@/server/identity/sso-lookup";
import {
  getIdentityProvider,
  removeIdentityProvider,
  saveIdentityProvider,
  testIdentityProvider,
  ZSaveIdentityProviderInput,
  ZTestIdentityProviderInput,
} from "@/server/identity/sso-service";
import { createTRPCRouter, permittedProcedure, publicProcedure } from "../trpc";

const ssoAdmin = permittedProcedure("organizations.admin");
const ZOrganizationRef = z.object({ organizationId: z.number().int().positive() });

const ZProviderView = z.object({
  organization: z.object({ id: z.number(), name: z.string(), ssoRequired: z.boolean() }),
  provider: z
    .object({
      issuer: z.string(),
      clientId: z.string(),
      hasSecret: z.boolean(),
      emailDomains: z.array(z.string()),
      updatedAt: z.date(),
    })
    .nullable(),
});

/** Single sign-on: what the sign-in form may know about an address, and each organization's identity provider. */
export const ssoRouter = createTRPCRouter({
  /** Whether an address signs in through single sign-on (by its domain only; nothing about accounts). */
  lookup: publicProcedure
    .input(z.object({ email: z.string().trim().toLowerCase().max(320) }))
    .output(z.object({ sso: z.boolean(), required: z.boolean() }))
    .query(({ ctx, input }) => ssoForEmail(ctx.db, input.email)),
  provider: ssoAdmin
    .input(ZOrganizationRef)
    .output(ZProviderView)
    .query(({ ctx, input }) => getIdentityProvider(ctx.db, input.organizationId)),
  save: ssoAdmin
    .input(ZSaveIdentityProviderInput)
    .output(ZProviderView)
    .mutation(({ ctx, input }) => saveIdentityProvider(ctx.db, input, { id: ctx.user.id, ip: ctx.ip }, ctx.now())),
  remove: ssoAdmin
    .input(ZOrganizationRef)
    .output(ZProviderView)
    .mutation(({ ctx, input }) =>
      removeIdentityProvider(ctx.db, input.organizationId, { id: ctx.user.id, ip: ctx.ip }, ctx.now()),
    ),
  testConnection: ssoAdmin
    .input(ZTestIdentityProviderInput)
    .output(
      z.object({
        result: z.enum(["ok", "unreachable", "clientRefused", "unknown"]),
        issuer: z.string().nullable(),
        elapsedMs: z.number(),
      }),
    )
    .mutation(({ ctx, input }) => testIdentityProvider(ctx.db, input, { id: ctx.user.id, ip: ctx.ip }, ctx.now())),
});
