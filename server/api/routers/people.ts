import { z } from "zod";
import { ZRole } from "@/server/api/schemas";
import { assertSeesOrganization } from "@/server/api/scope";
import { ZCorrectEmailInput, ZInviteInput, ZPeopleListInput } from "@/server/people/inputs";
import {
  changeRole,
  correctEmail,
  invite,
  listPeople,
  resendInvitation,
  revokeInvitation,
  setActive,
  setOrgAdmin,
} from "@/server/people/service";
import { administerRefusal } from "@/server/people/rules";
import { refuseIf } from "@/server/errors";
import { createTRPCRouter, permittedProcedure } from "../trpc";
import { ZLocale } from "../schemas";

const ZPerson = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string(),
  role: ZRole,
  orgAdmin: z.boolean(),
  active: z.boolean(),
  createdAt: z.date(),
  lastSignInAt: z.date().nullable(),
  deactivatedAt: z.date().nullable(),
});
const ZOpenInvitation = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  orgAdmin: z.boolean(),
  createdAt: z.date(),
  expiresAt: z.date(),
  invitedBy: z.string(),
  state: z.enum(["pending", "expired"]),
});
const ZId = z.object({ id: z.number().int().positive() });

/**
 * People administration. Customer-side procedures need `people.customers` (admins, account
 * managers, a customer administrator for their own organization); staff-side ones `people.staff`.
 */
export const peopleRouter = createTRPCRouter({
  list: permittedProcedure("people.customers")
    .input(ZPeopleListInput)
    .output(z.object({ people: z.array(ZPerson), total: z.number(), invitations: z.array(ZOpenInvitation) }))
    .query(({ ctx, input }) => {
      if (input.organizationId === null)
        refuseIf(administerRefusal(ctx.user, { role: "agent", organizationId: null }), "FORBIDDEN");
      else assertSeesOrganization(ctx.user, input.organizationId, "Organization");
      return listPeople(ctx.db, input, ctx.now());
    }),
  invite: permittedProcedure("people.customers")
    .input(ZInviteInput)
    .output(z.object({ id: z.number(), expiresAt: z.date() }))
    .mutation(({ ctx, input }) => invite(ctx.db, ctx.user, input, ctx.now(), ctx.ip)),
  resendInvitation: permittedProcedure("people.customers")
    .input(ZId.extend({ locale: ZLocale }))
    .output(z.object({ id: z.number(), expiresAt: z.date() }))
    .mutation(({ ctx, input }) => resendInvitation(ctx.db, ctx.user, input.id, input.locale, ctx.now(), ctx.ip)),
  revokeInvitation: permittedProcedure("people.customers")
    .input(ZId)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => {
      revokeInvitation(ctx.db, ctx.user, input.id, ctx.now(), ctx.ip);
      return { ok: true as const };
    }),
  setActive: permittedProcedure("people.customers")
    .input(z.object({ userId: z.number().int().positive(), active: z.boolean() }))
    .output(z.object({ active: z.boolean(), sessionsEnded: z.number() }))
    .mutation(({ ctx, input }) => setActive(ctx.db, ctx.user, input.userId, input.active, ctx.now(), ctx.ip)),
  setOrgAdmin: permittedProcedure("people.customers")
    .input(z.object({ userId: z.number().int().positive(), orgAdmin: z.boolean() }))
    .output(z.object({ orgAdmin: z.boolean() }))
    .mutation(({ ctx, input }) => setOrgAdmin(ctx.db, ctx.user, input.userId, input.orgAdmin, ctx.now(), ctx.ip)),
  /** Corrects someone's sign-in address (administrators; a customer administrator their own organization's). */
  correctEmail: permittedProcedure("people.email")
    .input(ZCorrectEmailInput)
    .output(z.object({ email: z.string() }))
    .mutation(({ ctx, input }) => correctEmail(ctx.db, ctx.user, input.userId, input.email, ctx.now(), ctx.ip)),
  changeRole: permittedProcedure("people.staff")
    .input(z.object({ userId: z.number().int().positive(), role: ZRole }))
    .output(z.object({ role: ZRole }))
    .mutation(({ ctx, input }) => changeRole(ctx.db, ctx.user, input.userId, input.role, ctx.now(), ctx.ip)),
});
