import { createHash, type Hash } from "node:crypto";
import type Database from "better-sqlite3";
import { PostgresClient } from "@/server/postgres/client";

/**
 * A digest of every row of every table (virtual tables are covered through their shadow tables),
 * so a test can prove that something "changed nothing": compare the digest before and after.
 * Rows are read in rowid order (or primary key order for WITHOUT ROWID tables), values
 * serialized with their type so 1 and "1" differ.
 */
export function databaseChecksum(sqlite: Database.Database): string {
  if (sqlite instanceof PostgresClient) return postgresChecksum(sqlite);
  const hash = createHash("sha256");
  const tables = sqlite
    .prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string; sql: string | null }[];
  for (const { name, sql } of tables) {
    if (sql && /^create virtual table/i.test(sql)) continue;
    const withoutRowid = sql ? /without\s+rowid\s*$/i.test(sql.trim()) : false;
    const quoted = `"${name.replace(/"/g, '""')}"`;
    hash.update(`\u0001${name}\u0001`);
    const stmt = sqlite.prepare(`select * from ${quoted}${withoutRowid ? "" : " order by rowid"}`).raw(true);
    for (const row of stmt.iterate() as Iterable<unknown[]>) hashRow(hash, row);
  }
  return hash.digest("hex");
}

/** The same digest on PostgreSQL (decision 029): every table of the schema, rows in the order of all their columns. */
function postgresChecksum(client: PostgresClient): string {
  const hash = createHash("sha256");
  const tables = client.queryPostgres(
    "SELECT c.relname, count(a.attnum) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped WHERE n.nspname = current_schema() AND c.relkind = 'r' GROUP BY c.relname ORDER BY c.relname",
  ).rows as [string, number][];
  for (const [name, columns] of tables) {
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(", ");
    hash.update(`\u0001${name}\u0001`);
    for (const row of client.queryPostgres(`SELECT * FROM "${name.replace(/"/g, '""')}" ORDER BY ${order}`).rows)
      hashRow(hash, row);
  }
  return hash.digest("hex");
}

/** One row into the digest, each value with its type, so 1 and "1" differ. */
function hashRow(hash: Hash, row: unknown[]): void {
  for (const v of row) {
    if (v === null) hash.update("\u0002n");
    else if (Buffer.isBuffer(v)) hash.update("\u0002b").update(v);
    else hash.update(`\u0002${typeof v}${String(v)}`);
  }
  hash.update("\u0003");
}
