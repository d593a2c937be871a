import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDb } from "@/db/migrate";
import { openDb } from "@/server/db";
import { listRotas } from "@/server/on-call/rota-service";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { seedDemo } from "./demo";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attain-demo-rotas-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the demo's duty rotas and known issues", () => {
  it("every support region has a general rota with someone primary and secondary on call now", async () => {
    const db = openDb(path.join(dir, "demo.db"));
    migrateDb(db);
    await seedDemo(db, { anchor: TEST_ANCHOR });
    const { rotas, regionsWithoutRota } = listRotas(db, TEST_ANCHOR);
    expect(regionsWithoutRota).toEqual([]);
    expect(rotas).toHaveLength(3);
    for (const r of rotas) {
      expect(r.primary, r.name).not.toBeNull();
      expect(r.secondary, r.name).not.toBeNull();
      expect(r.gaps, r.name).toEqual([]);
    }
    // The demo's known issues: one investigated, one with its fix scheduled, one fixed.
    expect(
      (db.$client.prepare("SELECT status FROM known_issues ORDER BY status").all() as { status: string }[]).map(
        (r) => r.status,
      ),
    ).toEqual(["fix_scheduled", "fixed", "investigating"]);
    db.$client.close();
  }, 60_000);
});
