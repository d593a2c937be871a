import type { Statement } from "better-sqlite3";
import { isPostgres, type Db } from "@/server/db";
import { onReplica } from "@/server/postgres/replica";
import { deepFreeze } from "./frozen";

/** Entries kept per database handle; the least recently used goes first. */
export const READ_CACHE_SIZE = 200;

type Store = { version: string; entries: Map<string, unknown> };
type Client = Db["$client"];

/**
 * The prepared `PRAGMA data_version` and `total_changes()` statements per SQLite connection
 * (preparing costs more than running them; `pragma()` prepares its statement on every call).
 */
const versionStatements = new WeakMap<Client, { data: Statement<[], number>; changes: Statement<[], number> }>();

/** One store per database handle, so separate handles (tests' private copies) never share results. */
const stores = new WeakMap<object, Store>();

/**
 * A token that changes whenever any write has been committed to the database since it was last
 * read: `PRAGMA data_version` changes when another connection (another process: a seed, a
 * recompute script) commits, `total_changes()` when this connection changes rows (every write the
 * app makes goes through its one connection). Null inside a transaction: what a read sees there
 * may yet be rolled back, and total_changes() does not go back down on a rollback.
 */
export function dataVersion(db: Db): string | null {
  const client = db.$client;
  if (client.inTransaction) return null;
  // PostgreSQL's version row moves with every commit, this connection's included (decision 029).
  if (isPostgres(db)) return String(client.pragma("data_version", { simple: true }));
  let statements = versionStatements.get(client);
  if (!statements) {
    statements = {
      data: client.prepare<[], number>("PRAGMA data_version").pluck(),
      changes: client.prepare<[], number>("SELECT total_changes()").pluck(),
    };
    versionStatements.set(client, statements);
  }
  return `${statements.data.get()}:${statements.changes.get()}`;
}

/**
 * Memoizes a pure read: returns what `compute()` returns, computing it only when no result is held
 * for (procedure, input) at the database's current data version. Every committed write changes
 * the version and drops all held results, so a result is always the one `compute()` would return
 * now. `input` must name everything the result depends on besides the database (filters, user,
 * the instant it is read at, to whatever granularity the result's definition allows) and be
 * JSON-serializable. Each caller gets its own deep copy (copyHeld), so no caller can alter a held result;
 * with `readOnly` a caller that only reads the result (deriving its answer from it) gets the held
 * result itself, frozen (deepFreeze), so a write to its objects or arrays throws instead of
 * altering what the next caller reads (the queue's page: 190 KB less garbage a view, issue 25).
 * Its Maps, Sets and Dates cannot be frozen against their own methods: a readOnly caller never
 * calls their setters. Frozen inside a transaction too, so a caller behaves the same there.
 * `compute` reads from the database it is handed: the primary, or with `replica` (the dashboards'
 * heavy reads) a read replica that has replayed exactly this version.
 */
export function cachedRead<T>(
  db: Db,
  procedure: string,
  input: unknown,
  compute: (from: Db) => T,
  options: { replica?: boolean; readOnly?: boolean } = {},
): T {
  const version = dataVersion(db);
  if (version === null) {
    const value = compute(db);
    return options.readOnly ? deepFreeze(value) : value;
  }
  let store = stores.get(db);
  if (!store || store.version !== version) {
    store = { version, entries: new Map() };
    stores.set(db, store);
  }
  const key = `${procedure}\u0000${JSON.stringify(input) ?? ""}`;
  if (store.entries.has(key)) {
    const held = store.entries.get(key) as T;
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    store.entries.delete(key);
    store.entries.set(key, held);
    return options.readOnly ? held : copyHeld(held);
  }
  // A heavy read may be answered by the read replica, when it is exactly at this version (decision 030).
  const value = options.replica ? onReplica(db, version, compute) : compute(db);
  store.entries.set(key, options.readOnly ? deepFreeze(value) : copyHeld(value));
  if (store.entries.size > READ_CACHE_SIZE) store.entries.delete(store.entries.keys().next().value!);
  return value;
}

/**
 * A deep copy of a held result. Results are data read from the database: plain objects, arrays,
 * Dates, Maps and Sets, without cycles; those are copied here, about three times faster than
 * structuredClone (the queue's page: 123 -> 37 µs), anything else by structuredClone. Unlike
 * structuredClone, an object a result names twice is copied twice, and a cycle would not end.
 */
export function copyHeld<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyHeld(value[i]);
    return out as T;
  }
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, copyHeld(v)])) as T;
  if (value instanceof Set) return new Set([...value].map(copyHeld)) as T;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // Own keys only: a plain object's prototype (Object.prototype or none) has no enumerable ones.
  for (const k in source) {
    // A JSON column's own "__proto__" key stays a key, as structuredClone keeps it.
    if (k === "__proto__")
      Object.defineProperty(out, k, {
        value: copyHeld(source[k]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[k] = copyHeld(source[k]);
  }
  return out as T;
}

/** `now` truncated to the start of its UTC minute: the granularity of "as of now" figures that allow it. */
export function minuteOf(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}
