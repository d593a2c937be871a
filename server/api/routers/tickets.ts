import { z } from "zod";
import {
  SUPPORT_ROLES,
  RESOLUTION_KINDS,
  DISPUTE_KINDS,
  DISPUTE_STATUSES,
  EXCLUSION_REASONS,
  PRODUCT_AREAS,
  TICKET_CATEGORIES,
  TICKET_EVENT_TYPES,
  TICKET_STATUSES,
  CHANNELS,
  ESCALATION_LEVELS,
  SLA_STATUSES,
} from "@/db/schema/enums";
import {
  changePriority,
  decideDispute,
  excludeTicket,
  fileTicket,
  getTicketDetail,
  listColleagues,
  listTickets,
  openDispute,
  recordDeflection,
  searchAssignees,
  searchRequesters,
} from "@/server/tickets/service";
import { answerComplaint, listComplaints, raiseComplaint } from "@/server/tickets/complaints";
import { COMPLAINT_OUTCOMES } from "@/server/tickets/complaint";
import { deliveringMail } from "@/server/notifications/mailer";
import {
  addWatcher,
  assignTicket,
  escalateTicket,
  rateTicket,
  recordWorkaround,
  reopenTicket,
  replyToTicket,
  resolveTicket,
  setWaiting,
} from "@/server/tickets/actions";
import { listQueue } from "@/server/tickets/queue";
import { previewTicketMarkdown } from "@/server/tickets/render";
import { authedProcedure, createTRPCRouter, customerProcedure, permittedProcedure } from "../trpc";
import { ZRegion } from "../schemas";
import { ZMetric, ZPriority, ZTierCode } from "../schemas";

const ZId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ZReason = z.string().trim().min(3, "Please give a reason of at least 3 characters.").max(2000);

const ZExplanation = z.object({
  metric: ZMetric,
  status: z.enum(SLA_STATUSES),
  dueAt: z.date(),
  achievedAt: z.date().nullable(),
  priority: ZPriority,
  basis: z.union([
    z.object({ kind: z.literal("created") }),
    z.object({ kind: z.enum(["raised", "disputeUpheld", "lowered"]), at: z.date() }),
  ]),
  target: z.object({ minutes: z.number(), timeZone: z.string(), alwaysOpen: z.boolean() }),
  countedFrom: z.date(),
  dueFromCreated: z.date(),
  dueFromRaise: z.date().nullable(),
  countedIntervals: z.array(z.object({ start: z.date(), end: z.date(), minutes: z.number() })),
  countedIntervalsTruncated: z.boolean(),
  closedDays: z.array(z.object({ date: z.string(), reason: z.enum(["holiday", "closed"]) })),
  pausable: z.boolean(),
  pauses: z.array(z.object({ start: z.date(), end: z.date().nullable() })),
  closures: z.array(z.object({ start: z.date(), end: z.date().nullable() })),
  priorityChanges: z.array(
    z.object({ at: z.date(), from: ZPriority, to: ZPriority, raise: z.boolean(), disputeUpheld: z.boolean() }),
  ),
});

const ZComplaint = z.object({
  id: z.number(),
  reason: z.string(),
  raisedAt: z.date(),
  raisedBy: z.string().nullable(),
  onBehalf: z.boolean(),
  status: z.enum(["open", ...COMPLAINT_OUTCOMES]),
  answers: z.array(
    z.object({ outcome: z.enum(COMPLAINT_OUTCOMES), response: z.string(), at: z.date(), by: z.string().nullable() }),
  ),
});

const ZTicketDetail = z.object({
  ticket: z.object({
    id: z.number(),
    subject: z.string(),
    description: z.string(),
    descriptionHtml: z.string(),
    priority: ZPriority,
    status: z.enum(TICKET_STATUSES),
    productArea: z.enum(PRODUCT_AREAS),
    category: z.enum(TICKET_CATEGORIES),
    channel: z.enum(CHANNELS),
    sdkPlatform: z.string().nullable(),
    sdkVersion: z.string().nullable(),
    escalationLevel: z.enum(ESCALATION_LEVELS),
    outsideSla: z.boolean(),
    exclusionReason: z.enum(EXCLUSION_REASONS).nullable(),
    exclusionNote: z.string().nullable(),
    createdAt: z.date(),
    resolvedAt: z.date().nullable(),
    organization: z.string(),
    tier: ZTierCode,
    requester: z.string(),
    assignee: z.string().nullable(),
    /** Staff only (null for customers): the current assignee, for the assign control. */
    assigneeId: z.number().nullable(),
  }),
  watchers: z.array(z.object({ id: z.number(), name: z.string(), email: z.string() })),
  complaints: z.array(ZComplaint),
  conversation: z.array(
    z.object({
      id: z.number(),
      author: z.string(),
      staff: z.boolean(),
      body: z.string(),
      html: z.string(),
      internal: z.boolean(),
      createdAt: z.date(),
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.number(),
      at: z.date(),
      type: z.enum(TICKET_EVENT_TYPES),
      actor: z.string().nullable(),
      priority: ZPriority.nullable(),
      from: ZPriority.nullable(),
      disputeUpheld: z.boolean(),
      raise: z.boolean(),
      complaintPhase: z.enum(["raised", ...COMPLAINT_OUTCOMES]).nullable(),
    }),
  ),
  disputes: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(DISPUTE_KINDS),
      proposedPriority: ZPriority.nullable(),
      reason: z.string(),
      status: z.enum(DISPUTE_STATUSES),
      decisionNote: z.string().nullable(),
      createdAt: z.date(),
      decidedAt: z.date().nullable(),
    }),
  ),
  metrics: z.array(
    z.object({
      metric: ZMetric,
      dueAt: z.date(),
      achievedAt: z.date().nullable(),
      status: z.enum(SLA_STATUSES),
      atRisk: z.boolean(),
      remainingMinutes: z.number().nullable(),
      explanation: ZExplanation,
    }),
  ),
  rating: z.object({ score: z.number(), comment: z.string().nullable(), createdAt: z.date() }).nullable(),
  timeZone: z.string(),
});

const ZCursor = z.union([z.object({ createdAt: z.date(), id: ZId }), z.object({ nextDueAt: z.date(), id: ZId })]);
const ZBody = z.string().trim().min(1, "Please write a message.").max(20_000);
const support = permittedProcedure("tickets.support");

export const ticketsRouter = createTRPCRouter({
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
  /** A customer files a ticket; staff log one received by email, chat or phone for a customer. */
  create: permittedProcedure("tickets.work")
    .input(
      z.object({
        subject: z.string().trim().min(5, "Please write a subject of at least 5 characters.").max(200),
        description: z.string().trim().min(10, "Please describe the problem in at least 10 characters.").max(20_000),
        productArea: z.enum(PRODUCT_AREAS),
        category: z.enum(TICKET_CATEGORIES),
        priority: ZPriority,
        sdkPlatform: z.string().trim().max(40).nullish(),
        sdkVersion: z.string().trim().max(40).nullish(),
        channel: z.enum(CHANNELS).optional(),
        requesterId: ZId.optional(),
        watchers: z
          .array(z.string().trim().email("Please enter each watcher's email address.").max(320))
          .max(20)
          .optional(),
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
  queue: support
    .input(
      z.object({
        tier: ZTierCode.optional(),
        priority: ZPriority.optional(),
        level: z.enum(ESCALATION_LEVELS).optional(),
        assignee: z.enum(["mine", "unassigned"]).optional(),
        productArea: z.enum(PRODUCT_AREAS).optional(),
        region: ZRegion.optional(),
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
  /** A public reply (customers and staff) or an internal note (staff only). */
  reply: permittedProcedure("tickets.work")
    .input(z.object({ ticketId: ZId, body: ZBody, internal: z.boolean().optional() }))
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
  /** The members of the customer's organization, for the requester filter. */
  colleagues: customerProcedure
    .input(z.void())
    .output(z.array(z.object({ id: z.number(), name: z.string(), email: z.string() })))
    .query(({ ctx }) => listColleagues(ctx.db, ctx.user)),
  /** Support staff a ticket can be assigned to (agents, experts, managers), searched by name or email. */
  assignees: support
    .input(z.object({ query: z.string().max(100).default(""), limit: z.number().int().min(1).max(100).default(50) }))
    .output(z.array(z.object({ id: z.number(), name: z.string(), email: z.string(), role: z.enum(SUPPORT_ROLES) })))
    .query(({ ctx, input }) => searchAssignees(ctx.db, input.query, input.limit)),
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
  /** Customers staff can log a ticket for. */
  requesters: support
    .input(z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(50).default(20) }))
    .output(z.array(z.object({ id: z.number(), name: z.string(), email: z.string(), organization: z.string() })))
    .query(({ ctx, input }) => searchRequesters(ctx.db, input.query, input.limit)),
  /** Records a knowledge base suggestion opened on the ticket form, or the form left without filing. */
  deflection: customerProcedure
    .input(
      z.object({
        kind: z.enum(["suggestion_opened", "abandoned"]),
        articleId: ZId.nullish(),
        query: z.string().max(200).nullish(),
      }),
    )
    .output(z.void())
    .mutation(({ ctx, input }) => recordDeflection(ctx.db, ctx.user, input, ctx.now())),
  /** Renders ticket Markdown exactly as the ticket page will show it (sanitized), for the form's preview. */
  preview: authedProcedure
    .input(z.object({ markdown: z.string().max(20_000) }))
    .output(z.object({ html: z.string() }))
    .mutation(({ input }) => previewTicketMarkdown(input.markdown)),
});
