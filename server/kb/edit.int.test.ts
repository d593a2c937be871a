import { and, eq, sql } from "drizzle-orm";
import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleErrorCodes, articles, auditLog } from "@/db/schema";
import { appRouter } from "@/server/api/root";
import { isPostgres, type Db } from "@/server/db";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createArticle, createOrganization, createStaff } from "@/server/testing/factories";
import type { SessionUser } from "@/server/auth/session";
import type { CreateArticleInput } from "./article-input";
import { unsafeMarkup } from "@/server/security/xss-corpus";

let db: Db;
let CUSTOMER: SessionUser;
let AGENT: SessionUser;
let AGENT2: SessionUser;
let EXPERT: SessionUser;
let MANAGER: SessionUser;
beforeAll(() => {
  db = createTestDb();
  CUSTOMER = createOrganization(db, { tier: "advanced", region: "americas" }).customers[0]!;
  AGENT = createStaff(db, "agent");
  AGENT2 = createStaff(db, "agent");
  EXPERT = createStaff(db, "expert");
  MANAGER = createStaff(db, "manager");
});
afterAll(() => db.$client.close());

const LATER = new Date(TEST_ANCHOR.getTime() + 3_600_000);

function draft(overrides: Partial<CreateArticleInput> = {}): CreateArticleInput {
  return {
    slug: "quokka-reconnect-loop",
    locale: "en",
    translationOf: null,
    title: "Quokka reconnect loop after network switch",
    summary: "Why the SDK reconnects in a loop when a phone moves from Wi-Fi to 5G.",
    body: "## Symptom\n\nThe client reconnects every few seconds.\n\n## Fix\n\nUpgrade to 4.5.2 and call `renewToken` before it expires.",
    productArea: "video_calling",
    type: "faq",
    status: "draft",
    internal: false,
    ownerId: AGENT.id,
    tags: ["reconnect", "network"],
    errorCodes: ["err_quokka_loop", "1789"],
    sdkVersions: ["4.5.1", "4.5.2"],
    ...overrides,
  };
}

/** Everything an article write touches, to prove a refused write changed nothing. */
function snapshot() {
  const one = (q: string) => (db.$client.prepare(q).get() as { n: number }).n;
  return {
    articles: db.select().from(articles).orderBy(articles.id).all(),
    codes: one(`SELECT count(*) AS n FROM article_error_codes`),
    fts: one(`SELECT count(*) AS n FROM articles_fts`),
    audit: one(`SELECT count(*) AS n FROM audit_log`),
  };
}

function row(slug: string, locale: "en" | "zh" = "en") {
  return db
    .select()
    .from(articles)
    .where(and(eq(articles.slug, slug), eq(articles.locale, locale)))
    .get();
}

/** The articles whose index row holds `q` (one quoted word, FTS5's syntax; a phrase on PostgreSQL). */
const ftsTitleHits = (q: string) =>
  (isPostgres(db)
    ? (db.$client
        .prepare(
          `SELECT a.slug FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts.doc @@ phraseto_tsquery('simple', ?)`,
        )
        .all(q.replace(/^"|"$/g, "")) as { slug: string }[])
    : (db.$client
        .prepare(
          `SELECT a.slug FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?`,
        )
        .all(q) as { slug: string }[])
  ).map((r) => r.slug);

describe("[KB] staff write articles", () => {
  it("an agent saves a draft: stored with its error codes, indexed, audited, and invisible to customers and visitors", async () => {
    const saved = await callerFor(db, AGENT).kb.createArticle(draft());
    expect(saved).toMatchObject({ slug: "quokka-reconnect-loop", locale: "en", updatedAt: TEST_ANCHOR });
    const a = row("quokka-reconnect-loop")!;
    expect(a).toMatchObject({
      status: "draft",
      errorCodes: ["ERR_QUOKKA_LOOP", "1789"],
      reviewedAt: TEST_ANCHOR,
      translationGroup: "quokka-reconnect-loop-en",
    });
    expect(
      db
        .select({ code: articleErrorCodes.code })
        .from(articleErrorCodes)
        .where(eq(articleErrorCodes.articleId, a.id))
        .all()
        .map((r) => r.code)
        .sort(),
    ).toEqual(["1789", "ERR_QUOKKA_LOOP"]);
    expect(ftsTitleHits(`"quokka"`)).toEqual(["quokka-reconnect-loop"]);
    expect(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "article"), eq(auditLog.entityId, String(a.id))))
        .all(),
    ).toMatchObject([{ action: "kb.article_create", actorId: AGENT.id, detail: { status: "draft" } }]);

    for (const who of [CUSTOMER, null]) {
      const api = callerFor(db, who);
      expect((await api.kb.search({ q: "quokka reconnect" })).items.map((i) => i.slug)).not.toContain(
        "quokka-reconnect-loop",
      );
      expect((await api.kb.search({ q: "ERR_QUOKKA_LOOP" })).items).toEqual([]);
      expect(
        (await api.kb.browse({ locale: "en", productArea: "video_calling", type: "faq" })).items.map((i) => i.slug),
      ).not.toContain("quokka-reconnect-loop");
      await expect(api.kb.article({ slug: "quokka-reconnect-loop" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await callerFor(db, AGENT2).kb.search({ q: "ERR_QUOKKA_LOOP" })).items[0]).toMatchObject({
      slug: "quokka-reconnect-loop",
      status: "draft",
      codeMatch: true,
    });
  });

  it("an agent may not publish; an expert publishes and a visitor then finds it by its error code first", async () => {
    const before = snapshot();
    const a = row("quokka-reconnect-loop")!;
    await expect(
      callerFor(db, AGENT).kb.updateArticle({ ...draft(), id: a.id, baseUpdatedAt: a.updatedAt, status: "published" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(db, AGENT).kb.createArticle(draft({ slug: "agent-publishes", status: "published" })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(snapshot()).toEqual(before);

    await callerFor(db, EXPERT, LATER).kb.updateArticle({
      ...draft(),
      id: a.id,
      baseUpdatedAt: a.updatedAt,
      status: "published",
    });
    expect(
      db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.entityId, String(a.id)))
        .all()
        .map((r) => r.action),
    ).toEqual(["kb.article_create", "kb.article_publish"]);
    const r = await callerFor(db, null).kb.search({ q: "1789", preferLocale: "en" });
    expect(r.items[0]).toMatchObject({ slug: "quokka-reconnect-loop", codeMatch: true });
    expect((await callerFor(db, CUSTOMER).kb.article({ slug: "quokka-reconnect-loop" })).html).toContain(
      '<h2 id="user-content-symptom">Symptom</h2>',
    );
  });

  it("an edited title is found by its new words and no longer by its old ones; did-you-mean learns the new words", async () => {
    const a = row("quokka-reconnect-loop")!;
    await callerFor(db, EXPERT, LATER).kb.updateArticle({
      ...draft(),
      id: a.id,
      baseUpdatedAt: a.updatedAt,
      status: "published",
      title: "Wombat reconnect loop after network switch",
      errorCodes: ["1790"],
    });
    expect(ftsTitleHits(`"quokka"`)).toEqual([]);
    expect(ftsTitleHits(`"wombat"`)).toEqual(["quokka-reconnect-loop"]);
    const anon = callerFor(db, null);
    expect((await anon.kb.search({ q: "wombat" })).items.map((i) => i.slug)).toEqual(["quokka-reconnect-loop"]);
    expect((await anon.kb.search({ q: "quokka", logGaps: false })).items).toEqual([]);
    expect((await anon.kb.search({ q: "1789", logGaps: false })).items.some((i) => i.codeMatch)).toBe(false);
    expect((await anon.kb.search({ q: "1790" })).items[0]).toMatchObject({
      slug: "quokka-reconnect-loop",
      codeMatch: true,
    });
    expect((await anon.kb.search({ q: "wombet reconnect", logGaps: false })).suggestion).toBe("wombat reconnect");
    // Saved twice within the same millisecond, updatedAt still moved on, so the render is fresh.
    expect(row("quokka-reconnect-loop")!.updatedAt.getTime()).toBe(LATER.getTime() + 1);
    expect((await anon.kb.article({ slug: "quokka-reconnect-loop" })).article.title).toBe(
      "Wombat reconnect loop after network switch",
    );
  });

  it("a save from an editor opened before someone else's save is refused with a conflict, and nothing changes", async () => {
    const a = row("quokka-reconnect-loop")!;
    const before = snapshot();
    const err = await callerFor(db, MANAGER, LATER)
      .kb.updateArticle({
        ...draft(),
        id: a.id,
        baseUpdatedAt: LATER,
        status: "published",
        title: "An older view of the article",
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/saved this article after you opened it/),
    });
    await expect(
      callerFor(db, MANAGER, LATER).kb.updateArticle({
        ...draft(),
        id: a.id,
        baseUpdatedAt: a.updatedAt,
        status: "published",
        title: a.title,
        errorCodes: a.errorCodes,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/Nothing changed/),
    });
    expect(snapshot()).toEqual(before);
  });

  it("an agent may not change a published article, but may edit drafts", async () => {
    const a = row("quokka-reconnect-loop")!;
    const before = snapshot();
    await expect(
      callerFor(db, AGENT).kb.updateArticle({
        ...draft(),
        id: a.id,
        baseUpdatedAt: a.updatedAt,
        status: "draft",
        title: "Agent edit",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(snapshot()).toEqual(before);
    const d = await callerFor(db, AGENT2).kb.createArticle(
      draft({ slug: "draft-by-agent2", title: "Draft by the second agent", errorCodes: [] }),
    );
    await callerFor(db, AGENT).kb.updateArticle({
      ...draft({ slug: "draft-by-agent2", errorCodes: [] }),
      id: d.id,
      baseUpdatedAt: d.updatedAt,
      title: "Draft improved by the first agent",
    });
    expect(row("draft-by-agent2")!.title).toBe("Draft improved by the first agent");
  });

  it("bad input is refused with a message that says what to fix, and nothing is written", async () => {
    const before = snapshot();
    const api = callerFor(db, EXPERT);
    // A field the schema refuses is marked for the editor, which writes that field's sentence
    // (kbEdit.fieldErrors); a rule of the service says its own sentence.
    const attempts: [Partial<CreateArticleInput>, { field: string } | RegExp][] = [
      [{ slug: "Not A Slug!" }, { field: "slug" }],
      [{ slug: "new" }, { field: "slug" }],
      [{ body: "   " }, { field: "body" }],
      [{ title: "ab" }, { field: "title" }],
      [{ errorCodes: ["bad code!"] }, { field: "errorCodes" }],
      [{ ownerId: CUSTOMER.id }, /active staff member/],
      [{ slug: "fixing-echo-during-calls" }, /already uses this address/],
      [{ translationOf: "no-such-article-anywhere" }, /No article in the other language/],
    ];
    for (const [patch, expected] of attempts) {
      const error = await api.kb.createArticle(draft({ slug: "bad-input", ...patch })).catch((e: unknown) => e);
      if (!(error instanceof TRPCError)) throw new Error(`not refused: ${JSON.stringify(patch)}`);
      // What the browser receives: the error as the endpoint's formatter writes it.
      const shape = getTRPCErrorShape({
        config: appRouter._def._config,
        error,
        type: "mutation",
        path: "kb.createArticle",
        input: undefined,
        ctx: undefined,
      });
      if (expected instanceof RegExp) expect(shape.message, JSON.stringify(patch)).toMatch(expected);
      else {
        expect(shape.message, JSON.stringify(patch)).toBe("Some fields need your attention.");
        expect(Object.keys(shape.data.fieldKeys ?? {}), JSON.stringify(patch)).toEqual([expected.field]);
      }
    }
    await expect(api.kb.createArticle(draft({ slug: "fixing-echo-during-calls" }))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(snapshot()).toEqual(before);
  });

  it("a translation joins the other article's group and each links to the other", async () => {
    await callerFor(db, EXPERT).kb.createArticle(
      draft({
        slug: "quokka-reconnect-loop",
        locale: "zh",
        translationOf: "quokka-reconnect-loop",
        title: "网络切换后反复重连",
        status: "published",
        errorCodes: ["1790"],
      }),
    );
    const en = row("quokka-reconnect-loop", "en")!;
    expect(row("quokka-reconnect-loop", "zh")!.translationGroup).toBe(en.translationGroup);
    expect(
      (await callerFor(db, null).kb.article({ slug: "quokka-reconnect-loop", locale: "en" })).translations,
    ).toEqual([{ slug: "quokka-reconnect-loop", locale: "zh", title: "网络切换后反复重连" }]);
    expect((await callerFor(db, null).kb.search({ q: "重连", preferLocale: "zh" })).items[0]).toMatchObject({
      slug: "quokka-reconnect-loop",
      locale: "zh",
    });
    await expect(
      callerFor(db, EXPERT).kb.createArticle(
        draft({ slug: "another-zh", locale: "zh", translationOf: "quokka-reconnect-loop", title: "另一篇" }),
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("internal articles written by staff stay invisible to customers", async () => {
    await callerFor(db, MANAGER).kb.createArticle(
      draft({
        slug: "internal-escalation-notes",
        title: "Internal escalation notes for quokka",
        status: "published",
        internal: true,
        errorCodes: ["ERR_INTERNAL_ONLY"],
      }),
    );
    for (const who of [CUSTOMER, null]) {
      expect((await callerFor(db, who).kb.search({ q: "ERR_INTERNAL_ONLY" })).items).toEqual([]);
      await expect(callerFor(db, who).kb.article({ slug: "internal-escalation-notes" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    expect((await callerFor(db, AGENT).kb.search({ q: "ERR_INTERNAL_ONLY" })).items[0]).toMatchObject({
      slug: "internal-escalation-notes",
      internal: true,
    });
  });

  it("the editor gets the raw Markdown; the preview renders it sanitized like the article page", async () => {
    const e = await callerFor(db, AGENT).kb.editArticle({ slug: "quokka-reconnect-loop", locale: "en" });
    expect(e.body).toContain("## Symptom");
    expect(e.translations).toEqual([{ slug: "quokka-reconnect-loop", locale: "zh", title: "网络切换后反复重连" }]);
    const p = await callerFor(db, AGENT).kb.preview({
      body: '## Steps\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[x](javascript:alert(3))',
    });
    expect(p.html).toContain('<h2 id="user-content-steps">Steps</h2>');
    // No element or attribute that runs script; the HTML typed is shown as text (escaped).
    expect(unsafeMarkup(p.html)).toEqual([]);
    expect(p.html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(p.html).toContain("&#x3C;script>alert(1)&#x3C;/script>");
    const o = await callerFor(db, AGENT).kb.editorOptions();
    expect(o).toMatchObject({ canPublish: false, userId: AGENT.id });
    expect(o.owners.map((x) => x.id)).toContain(EXPERT.id);
    expect(o.owners.map((x) => x.id)).not.toContain(CUSTOMER.id);
    expect((await callerFor(db, MANAGER).kb.editorOptions()).canPublish).toBe(true);
  });
});

describe("[KB] freshness: stale articles are listed to their owner and marked reviewed", () => {
  it("the report lists the owner's stale articles first, or only theirs; marking reviewed takes one off", async () => {
    const agentId = AGENT.id;
    // Two articles of the agent's and one of a colleague's, last reviewed over 180 days ago.
    const longAgo = new Date(TEST_ANCHOR.getTime() - 200 * 86_400_000);
    for (const owner of [AGENT, AGENT, AGENT2]) await createArticle(db, MANAGER, { ownerId: owner.id }, longAgo);
    const all = await callerFor(db, AGENT).kb.report();
    const firstOther = all.stale.findIndex((s) => !s.mine);
    expect(all.stale.filter((s) => s.mine).length).toBeGreaterThan(0);
    expect(all.stale.slice(firstOther).every((s) => !s.mine)).toBe(true);
    const mine = await callerFor(db, AGENT).kb.report({ staleMine: true });
    expect(mine.stale.length).toBe(all.stale.filter((s) => s.mine).length);
    expect(mine.stale.every((s) => s.mine && s.canReview)).toBe(true);

    const target = mine.stale[0]!;
    expect(
      db.select({ ownerId: articles.ownerId }).from(articles).where(eq(articles.id, target.id)).get()!.ownerId,
    ).toBe(agentId);
    const otherOwners = all.stale.find((s) => !s.mine)!;
    expect(otherOwners.canReview).toBe(false);
    const before = snapshot();
    await expect(callerFor(db, AGENT).kb.markReviewed({ id: otherOwners.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(snapshot()).toEqual(before);

    const updatedBefore = db.select({ u: articles.updatedAt }).from(articles).where(eq(articles.id, target.id)).get()!
      .u;
    expect(await callerFor(db, AGENT, LATER).kb.markReviewed({ id: target.id })).toEqual({
      id: target.id,
      reviewedAt: LATER,
    });
    const after = db.select().from(articles).where(eq(articles.id, target.id)).get()!;
    expect(after.reviewedAt).toEqual(LATER);
    expect(after.updatedAt).toEqual(updatedBefore);
    expect((await callerFor(db, AGENT, LATER).kb.report({ staleMine: true })).stale.map((s) => s.id)).not.toContain(
      target.id,
    );
    expect(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "kb.article_review"), eq(auditLog.entityId, String(target.id))))
        .all(),
    ).toHaveLength(1);
    // A publisher may mark anyone's article reviewed.
    await callerFor(db, MANAGER, LATER).kb.markReviewed({ id: otherOwners.id });
    expect(
      db.select({ r: articles.reviewedAt }).from(articles).where(eq(articles.id, otherOwners.id)).get()!.r,
    ).toEqual(LATER);
  });

  it("the desk lists the writer's own articles (stale first) and every draft", async () => {
    const mine = await callerFor(db, AGENT).kb.desk({ view: "mine" });
    const agentId = AGENT.id;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((m) => m.ownerId === agentId && m.canReview)).toBe(true);
    const firstFresh = mine.findIndex((m) => !m.stale);
    expect(mine.slice(firstFresh === -1 ? mine.length : firstFresh).every((m) => !m.stale)).toBe(true);
    const drafts = await callerFor(db, EXPERT).kb.desk({ view: "drafts" });
    expect(drafts.map((d) => d.slug)).toContain("draft-by-agent2");
    expect(drafts.every((d) => d.status === "draft")).toBe(true);
  });
});

describe("[KB] editing is for staff only", () => {
  it("customers and anonymous visitors are refused every editing procedure, and nothing is written", async () => {
    const id = row("fixing-echo-during-calls")!.id;
    const base = row("fixing-echo-during-calls")!.updatedAt;
    const before = snapshot();
    for (const [who, code] of [
      [CUSTOMER, "FORBIDDEN"],
      [null, "UNAUTHORIZED"],
    ] as const) {
      const api = callerFor(db, who);
      const attempts = [
        api.kb.createArticle(draft({ slug: "customer-article" })),
        api.kb.updateArticle({ ...draft({ slug: "fixing-echo-during-calls" }), id, baseUpdatedAt: base }),
        api.kb.markReviewed({ id }),
        api.kb.editArticle({ slug: "fixing-echo-during-calls", locale: "en" }),
        api.kb.editorOptions(),
        api.kb.preview({ body: "# hi" }),
        api.kb.desk({ view: "drafts" }),
        api.kb.report({ staleMine: true }),
      ];
      for (const attempt of attempts) await expect(attempt).rejects.toMatchObject({ code });
    }
    expect(snapshot()).toEqual(before);
    expect(
      db
        .select({ n: sql<number>`count(*)` })
        .from(articles)
        .where(eq(articles.slug, "customer-article"))
        .get()!.n,
    ).toBe(0);
  });
});
