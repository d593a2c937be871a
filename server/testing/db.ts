import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import { afterAll } from "vitest";
import { outbox, users } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { sessionUserOf, type SessionUser } from "@/server/auth/session";
import { isPostgres, openDb, type Db } from "@/server/db";
import { PostgresClient } from "@/server/postgres/client";
import { PG_TEMPLATE, TEMPLATE_DB, TEST_ANCHOR, TEST_POSTGRES_URL } from "./constants";

/** The private copies made by the current test file, deleted with their WAL files after its tests. */
const copies = new Set<string>();
// This module is evaluated once per test file (vitest isolates files), so this hook is the file's.
// Deleting is safe even before the file's own afterAll has closed a connection (POSIX unlink).
afterAll(() => {
  for (const file of copies) {
    if (TEST_POSTGRES_URL) postgresAdmin().queryPostgres(`DROP DATABASE IF EXISTS "${file}" WITH (FORCE)`);
    else for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
  copies.clear();
});

let admin: PostgresClient | undefined;
/** A connection to the PostgreSQL server's maintenance database, to create and drop test databases. */
export function postgresAdmin(): PostgresClient {
  admin ??= new PostgresClient(`${TEST_POSTGRES_URL}/postgres`);
  return admin;
}

/** A private copy of the seeded template database, deleted after the test file that made it. */
export function createTestDb(): Db {
  if (TEST_POSTGRES_URL) {
    const name = `attain_test_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
    postgresAdmin().queryPostgres(`CREATE DATABASE "${name}" TEMPLATE "${PG_TEMPLATE}"`);
    copies.add(name);
    return openDb(`${TEST_POSTGRES_URL}/${name}`);
  }
  const file = path.join(
    os.tmpdir(),
    `attain-test-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`,
  );
  fs.copyFileSync(TEMPLATE_DB, file);
  copies.add(file);
  return openDb(file);
}

/** The PostgreSQL client under a test database, for the statements a test writes per dialect. */
export function pg(db: Db): PostgresClient {
  if (!isPostgres(db)) throw new Error("not a PostgreSQL database");
  return db.$client as unknown as PostgresClient;
}

/** The session user for a demo account, as a signed-in session carries it (server/auth/sessions.ts). */
export function sessionFor(db: Db, email: string): SessionUser {
  const u = db.select().from(users).where(eq(users.email, email)).get();
  if (!u) throw new Error(`no demo user ${email}`);
  return sessionUserOf(u);
}

/** A tRPC caller acting as a demo account (or anonymous), at the demo's fixed "now". */
export function callerAs(db: Db, email: string | null, now: Date = TEST_ANCHOR) {
  return createCaller(createContext({ db, user: email ? sessionFor(db, email) : null, now: () => now }));
}

/** A tRPC caller acting as a given session user (e.g. one made by ./factories), or anonymous. */
export function callerFor(db: Db, user: SessionUser | null, now: Date = TEST_ANCHOR) {
  return createCaller(createContext({ db, user, now: () => now }));
}

/** The token of the newest link to `path` ("/invite/") mailed to `email` (read from the outbox). */
export function mailedToken(db: Db, email: string, path: string): string {
  const mail = db.select({ body: outbox.body }).from(outbox).where(eq(outbox.to, email)).orderBy(desc(outbox.id)).get();
  const token = new RegExp(`${path}([A-Za-z0-9_-]+)`).exec(mail?.body ?? "")?.[1];
  if (!token) throw new Error(`no mail to ${email} with a link to ${path}`);
  return token;
}

/** The token of the newest invitation link mailed to `email` (read from the outbox). */
export function invitationToken(db: Db, email: string): string {
  return mailedToken(db, email, "/invite/");
}
