import { z } from "zod";
import { ARTICLE_STATUSES } from "@/db/schema/enums";
import { ZCreateArticleInput, ZUpdateArticleInput, BODY_MAX } from "@/server/kb/article-input";
import {
  createArticle,
  editorOptions,
  getArticleForEdit,
  previewMarkdown,
  updateArticle,
} from "@/server/kb/edit-service";
import { ZLocale } from "../../schemas";
import { ZArea, ZSaved, ZSlug, ZToc, ZType, staffProcedure } from "./schemas";

/** Writing articles: opening one for edit, previewing, creating and saving, for staff. */
export const kbEditing = {
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
    .mutation(({ ctx, input }) => previewMarkdown(input.body, ctx.renderBudget)),
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
};
