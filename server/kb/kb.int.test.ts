import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleFeedback, articles, articleViews, searchLog } from "@/db/schema";
import type { Db } from "@/server/db";
import { callerAs, createTestDb } from "@/server/testing/db";

let db: Db;
beforeAll(() => {
  db = createTestDb();
});
afterAll(() => db.$client.close());

const CUSTOMER = "dev@nimbus.example";
const AGENT = "agent@attain.test";

function articleId(slug: string, locale: "en" | "zh") {
  return db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.slug, slug), eq(articles.locale, locale)))
    .get()!.id;
}

describe("kb.search ranking on the demo knowledge base", () => {
  it('"回声" finds the Chinese echo article first', async () => {
    const r = await callerAs(db, null).kb.search({ q: "回声", preferLocale: "zh" });
    expect(r.items[0]).toMatchObject({ slug: "fixing-echo-during-calls", locale: "zh" });
    expect(r.items[0]!.snippet.some((p) => p.hit && p.text.includes("回声"))).toBe(true);
  });

  it('"error 110" and "110" find the Error 110 article first, as an exact code match', async () => {
    for (const q of ["error 110", "110", "Error 110"]) {
      const r = await callerAs(db, null).kb.search({ q, preferLocale: "en" });
      expect(r.items[0], q).toMatchObject({
        slug: "error-110-token-invalid-or-expired",
        locale: "en",
        codeMatch: true,
      });
    }
  });

  it("an error code matches case-insensitively and ranks above articles that only mention it", async () => {
    const r = await callerAs(db, null).kb.search({ q: "err_token_expired", preferLocale: "en" });
    expect(r.items[0]).toMatchObject({ slug: "err-token-expired-web", codeMatch: true });
    const firstNonCode = r.items.findIndex((i) => !i.codeMatch);
    expect(r.items.slice(0, firstNonCode === -1 ? r.items.length : firstNonCode).every((i) => i.codeMatch)).toBe(true);
  });

  it('"android quick start" finds an Android quick start first', async () => {
    const r = await callerAs(db, null).kb.search({ q: "android quick start", preferLocale: "en" });
    expect(r.items[0]!.slug).toMatch(/^quick-start-(voice|video)-android$/);
    expect(r.items[0]!.locale).toBe("en");
  });

  it('"延迟" finds Chinese articles containing it, with the word highlighted', async () => {
    const r = await callerAs(db, null).kb.search({ q: "延迟", locale: "zh" });
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
    const r = await callerAs(db, null).kb.search({ q: "echo", locale: "en" });
    expect(r.items[0]!.slug).toBe("fixing-echo-during-calls");
  });

  it("filters by product area and type", async () => {
    const r = await callerAs(db, null).kb.search({ q: "android", type: "quick_start", productArea: "voice_calling" });
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.items.every((i) => i.type === "quick_start" && i.productArea === "voice_calling")).toBe(true);
  });

  it("FTS syntax in a query is plain text, never an error", async () => {
    const r = await callerAs(db, null).kb.search({ q: 'token" OR NEAR( * -"' });
    expect(Array.isArray(r.items)).toBe(true);
  });

  it('a misspelt English word gets a "did you mean"', async () => {
    const r = await callerAs(db, null).kb.search({ q: "andriod quick start" });
    expect(r.suggestion).toBe("android quick start");
    expect((await callerAs(db, null).kb.search({ q: "android quick start" })).suggestion).toBeNull();
  });

  it("a search without results is logged as a gap; one with results is not", async () => {
    const before = db.select().from(searchLog).all().length;
    await callerAs(db, CUSTOMER).kb.search({ q: "kazoo flugelhorn", preferLocale: "en" });
    await callerAs(db, CUSTOMER).kb.search({ q: "echo" });
    const rows = db.select().from(searchLog).all();
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({ query: "kazoo flugelhorn", results: 0, locale: "en" });
  });
});

describe("kb visibility", () => {
  it("internal runbooks are never returned to customers or anonymous visitors, but are to staff", async () => {
    for (const who of [null, CUSTOMER]) {
      const r = await callerAs(db, who).kb.search({ q: "runbook token" });
      expect(
        r.items.some((i) => i.internal),
        String(who),
      ).toBe(false);
      const codes = await callerAs(db, who).kb.search({ q: "110", limit: 50 });
      expect(codes.items.some((i) => i.slug === "runbook-token-error-triage")).toBe(false);
    }
    const staff = await callerAs(db, AGENT).kb.search({ q: "110", limit: 50 });
    expect(staff.items.some((i) => i.slug === "runbook-token-error-triage" && i.internal)).toBe(true);
  });

  it("drafts are never returned to non-staff", async () => {
    const r = await callerAs(db, null).kb.search({ q: "ERR_WS_ABORT" });
    expect(r.items.some((i) => i.slug === "err-ws-abort-web")).toBe(false);
    const staff = await callerAs(db, AGENT).kb.search({ q: "ERR_WS_ABORT" });
    expect(staff.items[0]).toMatchObject({ slug: "err-ws-abort-web", status: "draft" });
  });

  it("an internal or draft article does not exist for a customer or anonymous reader", async () => {
    for (const who of [null, CUSTOMER]) {
      await expect(callerAs(db, who).kb.article({ slug: "runbook-token-error-triage" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(callerAs(db, who).kb.article({ slug: "err-ws-abort-web" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    const staff = await callerAs(db, AGENT).kb.article({ slug: "runbook-token-error-triage", locale: "zh" });
    expect(staff.article).toMatchObject({ internal: true, locale: "zh" });
    expect(staff.article.owner).not.toBeNull();
  });

  it("browse lists only public articles for a customer, with counts per area and type", async () => {
    const pub = await callerAs(db, CUSTOMER).kb.browse({ locale: "en" });
    const staff = await callerAs(db, AGENT).kb.browse({ locale: "en" });
    const sum = (x: { count: number }[]) => x.reduce((s, a) => s + a.count, 0);
    expect(sum(staff.areas)).toBeGreaterThan(sum(pub.areas));
    expect(pub.items.every((i) => !i.internal && i.status === "published")).toBe(true);
    const faq = await callerAs(db, null).kb.browse({ locale: "zh", productArea: "voice_calling", type: "faq" });
    expect(faq.items.length).toBeGreaterThan(0);
    expect(faq.items.every((i) => i.locale === "zh" && i.productArea === "voice_calling" && i.type === "faq")).toBe(
      true,
    );
  });
});

describe("kb.article", () => {
  it("renders sanitized Markdown with a table of contents, its translation and related articles", async () => {
    const r = await callerAs(db, null).kb.article({ slug: "fixing-echo-during-calls", preferLocale: "zh" });
    expect(r.article.locale).toBe("zh");
    expect(r.html).toContain("<h2 id=");
    expect(r.toc.length).toBeGreaterThan(0);
    expect(r.translations).toEqual([expect.objectContaining({ locale: "en", slug: "fixing-echo-during-calls" })]);
    expect(r.related.length).toBeGreaterThan(0);
    expect(r.related.every((x) => x.locale === "zh")).toBe(true);
    expect(r.myVote).toBeNull();
    expect(r.article.owner).toBeNull();
  });

  it("an article with a <script> in its body is rendered without it", async () => {
    const id = articleId("fixing-echo-during-calls", "en");
    db.update(articles)
      .set({
        body: "Hi <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))",
        updatedAt: new Date(),
      })
      .where(eq(articles.id, id))
      .run();
    const r = await callerAs(db, null).kb.article({ slug: "fixing-echo-during-calls", locale: "en" });
    expect(r.html).not.toMatch(/<script|onerror|javascript:/i);
  });
});

describe("kb.recordView", () => {
  it("counts a view once per visitor per day", async () => {
    const id = articleId("error-110-token-invalid-or-expired", "en");
    const views = () => db.select({ v: articles.views }).from(articles).where(eq(articles.id, id)).get()!.v;
    const start = views();
    const day1 = new Date("2026-11-20T10:00:00Z");
    expect(await callerAs(db, null, day1).kb.recordView({ articleId: id, visitorId: "visitor-aaaa" })).toEqual({
      counted: true,
    });
    expect(await callerAs(db, null, day1).kb.recordView({ articleId: id, visitorId: "visitor-aaaa" })).toEqual({
      counted: false,
    });
    expect(await callerAs(db, CUSTOMER, day1).kb.recordView({ articleId: id, visitorId: "ignored-bbbb" })).toEqual({
      counted: true,
    });
    expect(await callerAs(db, CUSTOMER, day1).kb.recordView({ articleId: id, visitorId: "another-cccc" })).toEqual({
      counted: false,
    });
    expect(
      await callerAs(db, null, new Date("2026-11-21T10:00:00Z")).kb.recordView({
        articleId: id,
        visitorId: "visitor-aaaa",
      }),
    ).toEqual({ counted: true });
    expect(views()).toBe(start + 3);
    expect(db.select().from(articleViews).where(eq(articleViews.articleId, id)).all()).toHaveLength(3);
  });

  it("a view of an internal article by an anonymous visitor is refused as not found", async () => {
    const id = articleId("runbook-token-error-triage", "en");
    await expect(callerAs(db, null).kb.recordView({ articleId: id, visitorId: "visitor-aaaa" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("kb.feedback", () => {
  it("a customer's not-helpful vote with a reason is counted once; voting again replaces it", async () => {
    const id = articleId("fixing-echo-during-calls", "zh");
    const counts = () =>
      db
        .select({ h: articles.helpfulCount, n: articles.notHelpfulCount })
        .from(articles)
        .where(eq(articles.id, id))
        .get()!;
    const start = counts();
    const api = callerAs(db, CUSTOMER);
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
    const read = await api.kb.article({ slug: "fixing-echo-during-calls", locale: "zh" });
    expect(read.myVote).toEqual({ helpful: true, reason: null });
  });

  it("a not-helpful vote without a reason is refused", async () => {
    const id = articleId("fixing-echo-during-calls", "en");
    await expect(callerAs(db, CUSTOMER).kb.feedback({ articleId: id, helpful: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("anonymous visitors cannot vote, and customers cannot vote on internal articles", async () => {
    await expect(
      callerAs(db, null).kb.feedback({ articleId: articleId("fixing-echo-during-calls", "en"), helpful: true }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(
      callerAs(db, CUSTOMER).kb.feedback({ articleId: articleId("runbook-token-error-triage", "en"), helpful: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("kb.report", () => {
  it("staff see stale articles, not-helpful articles and searches without results", async () => {
    await callerAs(db, null).kb.search({ q: "theremin zither" });
    const r = await callerAs(db, "manager@attain.test").kb.report();
    expect(r.stale.length).toBeGreaterThan(0);
    expect(r.notHelpful.length).toBeGreaterThan(0);
    expect(r.noResults.some((x) => x.query === "theremin zither")).toBe(true);
  });

  it("customers and anonymous visitors are refused", async () => {
    await expect(callerAs(db, CUSTOMER).kb.report()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(db, null).kb.report()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
