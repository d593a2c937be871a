import { and, desc, eq, ne, sql, type SQL } from "drizzle-orm";
import { articleFeedback, articles, articleViews, searchLog, users } from "@/db/schema";
import type { ArticleType, Locale, ProductArea } from "@/db/schema/enums";
import { FEEDBACK_REASONS } from "@/db/schema/enums";
import type { SessionUser } from "@/server/auth/session";
import { isPostgres, type Db } from "@/server/db";
import { cachedRead } from "@/server/cache/read-cache";
import { DomainError, notFound } from "@/server/errors";
import { allowWrite } from "@/server/security/write-limit-service";
import { canPublish } from "./article-input";
import { renderMarkdown, type RenderedMarkdown, type RequestRenderBudget } from "./markdown";
import {
  cleanSnippet,
  parseQuery,
  SNIPPET_CLOSE,
  SNIPPET_OPEN,
  suggestQuery,
  titleVocabulary,
  type SnippetPart,
} from "./search";

const DAY = 86_400_000;
export const STALE_AFTER_DAYS = 180;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/** Staff read internal articles and drafts; customers and anonymous visitors only published, public ones. */
export function isKbStaff(user: SessionUser | null): boolean {
  return !!user && user.role !== "customer";
}

/** The one visibility rule, for Drizzle queries on `articles`. */
function visible(user: SessionUser | null): SQL | undefined {
  return isKbStaff(user) ? undefined : and(eq(articles.status, "published"), eq(articles.internal, false));
}

/** The same rule as raw SQL on the alias `a`; it holds no input, only constants. */
function visibleRaw(user: SessionUser | null): string {
  return isKbStaff(user) ? "1=1" : "a.status = 'published' AND a.internal = 0";
}

// Search ----------------------------------------------------------------------------------------

export type SearchInput = {
  q: string;
  productArea?: ProductArea;
  type?: ArticleType;
  locale?: Locale;
  /** The reader's language: among equal matches, articles in it come first. */
  preferLocale?: Locale;
  limit?: number;
  /** 1-based page of `limit` results (at most KB_SEARCH_PAGES). */
  page?: number;
  /** Log a search without results as a knowledge gap (off for as-you-type deflection). */
  logGaps?: boolean;
  /** When the query finds nothing, answer with the results of its "did you mean" correction. */
  correct?: boolean;
};

export type SearchHit = {
  id: number;
  slug: string;
  locale: Locale;
  title: string;
  summary: string;
  productArea: ProductArea;
  type: ArticleType;
  status: "draft" | "published";
  internal: boolean;
  errorCodes: string[];
  codeMatch: boolean;
  snippet: SnippetPart[];
};

type Row = Pick<SearchHit, "id" | "slug" | "locale" | "title" | "summary" | "productArea" | "type" | "status"> & {
  internal: number;
  error_codes: string;
  score: number | null;
};

/**
 * Title and tag words of the articles this reader may read: public, published articles for
 * visitors and customers; every article, drafts and internal ones included, for staff. Held by
 * the read cache, so it is rebuilt after any committed write, by this process or another.
 */
function vocabulary(db: Db, user: SessionUser | null): string[] {
  return cachedRead(db, "kb.vocabulary", { staff: isKbStaff(user) }, () => {
    const rows = db.$client.prepare(`SELECT a.title, a.tags FROM articles a WHERE ${visibleRaw(user)}`).all() as {
      title: string;
      tags: string;
    }[];
    return titleVocabulary(rows.map((r) => `${r.title} ${(JSON.parse(r.tags) as string[]).join(" ")}`));
  });
}

/** Search results are paged 20 at a time up to this page (200 results: past that, refine the query). */
export const KB_SEARCH_PAGES = 10;
/** Articles per page when browsing. */
export const KB_BROWSE_PAGE = 30;

/**
 * Ranked knowledge base search. An exact SDK error code match comes first; then FTS5 bm25 with the
 * title weighted ten times the body and codes five times, articles in the reader's language first
 * among equals. Every token must match; when nothing has them all, any token may. Visibility is
 * part of the query, so internal articles and drafts never reach customers or anonymous visitors.
 * A search without results is logged as a knowledge gap within the client's write limit (beyond
 * it the search still answers, unlogged), so nobody can flood the staff report. With `correct`, a
 * query that finds nothing but has a "did you mean" answers with the correction's results and names
 * it (`correctedQuery`); the total and pages are of the results shown.
 */
export function searchArticles(
  db: Db,
  user: SessionUser | null,
  input: SearchInput,
  now: Date,
  ip: string | null = null,
) {
  const pageSize = input.limit ?? 20;
  const asked = Math.min(Math.max(1, input.page ?? 1), KB_SEARCH_PAGES);
  const rank = () => {
    const typed = rankedSearch(db, user, input.q, input, asked, pageSize);
    const suggestion = suggestionFor(db, user, input.q);
    // A misspelled query that finds nothing shows what its correction finds, as search engines do;
    // the reader can still search for exactly what they typed.
    const corrected =
      input.correct && typed.total === 0 && suggestion
        ? rankedSearch(db, user, suggestion, input, asked, pageSize)
        : null;
    return { typed, corrected, suggestion };
  };
  // What a reader may find depends on the user only through staff or not (visibleRaw), so the
  // results are held by the read cache per query and that, until the next committed write: a
  // question asked again (the help center's popular ones) is answered without ranking again. Not
  // the suggestions typed as one types (logGaps off): each keystroke is a new query, and holding
  // them would push the costlier held reads (the homes', the dashboards') out of the cache.
  const { typed, corrected, suggestion } =
    input.logGaps === false
      ? rank()
      : cachedRead(
          db,
          "kb.search",
          {
            staff: isKbStaff(user),
            q: input.q,
            productArea: input.productArea ?? null,
            type: input.type ?? null,
            locale: input.locale ?? null,
            preferLocale: input.preferLocale ?? null,
            correct: input.correct ?? false,
            asked,
            pageSize,
          },
          rank,
        );
  const shown = corrected && corrected.total > 0 ? corrected : typed;

  if (
    shown.total === 0 &&
    asked === 1 &&
    input.logGaps !== false &&
    input.q.trim() &&
    allowWrite(db, "searchGap", { userId: user?.id ?? null, ip }, now)
  ) {
    db.insert(searchLog)
      .values({
        query: input.q.trim().slice(0, 200),
        locale: input.locale ?? input.preferLocale ?? null,
        results: 0,
        userId: user?.id ?? null,
        createdAt: now,
      })
      .run();
  }
  return {
    items: shown.items,
    suggestion,
    correctedQuery: shown === corrected ? suggestion : null,
    page: shown.page,
    pages: shown.pages,
    total: shown.total,
    hasMore: shown.page < shown.pages,
  };
}

type Match = "all" | "any";

/**
 * The full-text parts of a search in the database's dialect. SQLite: FTS5 with bm25 (title 10,
 * body 1, codes 5) and snippet(). PostgreSQL (decision 029): the same segmented columns as a
 * weighted tsvector ('simple' configuration, so no stemming, as unicode61), each token a phrase
 * (as FTS5's quoted tokens), ranked by ts_rank with the same proportions (negated, so lower is
 * better as with bm25), and ts_headline for the snippet. `args(m)` are the values of `cond(m)`,
 * `own(m)` those of `score(m)` or `snippet(m)`.
 */
function fullText(db: Db, parsed: Pick<ReturnType<typeof parseQuery>, "all" | "any" | "tokens">) {
  if (!isPostgres(db)) {
    const expr = (m: Match) => (m === "all" ? parsed.all : parsed.any);
    return {
      cond: () => "articles_fts MATCH ?",
      args: (m: Match): unknown[] => [expr(m)],
      score: () => "bm25(articles_fts, 10.0, 1.0, 5.0)",
      snippet: () => "snippet(articles_fts, 1, char(2), char(3), '…', 24)",
      /** The values of `score(m)` or `snippet(m)`: none, they read the MATCH's. */
      own: (_m: Match): unknown[] => [],
    };
  }
  const query = (m: Match) =>
    `(${parsed.tokens.map(() => "phraseto_tsquery('simple', ?)").join(m === "all" ? " && " : " || ")})`;
  return {
    cond: (m: Match) => `articles_fts.doc @@ ${query(m)}`,
    args: (_m: Match): unknown[] => parsed.tokens,
    score: (m: Match) => `-ts_rank('{0.1, 0, 0.5, 1}', articles_fts.doc, ${query(m)})`,
    snippet: (m: Match) =>
      `ts_headline('simple', articles_fts.body, ${query(m)}, 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=12, FragmentDelimiter=…, MaxFragments=1')`,
    own: (_m: Match): unknown[] => parsed.tokens,
  };
}

/**
 * One page of ranked results for `q` and how many there are in all. The total counts every match
 * (an error code's article once, even when its text matches too); pages stop at KB_SEARCH_PAGES,
 * and a page past the last shows the last.
 */
function rankedSearch(
  db: Db,
  user: SessionUser | null,
  q: string,
  input: SearchInput,
  asked: number,
  pageSize: number,
): { items: SearchHit[]; total: number; page: number; pages: number } {
  const parsed = parseQuery(q);
  const filters: string[] = [visibleRaw(user)];
  const params: unknown[] = [];
  for (const [column, value] of [
    ["a.product_area", input.productArea],
    ["a.type", input.type],
    ["a.locale", input.locale],
  ] as const) {
    if (!value) continue;
    filters.push(`${column} = ?`);
    params.push(value);
  }
  const where = filters.join(" AND ");
  const prefer = input.preferLocale ?? input.locale ?? "en";
  const cols = `a.id, a.slug, a.locale, a.title, a.summary, a.product_area AS productArea, a.type, a.status, a.internal, a.error_codes`;
  const sqlite = db.$client;
  const codeIn = `a.id IN (SELECT article_id FROM article_error_codes WHERE code IN (${parsed.codes.map(() => "?").join(",")}))`;
  const text = fullText(db, parsed);
  const ftsFrom = (m: Match) =>
    `articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE ${text.cond(m)} AND ${where}`;
  const count = (sqlText: string, ...args: unknown[]) => (sqlite.prepare(sqlText).get(...args) as { n: number }).n;

  // Every word must match; when nothing has them all, any word may.
  let match: Match | null = parsed.all ? "all" : null;
  // How many have them all, when that was counted to decide (it is the total when nothing else matches).
  let allCount: number | null = null;
  if (match && parsed.any && parsed.any !== parsed.all) {
    allCount = count(`SELECT count(*) AS n FROM ${ftsFrom("all")}`, ...text.args("all"), ...params);
    if (allCount === 0) match = "any";
  }
  const parts: { text: string; args: unknown[] }[] = [];
  if (parsed.codes.length)
    parts.push({
      text: `SELECT a.id FROM articles a WHERE ${codeIn} AND ${where}`,
      args: [...parsed.codes, ...params],
    });
  if (match) parts.push({ text: `SELECT a.id FROM ${ftsFrom(match)}`, args: [...text.args(match), ...params] });
  const total = !parts.length
    ? 0
    : parts.length === 1 && match === "all" && allCount !== null
      ? allCount
      : count(
          `SELECT count(*) AS n FROM (${parts.map((p) => p.text).join(" UNION ")}) AS matched`,
          ...parts.flatMap((p) => p.args),
        );
  const pages = Math.max(1, Math.min(Math.ceil(total / pageSize), KB_SEARCH_PAGES));
  const page = Math.min(asked, pages);
  if (total === 0) return { items: [], total, page, pages };
  // Each source reads up to the end of the page; merged, code matches first, the page is cut out.
  const limit = page * pageSize;

  const codeRows: Row[] = parsed.codes.length
    ? (sqlite
        .prepare(
          `SELECT ${cols}, NULL AS score FROM articles a WHERE ${codeIn} AND ${where}
           ORDER BY (a.locale = ?) DESC, a.views DESC LIMIT ?`,
        )
        .all(...parsed.codes, ...params, prefer, limit) as Row[])
    : [];
  const textRows: Row[] = match
    ? (sqlite
        .prepare(
          `SELECT ${cols}, ${text.score(match)} AS score FROM ${ftsFrom(match)} ORDER BY (a.locale = ?) DESC, score LIMIT ?`,
        )
        .all(...text.own(match), ...text.args(match), ...params, prefer, limit) as Row[])
    : [];

  const codeIds = new Set(codeRows.map((r) => r.id));
  const merged = [...codeRows, ...textRows.filter((r) => !codeIds.has(r.id))];
  const rows = merged.slice((page - 1) * pageSize, page * pageSize);

  const snippets = new Map<number, string>();
  if (match && rows.length) {
    // One row at a time: FTS5 seeks a MATCH to one rowid, but reads every match to filter by
    // `rowid IN (...)` (20 snippets of 662 matches: 2.3 ms in one statement, 1.2 ms one by one).
    const one = sqlite.prepare(
      `SELECT ${text.snippet(match)} AS s FROM articles_fts WHERE ${text.cond(match)} AND rowid = ?`,
    );
    for (const r of rows) {
      const got = one.get(...text.own(match), ...text.args(match), r.id) as { s: string } | undefined;
      if (got) snippets.set(r.id, got.s);
    }
  }

  const items: SearchHit[] = rows.map((r) => {
    const s = snippets.get(r.id);
    const snippet =
      s && (s.includes(SNIPPET_OPEN) || s.includes(SNIPPET_CLOSE))
        ? cleanSnippet(s)
        : [{ text: r.summary, hit: false }];
    return {
      id: r.id,
      slug: r.slug,
      locale: r.locale,
      title: r.title,
      summary: r.summary,
      productArea: r.productArea,
      type: r.type,
      status: r.status,
      internal: r.internal === 1,
      errorCodes: JSON.parse(r.error_codes) as string[],
      codeMatch: codeIds.has(r.id),
      snippet,
    };
  });
  return { items, total, page, pages };
}

/** "Did you mean": the query with its unknown words corrected, or null. */
function suggestionFor(db: Db, user: SessionUser | null, q: string): string | null {
  const parsed = parseQuery(q);
  if (!parsed.words.length) return null;
  // A word counts as known only when an article this reader may read has it, so neither the
  // suggestion nor its absence tells a visitor what drafts and internal articles say.
  const one = fullText(db, { all: '"w"', any: null, tokens: ["w"] });
  const known = db.$client.prepare(
    `SELECT 1 FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE ${one.cond("all")} AND ${visibleRaw(user)} LIMIT 1`,
  );
  const knownWords = new Map<string, boolean>();
  const isKnown = (w: string) => {
    // One quoted token (FTS5) or one phrase (PostgreSQL): the same single value either way.
    if (!knownWords.has(w)) knownWords.set(w, known.get(isPostgres(db) ? w : `"${w}"`) !== undefined);
    return knownWords.get(w)!;
  };
  // The vocabulary is only needed (and built) when some word is unknown.
  if (!parsed.words.some((w) => w.length >= 3 && !isKnown(w))) return null;
  return suggestQuery(q.trim(), parsed.words, vocabulary(db, user), isKnown);
}

// Reading ---------------------------------------------------------------------------------------

const rendered = new Map<string, RenderedMarkdown>();

/**
 * Markdown rendering is pure, so it is cached per article version (bounded); a text deferred by
 * the request's render budget is not, so a later read renders it.
 */
function renderCached(id: number, updatedAt: Date, body: string, request: RequestRenderBudget): RenderedMarkdown {
  const key = `${id}:${updatedAt.getTime()}`;
  let r = rendered.get(key);
  if (!r) {
    r = renderMarkdown(body, "article", { request });
    if (r.deferred) return r;
    if (rendered.size >= 500) rendered.delete(rendered.keys().next().value!);
    rendered.set(key, r);
  }
  return r;
}

/**
 * One article for reading: the requested translation, else the reader's language, else whichever
 * exists. An article the user may not see "does not exist".
 */
export function getArticle(
  db: Db,
  user: SessionUser | null,
  input: { slug: string; locale?: Locale; preferLocale?: Locale },
  now: Date,
  request: RequestRenderBudget,
) {
  const rows = db
    .select()
    .from(articles)
    .where(and(eq(articles.slug, input.slug), visible(user)))
    .orderBy(articles.locale)
    .all();
  const a = rows.find((r) => r.locale === input.locale) ?? rows.find((r) => r.locale === input.preferLocale) ?? rows[0];
  if (!a) throw notFound("Article");
  const translations = db
    .select({ slug: articles.slug, locale: articles.locale, title: articles.title })
    .from(articles)
    .where(and(eq(articles.translationGroup, a.translationGroup), ne(articles.id, a.id), visible(user)))
    .all();
  const related = db
    .select({ slug: articles.slug, locale: articles.locale, title: articles.title, type: articles.type })
    .from(articles)
    .where(
      and(
        eq(articles.productArea, a.productArea),
        eq(articles.locale, a.locale),
        ne(articles.translationGroup, a.translationGroup),
        visible(user),
      ),
    )
    .orderBy(desc(articles.views), articles.id)
    .limit(5)
    .all();
  const staff = isKbStaff(user);
  const owner =
    staff && a.ownerId
      ? (db.select({ name: users.name }).from(users).where(eq(users.id, a.ownerId)).get()?.name ?? null)
      : null;
  const myVote = user
    ? (db
        .select({ helpful: articleFeedback.helpful, reason: articleFeedback.reason })
        .from(articleFeedback)
        .where(and(eq(articleFeedback.articleId, a.id), eq(articleFeedback.userId, user.id)))
        .orderBy(desc(articleFeedback.id))
        .get() ?? null)
    : null;
  const { html, toc } = renderCached(a.id, a.updatedAt, a.body, request);
  return {
    article: {
      id: a.id,
      slug: a.slug,
      locale: a.locale,
      title: a.title,
      summary: a.summary,
      productArea: a.productArea,
      type: a.type,
      status: a.status,
      internal: a.internal,
      tags: a.tags,
      errorCodes: a.errorCodes,
      sdkVersions: a.sdkVersions,
      reviewedAt: a.reviewedAt,
      updatedAt: a.updatedAt,
      stale: now.getTime() - a.reviewedAt.getTime() > STALE_AFTER_DAYS * DAY,
      views: a.views,
      helpfulCount: a.helpfulCount,
      notHelpfulCount: a.notHelpfulCount,
      owner,
    },
    html,
    toc,
    translations,
    related,
    myVote,
  };
}

/** The browse page: articles by product area and type in one language, with counts per area and type. */
export function browseArticles(
  db: Db,
  user: SessionUser | null,
  input: { productArea?: ProductArea; type?: ArticleType; locale: Locale; page?: number },
) {
  const base = and(eq(articles.locale, input.locale), visible(user));
  // The counts read every article of the language from the covering index (about 0.9 ms at 10,000
  // articles, most of the help center's front page): held until the next write (the read cache).
  const { areas, types } = cachedRead(
    db,
    "kb.browseCounts",
    { locale: input.locale, staff: isKbStaff(user), productArea: input.productArea ?? null },
    (from) => ({
      areas: from
        .select({ productArea: articles.productArea, count: sql<number>`count(*)` })
        .from(articles)
        .where(base)
        .groupBy(articles.productArea)
        .all(),
      types: from
        .select({ type: articles.type, count: sql<number>`count(*)` })
        .from(articles)
        .where(and(base, input.productArea ? eq(articles.productArea, input.productArea) : undefined))
        .groupBy(articles.type)
        .all(),
    }),
  );
  // The total of the listed articles is what the counts already hold: per type within the area.
  const total = types.filter((x) => !input.type || x.type === input.type).reduce((n, x) => n + Number(x.count), 0);
  const pages = Math.max(1, Math.ceil(total / KB_BROWSE_PAGE));
  const page = Math.min(Math.max(1, input.page ?? 1), pages);
  const items = db
    .select({
      slug: articles.slug,
      locale: articles.locale,
      title: articles.title,
      summary: articles.summary,
      productArea: articles.productArea,
      type: articles.type,
      status: articles.status,
      internal: articles.internal,
      reviewedAt: articles.reviewedAt,
    })
    .from(articles)
    .where(
      and(
        base,
        input.productArea ? eq(articles.productArea, input.productArea) : undefined,
        input.type ? eq(articles.type, input.type) : undefined,
      ),
    )
    .orderBy(desc(articles.views), articles.id)
    .limit(KB_BROWSE_PAGE)
    .offset((page - 1) * KB_BROWSE_PAGE)
    .all();
  // The front page's "recently updated": the latest reviewed articles of the language.
  const recent = db
    .select({ slug: articles.slug, locale: articles.locale, title: articles.title, reviewedAt: articles.reviewedAt })
    .from(articles)
    .where(base)
    .orderBy(desc(articles.reviewedAt), desc(articles.id))
    .limit(5)
    .all();
  return { areas, types, items, page, total, pageSize: KB_BROWSE_PAGE, recent };
}

// Feedback and views ----------------------------------------------------------------------------

function findVisibleArticle(db: Pick<Db, "select">, user: SessionUser | null, articleId: number) {
  const a = db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.id, articleId), visible(user)))
    .get();
  if (!a) throw notFound("Article");
  return a;
}

/**
 * Counts a view once per visitor per article per UTC day. The visitor is the signed-in user, else
 * the browser's anonymous visitor id, which the browser makes up: so a new view also counts
 * against the client's write limit, and beyond it is silently not counted (the ranking is safe).
 */
export function recordView(
  db: Db,
  user: SessionUser | null,
  input: { articleId: number; visitorId: string },
  now: Date,
  ip: string | null = null,
) {
  return db.transaction((tx) => {
    findVisibleArticle(tx, user, input.articleId);
    const visitor = user ? `u:${user.id}` : `v:${input.visitorId}`;
    const day = now.toISOString().slice(0, 10);
    const seen = tx
      .select({ visitor: articleViews.visitor })
      .from(articleViews)
      .where(
        and(eq(articleViews.articleId, input.articleId), eq(articleViews.visitor, visitor), eq(articleViews.day, day)),
      )
      .get();
    if (seen || !allowWrite(tx, "view", { userId: user?.id ?? null, ip }, now)) return { counted: false };
    const res = tx
      .insert(articleViews)
      .values({ articleId: input.articleId, visitor, day })
      .onConflictDoNothing()
      .run();
    const counted = res.changes > 0;
    if (counted)
      tx.update(articles)
        .set({ views: sql`${articles.views} + 1` })
        .where(eq(articles.id, input.articleId))
        .run();
    return { counted };
  });
}

/**
 * A signed-in reader's vote; one vote per reader and article, so voting again replaces the earlier
 * vote and the article's counts move with it. A not-helpful vote needs a reason. Votes count
 * against the client's write limit; beyond it the reader is asked to try again later.
 */
export function giveFeedback(
  db: Db,
  user: SessionUser,
  input: { articleId: number; helpful: boolean; reason?: FeedbackReason | null; comment?: string | null },
  now: Date,
  ip: string | null = null,
) {
  if (!input.helpful && !input.reason)
    throw new DomainError("INVALID", "Please tell us what was wrong with the article.", "kb.errors.reasonRequired");
  const reason = input.helpful ? null : (input.reason ?? null);
  const comment = input.comment?.trim() || null;
  return db.transaction((tx) => {
    findVisibleArticle(tx, user, input.articleId);
    if (!allowWrite(tx, "feedback", { userId: user.id, ip }, now))
      throw new DomainError(
        "TOO_MANY_REQUESTS",
        "You have sent a lot of feedback in a short time. Please try again later.",
        "kb.errors.tooMany",
      );
    const prior = tx
      .select({ id: articleFeedback.id, helpful: articleFeedback.helpful })
      .from(articleFeedback)
      .where(and(eq(articleFeedback.articleId, input.articleId), eq(articleFeedback.userId, user.id)))
      .get();
    if (prior) {
      tx.update(articleFeedback)
        .set({ helpful: input.helpful, reason, comment, createdAt: now })
        .where(eq(articleFeedback.id, prior.id))
        .run();
      if (prior.helpful !== input.helpful) {
        const [up, down] = input.helpful ? [1, -1] : [-1, 1];
        tx.update(articles)
          .set({
            helpfulCount: sql`max(0, ${articles.helpfulCount} + ${up})`,
            notHelpfulCount: sql`max(0, ${articles.notHelpfulCount} + ${down})`,
          })
          .where(eq(articles.id, input.articleId))
          .run();
      }
    } else {
      tx.insert(articleFeedback)
        .values({
          articleId: input.articleId,
          userId: user.id,
          helpful: input.helpful,
          reason,
          comment,
          createdAt: now,
        })
        .run();
      tx.update(articles)
        .set(
          input.helpful
            ? { helpfulCount: sql`${articles.helpfulCount} + 1` }
            : { notHelpfulCount: sql`${articles.notHelpfulCount} + 1` },
        )
        .where(eq(articles.id, input.articleId))
        .run();
    }
    const counts = tx
      .select({ helpful: articles.helpfulCount, notHelpful: articles.notHelpfulCount })
      .from(articles)
      .where(eq(articles.id, input.articleId))
      .get()!;
    return { helpful: input.helpful, reason, helpfulCount: counts.helpful, notHelpfulCount: counts.notHelpful };
  });
}

// Staff report ----------------------------------------------------------------------------------

/**
 * What needs a writer's attention: articles not reviewed for 180 days (the user's own first, or only
 * theirs with `staleMine`), the most viewed articles readers found not helpful, and the searches
 * that found nothing.
 */
export function kbReport(db: Db, user: SessionUser, input: { staleMine?: boolean }, now: Date) {
  const cutoff = new Date(now.getTime() - STALE_AFTER_DAYS * DAY);
  const reviewer = canPublish(user.role);
  const stale = db
    .select({
      id: articles.id,
      slug: articles.slug,
      locale: articles.locale,
      title: articles.title,
      reviewedAt: articles.reviewedAt,
      owner: users.name,
      mine: sql<number>`case when ${articles.ownerId} = ${user.id} then 1 else 0 end`,
    })
    .from(articles)
    .leftJoin(users, eq(users.id, articles.ownerId))
    .where(
      and(
        sql`${articles.reviewedAt} < ${cutoff.getTime()}`,
        input.staleMine ? eq(articles.ownerId, user.id) : undefined,
      ),
    )
    .orderBy(desc(sql`case when ${articles.ownerId} = ${user.id} then 1 else 0 end`), articles.reviewedAt)
    .limit(100)
    .all()
    .map((r) => ({ ...r, mine: r.mine === 1, canReview: r.mine === 1 || reviewer }));
  const notHelpful = db
    .select({
      slug: articles.slug,
      locale: articles.locale,
      title: articles.title,
      views: articles.views,
      helpfulCount: articles.helpfulCount,
      notHelpfulCount: articles.notHelpfulCount,
    })
    .from(articles)
    .where(sql`${articles.notHelpfulCount} > 0`)
    .orderBy(desc(articles.views))
    .limit(20)
    .all();
  const noResults = db
    .select({
      query: sql<string>`lower(${searchLog.query})`,
      count: sql<number>`count(*)`,
      lastAt: sql<number>`max(${searchLog.createdAt})`,
    })
    .from(searchLog)
    .where(eq(searchLog.results, 0))
    .groupBy(sql`lower(${searchLog.query})`)
    .orderBy(desc(sql`count(*)`), desc(sql`max(${searchLog.createdAt})`))
    .limit(30)
    .all()
    .map((r) => ({ query: r.query, count: r.count, lastAt: new Date(r.lastAt) }));
  return { stale, notHelpful, noResults };
}
