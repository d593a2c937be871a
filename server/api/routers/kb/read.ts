import { z } from "zod";
import { ARTICLE_STATUSES } from "@/db/schema/enums";
import { browseArticles, getArticle, KB_SEARCH_PAGES, searchArticles } from "@/server/kb/service";
import { publicProcedure } from "../../trpc";
import { ZLocale } from "../../schemas";
import { ZArea, ZReason, ZSlug, ZSnippet, ZToc, ZType } from "./schemas";

/** Finding and reading articles: open to anyone, staff also see internal articles and drafts. */
export const kbReads = {
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
        page: z.number().int().min(1).max(KB_SEARCH_PAGES).default(1),
        logGaps: z.boolean().default(true),
        correct: z.boolean().default(false),
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
        /** The corrected query whose results these are, when the typed one found nothing. */
        correctedQuery: z.string().nullable(),
        page: z.number(),
        pages: z.number(),
        total: z.number(),
        hasMore: z.boolean(),
      }),
    )
    .query(({ ctx, input }) => searchArticles(ctx.db, ctx.user, input, ctx.now(), ctx.ip)),
  /** Articles of one language by product area and type, with counts. */
  browse: publicProcedure
    .input(
      z.object({
        productArea: ZArea.optional(),
        type: ZType.optional(),
        locale: ZLocale,
        page: z.number().int().min(1).max(10_000).default(1),
      }),
    )
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
        page: z.number(),
        total: z.number(),
        pageSize: z.number(),
        recent: z.array(z.object({ slug: z.string(), locale: ZLocale, title: z.string(), reviewedAt: z.date() })),
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
    .query(({ ctx, input }) => getArticle(ctx.db, ctx.user, input, ctx.now(), ctx.renderBudget)),
};
