import { z } from "zod";
import {
  DISPUTE_KINDS,
  ESCALATION_LEVELS,
  EXCLUSION_REASONS,
  OPEN_TICKET_STATUSES,
  PRODUCT_AREAS,
  QUEUE_SORTS,
  TICKET_STATUSES,
} from "@/db/schema/enums";
import { deliveringMail } from "@/server/notifications/mailer";
import { listOpenDisputes } from "@/server/tickets/disputes-worklist";
import { listQueue } from "@/server/tickets/queue";
import {
  bulkAction,
  deleteQueueView,
  listQueueViews,
  saveQueueView,
  takeNextTicket,
} from "@/server/tickets/queue-service";
import { QUEUE_COLUMNS } from "@/server/tickets/queue-views";
import { ZMetric, ZPriority, ZRegion, ZTierCode } from "../../schemas";
import { permittedProcedure } from "../../trpc";
import { ZBody, ZId, support } from "./schemas";

const ZAssignee = z.union([z.enum(["mine", "unassigned"]), ZId]);
const ZQueueFilters = z.object({
  tier: ZTierCode.optional(),
  priority: ZPriority.optional(),
  level: z.enum(ESCALATION_LEVELS).optional(),
  assignee: ZAssignee.optional(),
  productArea: z.enum(PRODUCT_AREAS).optional(),
  region: ZRegion.optional(),
  status: z.enum(OPEN_TICKET_STATUSES).optional(),
  appId: z.string().trim().min(1).max(100).optional(),
});
const ZQueueItem = z.object({
  id: z.number(),
  subject: z.string(),
  priority: ZPriority,
  status: z.enum(TICKET_STATUSES),
  escalationLevel: z.enum(ESCALATION_LEVELS),
  productArea: z.enum(PRODUCT_AREAS),
  createdAt: z.date(),
  updatedAt: z.date(),
  nextDueAt: z.date(),
  nextMetric: ZMetric.nullable(),
  organization: z.string(),
  region: ZRegion,
  tier: ZTierCode,
  requester: z.string(),
  assignee: z.string().nullable(),
  assigneeId: z.number().nullable(),
  appId: z.string().nullable(),
  breached: z.boolean(),
  atRisk: z.boolean(),
  /** The next target waits on the customer: its clock stands still. */
  paused: z.boolean(),
});
const ZSection = z.object({ items: z.array(ZQueueItem), total: z.number(), nextCursor: z.string().nullable() });
const ZCursorText = z.string().max(200).nullish();

/** The support queue: its two sections, "next ticket", bulk actions and saved views (issue #22). */
export const ticketQueue = {
  queue: support
    .input(
      ZQueueFilters.extend({
        sort: z.enum(QUEUE_SORTS).default("urgency"),
        cursor: ZCursorText,
        breachedCursor: ZCursorText,
        limit: z.number().int().min(1).max(100).default(50),
      }),
    )
    .output(z.object({ total: z.number(), due: ZSection, breached: ZSection }))
    .query(({ ctx, input }) => listQueue(ctx.db, ctx.user, input, ctx.now())),
  /** Takes (assigns to me) the most urgent unassigned open ticket other than `after`; null when none waits. */
  takeNext: support
    .input(z.object({ after: ZId.nullish() }))
    .output(z.object({ id: z.number() }).nullable())
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => takeNextTicket(ctx.db, ctx.user, input, ctx.now()))),
  /** One action on the selected tickets, in one transaction. */
  bulk: support
    .input(
      z.object({
        ticketIds: z.array(ZId).min(1).max(100),
        action: z.discriminatedUnion("kind", [
          z.object({ kind: z.literal("assign"), assigneeId: ZId.nullable() }),
          z.object({ kind: z.literal("status"), status: z.enum(["open", "pending_customer"]) }),
          z.object({ kind: z.literal("note"), body: ZBody }),
        ]),
      }),
    )
    .output(z.object({ changed: z.number() }))
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => bulkAction(ctx.db, ctx.user, input, ctx.now()))),
  /** The managers' worklist: open priority and exclusion disputes, oldest first. */
  disputes: permittedProcedure("tickets.manage")
    .input(z.object({ kind: z.enum(DISPUTE_KINDS).optional(), limit: z.number().int().min(1).max(200).default(100) }))
    .output(
      z.object({
        total: z.number(),
        items: z.array(
          z.object({
            id: z.number(),
            kind: z.enum(DISPUTE_KINDS),
            proposedPriority: ZPriority.nullable(),
            reason: z.string(),
            createdAt: z.date(),
            requestedBy: z.string(),
            ticketId: z.number(),
            subject: z.string(),
            priority: ZPriority,
            exclusionReason: z.enum(EXCLUSION_REASONS).nullable(),
            organization: z.string(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => listOpenDisputes(ctx.db, input)),
  views: support
    .input(z.void())
    .output(
      z.array(
        z.object({
          id: z.number(),
          name: z.string(),
          shared: z.boolean(),
          ownerName: z.string(),
          mayEdit: z.boolean(),
          columns: z.array(z.enum(QUEUE_COLUMNS)),
          filters: ZQueueFilters,
          sort: z.enum(QUEUE_SORTS),
        }),
      ),
    )
    .query(({ ctx }) => listQueueViews(ctx.db, ctx.user)),
  saveView: support
    .input(
      z.object({
        id: ZId.nullish(),
        name: z.string().trim().min(1, "Please name the view.").max(80),
        shared: z.boolean().default(false),
        columns: z.array(z.enum(QUEUE_COLUMNS)).max(QUEUE_COLUMNS.length),
        filters: ZQueueFilters,
        sort: z.enum(QUEUE_SORTS).default("urgency"),
      }),
    )
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => saveQueueView(ctx.db, ctx.user, input, ctx.now())),
  deleteView: support
    .input(z.object({ id: ZId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => deleteQueueView(ctx.db, ctx.user, input.id, ctx.now())),
};
