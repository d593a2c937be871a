import { z } from "zod";
import { FEATURE_STATUSES, SCOPE_DECISIONS, TICKET_STATUSES } from "@/db/schema/enums";
import { deliveringMail } from "@/server/notifications/mailer";
import { MAX_ACK_DAYS, MAX_ESTIMATE_DAYS } from "@/server/requests/rules";
import {
  CUSTOM_QUEUE_MAX,
  customDevelopmentQueue,
  featureRequestForTicket,
  listFeatureRequests,
  roadmap,
  scopeCustomDevelopment,
  scopeForTicket,
  setFeatureStatus,
  voteForFeature,
} from "@/server/requests/service";
import { createTRPCRouter, permittedProcedure, publicProcedure } from "../trpc";
import { ZId } from "./tickets/schemas";

const ZSummary = z.object({
  ticketId: z.number(),
  title: z.string(),
  status: z.enum(FEATURE_STATUSES),
  publicNote: z.string().nullable(),
  votes: z.number(),
  organizations: z.number(),
});

/** Feature requests (votes, roadmap status, the public roadmap) and custom development scoping (issue #20). */
export const requestsRouter = createTRPCRouter({
  /** The public roadmap: planned, under review and shipped, with vote counts; no organization named. */
  roadmap: publicProcedure
    .input(z.void())
    .output(z.object({ planned: z.array(ZSummary), under_review: z.array(ZSummary), shipped: z.array(ZSummary) }))
    .query(({ ctx }) => roadmap(ctx.db)),
  /** Every feature request with votes; whether the caller voted and whether it is their organization's. */
  list: permittedProcedure("features.read")
    .input(z.void())
    .output(z.array(ZSummary.extend({ voted: z.boolean(), own: z.boolean() })))
    .query(({ ctx }) => listFeatureRequests(ctx.db, ctx.user)),
  /** A customer's vote, once per person. */
  vote: permittedProcedure("features.vote")
    .input(z.object({ ticketId: ZId }))
    .output(z.object({ votes: z.number() }))
    .mutation(({ ctx, input }) => voteForFeature(ctx.db, ctx.user, input.ticketId, ctx.now())),
  /** The feature request part of a ticket page (null for other tickets). */
  feature: permittedProcedure("features.read")
    .input(z.object({ ticketId: ZId }))
    .output(
      z
        .object({
          status: z.enum(FEATURE_STATUSES),
          publicTitle: z.string(),
          publicNote: z.string().nullable(),
          ackDays: z.number(),
          ackDueAt: z.date(),
          votes: z.number(),
          byOrganization: z.array(z.object({ organization: z.string(), votes: z.number() })),
        })
        .nullable(),
    )
    .query(({ ctx, input }) => featureRequestForTicket(ctx.db, ctx.user, input.ticketId)),
  /** Staff set the roadmap status with an optional public note; voters are told. */
  setStatus: permittedProcedure("features.manage")
    .input(
      z.object({
        ticketId: ZId,
        status: z.enum(FEATURE_STATUSES),
        publicNote: z.string().trim().max(2000).nullable().optional(),
        publicTitle: z.string().trim().min(5).max(200).optional(),
        ackDays: z.number().int().min(1).max(MAX_ACK_DAYS).optional(),
      }),
    )
    .output(z.void())
    .mutation(({ ctx, input }) => deliveringMail(ctx, () => setFeatureStatus(ctx.db, ctx.user, input, ctx.now()))),
  /** A custom development request's scoping for its ticket page (null for other tickets). */
  scope: permittedProcedure("customDevelopment.read")
    .input(z.object({ ticketId: ZId }))
    .output(
      z
        .object({
          accountManager: z.string().nullable(),
          estimateDays: z.number().nullable(),
          quoteReference: z.string().nullable(),
          decision: z.enum(SCOPE_DECISIONS).nullable(),
          updatedAt: z.date().nullable(),
        })
        .nullable(),
    )
    .query(({ ctx, input }) => scopeForTicket(ctx.db, ctx.user, input.ticketId)),
  /** The account manager scopes a custom development request: estimate, quote reference, decision. */
  saveScope: permittedProcedure("customDevelopment.scope")
    .input(
      z.object({
        ticketId: ZId,
        estimateDays: z.number().int().min(1).max(MAX_ESTIMATE_DAYS).nullable(),
        quoteReference: z.string().trim().max(80).nullable(),
        decision: z.enum(SCOPE_DECISIONS).nullable(),
      }),
    )
    .output(z.void())
    .mutation(({ ctx, input }) => scopeCustomDevelopment(ctx.db, ctx.user, input, ctx.now())),
  /**
   * Custom development requests of the account manager's portfolio (managers and admins: all): of
   * the newest CUSTOM_QUEUE_MAX, those awaiting a decision first, at most `limit`, and how many.
   */
  customQueue: permittedProcedure("customDevelopment.scope")
    .input(z.object({ limit: z.number().int().min(1).max(CUSTOM_QUEUE_MAX).default(CUSTOM_QUEUE_MAX) }))
    .output(
      z.object({
        items: z.array(
          z.object({
            ticketId: z.number(),
            subject: z.string(),
            organization: z.string(),
            status: z.enum(TICKET_STATUSES),
            createdAt: z.date(),
            decision: z.enum(SCOPE_DECISIONS).nullable(),
            estimateDays: z.number().nullable(),
          }),
        ),
        total: z.number(),
      }),
    )
    .query(({ ctx, input }) => customDevelopmentQueue(ctx.db, ctx.user, input.limit)),
});
