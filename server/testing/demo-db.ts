import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { migrateDb } from "@/db/migrate";
import { seedDemo } from "@/db/seed/demo";
import { openDb, type Db } from "@/server/db";
import { TEST_ANCHOR } from "./constants";

/**
 * The demo exactly as `npm start` seeds it (duty rotas included, unlike the shared template), in a
 * SQLite file of its own, made before the calling test file's tests and deleted after them. The
 * returned function hands out the open database once the tests run.
 */
export function freshDemoDb(prefix: string): () => Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `attain-${prefix}-`));
  let db: Db | undefined;
  beforeAll(async () => {
    db = openDb(path.join(dir, "demo.db"));
    migrateDb(db);
    await seedDemo(db, { anchor: TEST_ANCHOR });
  }, 60_000);
  afterAll(() => {
    db?.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!db) throw new Error("the demo database opens before the tests run");
    return db;
  };
}
