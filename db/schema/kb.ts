import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ARTICLE_STATUSES, ARTICLE_TYPES, FEEDBACK_REASONS, LOCALES, PRODUCT_AREAS } from "./enums";
import { users } from "./organizations";

const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * A knowledge base article in one language; translations share a `translationGroup`.
 * The full-text index (`articles_fts`, FTS5) is created by a custom migration and kept in step by
 * the knowledge base service, because Chinese text is segmented in JavaScript before indexing.
 */
export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    translationGroup: text("translation_group").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull(),
    productArea: text("product_area", { enum: PRODUCT_AREAS }).notNull(),
    type: text("type", { enum: ARTICLE_TYPES }).notNull(),
    status: text("status", { enum: ARTICLE_STATUSES }).notNull(),
    internal: integer("internal", { mode: "boolean" }).notNull().default(false),
    ownerId: integer("owner_id").references(() => users.id),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull(),
    errorCodes: text("error_codes", { mode: "json" }).$type<string[]>().notNull(),
    sdkVersions: text("sdk_versions", { mode: "json" }).$type<string[]>().notNull(),
    reviewedAt: ts("reviewed_at").notNull(),
    views: integer("views").notNull().default(0),
    helpfulCount: integer("helpful_count").notNull().default(0),
    notHelpfulCount: integer("not_helpful_count").notNull().default(0),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("articles_slug_locale_unique").on(t.slug, t.locale),
    index("articles_area_type_idx").on(t.status, t.productArea, t.type),
    index("articles_group_idx").on(t.translationGroup),
    // The help center's lists for readers (published, public, one language): most read first, and
    // recently reviewed; each reads its page from the index instead of sorting every article.
    index("articles_popular_idx").on(t.locale, t.status, t.internal, sql`${t.views} desc`),
    index("articles_recent_idx").on(t.locale, t.status, t.internal, t.reviewedAt),
    // The front page's counts per product area and type: read from the index alone (issue 25: reading
    // each of 10,000 articles' rows for its language and visibility took 8 ms a count).
    index("articles_browse_idx").on(t.locale, t.status, t.internal, t.productArea, t.type),
  ],
);

export const articleErrorCodes = sqliteTable(
  "article_error_codes",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.code] }), index("article_error_codes_code_idx").on(t.code)],
);

export const articleFeedback = sqliteTable(
  "article_feedback",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id),
    helpful: integer("helpful", { mode: "boolean" }).notNull(),
    reason: text("reason", { enum: FEEDBACK_REASONS }),
    comment: text("comment"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index("article_feedback_article_idx").on(t.articleId)],
);

/** One row per visitor per article per day, so views count once a day. */
export const articleViews = sqliteTable(
  "article_views",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    visitor: text("visitor").notNull(),
    day: text("day").notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.visitor, t.day] })],
);

export const searchLog = sqliteTable(
  "search_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    query: text("query").notNull(),
    locale: text("locale", { enum: LOCALES }),
    results: integer("results").notNull(),
    userId: integer("user_id").references(() => users.id),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index("search_log_results_idx").on(t.results, t.createdAt)],
);

export type Article = typeof articles.$inferSelect;
