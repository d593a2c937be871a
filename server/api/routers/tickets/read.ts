import { z } from "zod";
import { PRODUCT_AREAS, SLA_STATUSES, TICKET_STATUSES } from "@/db/schema/enums";
import { getTicketDetail, listTickets } from "@/server/tickets/service";
import { authedProcedure } from "../../trpc";
import { ZPriority } from "../../schemas";
import { ZTicketDetail } from "./outputs";
import { ZCursor, ZId } from "./schemas";

/** Reading tickets: a customer's or staff member's list and one ticket's page (the queue: ./queue.ts). */
export const ticketReads = {
  list: authedProcedure
    .input(
      z.object({
        status: z.union([z.enum(["open", "closed"]), z.enum(TICKET_STATUSES)]).optional(),
        priority: ZPriority.optional(),
        productArea: z.enum(PRODUCT_AREAS).optional(),
        requesterId: ZId.optional(),
        search: z.string().max(200).optional(),
        sort: z.enum(["newest", "due"]).default("newest"),
        cursor: ZCursor.nullish(),
        limit: z.number().int().min(1).max(100).default(25),
      }),
    )
    .output(
      z.object({
        items: z.array(
          z.object({
            id: z.number(),
            subject: z.string(),
            priority: ZPriority,
            status: z.enum(TICKET_STATUSES),
            productArea: z.enum(PRODUCT_AREAS),
            createdAt: z.date(),
            nextDueAt: z.date().nullable(),
            frStatus: z.enum(SLA_STATUSES).nullable(),
            waStatus: z.enum(SLA_STATUSES).nullable(),
            resStatus: z.enum(SLA_STATUSES).nullable(),
            organization: z.string(),
            excluded: z.boolean(),
            /** Feature requests and custom development: no SLA clock runs. */
            outsideSla: z.boolean(),
            breached: z.boolean(),
          }),
        ),
        nextCursor: ZCursor.nullable(),
      }),
    )
    .query(({ ctx, input }) => listTickets(ctx.db, ctx.user, input)),
  /** The ticket page's data, including the "why is it due then?" explanation of each metric. */
  get: authedProcedure
    .input(z.object({ id: ZId }))
    .output(ZTicketDetail)
    .query(({ ctx, input }) => getTicketDetail(ctx.db, ctx.user, input.id, ctx.now(), ctx.renderBudget)),
};
