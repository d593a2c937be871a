import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { committedMigrations } from "@/db/migrate";
import { migrationStateProblem } from "./migrations";
import { createPrivateFile, PRIVATE_DIR_MODE } from "./private-file";

/** `2026-11-21T05-12-03-123Z`: sortable, and valid in file names everywhere. */
export function backupStamp(now: Date): string {
  return now.toISOString().replace(/:/g, "-").replace(".", "-");
}

function integrity(sqlite: Database.Database): string {
  return (sqlite.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
}

/** Why a restore refused its file; the message is meant for the operator as it is. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreRefused";
  }
}

/**
 * Copies a live database with SQLite's online backup API: consistent as of one moment even
 * while the server keeps reading and writing (WAL content included), without stopping it.
 * The copy is created 0600 (a new backups folder 0700) and checked with `PRAGMA integrity_check`
 * before it is reported.
 */
export async function backupDatabase(source: string, dir: string, now: Date): Promise<{ file: string; bytes: number }> {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const file = path.join(dir, `${backupStamp(now)}.db`);
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  createPrivateFile(partial);
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
 * Refuses (RestoreRefused) a file that is not an Attain database at a known migration: not a
 * SQLite database, failing `integrity_check`, without the migrator's `__drizzle_migrations`
 * table, or with applied migrations that are not the first ones this version has committed.
 */
function assertRestorable(source: Database.Database, file: string): void {
  let check: string;
  try {
    check = integrity(source);
  } catch (e) {
    if ((e as { code?: string }).code === "SQLITE_NOTADB")
      throw new RestoreRefused(`${file} is not a SQLite database; nothing was changed.`);
    check = (e as Error).message;
  }
  if (check !== "ok") throw new RestoreRefused(`${file} failed its integrity check (${check}); nothing was changed.`);
  const hasMigrations = source
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!hasMigrations)
    throw new RestoreRefused(
      `${file} is not an Attain database (it has no __drizzle_migrations table); nothing was changed.`,
    );
  // The migrator's id column is declared SERIAL, which SQLite leaves null: order as it applied them.
  const applied = source.prepare("select hash from __drizzle_migrations order by created_at, rowid").all() as {
    hash: string;
  }[];
  const problem = migrationStateProblem(applied, committedMigrations());
  if (problem)
    throw new RestoreRefused(
      `${file} is not an Attain database at a known migration: ${problem}; nothing was changed.`,
    );
}

/**
 * Replaces the database at `target` with a backup, through the same online backup API in the
 * other direction, so connections that still have `target` open see the restored content rather
 * than a file swapped under them. The backup must be an intact Attain database at a known
 * migration, else nothing is touched. The current content is first saved beside the database
 * (`<target>.pre-restore-<time>.db`, 0600), on the same disk and under the same permissions as
 * the database itself.
 */
export async function restoreDatabase(backup: string, target: string, now: Date): Promise<{ saved: string | null }> {
  let source: Database.Database;
  try {
    source = new Database(backup, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new RestoreRefused(`${backup} cannot be opened (${(e as Error).message}); nothing was changed.`);
  }
  try {
    assertRestorable(source, backup);
    let saved: string | null = null;
    if (fs.existsSync(target)) {
      saved = `${target}.pre-restore-${backupStamp(now)}.db`;
      createPrivateFile(saved);
      const current = new Database(target, { fileMustExist: true });
      try {
        await current.backup(saved);
      } finally {
        current.close();
      }
    } else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      createPrivateFile(target);
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
