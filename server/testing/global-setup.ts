import fs from "node:fs";
import path from "node:path";
import { migrateDb } from "@/db/migrate";
import { seedDemo } from "@/db/seed/demo";
import { openDb } from "@/server/db";
import { TEMPLATE_DB, TEST_ANCHOR } from "./constants";

/** Builds the migrated and seeded template database once per test run; each test file copies it. */
export default async function setup(): Promise<void> {
  fs.mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true });
  for (const f of [TEMPLATE_DB, `${TEMPLATE_DB}-wal`, `${TEMPLATE_DB}-shm`]) fs.rmSync(f, { force: true });
  const db = openDb(TEMPLATE_DB);
  migrateDb(db);
  await seedDemo(db, { anchor: TEST_ANCHOR });
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
}
