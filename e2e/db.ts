import path from "node:path";
import Database from "better-sqlite3";
import { isPostgresUrl } from "../server/env";
import { PostgresClient } from "../server/postgres/client";

/**
 * The demo server's database as playwright.config.ts gives it: a SQLite file, or a PostgreSQL URL
 * when the suite runs on PostgreSQL (npm test runs it on both; decision 029).
 */
export const E2E_DB = process.env.E2E_DB ?? "data/e2e.db";

/** The few calls specs make, which better-sqlite3 and the PostgreSQL client share (SQL as SQLite writes it). */
export interface SpecDatabase {
  prepare(sql: string): {
    get(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
    run(...params: unknown[]): unknown;
  };
  close(): unknown;
}

/** A connection to a server's database, on either engine; the caller closes it. */
export function openDatabase(url: string = E2E_DB): SpecDatabase {
  return isPostgresUrl(url) ? new PostgresClient(url) : new Database(path.resolve(url), { fileMustExist: true });
}
