/**
 * npm run db:copy -- --from data/attain.db --to postgres://…: moves a portal from its SQLite file to
 * PostgreSQL (decision 029). The target is migrated, then every table is copied row for row in one
 * transaction (server/postgres/copy.ts); it must be empty, and the role needs superuser rights
 * (foreign keys are checked by the source, not row by row). Stop the portal first, so the file does
 * not change during the copy; then start it with DATABASE_URL set to the target.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { migrateDb } from "@/db/migrate";
import { isPostgres, openDb } from "@/server/db";
import { isPostgresUrl } from "@/server/env";
import type { PostgresClient } from "@/server/postgres/client";
import { copySqliteToPostgres } from "@/server/postgres/copy";

function main() {
  const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
  const from = values.from?.replace(/^file:/, "");
  const to = values.to;
  if (!from || !to) throw new Error("Usage: npm run db:copy -- --from data/attain.db --to postgres://user@host/db");
  if (isPostgresUrl(from) || !fs.existsSync(from)) throw new Error(`--from must be an existing SQLite file: ${from}`);
  if (!isPostgresUrl(to)) throw new Error(`--to must be a PostgreSQL URL (postgres://…): ${to}`);
  // The source at the latest migration first, so both schemas are the same.
  const source = openDb(from);
  migrateDb(source);
  source.$client.close();
  const target = openDb(to);
  if (!isPostgres(target)) throw new Error("--to did not open a PostgreSQL database");
  migrateDb(target);
  const client = target.$client as unknown as PostgresClient;
  const started = Date.now();
  try {
    const done = copySqliteToPostgres(from, client, (t) =>
      console.log(`  ${t.table}: ${t.rows.toLocaleString("en-US")} rows in ${t.seconds.toFixed(1)} s`),
    );
    console.log(
      `Copied ${done.tables} tables, ${done.rows.toLocaleString("en-US")} rows in ${((Date.now() - started) / 1000).toFixed(1)} s. Attachments stay where ATTACHMENTS_DIR points; set it for the new servers too.`,
    );
  } finally {
    client.close();
  }
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
