import { z } from "zod";
import { ESCALATION_LEVELS, PRODUCT_AREAS, SLA_STATUSES, TICKET_STATUSES } from "@/db/schema/enums";
import { listQueue } from "@/server/tickets/queue";
import { getTicketDetail, listTickets } from "@/server/tickets/service";
import { authedProcedure } from "../../trpc";
import { ZMetric, ZPriority, ZRegion, ZTierCode } from "../../schemas";
import { ZTicketDetail } from "./outputs";
import { ZCursor, ZId, support } from "./schemas";

/** Reading tickets: a customer's or staff member's list, one ticket's page, and the support queue. */
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
    .query(({ ctx, input }) => getTicketDetail(ctx.db, ctx.user, input.id, ctx.now())),
  queue: support
    .input(
      z.object({
        tier: ZTierCode.optional(),
        priority: ZPriority.optional(),
        level: z.enum(ESCALATION_LEVELS).optional(),
        assignee: z.enum(["mine", "unassigned"]).optional(),
        productArea: z.enum(PRODUCT_AREAS).optional(),
        region: ZRegion.optional(),
        appId: z.string().trim().min(1).max(100).optional(),
        cursor: z.object({ nextDueAt: z.date(), id: ZId }).nullish(),
        limit: z.number().int().min(1).max(100).default(50),
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
            escalationLevel: z.enum(ESCALATION_LEVELS),
            productArea: z.enum(PRODUCT_AREAS),
            createdAt: z.date(),
            nextDueAt: z.date(),
            nextMetric: ZMetric.nullable(),
            organization: z.string(),
            region: ZRegion,
            tier: ZTierCode,
            assignee: z.string().nullable(),
            breached: z.boolean(),
            atRisk: z.boolean(),
          }),
        ),
        total: z.number(),
        nextCursor: z.object({ nextDueAt: z.date(), id: z.number() }).nullable(),
      }),
    )
    .query(({ ctx, input }) => listQueue(ctx.db, ctx.user, input, ctx.now())),
};
