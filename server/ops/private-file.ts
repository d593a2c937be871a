import fs from "node:fs";

/** Owner read and write only: the database, its WAL and shared-memory files, backups. */
export const PRIVATE_FILE_MODE = 0o600;
/** Owner only, for folders that hold nothing but private files (data/backups). */
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Creates `file` empty with mode 0600 unless it already exists, so that what is written to it
 * afterwards is never readable by others, not even for a moment. SQLite opens an empty file as a
 * new database and gives its -wal, -shm and -journal files the database file's mode. An existing
 * file keeps the mode it has. Returns whether the file was created.
 */
export function createPrivateFile(file: string): boolean {
  try {
    // "wx" fails if the file exists; the mode applies only to a file this call creates.
    fs.closeSync(fs.openSync(file, "wx", PRIVATE_FILE_MODE));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}
