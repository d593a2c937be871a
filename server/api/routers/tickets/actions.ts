import { z } from "zod";
import { CHANNELS, EXCLUSION_REASONS, PRODUCT_AREAS, RESOLUTION_KINDS, TICKET_CATEGORIES } from "@/db/schema/enums";
import { deliveringMail } from "@/server/notifications/mailer";
import {
  addWatcher,
  assignTicket,
  escalateTicket,
  rateTicket,
  recordWorkaround,
  removeWatcher,
  reopenTicket,
  replyToTicket,
  resolveTicket,
  setWaiting,
} from "@/server/tickets/actions";
import { FILING_LIMITS } from "@/server/tickets/rules";
import { changePriority, excludeTicket, fileTicket } from "@/server/tickets/service";
import { customerProcedure, permittedProcedure } from "../../trpc";
import { ZPriority } from "../../schemas";
import { ZAttachmentIds, ZBody, ZFaultDetails, ZId, ZReason, support } from "./schemas";

/** Working a ticket: filing it, replying, priorities, exclusions, waiting, workaround, resolution, assignment, escalation, reopening, rating and watchers. */
export const ticketActions = {
  /** A customer files a ticket; staff log one received by email, chat or phone for a customer. */
  create: permittedProcedure("tickets.work")
    .input(
      z.object({
        subject: z
          .string()
          .trim()
          .min(FILING_LIMITS.subjectMin, "Please write a subject of at least 5 characters.")
          .max(FILING_LIMITS.subjectMax),
        description: z
          .string()
          .trim()
          .min(FILING_LIMITS.descriptionMin, "Please describe the problem in at least 10 characters.")
          .max(FILING_LIMITS.descriptionMax),
        productArea: z.enum(PRODUCT_AREAS),
        category: z.enum(TICKET_CATEGORIES),
        priority: ZPriority,
        sdkPlatform: z.string().trim().max(40).nullish(),
        sdkVersion: z.string().trim().max(40).nullish(),
        // "monitoring" is for tickets opened by a proactive alert only.
        channel: z.enum(CHANNELS).exclude(["monitoring"]).optional(),
        requesterId: ZId.optional(),
        watchers: z
          .array(z.string().trim().email("Please enter each watcher's email address.").max(320))
          .max(FILING_LIMITS.watchersMax)
          .optional(),
        attachmentIds: ZAttachmentIds,
        fault: ZFaultDetails.optional(),
      }),
    )
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => fileTicket(ctx.db, ctx.user, input, ctx.now())),
  changePriority: permittedProcedure("tickets.support")
    .input(z.object({ ticketId: ZId, priority: ZPriority, reason: ZReason }))
    .output(z.void())
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => changePriority(ctx.db, ctx.user, input, ctx.now()))),
  exclude: permittedProcedure("tickets.manage")
    .input(z.object({ ticketId: ZId, reason: z.enum(EXCLUSION_REASONS), note: ZReason }))
    .output(z.void())
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => excludeTicket(ctx.db, ctx.user, input, ctx.now()))),
  /** A public reply (customers and staff) or an internal note (staff only). */
  reply: permittedProcedure("tickets.work")
    .input(z.object({ ticketId: ZId, body: ZBody, internal: z.boolean().optional(), attachmentIds: ZAttachmentIds }))
    .output(z.void())
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => replyToTicket(ctx.db, ctx.user, input, ctx.now()))),
  setWaiting: support
    .input(z.object({ ticketId: ZId, waiting: z.boolean() }))
    .output(z.void())
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => setWaiting(ctx.db, ctx.user, input, ctx.now()))),
  workaround: support
    .input(z.object({ ticketId: ZId, body: ZBody }))
    .output(z.void())
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => recordWorkaround(ctx.db, ctx.user, input, ctx.now()))),
  resolve: support
    .input(z.object({ ticketId: ZId, kind: z.enum(RESOLUTION_KINDS), body: ZBody }))
    .output(z.void())
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => resolveTicket(ctx.db, ctx.user, input, ctx.now()))),
  assign: support
    .input(z.object({ ticketId: ZId, assigneeId: ZId.nullable() }))
    .output(z.void())
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => assignTicket(ctx.db, ctx.user, input, ctx.now()))),
  escalate: permittedProcedure("tickets.work")
    .input(z.object({ ticketId: ZId, reason: ZReason }))
    .output(z.void())
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => escalateTicket(ctx.db, ctx.user, input, ctx.now()))),
  reopen: customerProcedure
    .input(z.object({ ticketId: ZId, reason: ZReason }))
    .output(z.void())
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => reopenTicket(ctx.db, ctx.user, input, ctx.now()))),
  rate: customerProcedure
    .input(
      z.object({
        ticketId: ZId,
        score: z.number().int().min(1).max(5),
        comment: z.string().trim().max(2000).nullish(),
      }),
    )
    .output(z.void())
    .mutation(({ ctx, input }) => rateTicket(ctx.db, ctx.user, input, ctx.now())),
  addWatcher: permittedProcedure("tickets.work")
    .input(z.object({ ticketId: ZId, email: z.string().trim().email().max(320) }))
    .output(z.void())
    .mutation(({ ctx, input }) => addWatcher(ctx.db, ctx.user, input, ctx.now())),
  /** Takes a watcher off: oneself, or anyone as the requester, the customer administrator or support staff. */
  removeWatcher: permittedProcedure("tickets.unwatch")
    .input(z.object({ ticketId: ZId, userId: ZId }))
    .output(z.void())
    .mutation(({ ctx, input }) => removeWatcher(ctx.db, ctx.user, input, ctx.now())),
};
