import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "@/db/schema";
import { env, isPostgresUrl } from "./env";
import { createPrivateFile } from "./ops/private-file";
import { PostgresClient } from "./postgres/client";
import { attachReplica } from "./postgres/replica";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens a SQLite file with the settings the whole product relies on: WAL so readers never block
 * the writer, foreign keys enforced, a busy timeout instead of SQLITE_BUSY under concurrent writes,
 * and synchronous=NORMAL, which under WAL loses no committed transaction on a process crash.
 * A new database file is created 0600 before SQLite writes to it (its -wal and -shm files take
 * the same mode): customers' data is readable by the server's user only.
 */
export function openDb(file: string): Db {
  if (isPostgresUrl(file)) {
    // The same Drizzle driver over a client that answers as better-sqlite3 does (decision 029);
    // its transactions take the shared write lock at BEGIN, as IMMEDIATE does below.
    const client = new PostgresClient(file);
    const db = drizzle(client as unknown as Database.Database, { schema }) as Db;
    const transaction = db.transaction.bind(db);
    db.transaction = ((fn, config) => transaction(fn, { behavior: "immediate", ...config })) as Db["transaction"];
    return db;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  createPrivateFile(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("cache_size = -65536");
  sqlite.pragma("temp_store = MEMORY");
  // Keep the planner's statistics fresh (cheaply, bounded by analysis_limit) so partial indexes win.
  sqlite.pragma("analysis_limit = 1000");
  sqlite.pragma("optimize = 0x10002");
  const db = drizzle(sqlite, { schema }) as Db;
  keepOneTimeStatements(db, sqlite);
  // Several server processes share the file (scripts/serve.mjs). A deferred transaction that reads
  // and then writes gets SQLITE_BUSY at once, without the busy wait, when another process committed
  // in between; IMMEDIATE takes the write lock at BEGIN, where the busy timeout applies.
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: "immediate", ...config })) as Db["transaction"];
  return db;
}

/** How many of the statements Drizzle builds for one call a SQLite handle keeps, by SQL text. */
const ONE_TIME_STATEMENTS = 500;

/**
 * Drizzle prepares every query built for one call (`db.select()...all()`) again: SQLite parses
 * and plans the same text on every request, about 0.9 ms of a ticket page's 30 (issue 25). The
 * handle keeps those statements by their SQL text (the least recently used dropped past 500), as
 * the PostgreSQL client does (decision 029). Only these (built queries, and `db.all(sql...)` and
 * its kin): a statement prepared on purpose (`.prepare()`, `perDatabase`, `$client.prepare`) stays
 * its holder's own, so nobody's pluck() or raw() mode changes under them. Drizzle sets raw()
 * itself where it reads arrays; a kept statement is handed out with it unset. Calls run one at a
 * time (the client is synchronous); none of ours iterates a one-call query, which would keep its
 * statement busy.
 */
function keepOneTimeStatements(db: Db, sqlite: Database.Database): void {
  const kept = new Map<string, Database.Statement>();
  const keeping = {
    prepare(text: string): Database.Statement {
      let statement = kept.get(text);
      if (statement) {
        kept.delete(text);
        if (statement.reader) statement.raw(false);
      } else {
        statement = sqlite.prepare(text);
        if (kept.size >= ONE_TIME_STATEMENTS) kept.delete(kept.keys().next().value!);
      }
      kept.set(text, statement);
      return statement;
    },
  };
  type Session = { client: unknown; prepareQuery: (...args: unknown[]) => unknown; prepareOneTimeQuery: unknown };
  const session = (db as unknown as { session: Session }).session;
  session.prepareOneTimeQuery = (...args: unknown[]) => {
    const own = session.client;
    session.client = keeping;
    try {
      return session.prepareQuery(...args);
    } finally {
      session.client = own;
    }
  };
}

/** Whether this handle is on PostgreSQL (the few statements that differ ask). */
export function isPostgres(db: Db): boolean {
  // A mark, not instanceof: the production build bundles this module into several chunks, each with
  // its own copy of the class, and the process-wide connection comes from whichever ran first.
  return (db.$client as unknown as Partial<PostgresClient>).engine === "postgresql";
}

/**
 * One value per database handle, built on first use: statements prepared once per database instead
 * of built and prepared by Drizzle on every call (about 0.25 ms each, issue 25), or what is held in
 * memory for one database (tests' private copies never share it).
 */
export function perDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const held = new WeakMap<Db, T>();
  return (db) => {
    let value = held.get(db);
    if (value === undefined) held.set(db, (value = build(db)));
    return value;
  };
}

const globalForDb = globalThis as unknown as { attainDb?: Db };

/** The process-wide connection to the database at DATABASE_URL (with its read replica, when one is set). */
export function getDb(): Db {
  if (!globalForDb.attainDb) {
    const db = openDb(env.databasePath);
    if (env.DATABASE_REPLICA_URL) attachReplica(db, env.DATABASE_REPLICA_URL, openDb);
    globalForDb.attainDb = db;
  }
  return globalForDb.attainDb;
}
