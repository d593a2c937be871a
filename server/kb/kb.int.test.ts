import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleFeedback, articles, articleViews, searchLog } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { unsafeMarkup } from "@/server/security/xss-corpus";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createArticle, createOrganization, createStaffTeam } from "@/server/testing/factories";

let db: Db;
// The people are made for this file, and so are the articles every test but the ranking ones reads:
// a public article in English with its Chinese translation, an internal runbook and a draft.
let CUSTOMER: SessionUser;
let staff: ReturnType<typeof createStaffTeam>;
beforeAll(async () => {
  db = createTestDb();
  CUSTOMER = createOrganization(db, { tier: "enterprise", region: "americas" }).customers[0]!;
  staff = createStaffTeam(db);
  await createArticle(db, staff.expert, {
    slug: "quasar-echo-guide",
    title: "Quasar crackle during calls",
    body: "## Symptom\n\nBoth sides hear a quasar crackle.\n\n## Fix\n\nTurn on noise suppression.",
    productArea: "voice_calling",
  });
  await createArticle(db, staff.expert, {
    slug: "quasar-echo-guide",
    locale: "zh",
    translationOf: "quasar-echo-guide",
    title: "通话中的 Quasar 杂音",
    body: "## 现象\n\n双方都听到杂音。\n\n## 解决\n\n打开降噪。",
    productArea: "voice_calling",
  });
  // The most read article of the knowledge base, so lists ordered by views (browse, at most 60) show it.
  db.update(articles).set({ views: 1_000_000 }).where(eq(articles.slug, "quasar-echo-guide")).run();
  await createArticle(db, staff.expert, {
    slug: "quillon-runbook-token-triage",
    title: "Quillon runbook: token error triage",
    internal: true,
    errorCodes: ["QX-7731"],
  });
  await createArticle(db, staff.expert, {
    slug: "quillon-err-draft",
    title: "QX_DRAFT_ABORT on the web",
    status: "draft",
    errorCodes: ["QX_DRAFT_ABORT"],
  });
});
afterAll(() => db.$client.close());

function articleId(slug: string, locale: "en" | "zh") {
  return db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.slug, slug), eq(articles.locale, locale)))
    .get()!.id;
}

// Ranking is measured on the knowledge base the product ships (db/seed/articles.ts), which holds
// enough articles in both languages for an order to mean something.
describe("kb.search ranking on the demo knowledge base", () => {
  it('"回声" finds the Chinese echo article first', async () => {
    const r = await callerFor(db, null).kb.search({ q: "回声", preferLocale: "zh" });
    expect(r.items[0]).toMatchObject({ slug: "fixing-echo-during-calls", locale: "zh" });
    expect(r.items[0]!.snippet.some((p) => p.hit && p.text.includes("回声"))).toBe(true);
  });

  it('"error 110" and "110" find the Error 110 article first, as an exact code match', async () => {
    for (const q of ["error 110", "110", "Error 110"]) {
      const r = await callerFor(db, null).kb.search({ q, preferLocale: "en" });
      expect(r.items[0], q).toMatchObject({
        slug: "error-110-token-invalid-or-expired",
        locale: "en",
        codeMatch: true,
      });
    }
  });

  it("an error code matches case-insensitively and ranks above articles that only mention it", async () => {
    const r = await callerFor(db, null).kb.search({ q: "err_token_expired", preferLocale: "en" });
    expect(r.items[0]).toMatchObject({ slug: "err-token-expired-web", codeMatch: true });
    const firstNonCode = r.items.findIndex((i) => !i.codeMatch);
    expect(r.items.slice(0, firstNonCode === -1 ? r.items.length : firstNonCode).every((i) => i.codeMatch)).toBe(true);
  });

  it('"android quick start" finds an Android quick start first', async () => {
    const r = await callerFor(db, null).kb.search({ q: "android quick start", preferLocale: "en" });
    expect(r.items[0]!.slug).toMatch(/^quick-start-(voice|video)-android$/);
    expect(r.items[0]!.locale).toBe("en");
  });

  it('"延迟" finds Chinese articles containing it, with the word highlighted', async () => {
    const r = await callerFor(db, null).kb.search({ q: "延迟", locale: "zh" });
    expect(r.items.length).toBeGreaterThan(3);
    for (const item of r.items) {
      const a = db
        .select({ title: articles.title, body: articles.body })
        .from(articles)
        .where(eq(articles.id, item.id))
        .get()!;
      expect(a.title + a.body).toContain("延迟");
    }
  });

  it("a title match ranks above a body-only match", async () => {
    const r = await callerFor(db, null).kb.search({ q: "echo", locale: "en" });
    expect(r.items[0]!.slug).toBe("fixing-echo-during-calls");
  });

  it("filters by product area and type", async () => {
    const r = await callerFor(db, null).kb.search({ q: "android", type: "quick_start", productArea: "voice_calling" });
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.items.every((i) => i.type === "quick_start" && i.productArea === "voice_calling")).toBe(true);
  });

  it("FTS syntax in a query is plain text, never an error", async () => {
    const r = await callerFor(db, null).kb.search({ q: 'token" OR NEAR( * -"' });
    expect(Array.isArray(r.items)).toBe(true);
  });

  it('a misspelt English word gets a "did you mean"', async () => {
    const r = await callerFor(db, null).kb.search({ q: "andriod quick start" });
    expect(r.suggestion).toBe("android quick start");
    expect((await callerFor(db, null).kb.search({ q: "android quick start" })).suggestion).toBeNull();
  });

  it("a search without results is logged as a gap; one with results is not", async () => {
    const before = db.select().from(searchLog).all().length;
    await callerFor(db, CUSTOMER).kb.search({ q: "kazoo flugelhorn", preferLocale: "en" });
    await callerFor(db, CUSTOMER).kb.search({ q: "echo" });
    const rows = db.select().from(searchLog).all();
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({ query: "kazoo flugelhorn", results: 0, locale: "en" });
  });
});

describe("kb.search answers held by the read cache", () => {
  it("a search repeated after an article is published finds it", async () => {
    const first = await callerFor(db, CUSTOMER).kb.search({ q: "zephyrine quorlax", logGaps: false });
    expect(first.total).toBe(0);
    await createArticle(db, staff.expert, { slug: "zephyrine-quorlax", title: "Zephyrine quorlax timeouts" });
    const again = await callerFor(db, CUSTOMER).kb.search({ q: "zephyrine quorlax", logGaps: false });
    expect(again.items.map((i) => i.slug)).toEqual(["zephyrine-quorlax"]);
  });

  it("what staff found is never what a customer gets for the same query", async () => {
    const staffHits = await callerFor(db, staff.agent).kb.search({ q: "quillon runbook token" });
    expect(staffHits.items.some((i) => i.internal)).toBe(true);
    const customerHits = await callerFor(db, CUSTOMER).kb.search({ q: "quillon runbook token" });
    expect(customerHits.items.some((i) => i.internal)).toBe(false);
  });

  it("the same search without results is logged each time it is made", async () => {
    const before = db.select().from(searchLog).all().length;
    await callerFor(db, CUSTOMER).kb.search({ q: "ocarina theremin" });
    await callerFor(db, CUSTOMER).kb.search({ q: "ocarina theremin" });
    expect(db.select().from(searchLog).all().length).toBe(before + 2);
  });
});

describe("kb visibility", () => {
  it("internal runbooks are never returned to customers or anonymous visitors, but are to staff", async () => {
    for (const who of [null, CUSTOMER]) {
      const r = await callerFor(db, who).kb.search({ q: "quillon runbook token" });
      expect(
        r.items.some((i) => i.internal),
        who ? "customer" : "visitor",
      ).toBe(false);
      const codes = await callerFor(db, who).kb.search({ q: "QX-7731", limit: 50 });
      expect(codes.items.some((i) => i.slug === "quillon-runbook-token-triage")).toBe(false);
    }
    const staffHits = await callerFor(db, staff.agent).kb.search({ q: "QX-7731", limit: 50 });
    expect(staffHits.items.some((i) => i.slug === "quillon-runbook-token-triage" && i.internal)).toBe(true);
  });

  it("drafts are never returned to non-staff", async () => {
    const r = await callerFor(db, null).kb.search({ q: "QX_DRAFT_ABORT" });
    expect(r.items.some((i) => i.slug === "quillon-err-draft")).toBe(false);
    const staffHits = await callerFor(db, staff.agent).kb.search({ q: "QX_DRAFT_ABORT" });
    expect(staffHits.items[0]).toMatchObject({ slug: "quillon-err-draft", status: "draft" });
  });

  it("an internal or draft article does not exist for a customer or anonymous reader", async () => {
    for (const who of [null, CUSTOMER]) {
      await expect(callerFor(db, who).kb.article({ slug: "quillon-runbook-token-triage" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(callerFor(db, who).kb.article({ slug: "quillon-err-draft" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    const read = await callerFor(db, staff.agent).kb.article({ slug: "quillon-runbook-token-triage" });
    expect(read.article).toMatchObject({ internal: true, locale: "en" });
    expect(read.article.owner).not.toBeNull();
    // The customer reads the public one.
    expect((await callerFor(db, CUSTOMER).kb.article({ slug: "quasar-echo-guide" })).article.internal).toBe(false);
  });

  it("browse lists only public articles for a customer, with counts per area and type", async () => {
    const pub = await callerFor(db, CUSTOMER).kb.browse({ locale: "en" });
    const staffBrowse = await callerFor(db, staff.agent).kb.browse({ locale: "en" });
    const sum = (x: { count: number }[]) => x.reduce((s, a) => s + a.count, 0);
    expect(sum(staffBrowse.areas)).toBeGreaterThan(sum(pub.areas));
    expect(pub.items.some((i) => i.slug === "quasar-echo-guide")).toBe(true);
    expect(pub.items.every((i) => !i.internal && i.status === "published")).toBe(true);
    const faq = await callerFor(db, null).kb.browse({ locale: "zh", productArea: "voice_calling", type: "faq" });
    expect(faq.items.some((i) => i.slug === "quasar-echo-guide")).toBe(true);
    expect(faq.items.every((i) => i.locale === "zh" && i.productArea === "voice_calling" && i.type === "faq")).toBe(
      true,
    );
  });
});

describe("kb.article", () => {
  it("renders sanitized Markdown with a table of contents, its translation and related articles", async () => {
    const r = await callerFor(db, null).kb.article({ slug: "quasar-echo-guide", preferLocale: "zh" });
    expect(r.article.locale).toBe("zh");
    expect(r.html).toContain("<h2 id=");
    expect(r.toc.map((e) => e.text)).toEqual(["现象", "解决"]);
    expect(r.translations).toEqual([expect.objectContaining({ locale: "en", slug: "quasar-echo-guide" })]);
    expect(r.related.length).toBeGreaterThan(0);
    expect(r.related.every((x) => x.locale === "zh")).toBe(true);
    expect(r.myVote).toBeNull();
    expect(r.article.owner).toBeNull();
  });

  it("an article with a <script> in its body is rendered without it", async () => {
    const id = articleId("quasar-echo-guide", "en");
    db.update(articles)
      .set({
        body: "Hi <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))",
        updatedAt: new Date(TEST_ANCHOR.getTime() + 1),
      })
      .where(eq(articles.id, id))
      .run();
    const r = await callerFor(db, null).kb.article({ slug: "quasar-echo-guide", locale: "en" });
    // No real tag or attribute that runs script (escaped text such as "&#x3C;script>" is shown as text).
    expect(unsafeMarkup(r.html)).toEqual([]);
    expect(r.html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(r.html).toContain("Hi");
  });
});

describe("kb.recordView", () => {
  it("counts a view once per visitor per day", async () => {
    const id = articleId("quasar-echo-guide", "zh");
    const views = () => db.select({ v: articles.views }).from(articles).where(eq(articles.id, id)).get()!.v;
    const start = views();
    const day1 = new Date("2026-11-20T10:00:00Z");
    expect(await callerFor(db, null, day1).kb.recordView({ articleId: id, visitorId: "visitor-aaaa" })).toEqual({
      counted: true,
    });
    expect(await callerFor(db, null, day1).kb.recordView({ articleId: id, visitorId: "visitor-aaaa" })).toEqual({
      counted: false,
    });
    expect(await callerFor(db, CUSTOMER, day1).kb.recordView({ articleId: id, visitorId: "ignored-bbbb" })).toEqual({
      counted: true,
    });
    expect(await callerFor(db, CUSTOMER, day1).kb.recordView({ articleId: id, visitorId: "another-cccc" })).toEqual({
      counted: false,
    });
    expect(
      await callerFor(db, null, new Date("2026-11-21T10:00:00Z")).kb.recordView({
        articleId: id,
        visitorId: "visitor-aaaa",
      }),
    ).toEqual({ counted: true });
    expect(views()).toBe(start + 3);
    expect(db.select().from(articleViews).where(eq(articleViews.articleId, id)).all()).toHaveLength(3);
  });

  it("a view of an internal article by an anonymous visitor is refused as not found", async () => {
    const id = articleId("quillon-runbook-token-triage", "en");
    await expect(callerFor(db, null).kb.recordView({ articleId: id, visitorId: "visitor-aaaa" })).rejects.toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );
  });
});

describe("kb.feedback", () => {
  it("a customer's not-helpful vote with a reason is counted once; voting again replaces it", async () => {
    const id = articleId("quasar-echo-guide", "zh");
    const counts = () =>
      db
        .select({ h: articles.helpfulCount, n: articles.notHelpfulCount })
        .from(articles)
        .where(eq(articles.id, id))
        .get()!;
    const start = counts();
    const api = callerFor(db, CUSTOMER);
    await api.kb.feedback({
      articleId: id,
      helpful: false,
      reason: "missing_information",
      comment: "Nothing about Bluetooth headsets.",
    });
    await api.kb.feedback({ articleId: id, helpful: false, reason: "inaccurate" });
    expect(counts()).toEqual({ h: start.h, n: start.n + 1 });
    const r = await api.kb.feedback({ articleId: id, helpful: true });
    expect(r).toMatchObject({ helpful: true, reason: null, helpfulCount: start.h + 1, notHelpfulCount: start.n });
    expect(db.select().from(articleFeedback).where(eq(articleFeedback.articleId, id)).all()).toHaveLength(1);
    const read = await api.kb.article({ slug: "quasar-echo-guide", locale: "zh" });
    expect(read.myVote).toEqual({ helpful: true, reason: null });
  });

  it("a not-helpful vote without a reason is refused", async () => {
    const id = articleId("quasar-echo-guide", "en");
    await expect(callerFor(db, CUSTOMER).kb.feedback({ articleId: id, helpful: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("anonymous visitors cannot vote, and customers cannot vote on internal articles", async () => {
    await expect(
      callerFor(db, null).kb.feedback({ articleId: articleId("quasar-echo-guide", "en"), helpful: true }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(
      callerFor(db, CUSTOMER).kb.feedback({
        articleId: articleId("quillon-runbook-token-triage", "en"),
        helpful: true,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("kb.report", () => {
  it("staff see stale articles, not-helpful articles and searches without results", async () => {
    // Written 200 days ago and not reviewed since; voted not helpful once.
    const old = await createArticle(
      db,
      staff.expert,
      { title: "Quokka stale guide" },
      new Date(TEST_ANCHOR.getTime() - 200 * 86_400_000),
    );
    // Most viewed, so the not-helpful list (the 20 most viewed) shows it.
    db.update(articles).set({ views: 2_000_000 }).where(eq(articles.id, old.id)).run();
    const fresh = await createArticle(db, staff.expert, { title: "Quokka fresh guide" });
    await callerFor(db, CUSTOMER).kb.feedback({ articleId: old.id, helpful: false, reason: "inaccurate" });
    await callerFor(db, null).kb.search({ q: "theremin zither" });
    const r = await callerFor(db, staff.manager).kb.report();
    // The owner's own stale articles come first in their report.
    const owners = await callerFor(db, staff.expert).kb.report({ staleMine: true });
    expect(owners.stale.map((a) => a.slug)).toEqual([old.slug]);
    expect(r.notHelpful.some((a) => a.slug === old.slug)).toBe(true);
    expect(r.notHelpful.some((a) => a.slug === fresh.slug)).toBe(false);
    expect(r.noResults.some((x) => x.query === "theremin zither")).toBe(true);
  });

  it("customers and anonymous visitors are refused", async () => {
    await expect(callerFor(db, CUSTOMER).kb.report()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(db, null).kb.report()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
