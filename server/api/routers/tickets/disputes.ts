import { z } from "zod";
import { DISPUTE_KINDS, TICKET_STATUSES } from "@/db/schema/enums";
import { deliveringMail } from "@/server/notifications/mailer";
import { COMPLAINT_OUTCOMES } from "@/server/tickets/complaint";
import { answerComplaint, listComplaints, raiseComplaint } from "@/server/tickets/complaints";
import { decideDispute, openDispute } from "@/server/tickets/service";
import { customerProcedure, permittedProcedure } from "../../trpc";
import { ZPriority } from "../../schemas";
import { ZComplaint } from "./outputs";
import { ZId, ZReason } from "./schemas";

/** Disputes and complaints: customers contest a priority or exclusion or complain; managers decide and answer. */
export const ticketDisputes = {
  openDispute: customerProcedure
    .input(
      z.object({ ticketId: ZId, kind: z.enum(DISPUTE_KINDS), proposedPriority: ZPriority.optional(), reason: ZReason }),
    )
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => openDispute(ctx.db, ctx.user, input, ctx.now()))),
  decideDispute: permittedProcedure("tickets.manage")
    .input(z.object({ disputeId: ZId, upheld: z.boolean(), note: ZReason }))
    .output(z.void())
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => decideDispute(ctx.db, ctx.user, input, ctx.now()))),
  /** A complaint about how a ticket is handled, by a customer or by staff on their behalf; it goes to the managers. */
  complain: permittedProcedure("tickets.work")
    .input(z.object({ ticketId: ZId, reason: ZReason }))
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => raiseComplaint(ctx.db, ctx.user, input, ctx.now()))),
  /** The managers' complaints list, outside the queue. */
  complaints: permittedProcedure("tickets.manage")
    .input(
      z.object({
        status: z.enum(["active", "resolved", "all"]).default("active"),
        limit: z.number().int().min(1).max(200).default(100),
      }),
    )
    .output(
      z.object({
        total: z.number(),
        items: z.array(
          ZComplaint.extend({
            ticketId: z.number(),
            subject: z.string(),
            priority: ZPriority,
            ticketStatus: z.enum(TICKET_STATUSES),
            organization: z.string(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => listComplaints(ctx.db, input)),
  /** A manager acknowledges or resolves a complaint with a response the customer reads. */
  answerComplaint: permittedProcedure("tickets.manage")
    .input(z.object({ complaintId: ZId, outcome: z.enum(COMPLAINT_OUTCOMES), response: ZReason }))
    .output(z.void())
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => answerComplaint(ctx.db, ctx.user, input, ctx.now()))),
};
