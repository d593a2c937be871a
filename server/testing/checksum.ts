import { createHash } from "node:crypto";
import type Database from "better-sqlite3";

/**
 * A digest of every row of every table (virtual tables are covered through their shadow tables),
 * so a test can prove that something "changed nothing": compare the digest before and after.
 * Rows are read in rowid order (or primary key order for WITHOUT ROWID tables), values
 * serialized with their type so 1 and "1" differ.
 */
export function databaseChecksum(sqlite: Database.Database): string {
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
    for (const row of stmt.iterate() as Iterable<unknown[]>) {
      for (const v of row) {
        if (v === null) hash.update("\u0002n");
        else if (Buffer.isBuffer(v)) hash.update("\u0002b").update(v);
        else hash.update(`\u0002${typeof v}${String(v)}`);
      }
      hash.update("\u0003");
    }
  }
  return hash.digest("hex");
}
