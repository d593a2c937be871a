import fs from "node:fs";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { isPostgres, type Db } from "@/server/db";
import type { PostgresClient } from "@/server/postgres/client";
import { migratePostgres } from "@/server/postgres/migrate";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Applies every committed drizzle-kit migration not yet applied. */
export function migrateDb(db: Db): void {
  if (isPostgres(db)) return migratePostgres(db.$client as unknown as PostgresClient);
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/**
 * The committed migrations in order, each with the hash the migrator records for it in
 * `__drizzle_migrations` (read with the migrator's own reader, so the two always agree).
 */
export function committedMigrations(): { tag: string; hash: string }[] {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m, i) => ({
    tag: journal.entries[i]!.tag,
    hash: m.hash,
  }));
}
