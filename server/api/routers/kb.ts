import { z } from "zod";
import { ARTICLE_STATUSES, ARTICLE_TYPES, FEEDBACK_REASONS, PRODUCT_AREAS } from "@/db/schema/enums";
import { ZCreateArticleInput, ZUpdateArticleInput, BODY_MAX } from "@/server/kb/article-input";
import {
  createArticle,
  editorOptions,
  getArticleForEdit,
  listDeskArticles,
  markReviewed,
  previewMarkdown,
  updateArticle,
} from "@/server/kb/edit-service";
import { browseArticles, getArticle, giveFeedback, kbReport, recordView, searchArticles } from "@/server/kb/service";
import { authedProcedure, createTRPCRouter, publicProcedure, permittedProcedure } from "../trpc";
import { ZLocale } from "../schemas";

const ZId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ZSlug = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9-]+$/);
const ZArea = z.enum(PRODUCT_AREAS);
const ZType = z.enum(ARTICLE_TYPES);
const ZReason = z.enum(FEEDBACK_REASONS);
const ZToc = z.array(z.object({ id: z.string(), text: z.string(), depth: z.union([z.literal(2), z.literal(3)]) }));
const ZSaved = z.object({ id: z.number(), slug: z.string(), locale: ZLocale, updatedAt: z.date() });
/** Every staff role; writing rules beyond "staff" (who publishes) live in the edit service. */
const staffProcedure = permittedProcedure("kb.write");
const ZSnippet = z.array(z.object({ text: z.string(), hit: z.boolean() }));

export const kbRouter = createTRPCRouter({
  /** Ranked search; anyone may search, staff also find internal articles and drafts. */
  search: publicProcedure
    .input(
      z.object({
        q: z.string().max(200),
        productArea: ZArea.optional(),
        type: ZType.optional(),
        locale: ZLocale.optional(),
        preferLocale: ZLocale.optional(),
        limit: z.number().int().min(1).max(50).default(20),
        logGaps: z.boolean().default(true),
      }),
    )
    .output(
      z.object({
        items: z.array(
          z.object({
            id: z.number(),
            slug: z.string(),
            locale: ZLocale,
            title: z.string(),
            summary: z.string(),
            productArea: ZArea,
            type: ZType,
            status: z.enum(ARTICLE_STATUSES),
            internal: z.boolean(),
            errorCodes: z.array(z.string()),
            codeMatch: z.boolean(),
            snippet: ZSnippet,
          }),
        ),
        suggestion: z.string().nullable(),
      }),
    )
    .query(({ ctx, input }) => searchArticles(ctx.db, ctx.user, input, ctx.now(), ctx.ip)),
  /** Articles of one language by product area and type, with counts. */
  browse: publicProcedure
    .input(z.object({ productArea: ZArea.optional(), type: ZType.optional(), locale: ZLocale }))
    .output(
      z.object({
        areas: z.array(z.object({ productArea: ZArea, count: z.number() })),
        types: z.array(z.object({ type: ZType, count: z.number() })),
        items: z.array(
          z.object({
            slug: z.string(),
            locale: ZLocale,
            title: z.string(),
            summary: z.string(),
            productArea: ZArea,
            type: ZType,
            status: z.enum(ARTICLE_STATUSES),
            internal: z.boolean(),
            reviewedAt: z.date(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => browseArticles(ctx.db, ctx.user, input)),
  /** One article, rendered and sanitized, with its translations, related articles and the reader's vote. */
  article: publicProcedure
    .input(z.object({ slug: ZSlug, locale: ZLocale.optional(), preferLocale: ZLocale.optional() }))
    .output(
      z.object({
        article: z.object({
          id: z.number(),
          slug: z.string(),
          locale: ZLocale,
          title: z.string(),
          summary: z.string(),
          productArea: ZArea,
          type: ZType,
          status: z.enum(ARTICLE_STATUSES),
          internal: z.boolean(),
          tags: z.array(z.string()),
          errorCodes: z.array(z.string()),
          sdkVersions: z.array(z.string()),
          reviewedAt: z.date(),
          updatedAt: z.date(),
          stale: z.boolean(),
          views: z.number(),
          helpfulCount: z.number(),
          notHelpfulCount: z.number(),
          owner: z.string().nullable(),
        }),
        html: z.string(),
        toc: ZToc,
        translations: z.array(z.object({ slug: z.string(), locale: ZLocale, title: z.string() })),
        related: z.array(z.object({ slug: z.string(), locale: ZLocale, title: z.string(), type: ZType })),
        myVote: z.object({ helpful: z.boolean(), reason: ZReason.nullable() }).nullable(),
      }),
    )
    .query(({ ctx, input }) => getArticle(ctx.db, ctx.user, input, ctx.now())),
  /** Counts a view once per visitor per day; anonymous visitors send their browser's visitor id. */
  recordView: publicProcedure
    .input(
      z.object({
        articleId: ZId,
        visitorId: z
          .string()
          .max(64)
          .regex(/^[A-Za-z0-9-]{8,64}$/),
      }),
    )
    .output(z.object({ counted: z.boolean() }))
    .mutation(({ ctx, input }) => recordView(ctx.db, ctx.user, input, ctx.now(), ctx.ip)),
  /** Helpful or not helpful (with a reason); one vote per signed-in reader, a new vote replaces it. */
  feedback: authedProcedure
    .input(
      z.object({
        articleId: ZId,
        helpful: z.boolean(),
        reason: ZReason.nullish(),
        comment: z.string().trim().max(2000).nullish(),
      }),
    )
    .output(
      z.object({
        helpful: z.boolean(),
        reason: ZReason.nullable(),
        helpfulCount: z.number(),
        notHelpfulCount: z.number(),
      }),
    )
    .mutation(({ ctx, input }) => giveFeedback(ctx.db, ctx.user, input, ctx.now(), ctx.ip)),
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
  /** An article as its writer edits it (raw Markdown, drafts and internal ones included), for staff. */
  editArticle: staffProcedure
    .input(z.object({ slug: ZSlug, locale: ZLocale }))
    .output(
      z.object({
        id: z.number(),
        slug: z.string(),
        locale: ZLocale,
        title: z.string(),
        summary: z.string(),
        body: z.string(),
        productArea: ZArea,
        type: ZType,
        status: z.enum(ARTICLE_STATUSES),
        internal: z.boolean(),
        ownerId: z.number().nullable(),
        tags: z.array(z.string()),
        errorCodes: z.array(z.string()),
        sdkVersions: z.array(z.string()),
        reviewedAt: z.date(),
        updatedAt: z.date(),
        translations: z.array(z.object({ slug: z.string(), locale: ZLocale, title: z.string() })),
      }),
    )
    .query(({ ctx, input }) => getArticleForEdit(ctx.db, input)),
  /** Who may own an article and whether the signed-in writer may publish. */
  editorOptions: staffProcedure
    .input(z.void())
    .output(
      z.object({
        owners: z.array(z.object({ id: z.number(), name: z.string() })),
        canPublish: z.boolean(),
        userId: z.number(),
      }),
    )
    .query(({ ctx }) => editorOptions(ctx.db, ctx.user)),
  /** Renders Markdown exactly as the article page does (sanitized); a mutation because drafts are long. */
  preview: staffProcedure
    .input(z.object({ body: z.string().max(BODY_MAX) }))
    .output(z.object({ html: z.string(), toc: ZToc }))
    .mutation(({ input }) => previewMarkdown(input.body)),
  /** A new article; drafts by any staff member, published ones by publishers. */
  createArticle: staffProcedure
    .input(ZCreateArticleInput)
    .output(ZSaved)
    .mutation(({ ctx, input }) => createArticle(ctx.db, { user: ctx.user, ip: ctx.ip }, input, ctx.now())),
  /** Saves an edit, refused when the article changed since it was opened. */
  updateArticle: staffProcedure
    .input(ZUpdateArticleInput)
    .output(ZSaved)
    .mutation(({ ctx, input }) => updateArticle(ctx.db, { user: ctx.user, ip: ctx.ip }, input, ctx.now())),
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
});
