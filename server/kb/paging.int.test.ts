import { afterAll, describe, expect, it } from "vitest";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createArticle, createStaffTeam } from "@/server/testing/factories";
import { KB_BROWSE_PAGE } from "./service";

const db = createTestDb();
afterAll(() => db.$client.close());
const staff = createStaffTeam(db);
const visitor = callerFor(db, null, TEST_ANCHOR);

describe("[KB] the help center pages through every article", () => {
  it("browsing pages past the first 30 (and the old cut at 60) through every article, once each", async () => {
    // Enough articles in one area that the listing needs several pages.
    for (let i = 0; i < 75; i++)
      await createArticle(db, staff.expert, {
        slug: `zorblat-guide-${i}`,
        title: `Zorblat tuning guide ${i}`,
        body: `## Zorblat\n\nHow to tune the zorblat setting, part ${i}.`,
        productArea: "live_streaming",
      });
    const first = await visitor.kb.browse({ locale: "en", productArea: "live_streaming" });
    expect(first.pageSize).toBe(KB_BROWSE_PAGE);
    expect(first.total).toBeGreaterThanOrEqual(75);
    const pages = Math.ceil(first.total / first.pageSize);
    const seen: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const b = await visitor.kb.browse({ locale: "en", productArea: "live_streaming", page });
      expect(b.page).toBe(page);
      seen.push(...b.items.map((a) => a.slug));
    }
    expect(seen).toHaveLength(first.total);
    expect(new Set(seen).size).toBe(first.total);
    // A page past the end shows the last page, not an empty one.
    const beyond = await visitor.kb.browse({ locale: "en", productArea: "live_streaming", page: 999 });
    expect(beyond.page).toBe(pages);
    expect(beyond.items.length).toBeGreaterThan(0);
  });

  it("search results page past the first 20, each result once, with the total and the number of pages", async () => {
    const one = await visitor.kb.search({ q: "zorblat", page: 1 });
    expect(one.items).toHaveLength(20);
    expect(one).toMatchObject({ page: 1, pages: 4, total: 75, hasMore: true });
    const all = [...one.items];
    let page = 1;
    let r = one;
    while (r.hasMore) {
      page += 1;
      r = await visitor.kb.search({ q: "zorblat", page });
      expect(r).toMatchObject({ page, pages: 4, total: 75 });
      all.push(...r.items);
    }
    expect(page).toBe(4);
    expect(r.items).toHaveLength(15);
    expect(all.length).toBe(75);
    expect(new Set(all.map((a) => a.id)).size).toBe(75);
    // A page past the last shows the last page, not an empty one.
    const beyond = await visitor.kb.search({ q: "zorblat", page: 9 });
    expect(beyond).toMatchObject({ page: 4, pages: 4, hasMore: false });
    expect(beyond.items.map((a) => a.id)).toEqual(r.items.map((a) => a.id));
  });

  it("a misspelled query that finds nothing answers with its correction's results, named, and pages through them", async () => {
    const typo = await visitor.kb.search({ q: "zorblta", correct: true });
    expect(typo.suggestion).toBe("zorblat");
    expect(typo.correctedQuery).toBe("zorblat");
    expect(typo.items).toHaveLength(20);
    expect(typo).toMatchObject({ total: 75, pages: 4, hasMore: true });
    expect(typo.items.every((a) => a.title.startsWith("Zorblat"))).toBe(true);
    const second = await visitor.kb.search({ q: "zorblta", correct: true, page: 2 });
    expect(second).toMatchObject({ page: 2, correctedQuery: "zorblat" });
    expect(second.items.some((a) => typo.items.some((b) => b.id === a.id))).toBe(false);
    // Searching for exactly what was typed finds nothing, and still offers the correction.
    const exact = await visitor.kb.search({ q: "zorblta" });
    expect(exact).toMatchObject({ items: [], total: 0, correctedQuery: null, suggestion: "zorblat" });
  });

  it("a query with results of its own is never replaced by a correction", async () => {
    // "zorblat tunning" finds articles through "zorblat" alone, so the typed query's results stay.
    const r = await visitor.kb.search({ q: "zorblat tunning", correct: true });
    expect(r.correctedQuery).toBeNull();
    expect(r.total).toBeGreaterThan(0);
  });
});
