import type Database from "better-sqlite3";
import { ftsRow } from "@/server/kb/article-input";
import { DEMO_ARTICLES } from "./articles";

const DAY = 24 * 60 * 60 * 1000;

/** Writes the demo knowledge base, its error codes and its full-text index rows. */
/** Runs inside the caller's transaction on the same connection. */
export function insertArticles(sqlite: Database.Database, opts: { anchor: Date; ownerIds: number[] }): number {
  const insert = sqlite.prepare(
    `INSERT INTO articles (slug, locale, translation_group, title, summary, body, product_area, type, status, internal, owner_id, tags, error_codes, sdk_versions, reviewed_at, views, helpful_count, not_helpful_count, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const code = sqlite.prepare(`INSERT OR IGNORE INTO article_error_codes (article_id, code) VALUES (?, ?)`);
  const fts = sqlite.prepare(`INSERT INTO articles_fts (rowid, title, body, codes) VALUES (?, ?, ?, ?)`);
  DEMO_ARTICLES.forEach((a, i) => {
    const reviewedAt = opts.anchor.getTime() - a.reviewedDaysAgo * DAY;
    const createdAt = reviewedAt - 30 * DAY;
    const id = Number(
      insert.run(
        a.slug,
        a.locale,
        a.translationGroup,
        a.title,
        a.summary,
        a.body,
        a.productArea,
        a.type,
        a.status,
        a.internal ? 1 : 0,
        opts.ownerIds[i % opts.ownerIds.length] ?? null,
        JSON.stringify(a.tags),
        JSON.stringify(a.errorCodes),
        JSON.stringify(a.sdkVersions),
        reviewedAt,
        a.views,
        a.helpful,
        a.notHelpful,
        createdAt,
        reviewedAt,
      ).lastInsertRowid,
    );
    for (const c of a.errorCodes) code.run(id, c.toUpperCase());
    const row = ftsRow(a);
    fts.run(id, row.title, row.body, row.codes);
  });
  return DEMO_ARTICLES.length;
}
