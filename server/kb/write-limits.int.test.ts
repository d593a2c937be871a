import { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { openDb, type Db } from "@/server/db";
import { WRITE_LIMITS, WRITE_WINDOW_MS } from "@/server/security/write-limits";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { createTestDb, sessionFor } from "@/server/testing/db";

/**
 * Writes anyone can cause without a permission standing in the way (view counts, the log of
 * searches without results, article feedback) are capped per client address and per user, in
 * counters every server process shares.
 */

const db = createTestDb();
const sqlite = db.$client;
/** A second connection to the same file, as a second server process would have. */
const other = openDb(sqlite.name);
afterAll(() => {
  other.$client.close();
  sqlite.close();
});

const ARTICLES = (
  sqlite.prepare("select id from articles where status = 'published' and internal = 0 order by id limit 3").all() as {
    id: number;
  }[]
).map((r) => r.id);
const [A, B, C] = ARTICLES as [number, number, number];
const views = (id: number) =>
  (sqlite.prepare("select views from articles where id = ?").get(id) as { views: number }).views;
const gaps = () => (sqlite.prepare("select count(*) as n from search_log where results = 0").get() as { n: number }).n;

function caller(opts: { ip: string | null; email?: string; now?: Date; on?: Db }) {
  const on = opts.on ?? db;
  const now = opts.now ?? TEST_ANCHOR;
  return createCaller(
    createContext({ db: on, user: opts.email ? sessionFor(on, opts.email) : null, ip: opts.ip, now: () => now }),
  );
}

describe("[KB] anonymous writes cannot flood the ranking or the staff reports", () => {
  it("1,000 views from one address raise an article's views by at most the limit; another address still counts", async () => {
    const before = views(A);
    let counted = 0;
    for (let i = 0; i < 1000; i++) {
      const r = await caller({ ip: "203.0.113.10" }).kb.recordView({ articleId: A, visitorId: `flood-${i}-visitor` });
      if (r.counted) counted++;
    }
    expect(counted).toBe(WRITE_LIMITS.view.address);
    expect(views(A)).toBe(before + WRITE_LIMITS.view.address);

    expect(await caller({ ip: "198.51.100.77" }).kb.recordView({ articleId: A, visitorId: "honest-visitor" })).toEqual({
      counted: true,
    });
    // The article still reads normally for the flooding address.
    expect((await caller({ ip: "203.0.113.10" }).kb.article({ slug: articleSlug(A) })).article.id).toBe(A);
    // The next window starts afresh.
    const later = new Date(TEST_ANCHOR.getTime() + WRITE_WINDOW_MS);
    expect(
      await caller({ ip: "203.0.113.10", now: later }).kb.recordView({ articleId: A, visitorId: "flood-next-hour" }),
    ).toEqual({ counted: true });
  });

  it("rotating addresses inside one IPv6 /64 does not help", async () => {
    const before = views(B);
    for (let i = 0; i < WRITE_LIMITS.view.address + 40; i++)
      await caller({ ip: `2001:db8:5:6::${i.toString(16)}` }).kb.recordView({
        articleId: B,
        visitorId: `v6-visitor-${i}`,
      });
    expect(views(B)).toBe(before + WRITE_LIMITS.view.address);
  });

  it("a reload by the same visitor does not use up the address's allowance", async () => {
    const ip = "203.0.113.11";
    for (let i = 0; i < WRITE_LIMITS.view.address * 2; i++)
      await caller({ ip }).kb.recordView({ articleId: C, visitorId: "same-visitor-1" });
    expect(await caller({ ip }).kb.recordView({ articleId: C, visitorId: "same-visitor-2" })).toEqual({
      counted: true,
    });
  });

  it("searches without results are logged up to the limit, and every search still answers", async () => {
    const before = gaps();
    for (let i = 0; i < 300; i++) {
      const r = await caller({ ip: "203.0.113.12" }).kb.search({ q: nonsense("zzqx", i) });
      expect(r.items).toEqual([]);
    }
    expect(gaps()).toBe(before + WRITE_LIMITS.searchGap.address);
    await caller({ ip: "198.51.100.78" }).kb.search({ q: nonsense("zzqy", 1) });
    expect(gaps()).toBe(before + WRITE_LIMITS.searchGap.address + 1);
  });

  it("requests without a known address share one larger bucket", async () => {
    const before = gaps();
    for (let i = 0; i < WRITE_LIMITS.searchGap.unknownAddress + 20; i++)
      await caller({ ip: null }).kb.search({ q: nonsense("qqzx", i) });
    expect(gaps()).toBe(before + WRITE_LIMITS.searchGap.unknownAddress);
  });

  it("counts every server process together: the counter lives in the shared database", async () => {
    const ip = "203.0.113.13";
    const before = gaps();
    for (let i = 0; i < WRITE_LIMITS.searchGap.address; i++)
      await caller({ ip, on: i % 2 ? other : db }).kb.search({ q: nonsense("xqzz", i) });
    expect(gaps()).toBe(before + WRITE_LIMITS.searchGap.address);
    await caller({ ip, on: other }).kb.search({ q: nonsense("xqzy", 1) });
    await caller({ ip, on: db }).kb.search({ q: nonsense("xqzy", 1) });
    expect(gaps()).toBe(before + WRITE_LIMITS.searchGap.address);
  });

  it("feedback beyond the limit is refused with a translated 'too many', and changes no count", async () => {
    const ip = "203.0.113.14";
    const email = "dev@nimbus.example";
    let accepted = 0;
    let refusal: TRPCError | null = null;
    for (let i = 0; i < 50 && !refusal; i++) {
      try {
        await caller({ ip, email }).kb.feedback({ articleId: A, helpful: i % 2 === 0, reason: "inaccurate" });
        accepted++;
      } catch (e) {
        refusal = e as TRPCError;
      }
    }
    expect(accepted).toBe(WRITE_LIMITS.feedback.user);
    expect(refusal).toBeInstanceOf(TRPCError);
    expect(refusal!.code).toBe("TOO_MANY_REQUESTS");
    expect((refusal!.cause as { messageKey?: string }).messageKey).toBe("kb.errors.tooMany");
    const counts = () => sqlite.prepare("select helpful_count, not_helpful_count from articles where id = ?").get(A);
    const frozen = counts();
    await expect(caller({ ip, email }).kb.feedback({ articleId: A, helpful: true })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    expect(counts()).toEqual(frozen);
    // Another reader from the same office still votes.
    await expect(
      caller({ ip, email: "cto@nimbus.example" }).kb.feedback({ articleId: A, helpful: true }),
    ).resolves.toBeTruthy();
  });
});

/** A query no article matches: letters only (digits would be read as error codes). */
function nonsense(prefix: string, i: number): string {
  return `${prefix}${[...i.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join("")}vvk`;
}

function articleSlug(id: number): string {
  return (sqlite.prepare("select slug from articles where id = ?").get(id) as { slug: string }).slug;
}
