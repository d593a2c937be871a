import { z } from "zod";
import { ACTION_STATUSES } from "@/db/schema/enums";
import {
  addIncidentUpdate,
  addPreventionAction,
  createIncident,
  endIncident,
  saveIncidentReview,
  updateIncident,
  updatePreventionAction,
} from "@/server/incidents/service";
import { ZId, ZIncidentInput, ZText } from "@/server/incidents/input";
import { deliveringMail } from "@/server/notifications/mailer";
import { ZDueDate, writers } from "./schemas";

/** Writing incidents: the incident itself, its updates, its review and its prevention actions. */
export const incidentActions = {
  create: writers
    .input(ZIncidentInput)
    .output(z.object({ id: z.number(), notified: z.number(), shortNotice: z.boolean() }))
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => createIncident(ctx.db, ctx.user, input, ctx.now()))),
  update: writers
    .input(ZIncidentInput.extend({ id: ZId }))
    .output(z.void())
    .mutation(({ ctx, input: { id, ...rest } }) =>
      deliveringMail(ctx, () => updateIncident(ctx.db, ctx.user, id, rest, ctx.now())),
    ),
  end: writers
    .input(z.object({ incidentId: ZId, body: ZText(3, 5000, "Please write an update of at least 3 characters.") }))
    .output(z.void())
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => endIncident(ctx.db, ctx.user, input, ctx.now()))),
  addUpdate: writers
    .input(z.object({ incidentId: ZId, body: ZText(3, 5000, "Please write an update of at least 3 characters.") }))
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => addIncidentUpdate(ctx.db, ctx.user, input, ctx.now()))),
  saveReview: writers
    .input(
      z.object({
        incidentId: ZId,
        rootCause: z.string().trim().max(10_000).nullable(),
        reviewTimeline: z.string().trim().max(20_000).nullable(),
      }),
    )
    .output(z.void())
    .mutation(({ ctx, input }) => saveIncidentReview(ctx.db, ctx.user, input, ctx.now())),
  addAction: writers
    .input(
      z.object({
        incidentId: ZId,
        title: ZText(3, 300, "Please describe the action in at least 3 characters."),
        owner: ZText(2, 120, "Please name the owner."),
        dueDate: ZDueDate,
        status: z.enum(ACTION_STATUSES),
      }),
    )
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => addPreventionAction(ctx.db, ctx.user, input, ctx.now())),
  updateAction: writers
    .input(
      z.object({
        actionId: ZId,
        owner: ZText(2, 120, "Please name the owner."),
        dueDate: ZDueDate,
        status: z.enum(ACTION_STATUSES),
      }),
    )
    .output(z.void())
    .mutation(({ ctx, input }) => updatePreventionAction(ctx.db, ctx.user, input, ctx.now())),
};
