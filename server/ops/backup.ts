import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** `2026-11-21T05-12-03-123Z`: sortable, and valid in file names everywhere. */
export function backupStamp(now: Date): string {
  return now.toISOString().replace(/:/g, "-").replace(".", "-");
}

function integrity(sqlite: Database.Database): string {
  return (sqlite.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
}

/**
 * Copies a live database with SQLite's online backup API: consistent as of one moment even
 * while the server keeps reading and writing (WAL content included), without stopping it.
 * The copy is checked with `PRAGMA integrity_check` before it is reported.
 */
export async function backupDatabase(source: string, dir: string, now: Date): Promise<{ file: string; bytes: number }> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${backupStamp(now)}.db`);
  const partial = `${file}.partial`;
  const sqlite = new Database(source, { fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 5000");
    await sqlite.backup(partial);
  } finally {
    sqlite.close();
  }
  const copy = new Database(partial, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    const check = integrity(copy);
    if (check !== "ok") throw new Error(`the backup failed its integrity check: ${check}`);
  } finally {
    copy.close();
  }
  fs.renameSync(partial, file);
  return { file, bytes: fs.statSync(file).size };
}

/**
 * Replaces the database at `target` with a backup, through the same online backup API in the
 * other direction, so connections that still have `target` open see the restored content rather
 * than a file swapped under them. The backup must pass `integrity_check` and look like an Attain
 * database; the current content is first saved beside the backups (`pre-restore-<time>.db`).
 */
export async function restoreDatabase(
  backup: string,
  target: string,
  dir: string,
  now: Date,
): Promise<{ saved: string | null }> {
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    const check = integrity(source);
    if (check !== "ok") throw new Error(`${backup} failed its integrity check: ${check}`);
    const tables = new Set(
      (source.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    for (const t of ["users", "organizations", "tickets"])
      if (!tables.has(t)) throw new Error(`${backup} is not an Attain database (no ${t} table)`);
    let saved: string | null = null;
    if (fs.existsSync(target)) {
      fs.mkdirSync(dir, { recursive: true });
      saved = path.join(dir, `pre-restore-${backupStamp(now)}.db`);
      const current = new Database(target, { fileMustExist: true });
      try {
        await current.backup(saved);
      } finally {
        current.close();
      }
    }
    await source.backup(target);
    const restored = new Database(target, { fileMustExist: true });
    try {
      restored.pragma("journal_mode = WAL");
      const after = integrity(restored);
      if (after !== "ok") throw new Error(`the restored database failed its integrity check: ${after}`);
    } finally {
      restored.close();
    }
    return { saved };
  } finally {
    source.close();
  }
}
