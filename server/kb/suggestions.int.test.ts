import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/server/db";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff } from "@/server/testing/factories";
import type { SessionUser } from "@/server/auth/session";
import type { CreateArticleInput } from "./article-input";

const db: Db = createTestDb();
afterAll(() => db.$client.close());

// The readers and writers are made for this file.
const CUSTOMER = createOrganization(db, { tier: "enterprise", region: "americas" }).customers[0]!;
const AGENT = createStaff(db, "agent");
const MANAGER = createStaff(db, "manager");

function article(slug: string, title: string, overrides: Partial<CreateArticleInput> = {}): CreateArticleInput {
  return {
    slug,
    locale: "en",
    translationOf: null,
    title,
    summary: "A note for the suggestion tests.",
    body: "Nothing else to say.",
    productArea: "video_calling",
    type: "faq",
    status: "published",
    internal: false,
    ownerId: AGENT.id,
    tags: [],
    errorCodes: [],
    sdkVersions: [],
    ...overrides,
  };
}

const suggest = async (who: SessionUser | null, q: string) =>
  (await callerFor(db, who).kb.search({ q, logGaps: false })).suggestion;

describe('[KB] "did you mean" only offers words of articles the reader may read', () => {
  beforeAll(async () => {
    await callerFor(db, MANAGER).kb.createArticle(
      article("flumox-runbook", "Flumox transcoder runbook", { internal: true, tags: ["quibbleton"] }),
    );
    await callerFor(db, AGENT).kb.createArticle(
      article("grizzwold-draft", "Grizzwold relay outage", { status: "draft" }),
    );
  });

  it("a visitor's and a customer's misspelling of an internal or draft article's word is not corrected to it", async () => {
    for (const who of [null, CUSTOMER]) {
      for (const q of ["flumix", "quibbletan", "grizzwald"]) {
        const s = await suggest(who, q);
        expect(s ?? "", `${who ? "customer" : "visitor"}: ${q}`).not.toMatch(/flumox|quibbleton|grizzwold/);
      }
    }
  });

  it("staff, who read internal articles and drafts, are offered their words", async () => {
    expect(await suggest(AGENT, "flumix")).toBe("flumox");
    expect(await suggest(AGENT, "quibbletan")).toBe("quibbleton");
    expect(await suggest(MANAGER, "grizzwald")).toBe("grizzwold");
  });

  it("a word found only in an internal article does not count as known for a visitor", async () => {
    // Public "Vexillum ..." and internal "Vexillus ...": a visitor typing the internal word gets
    // the public one suggested, exactly as for any other unknown word; staff know the word.
    await callerFor(db, MANAGER).kb.createArticle(article("vexillum-guide", "Vexillum layout guide"));
    await callerFor(db, MANAGER).kb.createArticle(
      article("vexillus-postmortem", "Vexillus capacity postmortem", { internal: true }),
    );
    expect(await suggest(null, "vexillus")).toBe("vexillum");
    expect(await suggest(AGENT, "vexillus")).toBeNull();
  });

  it("an article made internal by another server process stops being suggested at once", async () => {
    await callerFor(db, MANAGER).kb.createArticle(article("snorkwhistle-faq", "Snorkwhistle echo cancellation"));
    expect(await suggest(null, "snorkwhistel")).toBe("snorkwhistle");
    // Another process of the cluster: its own connection to the same file.
    const other = openDb(db.$client.name);
    try {
      other.$client.prepare(`UPDATE articles SET internal = 1 WHERE slug = 'snorkwhistle-faq'`).run();
    } finally {
      other.$client.close();
    }
    expect(await suggest(null, "snorkwhistel")).toBeNull();
    expect(await suggest(AGENT, "snorkwhistel")).toBe("snorkwhistle");
  });
});
