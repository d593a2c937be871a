import Database from "better-sqlite3";
import type { PostgresClient } from "./client";

/**
 * Copies a SQLite database of Attain into an empty, migrated PostgreSQL database (decision 029):
 * every table the two schemas share, row for row, through COPY. It is how the scale dataset reaches
 * PostgreSQL (the same rows the SQLite bench reads, generated once), and how a vendor moves a
 * running portal from its SQLite file to a PostgreSQL server.
 *
 * One transaction: either every table is copied or nothing is. Triggers (foreign keys and the
 * version row) are off while rows go in (`session_replication_role = replica`, which needs a
 * superuser): the rows come from a database whose keys already hold. Afterwards each identity
 * sequence continues after the highest id, the version row moves once, and the planner's
 * statistics are gathered.
 */
export type CopyProgress = { table: string; rows: number; seconds: number };

type Column = { name: string; type: string };

/** One value in COPY's text format for a column of PostgreSQL `type`. */
export function copyField(value: unknown, type: string): string {
  if (value === null || value === undefined) return "\\N";
  if (type === "bytea") {
    const bytes = Buffer.isBuffer(value) ? value : Buffer.from(String(value), "utf8");
    return `\\\\x${bytes.toString("hex")}`;
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number")
    return type === "bigint" && !Number.isInteger(value) ? String(Math.round(value)) : String(value);
  const text = Buffer.isBuffer(value) ? value.toString("utf8") : String(value);
  return text.replace(/[\\\n\r\t]/g, (c) => (c === "\\" ? "\\\\" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\t"));
}

function* copyLines(rows: Iterable<unknown[]>, columns: Column[]): Iterable<string> {
  for (const row of rows) {
    let line = "";
    for (let i = 0; i < columns.length; i++) line += (i ? "\t" : "") + copyField(row[i], columns[i]!.type);
    yield `${line}\n`;
  }
}

export function copySqliteToPostgres(
  file: string,
  pg: PostgresClient,
  onTable: (p: CopyProgress) => void = () => {},
): { tables: number; rows: number } {
  const people = Number(pg.queryPostgres(`SELECT count(*) FROM users`).rows[0]![0]);
  if (people > 0) throw new Error("The PostgreSQL database already has people in it; copy only into an empty one.");
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const target = new Map<string, Column[]>();
    for (const [table, name, type] of pg.queryPostgres(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = current_schema() AND is_generated = 'NEVER' AND table_name <> 'attain_data_version'
       ORDER BY table_name, ordinal_position`,
    ).rows as [string, string, string][])
      target.set(table, [...(target.get(table) ?? []), { name, type }]);
    const source = new Set(
      (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]).filter(
        (n) => !n.startsWith("sqlite_"),
      ),
    );
    let rows = 0;
    let tables = 0;
    pg.execPostgres("BEGIN; SET LOCAL session_replication_role = replica");
    try {
      for (const [table, columns] of target) {
        if (!source.has(table)) continue;
        const present = new Set(
          (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).concat("rowid"),
        );
        const shared = columns.filter((c) => present.has(c.name));
        const started = Date.now();
        const read = sqlite.prepare(`SELECT ${shared.map((c) => `"${c.name}"`).join(", ")} FROM "${table}"`).raw();
        const n = pg.copyIn(
          table,
          shared.map((c) => c.name),
          copyLines(read.iterate() as Iterable<unknown[]>, shared),
        );
        rows += n;
        tables++;
        onTable({ table, rows: n, seconds: (Date.now() - started) / 1000 });
      }
      pg.execPostgres("SET LOCAL session_replication_role = origin");
      // Identity columns continue after the copied ids, as SQLite's rowids do.
      for (const [table, columns] of target) {
        if (!columns.some((c) => c.name === "id")) continue;
        const seq = pg.queryPostgres(`SELECT pg_get_serial_sequence($1, 'id')`, [`"${table}"`]).rows[0]![0];
        if (typeof seq === "string")
          pg.queryPostgres(`SELECT setval($1, coalesce((SELECT max(id) FROM "${table}"), 0) + 1, false)`, [seq]);
      }
      // Any statement moves the version row (its trigger fires per statement), so caches start afresh.
      pg.execPostgres(`DELETE FROM settings WHERE false`);
      pg.execPostgres("COMMIT");
    } catch (e) {
      pg.execPostgres("ROLLBACK");
      throw e;
    }
    pg.execPostgres("VACUUM (ANALYZE)");
    return { tables, rows };
  } finally {
    sqlite.close();
  }
}
