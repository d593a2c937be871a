import { afterAll, describe, expect, it } from "vitest";
import superjson from "superjson";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";
import { BODY_MAX, SUMMARY_MAX, TITLE_MAX } from "@/server/kb/article-input";
import type { SessionUser } from "@/server/auth/session";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createArticle, createOrganization, createStaff, createTicket } from "@/server/testing/factories";
import { handleTrpcRequest } from "./http";
import { MAX_BATCH_SIZE, MAX_BODY_BYTES } from "./request-limits";

/**
 * The tRPC endpoint as the browser reaches it (plain Requests through the same handler the
 * Next.js route uses): batches and bodies are bounded before any procedure runs, and no answer
 * may be kept by a cache.
 */

const db = createTestDb();
const sqlite = db.$client;
afterAll(() => sqlite.close());

const BASE = "http://portal.test/api/trpc";
const admin = createStaff(db, "admin");
const customer = createOrganization(db, { tier: "advanced", region: "emea" }).customers[0]!;
/** A published public article of the test's own, whose views the batches count. */
const ARTICLE_ID = (await createArticle(db, admin)).id;
const views = () =>
  (sqlite.prepare("select views from articles where id = ?").get(ARTICLE_ID) as { views: number }).views;

function send(req: Request, user: SessionUser | null = null) {
  return handleTrpcRequest(req, {
    user: async () => user,
    ip: "198.51.100.23",
    db,
  });
}

/** A batched POST of the given calls (superjson-encoded as the browser's link sends them). */
function batchPost(path: string, inputs: unknown[], init: RequestInit = {}) {
  const body = Object.fromEntries(inputs.map((input, i) => [i, superjson.serialize(input)]));
  return new Request(`${BASE}/${inputs.map(() => path).join(",")}?batch=1`, {
    method: "POST",
    headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
    body: JSON.stringify(body),
    ...init,
  });
}

const visitor = (i: number) => `batch-visitor-${String(i).padStart(4, "0")}`;

describe("[SECURITY] a tRPC request is bounded before any procedure runs", () => {
  it(`refuses a batch of more than ${MAX_BATCH_SIZE} calls with 400 and runs none of them`, async () => {
    const before = views();
    const inputs = Array.from({ length: MAX_BATCH_SIZE + 1 }, (_, i) => ({
      articleId: ARTICLE_ID,
      visitorId: visitor(i),
    }));
    const res = await send(batchPost("kb.recordView", inputs));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { json: { message: en.errors.request.unreadable, data: { code: "BAD_REQUEST" } } },
    });
    expect(views()).toBe(before);

    const get = await send(
      new Request(
        `${BASE}/${Array(MAX_BATCH_SIZE + 1)
          .fill("health.ping")
          .join(",")}?batch=1&input={}`,
      ),
    );
    expect(get.status).toBe(400);
  });

  it(`runs a batch of exactly ${MAX_BATCH_SIZE} calls`, async () => {
    const before = views();
    const inputs = Array.from({ length: MAX_BATCH_SIZE }, (_, i) => ({
      articleId: ARTICLE_ID,
      visitorId: visitor(100 + i),
    }));
    const res = await send(batchPost("kb.recordView", inputs));
    expect(res.status).toBe(200);
    expect(views()).toBe(before + MAX_BATCH_SIZE);
  });

  it("refuses a body whose Content-Length is over the maximum with 413, without reading it", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const req = new Request(`${BASE}/kb.recordView`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) },
      body,
      duplex: "half",
    } as RequestInit);
    const res = await send(req);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: en.errors.request.tooLarge } });
    expect(pulled).toBeLessThanOrEqual(1); // a stream may pre-pull its first chunk; nothing more is read
  });

  it("refuses a body streamed without Content-Length as soon as it passes the maximum", async () => {
    const chunk = 64 * 1024;
    let sent = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk;
        controller.enqueue(new TextEncoder().encode(" ".repeat(chunk)));
        if (sent > 50 * MAX_BODY_BYTES) controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    const req = new Request(`${BASE}/kb.recordView`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(req.headers.get("content-length")).toBeNull();
    const res = await send(req);
    expect(res.status).toBe(413);
    expect(cancelled).toBe(true);
    expect(sent).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * chunk);
  });

  it("accepts the largest legitimate input: an article at every maximum, in Chinese", async () => {
    const cjk = (n: number) => "服务等级协议".repeat(Math.ceil(n / 6)).slice(0, n);
    const input = {
      slug: "the-largest-article",
      translationOf: null,
      locale: "zh",
      title: cjk(TITLE_MAX),
      summary: cjk(SUMMARY_MAX),
      body: `# ${cjk(BODY_MAX - 2)}`,
      productArea: "voice_calling",
      type: "quick_start",
      status: "draft",
      internal: false,
      ownerId: admin.id,
      tags: Array.from({ length: 20 }, (_, i) => `标签${i}`.padEnd(40, "签")),
      errorCodes: Array.from({ length: 30 }, (_, i) => `E${i}`.padEnd(64, "X")),
      sdkVersions: Array.from({ length: 20 }, (_, i) => `${i}.0`.padEnd(32, "0")),
    };
    const req = batchPost("kb.createArticle", [input]);
    const size = (await req.clone().arrayBuffer()).byteLength;
    expect(size).toBeGreaterThan(300_000);
    expect(size).toBeLessThan(MAX_BODY_BYTES);
    const res = await send(req, admin);
    expect(res.status).not.toBe(413);
    const [answer] = (await res.json()) as [{ result?: unknown; error?: { json: { message: string } } }];
    expect(answer.error).toBeUndefined();
  });
});

describe("[SECURITY] no tRPC answer may be kept by a cache", () => {
  it("marks signed-in answers, anonymous answers and every refusal no-store", async () => {
    const answers = [
      await send(new Request(`${BASE}/me.get`), customer),
      await send(new Request(`${BASE}/tickets.list?input=${encodeURIComponent('{"json":{}}')}`), customer),
      await send(new Request(`${BASE}/health.ping`)),
      await send(new Request(`${BASE}/me.get`)),
      await send(batchPost("kb.recordView", Array(MAX_BATCH_SIZE + 1).fill({}))),
      await send(
        new Request(`${BASE}/kb.recordView`, {
          method: "POST",
          headers: { "content-length": String(MAX_BODY_BYTES * 2) },
          body: "x",
        }),
      ),
      await send(batchPost("kb.recordView", [{}], { headers: { "sec-fetch-site": "cross-site" } })),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 401, 400, 413, 403]);
    for (const r of answers) expect(r.headers.get("cache-control")).toBe("no-store");
  });
});

describe("[I18N] a refusal arrives as a sentence in the caller's language", () => {
  function sendIn(locale: "en" | "zh", req: Request, user: SessionUser | null) {
    return handleTrpcRequest(req, { user: async () => user, locale: async () => locale, ip: "198.51.100.23", db });
  }
  type Refusal = {
    error: {
      json: {
        message: string;
        data: { messageKey: string | null; fieldKeys: Record<string, { text: string }[]> | null };
      };
    };
  };
  const article = (body: string) => ({
    slug: "a-refused-article",
    translationOf: null,
    locale: "en",
    title: "A refused article",
    summary: "Refused for its body.",
    body,
    productArea: "voice_calling",
    type: "quick_start",
    status: "draft",
    internal: false,
    ownerId: admin.id,
    tags: [],
    errorCodes: [],
    sdkVersions: [],
  });
  const refusal = async (res: Response) => ((await res.json()) as [Refusal])[0].error.json;

  it("names the rule with its numbers (a Markdown limit), in Chinese or English, and saves nothing", async () => {
    const ticket = {
      subject: "Nested three hundred and one times",
      description: "- a\n".repeat(301),
      productArea: "voice_calling",
      category: "functional_bug",
      priority: "P2",
    };
    const count = () => sqlite.prepare("select count(*) as n from tickets where subject = ?").get(ticket.subject);
    const zh = await refusal(await sendIn("zh", batchPost("tickets.create", [ticket]), customer));
    expect(zh.message).toBe("文本有 301 个列表项，最多允许 300 个。");
    expect(zh.data.messageKey).toMatch(/^markdown\./);
    const en = await refusal(await sendIn("en", batchPost("tickets.create", [ticket]), customer));
    expect(en.message).toBe("The text has 301 list items; at most 300 are allowed.");
    expect(count()).toEqual({ n: 0 });
  });

  it("a ticket breaking several rules is refused once with every field's sentence, and nothing is filed", async () => {
    const outsider = createOrganization(db, { tier: "basic", region: "china" }).customers[0]!;
    const ticket = {
      subject: "Three rules broken at once",
      description: "A security hole, a stranger copied, a fault from tomorrow.",
      productArea: "voice_calling",
      category: "security_vulnerability",
      priority: "P2",
      watchers: [outsider.email],
      fault: { startedAt: new Date(Date.now() + 24 * 3_600_000) },
    };
    const count = () => sqlite.prepare("select count(*) as n from tickets where subject = ?").get(ticket.subject);
    const en = await refusal(await sendIn("en", batchPost("tickets.create", [ticket]), customer));
    expect(en.message).toBe("Some fields need your attention.");
    expect(en.data.messageKey).toBe("errors.form.invalid");
    expect(
      Object.fromEntries(Object.entries(en.data.fieldKeys ?? {}).map(([k, v]) => [k, v.map((m) => m.text)])),
    ).toEqual({
      priority: ["A security vulnerability is never below P1."],
      fault: ["The fault cannot start in the future."],
      watchers: ["Watchers must be members of the ticket's organization."],
    });
    const zh = await refusal(await sendIn("zh", batchPost("tickets.create", [ticket]), customer));
    expect(zh.message).toBe("部分字段需要修改。");
    expect(zh.data.fieldKeys?.watchers?.[0]?.text).toBe("抄送人必须是该工单所属组织的成员。");
    expect(count()).toEqual({ n: 0 });
  });

  it("writes each refused field's sentence and the summary's opening line", async () => {
    const zh = await refusal(
      await sendIn("zh", batchPost("kb.createArticle", [{ ...article("Fine."), title: "" }]), admin),
    );
    expect(zh.message).toBe("部分字段需要修改。");
    expect(zh.data.fieldKeys?.title?.[0]?.text).toMatch(/[\u4e00-\u9fff]/);
  });

  it("refuses a signed-out caller and a role without the permission in words, not codes", async () => {
    const signedOut = await sendIn("zh", new Request(`${BASE}/me.get`), null);
    expect(signedOut.status).toBe(401);
    expect(((await signedOut.json()) as Refusal).error.json.message).toBe("请先登录。");
    const refused = await refusal(await sendIn("zh", batchPost("kb.createArticle", [article("Fine.")]), customer));
    expect(refused.message).toBe("您无权执行此操作。");
  });

  it("writes a refusal inside a refusal in the same language (a bulk action stopped by one ticket)", async () => {
    const agent = createStaff(db, "agent");
    const open = await createTicket(db, customer, {});
    const resolved = await createTicket(db, customer, {});
    await callerFor(db, agent).tickets.resolve({ ticketId: resolved, kind: "answer", body: "Answered." });
    const bulk = { ticketIds: [open, resolved], action: { kind: "status", status: "pending_customer" } };
    const zh = await refusal(await sendIn("zh", batchPost("tickets.bulk", [bulk]), agent));
    expect(zh.message).toMatch(new RegExp(`^未做任何更改：工单 #${resolved} 无法执行此操作（[^A-Za-z]+）。$`));
  });

  const CATALOGUES = { en, zh };
  /** tRPC's, superjson's and zod's own words, written for developers: none may reach a user. */
  const DEVELOPER_TEXT =
    /JSON input|call stack|__proto__|content-type|POST-request|procedure|Invalid input|expected string|received/;
  const post = (path: string, body: string, contentType = "application/json") =>
    new Request(`${BASE}/${path}`, {
      method: "POST",
      headers: { "content-type": contentType, "sec-fetch-site": "same-origin" },
      body,
    });
  const malformed: [string, () => Request, number, keyof typeof en.errors.request][] = [
    ["a truncated JSON body", () => post("tickets.preview", '{"json":'), 400, "unreadable"],
    [
      "superjson meta whose decoding overflows the stack",
      () => post("tickets.preview", '{"json":{"markdown":"x"},"meta":{"values":{"markdown":["custom","nope"]}}}'),
      400,
      "unreadable",
    ],
    [
      "a __proto__ path in superjson meta",
      () => post("tickets.preview", '{"json":{"markdown":"x"},"meta":{"values":{"__proto__":["Date"]}}}'),
      400,
      "unreadable",
    ],
    [
      "a text/plain body (refused before any context is built)",
      () => post("tickets.preview", '{"json":{"markdown":"x"}}', "text/plain"),
      415,
      "unreadable",
    ],
    ["a POST to a query", () => post("tickets.list", '{"json":{}}'), 405, "method"],
    ["a procedure that does not exist", () => post("tickets.nothingHere", '{"json":{}}'), 404, "unknown"],
  ];
  for (const locale of ["en", "zh"] as const)
    for (const [what, request, status, key] of malformed)
      it(`answers ${what} with ${status} and what to do, in ${locale === "en" ? "English" : "Chinese"}`, async () => {
        const res = await sendIn(locale, request(), customer);
        expect(res.status).toBe(status);
        const text = await res.text();
        expect(text).not.toMatch(DEVELOPER_TEXT);
        const { error } = JSON.parse(text) as Refusal;
        expect(error.json.message).toBe(CATALOGUES[locale].errors.request[key]);
        expect(error.json.data.messageKey).toBe(`errors.request.${key}`);
      });

  it("sends each refused field's sentence in the caller's language, never zod's developer text", async () => {
    for (const locale of ["en", "zh"] as const) {
      const res = await sendIn(locale, post("tickets.preview", '{"json":{"markdown":5}}'), customer);
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text).not.toMatch(DEVELOPER_TEXT);
      const { error } = JSON.parse(text) as Refusal;
      expect(error.json.message).toBe(CATALOGUES[locale].errors.form.invalid);
      expect(error.json.data).not.toHaveProperty("fieldErrors");
      expect(error.json.data.fieldKeys).toEqual({
        markdown: [{ key: "errors.field.required", text: CATALOGUES[locale].errors.field.required }],
      });
    }
  });

  it("refuses a ticket sent twice with 409, naming the ticket filed, in Chinese or English", async () => {
    const ticket = {
      subject: "Filed twice through the endpoint",
      description: "The same words, sent again at once.",
      productArea: "voice_calling",
      category: "functional_bug",
      priority: "P2",
    };
    const first = await sendIn("zh", batchPost("tickets.create", [ticket]), customer);
    const [filed] = (await first.json()) as [{ result: { data: { json: { id: number } } } }];
    const id = filed.result.data.json.id;
    const again = await sendIn("zh", batchPost("tickets.create", [ticket]), customer);
    expect(again.status).toBe(409);
    const zh = (await again.json()) as [Refusal];
    expect(zh[0].error.json.message).toBe(`此工单刚刚已提交为 #${id}，不会重复提交。`);
    const en = await refusal(await sendIn("en", batchPost("tickets.create", [ticket]), customer));
    expect(en.message).toBe(`This ticket was just filed as #${id}; it is not filed twice.`);
    expect(sqlite.prepare("select count(*) as n from tickets where subject = ?").get(ticket.subject)).toEqual({ n: 1 });
  });

  it("refuses a cross-site change and a body over the limit in the caller's language", async () => {
    const crossSite = await sendIn(
      "zh",
      batchPost("kb.recordView", [{}], { headers: { "sec-fetch-site": "cross-site" } }),
      customer,
    );
    expect(await crossSite.json()).toEqual({ error: { code: "FORBIDDEN", message: zh.errors.request.crossSite } });
    const tooLarge = await sendIn(
      "zh",
      new Request(`${BASE}/kb.recordView`, {
        method: "POST",
        headers: { "content-length": String(MAX_BODY_BYTES * 2) },
        body: "x",
      }),
      customer,
    );
    expect(await tooLarge.json()).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: zh.errors.request.tooLarge },
    });
  });
});
