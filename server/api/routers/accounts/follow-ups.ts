import { z } from "zod";
import { addFollowUp, deleteFollowUp, listFollowUps, myFollowUps, setFollowUpDone } from "@/server/accounts/follow-ups";
import { ZId, ZNewFollowUp } from "@/server/accounts/inputs";
import { permittedProcedure } from "../../trpc";

const ZFollowUp = z.object({
  id: z.number(),
  organizationId: z.number(),
  organizationName: z.string(),
  title: z.string(),
  /** The picked day ("YYYY-MM-DD"), shown as is in every zone. */
  dueOn: z.string(),
  state: z.enum(["overdue", "today", "upcoming", "done"]),
  createdBy: z.string().nullable(),
  completedAt: z.date().nullable(),
  completedBy: z.string().nullable(),
});

/** Follow-up tasks with due days: read by account staff, changed by the organization's account team, managers and admins. */
export const accountFollowUps = {
  followUps: permittedProcedure("accounts.edit")
    .input(z.object({ organizationId: ZId }))
    .output(z.object({ today: z.string(), canManage: z.boolean(), open: z.array(ZFollowUp), done: z.array(ZFollowUp) }))
    .query(({ ctx, input }) => listFollowUps(ctx.db, ctx.user, input.organizationId, ctx.now())),
  myFollowUps: permittedProcedure("accounts.edit")
    .input(z.object({ limit: z.number().int().min(1).max(50).default(20) }))
    .output(z.object({ today: z.string(), total: z.number(), overdue: z.number(), items: z.array(ZFollowUp) }))
    .query(({ ctx, input }) => myFollowUps(ctx.db, ctx.user, ctx.now(), input.limit)),
  addFollowUp: permittedProcedure("accounts.edit")
    .input(ZNewFollowUp)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => addFollowUp(ctx.db, ctx.user, input, ctx.now())),
  completeFollowUp: permittedProcedure("accounts.edit")
    .input(z.object({ id: ZId }))
    .output(z.object({ id: z.number(), done: z.boolean() }))
    .mutation(({ ctx, input }) => setFollowUpDone(ctx.db, ctx.user, { id: input.id, done: true }, ctx.now())),
  reopenFollowUp: permittedProcedure("accounts.edit")
    .input(z.object({ id: ZId }))
    .output(z.object({ id: z.number(), done: z.boolean() }))
    .mutation(({ ctx, input }) => setFollowUpDone(ctx.db, ctx.user, { id: input.id, done: false }, ctx.now())),
  deleteFollowUp: permittedProcedure("accounts.edit")
    .input(z.object({ id: ZId }))
    .output(z.void())
    .mutation(({ ctx, input }) => deleteFollowUp(ctx.db, ctx.user, input.id, ctx.now())),
};
