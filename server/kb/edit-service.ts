import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { articleErrorCodes, articles, users } from "@/db/schema";
import { STAFF_ROLES, type Locale } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError, notFound, refuseIf } from "@/server/errors";
import {
  canPublish,
  ftsRow,
  type ArticleFields,
  type CreateArticleInput,
  type UpdateArticleInput,
} from "./article-input";
import { renderMarkdown, type RequestRenderBudget } from "./markdown";
import { markdownRefusal } from "./markdown-limits";
import { STALE_AFTER_DAYS } from "./service";

const DAY = 86_400_000;
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Actor = { user: SessionUser; ip: string | null };

const publishRequired = () =>
  new DomainError(
    "FORBIDDEN",
    "Only experts, managers and admins publish articles or change a published one. Save it as a draft instead.",
    "kbEdit.errors.publishRequired",
  );

/** Replaces an article's error-code rows and full-text row; runs inside the caller's transaction. */
function writeIndex(tx: Tx, id: number, a: { title: string; body: string; errorCodes: readonly string[] }) {
  tx.delete(articleErrorCodes).where(eq(articleErrorCodes.articleId, id)).run();
  if (a.errorCodes.length)
    tx.insert(articleErrorCodes)
      .values(a.errorCodes.map((code) => ({ articleId: id, code: code.toUpperCase() })))
      .onConflictDoNothing()
      .run();
  const row = ftsRow(a);
  tx.run(sql`DELETE FROM articles_fts WHERE rowid = ${id}`);
  tx.run(
    sql`INSERT INTO articles_fts (rowid, title, body, codes) VALUES (${id}, ${row.title}, ${row.body}, ${row.codes})`,
  );
}

function assertOwner(tx: Tx, ownerId: number) {
  const owner = tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, ownerId)).get();
  if (!owner || !owner.active || owner.role === "customer") {
    throw new DomainError("INVALID", "The owner must be an active staff member.", "kbEdit.errors.ownerInvalid");
  }
}

function assertSlugFree(tx: Tx, slug: string, locale: Locale, exceptId: number | null) {
  const taken = tx
    .select({ id: articles.id })
    .from(articles)
    .where(
      and(
        eq(articles.slug, slug),
        eq(articles.locale, locale),
        exceptId === null ? undefined : ne(articles.id, exceptId),
      ),
    )
    .get();
  if (taken) {
    throw new DomainError(
      "CONFLICT",
      `Another ${locale === "zh" ? "Chinese" : "English"} article already uses the address "${slug}". Choose another address.`,
      "kbEdit.errors.slugTaken",
    );
  }
}

function columns(f: ArticleFields) {
  return {
    slug: f.slug,
    title: f.title,
    summary: f.summary,
    body: f.body,
    productArea: f.productArea,
    type: f.type,
    status: f.status,
    internal: f.internal,
    ownerId: f.ownerId,
    tags: f.tags,
    errorCodes: f.errorCodes,
    sdkVersions: f.sdkVersions,
  };
}

/**
 * A staff member writes a new article. Anyone on staff may write a draft; publishing needs a
 * publisher role. The article, its error codes, its full-text row and the audit entry commit
 * together, and the did-you-mean vocabulary is rebuilt on the next search. A body over the article
 * Markdown limits is refused with what to fix.
 */
export function createArticle(db: Db, actor: Actor, input: CreateArticleInput, now: Date) {
  if (input.status === "published" && !canPublish(actor.user.role)) throw publishRequired();
  refuseIf(markdownRefusal(input.body, "article"));
  return db.transaction((tx) => {
    assertOwner(tx, input.ownerId);
    assertSlugFree(tx, input.slug, input.locale, null);
    let translationGroup = `${input.slug}-${input.locale}`;
    if (input.translationOf) {
      const other = tx
        .select({ translationGroup: articles.translationGroup })
        .from(articles)
        .where(and(eq(articles.slug, input.translationOf), ne(articles.locale, input.locale)))
        .get();
      if (!other)
        throw new DomainError(
          "INVALID",
          `No article in the other language has the address "${input.translationOf}".`,
          "kbEdit.errors.translationMissing",
        );
      const clash = tx
        .select({ id: articles.id })
        .from(articles)
        .where(and(eq(articles.translationGroup, other.translationGroup), eq(articles.locale, input.locale)))
        .get();
      if (clash)
        throw new DomainError(
          "CONFLICT",
          "That article already has a translation in this language.",
          "kbEdit.errors.translationExists",
        );
      translationGroup = other.translationGroup;
    } else if (
      tx.select({ id: articles.id }).from(articles).where(eq(articles.translationGroup, translationGroup)).get()
    ) {
      translationGroup = `${translationGroup}-${now.getTime()}`;
    }
    const row = tx
      .insert(articles)
      .values({
        ...columns(input),
        locale: input.locale,
        translationGroup,
        reviewedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: articles.id, slug: articles.slug, locale: articles.locale, updatedAt: articles.updatedAt })
      .get();
    writeIndex(tx, row.id, input);
    recordAudit(tx, {
      actorId: actor.user.id,
      action: "kb.article_create",
      entity: "article",
      entityId: String(row.id),
      detail: { slug: input.slug, locale: input.locale, status: input.status, internal: input.internal },
      at: now,
      ip: actor.ip,
    });
    return row;
  });
}

/**
 * Saves an edit. Refused when someone saved the article after the writer opened it (its
 * `updatedAt` moved on), and for non-publishers when the article is or would become published.
 * `updatedAt` only ever increases, so two saves in the same millisecond still conflict.
 */
export function updateArticle(db: Db, actor: Actor, input: UpdateArticleInput, now: Date) {
  refuseIf(markdownRefusal(input.body, "article"));
  return db.transaction((tx) => {
    const before = tx.select().from(articles).where(eq(articles.id, input.id)).get();
    if (!before) throw notFound("Article");
    if ((before.status === "published" || input.status === "published") && !canPublish(actor.user.role))
      throw publishRequired();
    if (before.updatedAt.getTime() !== input.baseUpdatedAt.getTime()) {
      throw new DomainError(
        "CONFLICT",
        "Someone saved this article after you opened it. Reload to see their changes, then make yours again.",
        "kbEdit.errors.stale",
      );
    }
    assertOwner(tx, input.ownerId);
    if (input.slug !== before.slug) assertSlugFree(tx, input.slug, before.locale, before.id);
    const after = columns(input);
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
      (k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]),
    );
    if (changed.length === 0)
      throw new DomainError("INVALID", "Nothing changed: the article is the same as saved.", "kbEdit.errors.noChanges");
    const updatedAt = new Date(Math.max(now.getTime(), before.updatedAt.getTime() + 1));
    tx.update(articles)
      .set({ ...after, updatedAt })
      .where(eq(articles.id, before.id))
      .run();
    writeIndex(tx, before.id, input);
    recordAudit(tx, {
      actorId: actor.user.id,
      action:
        before.status !== input.status
          ? input.status === "published"
            ? "kb.article_publish"
            : "kb.article_unpublish"
          : "kb.article_update",
      entity: "article",
      entityId: String(before.id),
      detail: { slug: input.slug, locale: before.locale, changed },
      at: now,
      ip: actor.ip,
    });
    return { id: before.id, slug: input.slug, locale: before.locale, updatedAt };
  });
}

/**
 * Records that the owner (or a publisher) checked the article is still right: the reviewed-at date
 * moves to now, which takes it off the stale list. The text and `updatedAt` stay as they were, so
 * an editor open elsewhere does not conflict.
 */
export function markReviewed(db: Db, actor: Actor, input: { id: number }, now: Date) {
  return db.transaction((tx) => {
    const a = tx
      .select({ id: articles.id, ownerId: articles.ownerId, reviewedAt: articles.reviewedAt })
      .from(articles)
      .where(eq(articles.id, input.id))
      .get();
    if (!a) throw notFound("Article");
    if (a.ownerId !== actor.user.id && !canPublish(actor.user.role)) {
      throw new DomainError(
        "FORBIDDEN",
        "Only the article's owner or a publisher marks it reviewed.",
        "kbEdit.errors.reviewForbidden",
      );
    }
    tx.update(articles).set({ reviewedAt: now }).where(eq(articles.id, a.id)).run();
    recordAudit(tx, {
      actorId: actor.user.id,
      action: "kb.article_review",
      entity: "article",
      entityId: String(a.id),
      detail: { previousReviewedAt: a.reviewedAt.toISOString() },
      at: now,
      ip: actor.ip,
    });
    return { id: a.id, reviewedAt: now };
  });
}

/** The article as its writer edits it: raw Markdown and every field, drafts and internal included. */
export function getArticleForEdit(db: Db, input: { slug: string; locale: Locale }) {
  const a = db
    .select()
    .from(articles)
    .where(and(eq(articles.slug, input.slug), eq(articles.locale, input.locale)))
    .get();
  if (!a) throw notFound("Article");
  const translations = db
    .select({ slug: articles.slug, locale: articles.locale, title: articles.title })
    .from(articles)
    .where(and(eq(articles.translationGroup, a.translationGroup), ne(articles.id, a.id)))
    .all();
  return {
    id: a.id,
    slug: a.slug,
    locale: a.locale,
    title: a.title,
    summary: a.summary,
    body: a.body,
    productArea: a.productArea,
    type: a.type,
    status: a.status,
    internal: a.internal,
    ownerId: a.ownerId,
    tags: a.tags,
    errorCodes: a.errorCodes,
    sdkVersions: a.sdkVersions,
    reviewedAt: a.reviewedAt,
    updatedAt: a.updatedAt,
    translations,
  };
}

/** What the editor offers: the staff who may own an article, and whether the writer may publish. */
export function editorOptions(db: Db, user: SessionUser) {
  const owners = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.role, [...STAFF_ROLES]), eq(users.active, true)))
    .orderBy(asc(users.name))
    .all();
  return { owners, canPublish: canPublish(user.role), userId: user.id };
}

/**
 * Renders a draft's Markdown with the article page's sanitized pipeline; a body over the article
 * limits is refused, as saving it would be. Within the request's render budget (a batch of
 * previews renders until it is spent, then shows the rest as plain text).
 */
export function previewMarkdown(body: string, request: RequestRenderBudget) {
  refuseIf(markdownRefusal(body, "article"));
  return renderMarkdown(body, "article", { request });
}

/**
 * The writer's desk: "mine" is every article the user owns (stale ones first, then newest edits);
 * "drafts" is every unpublished article, for publishers to pick up.
 */
export function listDeskArticles(db: Db, user: SessionUser, input: { view: "mine" | "drafts" }, now: Date) {
  const cutoff = now.getTime() - STALE_AFTER_DAYS * DAY;
  const where = input.view === "mine" ? eq(articles.ownerId, user.id) : eq(articles.status, "draft");
  const staleFirst = sql`${articles.reviewedAt} < ${cutoff}`;
  return db
    .select({
      id: articles.id,
      slug: articles.slug,
      locale: articles.locale,
      title: articles.title,
      status: articles.status,
      internal: articles.internal,
      owner: users.name,
      ownerId: articles.ownerId,
      reviewedAt: articles.reviewedAt,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .leftJoin(users, eq(users.id, articles.ownerId))
    .where(where)
    .orderBy(desc(staleFirst), desc(articles.updatedAt), articles.id)
    .limit(200)
    .all()
    .map((r) => ({
      ...r,
      stale: r.reviewedAt.getTime() < cutoff,
      canReview: r.ownerId === user.id || canPublish(user.role),
    }));
}
