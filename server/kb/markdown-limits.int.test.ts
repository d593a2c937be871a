import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { articles } from "@/db/schema";
import { DEMO_ARTICLES } from "@/db/seed/articles";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff } from "@/server/testing/factories";
import type { CreateArticleInput } from "./article-input";

const db = createTestDb();
afterAll(() => db.$client.close());

// The expert who writes and the customer who reads are made for this file.
const EXPERT = createStaff(db, "expert");
const CUSTOMER = createOrganization(db, { tier: "advanced", region: "americas" }).customers[0]!;
const WIDE_TABLE = `| ${"c | ".repeat(60)}\n|${"-|".repeat(60)}\n${`| ${"x | ".repeat(60)}\n`.repeat(90)}`;

function draft(body: string): CreateArticleInput {
  return {
    slug: "limits-probe",
    locale: "en",
    translationOf: null,
    title: "Limits probe article",
    summary: "An article used to probe the Markdown limits.",
    body,
    productArea: "other",
    type: "faq",
    status: "draft",
    internal: false,
    ownerId: EXPERT.id,
    tags: [],
    errorCodes: [],
    sdkVersions: [],
  };
}

const count = () => (db.$client.prepare(`SELECT count(*) AS n FROM articles`).get() as { n: number }).n;

describe("[KB] article Markdown limits", () => {
  it("saving or previewing an article over the limits is refused with what to fix, and nothing is written", async () => {
    const expert = callerFor(db, EXPERT);
    const before = count();
    const refused = {
      code: "BAD_REQUEST",
      cause: { messageKey: "markdown.limits.tableCells", values: { max: 4_000 } },
    };
    await expect(expert.kb.preview({ body: WIDE_TABLE })).rejects.toMatchObject(refused);
    await expect(expert.kb.createArticle(draft(WIDE_TABLE))).rejects.toMatchObject(refused);
    expect(count()).toBe(before);

    const saved = await expert.kb.createArticle(draft("## Symptom\n\nCalls drop."));
    const stored = await expert.kb.editArticle({ slug: saved.slug, locale: "en" });
    await expect(
      expert.kb.updateArticle({ ...draft(WIDE_TABLE), id: stored.id, baseUpdatedAt: stored.updatedAt }),
    ).rejects.toMatchObject(refused);
    expect(db.select({ body: articles.body }).from(articles).where(eq(articles.id, stored.id)).get()!.body).toBe(
      "## Symptom\n\nCalls drop.",
    );
  });

  it("every demo article can be saved as it is: the limits leave room for real documents", async () => {
    for (const a of DEMO_ARTICLES) {
      const { html, toc } = await callerFor(db, EXPERT).kb.preview({ body: a.body });
      expect(html, a.slug).not.toContain('class="md-plain"');
      for (const entry of toc) expect(entry.id).toMatch(/^user-content-/);
    }
  });

  it("an article stored over the limits opens as plain text; headings of readable ones carry the prefixed ids its contents list links to", async () => {
    const a = await callerFor(db, EXPERT).kb.createArticle({
      ...draft("## First part\n\ntext\n\n## Second part\n\n### Detail\n\nSee [the first part](#first-part)."),
      slug: "limits-toc",
      status: "published",
    });
    const read = await callerFor(db, CUSTOMER).kb.article({ slug: a.slug });
    expect(read.toc.map((e) => e.id)).toEqual([
      "user-content-first-part",
      "user-content-second-part",
      "user-content-detail",
    ]);
    expect(read.html).toContain('<h2 id="user-content-first-part">');
    expect(read.html).toContain('href="#user-content-first-part"');

    db.update(articles)
      .set({ body: "> ".repeat(10_000), updatedAt: new Date(a.updatedAt.getTime() + 1) })
      .where(eq(articles.slug, a.slug))
      .run();
    const plain = await callerFor(db, CUSTOMER).kb.article({ slug: a.slug });
    expect(plain.html).toBe(`<p class="md-plain">${"&gt; ".repeat(10_000)}</p>`);
    expect(plain.toc).toEqual([]);
  });
});
