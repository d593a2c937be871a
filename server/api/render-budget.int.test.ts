import { afterAll, describe, expect, it } from "vitest";
import superjson from "superjson";
import type { SessionUser } from "@/server/auth/session";
import {
  HIGHLIGHT_BUDGET_CHARS,
  REQUEST_RENDER_BUDGET_MS,
  RENDER_BUDGET_MS,
  isAbandoned,
  requestRenderBudget,
  type RequestRenderBudget,
  type Stopwatch,
} from "@/server/kb/markdown";
import { createTestDb } from "@/server/testing/db";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { createOrganization, createStaff, createTicket } from "@/server/testing/factories";
import { handleTrpcRequest } from "./http";
import { createCaller } from "./root";
import { createContext } from "./trpc";

/**
 * One request renders many Markdown texts (a batch of previews, a ticket page with a long
 * conversation) within one render budget: texts past it show as plain text for that request only.
 * What renders and what is deferred is counted with a stopwatch that charges a fixed time per
 * render, so the outcome does not depend on how busy the machine is.
 */

const db = createTestDb();
afterAll(() => db.$client.close());

const expert = createStaff(db, "expert");
const agent = createStaff(db, "agent");
const customer = createOrganization(db, { tier: "advanced", region: "emea" }).customers[0]!;

/** Every render costs `ms`, whatever it renders. */
const charging =
  (ms: number): Stopwatch =>
  () =>
  () =>
    ms;

/** Code as the findings sent it: a line of every token kind the grammars colour, in a fenced block. */
const LINE = "x = 1 <a> {b} (c) d 'e' 'f' // h $i @j #k %l 0x1F\n";
function codeBlock(lang: string, chars: number, tag: string, line = LINE): string {
  const body = `# ${tag}\n` + line.repeat(Math.ceil(chars / line.length));
  return `\`\`\`${lang}\n${body.slice(0, chars)}\n\`\`\`\n`;
}
/** The same line without its `<a>`, so that 99,000 characters of it are within the article limits. */
const LINE_WITHIN_LIMITS = LINE.replace("<a> ", "");

const isPlain = (html: string) => html.startsWith('<p class="md-plain">');

function previewBatch(bodies: string[], user: SessionUser, budget: () => RequestRenderBudget = requestRenderBudget) {
  const input = Object.fromEntries(bodies.map((body, i) => [i, superjson.serialize({ body })]));
  const req = new Request(`http://portal.test/api/trpc/${bodies.map(() => "kb.preview").join(",")}?batch=1`, {
    method: "POST",
    headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
    body: JSON.stringify(input),
  });
  return handleTrpcRequest(req, { user: async () => user, ip: "198.51.100.24", db, renderBudget: budget });
}

type BatchResult = { result?: { data: unknown }; error?: { json: { data: { messageKey: string } } } };

async function previewHtml(res: Response): Promise<string[]> {
  expect(res.status).toBe(200);
  const results = (await res.json()) as BatchResult[];
  return results.map((r) => superjson.deserialize<{ html: string }>(r.result!.data as never).html);
}

describe("[SECURITY] one request's Markdown rendering is bounded", () => {
  const LANGS = ["r", "yaml", "sql", "perl", "r", "yaml", "sql", "perl", "r"];
  const heavyArticles = LANGS.map((lang, i) => codeBlock(lang, 99_000, `batch-${i}-${Date.now()}`, LINE_WITHIN_LIMITS));

  it("the finding's batch, 9 previews of ~99,000 characters of code with `<a>` on every line: none is highlighted, the answer stays near the texts' size", async () => {
    const bodies = LANGS.map((lang, i) => codeBlock(lang, 99_000, `finding-${i}`));
    const html = await previewHtml(await previewBatch(bodies, expert));
    expect(html).toHaveLength(9);
    for (const h of html) expect(h).not.toContain("hljs");
    const total = html.reduce((n, h) => n + h.length, 0);
    // Escaped `<` and quotes make the HTML a little longer than the text: 9.2 MB of highlight spans before.
    expect(total).toBeLessThan(2 * bodies.reduce((n, b) => n + b.length, 0));
    expect(isPlain(html[0]!)).toBe(false);
  });

  it("a batch of 9 previews of ~99,000 characters of code within the limits: none is highlighted, the answer stays near the texts' size", async () => {
    const html = await previewHtml(await previewBatch(heavyArticles, expert));
    expect(html).toHaveLength(9);
    // Past the highlight budget code is plain <pre><code>: the 11.4 MB answer of highlight spans is gone
    // (plain text escapes quotes too, hence a little over the texts' size).
    for (const h of html) expect(h).not.toContain("hljs");
    const total = html.reduce((n, h) => n + h.length, 0);
    expect(total).toBeLessThan(1.5 * heavyArticles.reduce((n, b) => n + b.length, 0));
    // At least the first renders as Markdown; whatever the budget cut short is plain text, never lost.
    expect(isPlain(html[0]!)).toBe(false);
    expect(html[0]).toContain('<pre><code class="language-r">');
    for (const [i, h] of html.entries()) if (isPlain(h)) expect(h).toContain(`# batch-${i}-`);
  });

  it("the batch shares one render budget: at 250 ms a render, one preview renders and the other 8 wait for a later request", async () => {
    const bodies = heavyArticles.map((b) => b.replace("# batch-", "# shared-"));
    const html = await previewHtml(
      await previewBatch(bodies, expert, () => requestRenderBudget(undefined, charging(250))),
    );
    // 0 + 600 fits in 800 ms; 250 + 600 does not, so no second article render starts.
    expect(RENDER_BUDGET_MS.article + 250).toBeGreaterThan(REQUEST_RENDER_BUDGET_MS);
    expect(html.map(isPlain)).toEqual([false, true, true, true, true, true, true, true, true]);
    // Deferred, not abandoned: the next request renders the next one.
    expect(isAbandoned(bodies[1]!, "article")).toBe(false);
    const next = await previewHtml(await previewBatch(bodies.slice(1, 2), expert));
    expect(isPlain(next[0]!)).toBe(false);
  });

  it("a ticket with 40 replies of ~19,800 characters of code: each load renders within the budget, the rest render on later loads, and none is highlighted", async () => {
    const ticketId = await createTicket(db, customer, {
      subject: "Heavy replies",
      description: `The replies below hold our logs (${Date.now()}).`,
    });
    const replies = Array.from({ length: 40 }, (_, i) => codeBlock("r", 19_800, `reply-${i}-${ticketId}`));
    expect(replies[0]!.length).toBeGreaterThan(3 * HIGHLIGHT_BUDGET_CHARS.ticket);
    const author = createCaller(createContext({ db, user: customer, now: () => TEST_ANCHOR }));
    for (const body of replies) await author.tickets.reply({ ticketId, body });

    // 100 ms a render: a load starts renders while 100 * n + 250 <= 800, so 6 texts: the description
    // and 5 replies on the first load, 6 replies on each later one (what was rendered is cached).
    const load = async () => {
      const budget = requestRenderBudget(undefined, charging(100));
      const caller = createCaller(createContext({ db, user: agent, now: () => TEST_ANCHOR, renderBudget: budget }));
      const page = await caller.tickets.get({ id: ticketId });
      return { page, budget };
    };
    const rendered: number[] = [];
    let last: Awaited<ReturnType<typeof load>> | undefined;
    for (let i = 0; i < 8; i++) {
      const { page, budget } = (last = await load());
      expect(budget.spentMs).toBeLessThanOrEqual(REQUEST_RENDER_BUDGET_MS);
      rendered.push(page.conversation.filter((c) => !isPlain(c.html)).length);
      if (rendered.at(-1) === 40) break;
    }
    expect(rendered).toEqual([5, 11, 17, 23, 29, 35, 40]);
    for (const c of last!.page.conversation) {
      expect(c.html).toContain('<pre><code class="language-r">');
      expect(c.html).not.toContain("hljs");
      expect(c.html.length).toBeLessThan(1.2 * c.body.length);
    }
  });
});
