import fs from "node:fs";
import path from "node:path";
import { migrateDb } from "@/db/migrate";
import { seedDemo } from "@/db/seed/demo";
import { openDb } from "@/server/db";
import { PostgresClient } from "@/server/postgres/client";
import { PG_TEMPLATE, TEMPLATE_DB, TEST_ANCHOR, TEST_POSTGRES_URL } from "./constants";

/**
 * Builds the migrated and seeded template database once per test run; each test file copies it.
 * It is built under a private name and renamed into place, so a test run starting while another
 * run rebuilds the template always copies a complete file, never a half-seeded one.
 */
export default async function setup(): Promise<void> {
  if (TEST_POSTGRES_URL) return setupPostgres(TEST_POSTGRES_URL);
  fs.mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true });
  const building = `${TEMPLATE_DB}.${process.pid}.building`;
  for (const f of [building, `${building}-wal`, `${building}-shm`]) fs.rmSync(f, { force: true });
  const db = openDb(building);
  try {
    migrateDb(db);
    // Without the demo's duty rotas: each on-call test builds the rota it is about.
    await seedDemo(db, { anchor: TEST_ANCHOR, dutyRotas: false });
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    db.$client.pragma("journal_mode = DELETE");
  } finally {
    db.$client.close();
  }
  for (const f of [`${building}-wal`, `${building}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(building, TEMPLATE_DB);
  for (const f of [`${TEMPLATE_DB}-wal`, `${TEMPLATE_DB}-shm`]) fs.rmSync(f, { force: true });
}

/** The same template on PostgreSQL: the database attain_template, built anew for each run. */
async function setupPostgres(base: string): Promise<void> {
  const admin = new PostgresClient(`${base}/postgres`);
  try {
    admin.queryPostgres(`DROP DATABASE IF EXISTS "${PG_TEMPLATE}" WITH (FORCE)`);
    admin.queryPostgres(`CREATE DATABASE "${PG_TEMPLATE}"`);
  } finally {
    admin.close();
  }
  const db = openDb(`${base}/${PG_TEMPLATE}`);
  try {
    migrateDb(db);
    await seedDemo(db, { anchor: TEST_ANCHOR, dutyRotas: false });
  } finally {
    db.$client.close();
  }
}
