import { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { ACCESS_MATRIX, ACTORS, ALL_ACTORS, fixtures, type Actor } from "@/server/testing/access-matrix";
import { callerAs, createTestDb } from "@/server/testing/db";

const REFUSALS = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]);
const db = createTestDb();
afterAll(() => db.$client.close());

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

/** Calls a procedure by its dotted path on a caller. */
function callByPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (
    i: unknown,
  ) => Promise<unknown>;
  return fn(input);
}

type Outcome = { ok: true; output: unknown } | { ok: false; code: string; message: string };

/** Runs one call inside a transaction that is rolled back, so every call sees the pristine demo data. */
async function attempt(path: string, actor: Actor): Promise<Outcome> {
  db.$client.exec("BEGIN");
  try {
    const input = await ACCESS_MATRIX[path]!.input(fixtures(db, actor));
    return { ok: true, output: await callByPath(callerAs(db, ACTORS[actor]), path, input) };
  } catch (e) {
    if (e instanceof TRPCError) return { ok: false, code: e.code, message: e.message };
    throw e;
  } finally {
    db.$client.exec("ROLLBACK");
  }
}

describe("[SECURITY] the authorization matrix covers every procedure", () => {
  it("every procedure of the app router has an entry, and every entry names a procedure", () => {
    expect(
      procedurePaths.filter((p) => !(p in ACCESS_MATRIX)),
      "procedures without an access-matrix entry",
    ).toEqual([]);
    expect(
      Object.keys(ACCESS_MATRIX).filter((p) => !procedurePaths.includes(p)),
      "entries without a procedure",
    ).toEqual([]);
  });

  it("every entry allows only known actors", () => {
    for (const [path, entry] of Object.entries(ACCESS_MATRIX))
      for (const a of entry.allow) expect(ALL_ACTORS, path).toContain(a);
  });
});

let checked = 0;

describe("[SECURITY] each actor is allowed or refused exactly as the matrix says", () => {
  for (const path of procedurePaths) {
    it(path, async () => {
      const entry = ACCESS_MATRIX[path];
      if (!entry) return; // reported by the coverage test above
      const wrong: string[] = [];
      for (const actor of ALL_ACTORS) {
        const outcome = await attempt(path, actor);
        checked++;
        const allowed = entry.allow.includes(actor);
        if (allowed && !outcome.ok && !(entry.tolerate as readonly string[] | undefined)?.includes(outcome.code)) {
          wrong.push(`${actor}: expected to be allowed, got ${outcome.code} (${outcome.message})`);
        }
        const problem = allowed && outcome.ok ? entry.answer?.(outcome.output, actor) : null;
        if (problem) wrong.push(`${actor}: allowed, but the answer is wrong: ${problem}`);
        if (!allowed && (outcome.ok || !REFUSALS.has(outcome.code))) {
          wrong.push(
            `${actor}: expected a refusal, got ${outcome.ok ? "success" : `${outcome.code} (${outcome.message})`}`,
          );
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

afterAll(() =>
  console.info(`access matrix: ${checked} actor × procedure calls over ${procedurePaths.length} procedures`),
);
