import { z } from "zod";
import { ARTICLE_STATUSES } from "@/db/schema/enums";
import { kbReport } from "@/server/kb/service";
import { listDeskArticles, markReviewed } from "@/server/kb/edit-service";
import { ZLocale } from "../../schemas";
import { ZId, staffProcedure } from "./schemas";

/** The staff desk: the report of what needs care, the writer's own articles, and review confirmations. */
export const kbDesk = {
  /** Stale articles, most viewed not-helpful articles and searches without results, for staff. */
  report: staffProcedure
    .input(z.object({ staleMine: z.boolean().default(false) }).optional())
    .output(
      z.object({
        stale: z.array(
          z.object({
            id: z.number(),
            slug: z.string(),
            locale: ZLocale,
            title: z.string(),
            reviewedAt: z.date(),
            owner: z.string().nullable(),
            mine: z.boolean(),
            canReview: z.boolean(),
          }),
        ),
        notHelpful: z.array(
          z.object({
            slug: z.string(),
            locale: ZLocale,
            title: z.string(),
            views: z.number(),
            helpfulCount: z.number(),
            notHelpfulCount: z.number(),
          }),
        ),
        noResults: z.array(z.object({ query: z.string(), count: z.number(), lastAt: z.date() })),
      }),
    )
    .query(({ ctx, input }) => kbReport(ctx.db, ctx.user, { staleMine: input?.staleMine ?? false }, ctx.now())),
  /** The owner (or a publisher) confirms the article is still right; it leaves the stale list. */
  markReviewed: staffProcedure
    .input(z.object({ id: ZId }))
    .output(z.object({ id: z.number(), reviewedAt: z.date() }))
    .mutation(({ ctx, input }) => markReviewed(ctx.db, { user: ctx.user, ip: ctx.ip }, input, ctx.now())),
  /** The writer's own articles, or every draft. */
  desk: staffProcedure
    .input(z.object({ view: z.enum(["mine", "drafts"]) }))
    .output(
      z.array(
        z.object({
          id: z.number(),
          slug: z.string(),
          locale: ZLocale,
          title: z.string(),
          status: z.enum(ARTICLE_STATUSES),
          internal: z.boolean(),
          owner: z.string().nullable(),
          ownerId: z.number().nullable(),
          reviewedAt: z.date(),
          updatedAt: z.date(),
          stale: z.boolean(),
          canReview: z.boolean(),
        }),
      ),
    )
    .query(({ ctx, input }) => listDeskArticles(ctx.db, ctx.user, input, ctx.now())),
};
