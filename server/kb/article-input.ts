import { z } from "@/server/zod";
import { ARTICLE_STATUSES, ARTICLE_TYPES, LOCALES, PRODUCT_AREAS, type Role } from "@/db/schema/enums";
import { can } from "@/server/auth/permissions";
import { segmentText } from "./segment";

/**
 * True when the role may publish: put an article live, take it down, or change one that is live.
 * Every other staff role writes drafts that a publisher puts live (docs/decisions/007-kb-editing.md);
 * the roles are the permission table's "kb.publish".
 */
export function canPublish(role: Role): boolean {
  return can({ role }, "kb.publish");
}

/** Slugs that are pages of /kb itself, so an article there could never be opened. */
export const RESERVED_SLUGS = ["new", "report", "drafts"] as const;

export const SLUG_MAX = 120;
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 500;
export const BODY_MAX = 100_000;
/** Generous over the patterns' own lengths (40, 64, 32), so spaces around a value are still trimmed. */
const TAG_MAX = 60;
const CODE_MAX = 80;
const VERSION_MAX = 50;

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CODE_RE = /^[A-Z0-9][A-Z0-9_.-]{0,63}$/;
const VERSION_RE = /^[0-9A-Za-z][0-9A-Za-z .+_-]{0,31}$/;
const TAG_RE = /^[\p{L}\p{N}][\p{L}\p{N} ._+-]{0,39}$/u;

/** Removes duplicates keeping the first spelling, so the stored list reads as the writer typed it. */
const unique = (list: string[]) => [...new Set(list)];

export const ZArticleSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter the article's address.")
  .max(SLUG_MAX, `Keep the address to ${SLUG_MAX} characters.`)
  .regex(SLUG_RE, "Use lower-case letters, digits and single hyphens in the address.")
  .refine(
    (s) => !(RESERVED_SLUGS as readonly string[]).includes(s),
    "This address is a page of the knowledge base; choose another.",
  );

/** The fields a writer edits; lists arrive already split (see `parseList`). */
export const ZArticleFields = z.object({
  slug: ZArticleSlug,
  title: z
    .string()
    .trim()
    .min(3, "Give the article a title of at least 3 characters.")
    .max(TITLE_MAX, `Keep the title to ${TITLE_MAX} characters.`),
  summary: z.string().trim().max(SUMMARY_MAX, `Keep the summary to ${SUMMARY_MAX} characters.`),
  body: z
    .string()
    .max(BODY_MAX, `Keep the article to ${BODY_MAX} characters.`)
    .refine((b) => b.trim().length > 0, "Write the article's text."),
  productArea: z.enum(PRODUCT_AREAS),
  type: z.enum(ARTICLE_TYPES),
  status: z.enum(ARTICLE_STATUSES),
  internal: z.boolean(),
  ownerId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  tags: z
    .array(
      z
        .string()
        .max(TAG_MAX)
        .trim()
        .toLowerCase()
        .regex(TAG_RE, "A tag is 1 to 40 letters, digits, spaces or . _ + -."),
    )
    .max(20, "Use at most 20 tags.")
    .transform(unique),
  errorCodes: z
    .array(
      z
        .string()
        .max(CODE_MAX)
        .trim()
        .toUpperCase()
        .regex(CODE_RE, "An error code is letters, digits, _ . or -, such as 110 or ERR_TOKEN_EXPIRED."),
    )
    .max(30, "Use at most 30 error codes.")
    .transform(unique),
  sdkVersions: z
    .array(
      z
        .string()
        .max(VERSION_MAX)
        .trim()
        .regex(VERSION_RE, "An SDK version is up to 32 letters, digits, spaces or . + _ -, such as 4.5.0."),
    )
    .max(20, "Use at most 20 SDK versions.")
    .transform(unique),
});
export type ArticleFields = z.output<typeof ZArticleFields>;

export const ZCreateArticleInput = ZArticleFields.extend({
  locale: z.enum(LOCALES),
  /** Address of the article in the other language that this one translates, if any. */
  translationOf: ZArticleSlug.nullable(),
});
export type CreateArticleInput = z.output<typeof ZCreateArticleInput>;

export const ZUpdateArticleInput = ZArticleFields.extend({
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  /** The `updatedAt` the writer opened; a newer stored value means someone else saved since. */
  baseUpdatedAt: z.date(),
});
export type UpdateArticleInput = z.output<typeof ZUpdateArticleInput>;

/** Splits what a writer typed into a list field: commas (also Chinese ones), semicolons or new lines. */
export function parseList(text: string): string[] {
  return text
    .split(/[,;，；、\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Suggests an address from an English title ("Error 110: token expired" → "error-110-token-expired").
 * Chinese characters are dropped, so a Chinese title may suggest nothing and the writer types one.
 */
export function slugFromTitle(title: string): string {
  return title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/, "");
}

/**
 * The `articles_fts` row of an article: Chinese segmented as at query time (segmentText), error
 * codes as one column so a code in the text ranks too. The seeds and the editor write rows through
 * this one function, so an edited article is indexed exactly like a seeded one.
 */
export function ftsRow(a: { title: string; body: string; errorCodes: readonly string[] }): {
  title: string;
  body: string;
  codes: string;
} {
  return { title: segmentText(a.title), body: segmentText(a.body), codes: a.errorCodes.join(" ") };
}
