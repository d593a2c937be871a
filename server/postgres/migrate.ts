import path from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { PostgresClient } from "./client";

export const PG_MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "postgres", "migrations");

/**
 * Applies the committed PostgreSQL migrations not yet applied, in one transaction under the write
 * lock, recording them where Drizzle's own PostgreSQL migrator does (drizzle.__drizzle_migrations),
 * so `drizzle-kit migrate` and this agree. Then every table gets the triggers of
 * 0001_sqlite_compat.sql: ids for rows inserted without one, and the data version.
 */
export function migratePostgres(client: PostgresClient): void {
  const migrations = readMigrationFiles({ migrationsFolder: PG_MIGRATIONS_FOLDER });
  client
    .transaction(() => {
      client.execPostgres(
        'CREATE SCHEMA IF NOT EXISTS drizzle; CREATE TABLE IF NOT EXISTS drizzle."__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)',
      );
      const last = client.queryPostgres(
        'SELECT created_at FROM drizzle."__drizzle_migrations" ORDER BY created_at DESC LIMIT 1',
      ).rows[0]?.[0] as number | undefined;
      for (const m of migrations) {
        if (last !== undefined && last >= m.folderMillis) continue;
        for (const statement of m.sql) if (statement.trim()) client.execPostgres(statement);
        client.queryPostgres('INSERT INTO drizzle."__drizzle_migrations" (hash, created_at) VALUES ($1, $2)', [
          m.hash,
          String(m.folderMillis),
        ]);
      }
      client.execPostgres("SELECT attain_add_triggers()");
    })
    .immediate();
}
