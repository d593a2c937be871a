import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { appRouter } from "@/server/api/root";
import { ACCESS_MATRIX, ACTORS, NIMBUS_ORG_ID, fixtures, type Actor } from "@/server/testing/access-matrix";
import { databaseChecksum } from "@/server/testing/checksum";
import { callerAs, createTestDb } from "@/server/testing/db";

/**
 * Every procedure, called by an actor who is allowed to call it, with generated invalid input:
 * wrong types, huge strings, negative or enormous numbers, unknown enum values, ids that do not
 * exist or belong to another organization. None may yield an internal server error, and none
 * may change a single row (a digest of every table is compared).
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
    const foreign = actor === "customer" ? (FOREIGN_IDS[key] ?? []) : [];
    return fc.constantFrom(...MISSING_IDS, ...foreign).map((id) => setAt(valid, p, id));
  });
}

function callByPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (
    i: unknown,
  ) => Promise<unknown>;
  return fn(input);
}

/** The actors to attack a procedure as: the Nimbus Live customer if allowed, and the most privileged allowed other actor. */
function attackers(path: string): Actor[] {
  const allow = ACCESS_MATRIX[path]?.allow ?? [];
  const order: Actor[] = [
    "admin",
    "manager",
    "agent",
    "expert",
    "accountManager",
    "executive",
    "otherOrgCustomer",
    "anonymous",
  ];
  const out: Actor[] = [];
  if (allow.includes("customer")) out.push("customer");
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
