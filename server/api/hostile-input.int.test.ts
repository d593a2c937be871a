import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { createTranslator } from "next-intl";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { handleTrpcRequest } from "@/server/api/http";
import { handleDownload, handleUpload, type AttachmentHttpOptions } from "@/server/attachments/http";
import { DiskAttachmentStore } from "@/server/attachments/store";
// aliased: a "use" name reads as a React hook to the linter
import { useAttachmentStore as serveFilesFrom } from "@/server/attachments/store-for";
import { MAX_BATCH_SIZE, MAX_BODY_BYTES } from "@/server/api/request-limits";
import { appRouter } from "@/server/api/root";
import enMessages from "@/server/i18n/messages/en.json";
import zhMessages from "@/server/i18n/messages/zh.json";
import { BODY_MAX } from "@/server/kb/article-input";
import { ACCESS_MATRIX, ACTORS, NIMBUS_ORG_ID, fixtures, type Actor } from "@/server/testing/access-matrix";
import { databaseChecksum } from "@/server/testing/checksum";
import { callerAs, createTestDb, sessionFor } from "@/server/testing/db";

/**
 * Every procedure, called by an actor who is allowed to call it, with generated invalid input:
 * wrong types, huge strings, negative or enormous numbers, unknown enum values, ids that do not
 * exist or belong to another organization. None may yield an internal server error, and none
 * may change a single row (a digest of every table is compared). Over HTTP (the handler the
 * route uses), an oversize batch or body reaches no procedure; every text field of every input is
 * refused beyond the largest legitimate length; out-of-range quarters are refused as bad input
 * with a translated message.
 */

const RUNS_PER_ACTOR = Number(process.env.HOSTILE_RUNS ?? 12);
const db = createTestDb();
const sqlite = db.$client;
afterAll(() => sqlite.close());

const baseline = databaseChecksum(sqlite);
const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string; inputs: ZodType[] } }
>;
const procedurePaths = Object.keys(procedures).sort();
let tried = 0;

const totalChanges = () => (sqlite.prepare("select total_changes() as n").get() as { n: number }).n;
const ids = (sql: string, ...params: unknown[]) =>
  (sqlite.prepare(sql).all(...params) as { id: number }[]).map((r) => r.id);

/** Rows of other organizations, keyed by the input field that names them. */
const FOREIGN_IDS: Record<string, number[]> = {
  ticketId: ids("select id from tickets where organization_id <> ? order by id limit 50", NIMBUS_ORG_ID),
  organizationId: ids("select id from organizations where id <> ? order by id limit 50", NIMBUS_ORG_ID),
  disputeId: ids(
    "select d.id from disputes d join tickets t on t.id = d.ticket_id where t.organization_id <> ? order by d.id limit 50",
    NIMBUS_ORG_ID,
  ),
  // People of another organization and staff: never a Nimbus Live customer administrator's to change.
  userId: [
    ...ids("select id from users where organization_id is null order by id limit 25"),
    ...ids("select id from users where organization_id <> ? order by id limit 25", NIMBUS_ORG_ID),
  ],
};
const MISSING_IDS = [2_000_000_000, Number.MAX_SAFE_INTEGER, 987_654_321];

const HUGE = "𝕏".repeat(60_000);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(HUGE),
  fc.constantFrom(
    "P9",
    "superadmin",
    "ZH",
    "__proto__",
    "constructor",
    "'; drop table tickets; --",
    "<img src=x onerror=alert(1)>",
    "\u0000",
    "9999-99-99",
    "",
  ),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    -1,
    0,
    -0,
    0.5,
    -1e9,
    1e308,
    -1e308,
    2 ** 63,
    Number.MAX_SAFE_INTEGER + 2,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ),
  fc.integer({ min: -2_147_483_648, max: -1 }),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

type Path = (string | number)[];

/** Every path to a value inside an input (objects and arrays), the root included as []. */
function paths(v: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(v)) v.slice(0, 3).forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v && typeof v === "object" && !(v instanceof Date))
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

function getAt(v: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown> | undefined)?.[k], v);
}

function setAt(v: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(v) ? [...(v as unknown[])] : { ...(v as object) }) as Record<string | number, unknown>;
  copy[head!] = setAt((v as Record<string | number, unknown>)[head!], rest, value);
  return copy;
}

/** Inputs with one value (or the whole input) replaced by something hostile, that the procedure's own schema rejects. */
function invalidInputs(valid: unknown, schema: ZodType | undefined): fc.Arbitrary<unknown> {
  const all = paths(valid);
  const replaced = fc.tuple(fc.constantFrom(...all), hostileValue).map(([p, x]) => setAt(valid, p, x));
  const extraKey = fc
    .tuple(fc.constantFrom("__proto__", "constructor", "role", "organizationId"), hostileValue)
    .map(([k, x]) => (valid && typeof valid === "object" ? { ...(valid as object), [k]: x } : x));
  return fc
    .oneof(replaced, fc.anything({ maxDepth: 2 }), extraKey)
    .filter((x) => !schema || !schema.safeParse(x).success);
}

/** Inputs naming rows that do not exist, or (for a customer) rows of another organization. */
function foreignIdInputs(valid: unknown, actor: Actor): fc.Arbitrary<unknown> | null {
  const idPaths = paths(valid).filter((p) => {
    const key = p[p.length - 1];
    return typeof key === "string" && /(^id$|Id$)/.test(key);
  });
  if (idPaths.length === 0) return null;
  return fc.constantFrom(...idPaths).chain((p) => {
    const key = String(p[p.length - 1]);
    const foreign = actor === "customer" || actor === "customerAdmin" ? (FOREIGN_IDS[key] ?? []) : [];
    return fc.constantFrom(...MISSING_IDS, ...foreign).map((id) => setAt(valid, p, id));
  });
}

function callByPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (
    i: unknown,
  ) => Promise<unknown>;
  return fn(input);
}

/**
 * The actors to attack a procedure as: the Nimbus Live customer if allowed, else its customer
 * administrator if allowed (people administration), and the most privileged allowed other actor.
 */
function attackers(path: string): Actor[] {
  const allow = ACCESS_MATRIX[path]?.allow ?? [];
  const order: Actor[] = [
    "admin",
    "manager",
    "agent",
    "expert",
    "accountManager",
    "executive",
    "otherOrgAdmin",
    "otherOrgCustomer",
    "anonymous",
  ];
  const out: Actor[] = [];
  if (allow.includes("customer")) out.push("customer");
  else if (allow.includes("customerAdmin")) out.push("customerAdmin");
  const other = order.find((a) => allow.includes(a));
  if (other) out.push(other);
  return out;
}

async function validInput(path: string, actor: Actor): Promise<unknown> {
  sqlite.exec("BEGIN");
  try {
    return await ACCESS_MATRIX[path]!.input(fixtures(db, actor));
  } finally {
    sqlite.exec("ROLLBACK");
  }
}

/** One hostile call: inside a transaction that is rolled back, checking nothing was written first. */
async function hostileCall(path: string, actor: Actor, input: unknown): Promise<void> {
  tried++;
  sqlite.exec("BEGIN");
  const changesBefore = totalChanges();
  try {
    await callByPath(callerAs(db, ACTORS[actor]), path, input);
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    if (e.code === "INTERNAL_SERVER_ERROR")
      throw new Error(`${path} as ${actor}: internal error ${String(e.cause ?? e.message)}`);
  } finally {
    const wrote = totalChanges() !== changesBefore && databaseChecksum(sqlite) !== baseline;
    sqlite.exec("ROLLBACK");
    if (wrote)
      throw new Error(`${path} as ${actor} changed the database for input ${JSON.stringify(input)?.slice(0, 300)}`);
  }
}

describe("[SECURITY] hostile input never breaks a procedure or changes data", () => {
  for (const path of procedurePaths) {
    it(path, async () => {
      if (!ACCESS_MATRIX[path]) return; // the access matrix test reports the missing entry
      const schema = procedures[path]!._def.inputs[0];
      for (const actor of attackers(path)) {
        const valid = await validInput(path, actor);
        await fc.assert(
          fc.asyncProperty(invalidInputs(valid, schema), (input) => hostileCall(path, actor, input)),
          { numRuns: RUNS_PER_ACTOR },
        );
        const foreign = foreignIdInputs(valid, actor);
        if (foreign)
          await fc.assert(
            fc.asyncProperty(foreign, (input) => hostileCall(path, actor, input)),
            { numRuns: 4 },
          );
      }
      expect(databaseChecksum(sqlite)).toBe(baseline);
    });
  }

  it("tried a bounded number of hostile inputs", () => {
    console.info(`hostile inputs tried: ${tried} over ${procedurePaths.length} procedures`);
    expect(tried).toBeGreaterThan(procedurePaths.length * RUNS_PER_ACTOR);
  });
});

// Over HTTP: what reaches the procedures at all -------------------------------------------------

const BASE = "http://portal.test/api/trpc";
let overlong = 0;
const MESSAGES = { en: enMessages, zh: zhMessages } as Record<string, Record<string, unknown>>;
const translated = (key: string) =>
  Object.values(MESSAGES).every(
    (m) => typeof key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], m) === "string",
  );

function http(req: Request, actor: Actor) {
  const email = ACTORS[actor];
  return handleTrpcRequest(req, { user: async () => (email ? sessionFor(db, email) : null), ip: "192.0.2.44", db });
}

function request(path: string, type: string, input: unknown, { batch = 1, pad = 0 } = {}): Request {
  const inputs = Object.fromEntries(Array.from({ length: batch }, (_, i) => [i, superjson.serialize(input)]));
  const url = `${BASE}/${Array(batch).fill(path).join(",")}?batch=1`;
  if (type === "query") return new Request(`${url}&input=${encodeURIComponent(JSON.stringify(inputs))}`);
  const body = JSON.stringify(pad ? { ...inputs, pad: "x".repeat(pad) } : inputs);
  return new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body });
}

describe("[SECURITY] oversize batches, oversize bodies and overlong fields reach no procedure", () => {
  for (const path of procedurePaths) {
    it(path, async () => {
      const entry = ACCESS_MATRIX[path];
      if (!entry) return;
      const actor = attackers(path)[0]!;
      const valid = await validInput(path, actor);
      const type = procedures[path]!._def.type;
      const before = totalChanges();

      const batch = await http(request(path, type, valid, { batch: MAX_BATCH_SIZE + 1 }), actor);
      expect(batch.status).toBe(400);
      if (type === "mutation") {
        const body = await http(request(path, type, valid, { pad: MAX_BODY_BYTES }), actor);
        expect(body.status).toBe(413);
      }
      expect(totalChanges()).toBe(before);

      // Every text field of the input has a maximum below the largest body (the article's).
      for (const p of paths(valid).filter((p) => typeof getAt(valid, p) === "string")) {
        overlong++;
        sqlite.exec("BEGIN");
        try {
          const input = setAt(valid, p, "x".repeat(BODY_MAX + 1));
          await expect(
            callByPath(callerAs(db, ACTORS[actor]), path, input),
            `${path} ${p.join(".")}`,
          ).rejects.toMatchObject({ code: "BAD_REQUEST" });
        } finally {
          sqlite.exec("ROLLBACK");
        }
      }
    });
  }
});

describe("[SECURITY] the over-HTTP checks ran", () => {
  it("counted the overlong text fields", () => {
    console.info(
      `overlong text fields tried: ${overlong} (every procedure: 1 oversize batch, each mutation 1 oversize body)`,
    );
    expect(overlong).toBeGreaterThan(50);
  });
});

describe("[REVIEWS] a quarter out of range is refused as bad input, in the user's language", () => {
  const cases = [
    ["reviews.preview", "query"],
    ["reviews.generate", "mutation"],
  ] as const;
  for (const [path, type] of cases)
    for (const quarter of ["1000-Q1", "9999-Q4", "2026-Q5", "0000-Q1", "1999-Q4", "2100-Q1", "2026-Q3 ", "２０２６-Q1"])
      it(`${path} ${JSON.stringify(quarter)} answers 400 with a translated message`, async () => {
        const before = totalChanges();
        const res = await http(request(path, type, { organizationId: NIMBUS_ORG_ID, quarter }), "accountManager");
        expect(res.status).toBe(400);
        const [answer] = (await res.json()) as [{ error: { json: { data: { code: string; messageKey: string } } } }];
        expect(answer.error.json.data.code).toBe("BAD_REQUEST");
        expect(answer.error.json.data.messageKey).toBe("errors.badQuarter");
        expect(translated(answer.error.json.data.messageKey)).toBe(true);
        expect(totalChanges()).toBe(before);
      });

  it("the first and last quarters of the range never fail inside: 2000-Q1 previews, 2099-Q4 has not ended", async () => {
    const first = await http(
      request("reviews.preview", "query", { organizationId: NIMBUS_ORG_ID, quarter: "2000-Q1" }),
      "accountManager",
    );
    expect(first.status).toBe(200);
    const last = await http(
      request("reviews.preview", "query", { organizationId: NIMBUS_ORG_ID, quarter: "2099-Q4" }),
      "accountManager",
    );
    expect(last.status).toBe(400);
    const [answer] = (await last.json()) as [{ error: { json: { data: { messageKey: string } } } }];
    expect(answer.error.json.data.messageKey).toBe("reviews.errors.quarterNotEnded");
  });

  it("the SLA dashboards refuse months and quarters out of range the same way", async () => {
    for (const period of [
      { kind: "quarter", quarter: "1000-Q1" },
      { kind: "month", month: "9999-12" },
      { kind: "custom", fromMonth: "1999-12", toMonth: "2000-02" },
    ]) {
      const res = await http(request("sla.dashboard", "query", { period }), "executive");
      expect(res.status).toBe(400);
      const [answer] = (await res.json()) as [{ error: { json: { data: { messageKey: string } } } }];
      expect(["errors.badQuarter", "errors.badMonth"]).toContain(answer.error.json.data.messageKey);
    }
  });
});

// Attachments over HTTP: the bad files and a foreign download ----------------------------

describe("[ATTACHMENTS] hostile uploads and foreign downloads change nothing and say why in the user's language", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "attain-hostile-files-"));
  const store = new DiskAttachmentStore(root);
  serveFilesFrom(db, store);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const translators = {
    en: createTranslator({ locale: "en", messages: enMessages }),
    zh: createTranslator({ locale: "zh", messages: zhMessages }),
  };
  const options = (actor: Actor, lang: "en" | "zh"): AttachmentHttpOptions => {
    const email = ACTORS[actor];
    return {
      user: email ? sessionFor(db, email) : null,
      db,
      store,
      now: () => new Date("2026-11-20T12:00:00Z"),
      locale: lang,
    };
  };
  const temporaryFiles = () => (fs.existsSync(path.join(root, "tmp")) ? fs.readdirSync(path.join(root, "tmp")) : []);
  const log = Buffer.from("2026-12-04 09:00:01 INFO joinChannel demo\n2026-12-04 09:00:31 WARN connection lost\n");
  const cutOff = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(log));
        setTimeout(() => controller.error(new Error("socket hang up")), 5);
      },
    });
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(56)]);
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
    "base64",
  );

  type Case = {
    label: string;
    body: () => Uint8Array | ReadableStream<Uint8Array>;
    name: string;
    headers?: Record<string, string>;
    status: number;
    messageKey: string;
    values?: Record<string, string | number>;
  };
  const cases: Case[] = [
    {
      label: "an executable renamed .log",
      body: () => elf,
      name: "agora.log",
      status: 400,
      messageKey: "attachments.errors.notText",
      values: { ext: ".log" },
    },
    {
      label: "a PNG renamed .pdf",
      body: () => png,
      name: "report.pdf",
      status: 400,
      messageKey: "attachments.errors.disguised",
      values: { ext: ".pdf" },
    },
    {
      label: "an empty file",
      body: () => new Uint8Array(0),
      name: "empty.log",
      status: 400,
      messageKey: "attachments.errors.empty",
    },
    {
      label: "a forbidden type",
      body: () => log,
      name: "setup.exe",
      status: 400,
      messageKey: "attachments.errors.typeNotAccepted",
    },
    {
      label: "a path in the name",
      body: () => log,
      name: "../../etc/passwd.log",
      status: 400,
      messageKey: "attachments.errors.namePath",
    },
    {
      label: "a Windows path in the name",
      body: () => log,
      name: "..\\..\\boot.txt",
      status: 400,
      messageKey: "attachments.errors.namePath",
    },
    {
      label: "a NUL in the name",
      body: () => log,
      name: "agora\u0000.log",
      status: 400,
      messageKey: "attachments.errors.nameControl",
    },
    {
      label: "a bidi override in the name",
      body: () => log,
      name: "invoice\u202Egol.exe.log",
      status: 400,
      messageKey: "attachments.errors.nameControl",
    },
    {
      label: "a name too long",
      body: () => log,
      name: `${"a".repeat(300)}.log`,
      status: 400,
      messageKey: "attachments.errors.nameTooLong",
      values: { max: 200 },
    },
    {
      label: "a declared size over the limit",
      body: () => log,
      name: "huge.log",
      headers: { "content-length": String(200 * 1024 * 1024) },
      status: 413,
      messageKey: "attachments.errors.fileTooLarge",
      values: { max: 100 },
    },
    {
      label: "an upload cut off midway",
      body: cutOff,
      name: "cut.log",
      status: 400,
      messageKey: "attachments.errors.interrupted",
    },
    {
      label: "fewer bytes than declared",
      body: () => log,
      name: "short.log",
      headers: { "content-length": String(log.length + 100) },
      status: 400,
      messageKey: "attachments.errors.interrupted",
    },
  ];

  function upload(
    actor: Actor,
    lang: "en" | "zh",
    body: Uint8Array | ReadableStream<Uint8Array>,
    name: string,
    headers: Record<string, string> = {},
  ) {
    const req = new Request("http://portal.test/api/attachments", {
      method: "POST",
      body,
      headers: { "x-file-name": encodeURIComponent(name), ...headers },
      duplex: "half",
    } as RequestInit);
    return handleUpload(req, options(actor, lang));
  }

  for (const c of cases)
    for (const lang of ["en", "zh"] as const)
      it(`${c.label} (${lang}): ${c.status}, translated, nothing written or left on disk`, async () => {
        const before = totalChanges();
        const res = await upload("customer", lang, c.body(), c.name, c.headers);
        expect(res.status).toBe(c.status);
        const { error } = (await res.json()) as { error: { message: string } };
        expect(translated(c.messageKey)).toBe(true);
        expect(error.message).toBe(translators[lang](c.messageKey as never, c.values as never));
        if (lang === "zh") expect(error.message).not.toBe(translators.en(c.messageKey as never, c.values as never));
        expect(totalChanges()).toBe(before);
        expect(temporaryFiles()).toEqual([]);
      });

  it("a name header that is not valid percent-encoding is refused as bad input", async () => {
    const req = new Request("http://portal.test/api/attachments", {
      method: "POST",
      body: new Uint8Array(log),
      headers: { "x-file-name": "%E0%A4%A.log" },
    });
    const before = totalChanges();
    expect((await handleUpload(req, options("customer", "en"))).status).toBe(400);
    expect(totalChanges()).toBe(before);
  });

  it("a second upload of the same file is refused with 409 and the first is kept", async () => {
    sqlite.exec("BEGIN");
    try {
      expect((await upload("customer", "en", new Uint8Array(log), "twice.log")).status).toBe(201);
      const changes = totalChanges();
      const again = await upload("customer", "zh", new Uint8Array(log), "twice-renamed.log");
      expect(again.status).toBe(409);
      expect(((await again.json()) as { error: { message: string } }).error.message).toBe(
        translators.zh("attachments.errors.duplicateUpload" as never),
      );
      expect(totalChanges()).toBe(changes);
    } finally {
      sqlite.exec("ROLLBACK");
    }
    expect(temporaryFiles()).toEqual([]);
  });

  it("another organization's attachment, asked for by id, does not exist (download, inline, thumbnail, text view)", async () => {
    sqlite.exec("BEGIN");
    try {
      const uploaded = (await (await upload("customer", "en", new Uint8Array(png), "screen.png")).json()) as {
        id: number;
      };
      const fx = fixtures(db, "customer");
      await callerAs(db, ACTORS.customer).tickets.reply({
        ticketId: fx.openTicketId(),
        body: "A screenshot.",
        attachmentIds: [uploaded.id],
      });
      const { id } = fx.row<{ id: number }>("select id from attachments order by id desc limit 1");
      const get = (actor: Actor, variant: "download" | "inline" | "thumbnail") =>
        handleDownload(
          new Request(`http://portal.test/api/attachments/${id}${variant === "thumbnail" ? "/thumbnail" : ""}`),
          options(actor, "en"),
          String(id),
          variant,
        );
      expect((await get("customer", "inline")).status).toBe(200);
      for (const variant of ["download", "inline", "thumbnail"] as const) {
        const res = await get("otherOrgCustomer", variant);
        expect(res.status, variant).toBe(404);
        expect(res.headers.get("content-disposition")).toBeNull();
      }
      await expect(callerAs(db, ACTORS.otherOrgCustomer).attachments.text({ id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    } finally {
      sqlite.exec("ROLLBACK");
    }
  });
});
