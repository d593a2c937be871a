import { z } from "zod";
import { ACTION_SIDES, ACTION_STATUSES, REVIEW_STATUSES } from "@/db/schema/enums";
import {
  acknowledgeReview,
  deleteActionItem,
  generateReview,
  getReview,
  listReviews,
  previewReview,
  saveActionItem,
  shareReview,
  updateNarrative,
} from "@/server/reviews/service";
import { ZActionItemInput, ZId } from "@/server/reviews/input";
import { ZReviewSnapshot } from "@/server/reviews/snapshot";
import { authedProcedure, createTRPCRouter, customerProcedure, permittedProcedure } from "../trpc";
import { ZQuarter } from "../schemas";

const ZDone = z.object({ id: z.number() });

export const reviewsRouter = createTRPCRouter({
  list: authedProcedure
    .input(z.object({ organizationId: ZId.optional(), mine: z.boolean().optional() }))
    .output(
      z.array(
        z.object({
          id: z.number(),
          organizationId: z.number(),
          organizationName: z.string(),
          quarter: z.string(),
          status: z.enum(REVIEW_STATUSES),
          generatedAt: z.date(),
          sharedAt: z.date().nullable(),
          acknowledgedAt: z.date().nullable(),
          openItems: z.number(),
        }),
      ),
    )
    .query(({ ctx, input }) => listReviews(ctx.db, ctx.user, input)),
  get: authedProcedure
    .input(
      z.object({
        id: ZId,
        allBreaches: z.boolean().optional(),
        breachPage: z.number().int().min(1).max(10_000).optional(),
      }),
    )
    .output(
      z.object({
        id: z.number(),
        organizationId: z.number(),
        organizationName: z.string(),
        quarter: z.string(),
        status: z.enum(REVIEW_STATUSES),
        narrative: z.string(),
        generatedAt: z.date(),
        generatedBy: z.string().nullable(),
        sharedAt: z.date().nullable(),
        acknowledgedAt: z.date().nullable(),
        acknowledgedBy: z.string().nullable(),
        snapshot: ZReviewSnapshot.extend({ health: ZReviewSnapshot.shape.health.nullable() }),
        breachCount: z.number(),
        breachOffset: z.number(),
        actionItems: z.array(
          z.object({
            id: z.number(),
            title: z.string(),
            side: z.enum(ACTION_SIDES),
            owner: z.string(),
            dueDate: z.string(),
            status: z.enum(ACTION_STATUSES),
            carried: z.boolean(),
          }),
        ),
        canEdit: z.boolean(),
        canAcknowledge: z.boolean(),
      }),
    )
    .query(({ ctx, input }) => getReview(ctx.db, ctx.user, input.id, input.allBreaches, input.breachPage)),
  /** The figures a review would freeze, without storing one (the account team only: it includes health). */
  preview: permittedProcedure("accounts.edit")
    .input(z.object({ organizationId: ZId, quarter: ZQuarter }))
    .output(ZReviewSnapshot)
    .query(({ ctx, input }) => previewReview(ctx.db, ctx.user, input, ctx.now())),
  generate: permittedProcedure("accounts.edit")
    .input(z.object({ organizationId: ZId, quarter: ZQuarter }))
    .output(ZDone)
    .mutation(({ ctx, input }) => generateReview(ctx.db, ctx.user, input, ctx.now())),
  updateNarrative: permittedProcedure("accounts.edit")
    .input(z.object({ id: ZId, narrative: z.string().max(20_000) }))
    .output(ZDone)
    .mutation(({ ctx, input }) => updateNarrative(ctx.db, ctx.user, input, ctx.now())),
  saveActionItem: permittedProcedure("accounts.edit")
    .input(ZActionItemInput)
    .output(ZDone)
    .mutation(({ ctx, input }) => saveActionItem(ctx.db, ctx.user, input, ctx.now())),
  deleteActionItem: permittedProcedure("accounts.edit")
    .input(z.object({ reviewId: ZId, id: ZId }))
    .output(ZDone)
    .mutation(({ ctx, input }) => deleteActionItem(ctx.db, ctx.user, input, ctx.now())),
  share: permittedProcedure("accounts.edit")
    .input(z.object({ id: ZId }))
    .output(ZDone)
    .mutation(({ ctx, input }) => shareReview(ctx.db, ctx.user, input, ctx.now())),
  acknowledge: customerProcedure
    .input(z.object({ id: ZId }))
    .output(ZDone)
    .mutation(({ ctx, input }) => acknowledgeReview(ctx.db, ctx.user, input, ctx.now())),
});
