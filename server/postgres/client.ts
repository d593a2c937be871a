import { createRequire } from "node:module";
import path from "node:path";
import { toPostgres } from "./translate";

/**
 * A PostgreSQL connection that answers as a better-sqlite3 `Database` does (decision 029): the same
 * synchronous `prepare().run/get/all/iterate`, `raw()` and `pluck()`, `exec`, `transaction` and the
 * pragmas the product reads, over libpq's synchronous calls. Drizzle's better-sqlite3 driver and our
 * raw statements run on it unchanged; each statement is translated once (translate.ts) and
 * prepared once per connection.
 *
 * Writers are serialized as on SQLite, across every process that shares the database: a write
 * transaction holds one advisory lock from its first write (from BEGIN for IMMEDIATE) to its end,
 * and a write outside a transaction runs in one of its own. Every committed write, by any client,
 * moves the row in `attain_data_version` (a trigger on every table), which `pragma("data_version")`
 * reads: the read cache of every server sees another server's write on its next read (decision 013).
 */

/** The libpq binding's calls this client uses (the package ships no types). */
type Libpq = {
  connectSync(url: string): void;
  errorMessage(): string;
  exec(text: string): void;
  execParams(text: string, params: (string | null)[]): void;
  prepare(name: string, text: string, nParams: number): void;
  execPrepared(name: string, params: (string | null)[]): void;
  resultStatus(): string;
  resultErrorMessage(): string;
  resultErrorFields(): { sqlState?: string; messagePrimary?: string; detail?: string } | undefined;
  ntuples(): number;
  nfields(): number;
  fname(i: number): string;
  ftype(i: number): number;
  getvalue(row: number, col: number): string;
  getisnull(row: number, col: number): boolean;
  cmdTuples(): string;
  clear(): void;
  finish(): void;
  transactionStatus(): number;
  putCopyData(chunk: Buffer): number;
  putCopyEnd(errorMessage?: string): number;
  getResult(): boolean;
};

/** The advisory lock that every writer holds, as SQLite's one write lock. */
const WRITE_LOCK = 7_428_371;

/** Statements that change the database (or may: a WITH that ends in one). */
function isWrite(sql: string): boolean {
  const head = sql.trimStart().slice(0, 12).toLowerCase();
  if (/^(insert|update|delete|replace|create|drop|alter)\b/.test(head)) return true;
  if (head.startsWith("with")) return /\b(insert|update|delete)\b/i.test(sql);
  return false;
}

export class PostgresError extends Error {
  /** SQLite's code for the same failure where the product checks one, else `PG_<sqlstate>`. */
  code: string;
  sqlState: string;
  /** The statement as PostgreSQL received it. */
  statement?: string;
  constructor(message: string, sqlState: string) {
    super(message);
    this.name = "PostgresError";
    this.sqlState = sqlState;
    this.code =
      {
        "23505": "SQLITE_CONSTRAINT_UNIQUE",
        "23503": "SQLITE_CONSTRAINT_FOREIGNKEY",
        "23502": "SQLITE_CONSTRAINT_NOTNULL",
        "23514": "SQLITE_CONSTRAINT_CHECK",
        "55P03": "SQLITE_BUSY",
      }[sqlState] ?? `PG_${sqlState}`;
  }
}

type Value = string | number | bigint | boolean | null | undefined | Buffer | Uint8Array;
type Result = { names: string[]; rows: unknown[][]; changes: number };

/** Column values as better-sqlite3 returns them: numbers for numbers, Buffers for blobs, 1/0 for booleans. */
function parse(oid: number, text: string): unknown {
  switch (oid) {
    case 20: // int8
    case 21: // int2
    case 23: // int4
    case 26: // oid
    case 700: // float4
    case 701: // float8
    case 1700: // numeric
      return Number(text);
    case 16: // bool
      return text === "t" ? 1 : 0;
    case 17: // bytea, hex format
      return Buffer.from(text.slice(2), "hex");
    default:
      return text;
  }
}

function param(v: Value): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "1" : "0";
  return `\\x${Buffer.from(v).toString("hex")}`;
}

/** The parameter's type for a statement PostgreSQL cannot type by itself (`? IS NULL`, a function's argument). */
function castOf(v: Value): string {
  if (typeof v === "string") return "text";
  if (typeof v === "number") return Number.isInteger(v) ? "bigint" : "double precision";
  if (typeof v === "bigint" || typeof v === "boolean") return "bigint";
  if (v === null || v === undefined) return "";
  return "bytea";
}

const libpqClass = (() => {
  let cls: (new () => Libpq) | undefined;
  return () => {
    if (!cls) {
      try {
        // A native addon, loaded at run time only when PostgreSQL is chosen, from the project's
        // node_modules (resolved from the working directory, the project root for every entry point,
        // the Playwright runner's CommonJS included).
        cls = createRequire(path.join(process.cwd(), "package.json"))("libpq") as new () => Libpq;
      } catch (e) {
        throw new Error(
          `PostgreSQL needs the libpq addon (npm rebuild libpq, after apt-get install libpq-dev): ${(e as Error).message}`,
        );
      }
    }
    return cls;
  };
})();

/**
 * Connections finished and still held for a moment (finishConnection). libpq's addon closes its
 * socket's poll handle asynchronously (uv_close) but lets the collector free the connection, handle
 * included, at once: a collection before libuv's closing phase left libuv a freed handle, and the
 * process aborted (SIGABRT, assertion in `uv__finish_close`; seen once in CI, in a Playwright worker
 * that opens and closes connections for its checks). Held until a later turn of the event loop, the
 * handle's memory outlives its closing.
 */
const finishing = new Set<Libpq>();

function finishConnection(pq: Libpq): void {
  pq.finish();
  finishing.add(pq);
  setTimeout(() => finishing.delete(pq), 100).unref();
}

type Prepared = {
  name: string;
  /** The statement as PostgreSQL runs it. */
  text: string;
  params: number;
  write: boolean;
  /** Run with each value cast to its JavaScript type's column type, unprepared (see prepareOnServer). */
  typed: boolean;
  /** Prepared on this connection's server session. */
  ready: boolean;
};

export class PostgresClient {
  /** The connection URL, as better-sqlite3's `name` is the file (child processes of tests open it again). */
  readonly name: string;
  /** What isPostgres() checks (server/db.ts). */
  readonly engine = "postgresql";
  readonly open = true;
  readonly memory = false;
  readonly readonly = false;
  private pq: Libpq;
  private prepared = new Map<string, Prepared>();
  private depth = 0;
  private locked = false;

  constructor(url: string) {
    this.name = url;
    this.pq = PostgresClient.connect(url);
  }

  private static connect(url: string): Libpq {
    const Pq = libpqClass();
    const pq = new Pq();
    try {
      pq.connectSync(url);
    } catch (e) {
      const shown = url.replace(/\/\/[^@/]*@/, "//");
      throw new Error(`Could not connect to PostgreSQL at ${shown}: ${(e as Error).message}`);
    }
    // lock_timeout: a writer waits for the write lock as long as SQLite's busy_timeout (5 s), then fails
    // as SQLITE_BUSY does, rather than waiting for ever (two connections of one process included).
    // Reads are planned for their values: a generic plan is costed for an average value and is far off
    // for skewed ones (the key account's open tickets: 72 ms generic, 1 ms custom at 1,000,000
    // tickets). Write transactions relax this from their first write (takeWriteLock).
    pq.exec("SET plan_cache_mode = force_custom_plan; SET client_min_messages = warning; SET lock_timeout = '5s'");
    const status = pq.resultStatus();
    pq.clear();
    if (status !== "PGRES_COMMAND_OK") throw new Error(`PostgreSQL refused the session settings: ${pq.errorMessage()}`);
    return pq;
  }

  /**
   * After the server went away (a restart, or a failover that moved the primary: decision 029), the
   * next statement outside a transaction connects again to the same URL, which a failover tool keeps
   * pointing at the primary; the statement that met the broken connection failed, as it would have
   * on any driver. Inside a transaction nothing is retried: the server has rolled it back.
   */
  private ensureConnected(): void {
    if (this.depth > 0 || this.pq.transactionStatus() !== 4 /* PQTRANS_UNKNOWN: the connection is broken */) return;
    const fresh = PostgresClient.connect(this.name);
    try {
      finishConnection(this.pq);
    } catch {
      // already gone
    }
    this.pq = fresh;
    for (const p of this.prepared.values()) p.ready = false;
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  private check(): void {
    const status = this.pq.resultStatus();
    if (status === "PGRES_FATAL_ERROR" || status === "PGRES_BAD_RESPONSE" || status === "PGRES_NONFATAL_ERROR") {
      const fields = this.pq.resultErrorFields();
      const message = (fields?.messagePrimary ?? this.pq.resultErrorMessage()) || this.pq.errorMessage();
      throw new PostgresError(message + (fields?.detail ? ` (${fields.detail})` : ""), fields?.sqlState ?? "XX000");
    }
  }

  private read(): Result {
    const pq = this.pq;
    const n = pq.nfields();
    const names: string[] = [];
    const types: number[] = [];
    for (let c = 0; c < n; c++) {
      names.push(pq.fname(c));
      types.push(pq.ftype(c));
    }
    const rows: unknown[][] = [];
    const count = pq.ntuples();
    for (let r = 0; r < count; r++) {
      const row: unknown[] = new Array(n);
      for (let c = 0; c < n; c++) row[c] = pq.getisnull(r, c) ? null : parse(types[c]!, pq.getvalue(r, c));
      rows.push(row);
    }
    const changes = Number(pq.cmdTuples() || 0);
    pq.clear();
    return { names, rows, changes };
  }

  /** Runs one statement without parameters (transaction control, the lock, the version). */
  private simple(text: string): void {
    this.pq.exec(text);
    try {
      this.check();
    } finally {
      this.pq.clear();
    }
  }

  private takeWriteLock(): void {
    if (this.locked) return;
    // From the first write on, the transaction may reuse generic plans (see connect): its statements
    // address rows by key (the ticket, its organization, its targets), where a generic plan is as
    // good as a custom one and saves planning each statement again (filing 7.1 -> 4.8 ms at p50).
    this.simple(`SELECT pg_advisory_xact_lock(${WRITE_LOCK}); SET LOCAL plan_cache_mode = auto`);
    this.locked = true;
  }

  /** The statement translated (once per connection) and whether it writes; prepared on its first run. */
  private statementFor(sql: string): Prepared {
    let p = this.prepared.get(sql);
    if (!p) {
      const t = toPostgres(sql);
      p = {
        name: `s${this.prepared.size}`,
        text: t.sql,
        params: t.params,
        write: isWrite(sql),
        typed: false,
        ready: false,
      };
      this.prepared.set(sql, p);
    }
    return p;
  }

  /** Prepares a statement on the server; one PostgreSQL cannot type by itself runs with typed values instead. */
  private prepareOnServer(p: Prepared): void {
    // A failed statement ends a transaction in PostgreSQL: try the preparation inside a savepoint.
    if (this.depth > 0) this.simple("SAVEPOINT attain_prepare");
    this.pq.prepare(p.name, p.text, p.params);
    try {
      this.check();
      this.pq.clear();
    } catch (e) {
      this.pq.clear();
      if (this.depth > 0) this.simple("ROLLBACK TO SAVEPOINT attain_prepare");
      (e as PostgresError).statement = p.text;
      // 42P18: a parameter PostgreSQL cannot type; 42883/42725: no function for untyped arguments.
      if (!["42P18", "42883", "42725"].includes((e as PostgresError).sqlState)) throw e;
      p.typed = true;
    } finally {
      if (this.depth > 0) this.simple("RELEASE SAVEPOINT attain_prepare");
    }
    p.ready = true;
  }

  /** Runs a translated statement; writes outside a transaction get one of their own. */
  query(sql: string, values: Value[]): Result {
    this.ensureConnected();
    const p = this.statementFor(sql);
    if (p.write && this.depth === 0) return this.transaction(() => this.query(sql, values)).immediate();
    if (p.write) this.takeWriteLock();
    if (!p.ready) this.prepareOnServer(p);
    if (values.length !== p.params)
      throw new RangeError(`Too ${values.length > p.params ? "many" : "few"} parameter values were provided`);
    const strings = values.map(param);
    if (p.typed) {
      let k = 0;
      const typedSql = p.text.replace(/\$(\d+)\b/g, (m) => {
        const cast = castOf(values[k++]);
        return cast ? `${m}::${cast}` : m;
      });
      this.pq.execParams(typedSql, strings);
    } else this.pq.execPrepared(p.name, strings);
    try {
      this.check();
    } catch (e) {
      this.pq.clear();
      (e as PostgresError).statement = p.text;
      throw e;
    }
    return this.read();
  }

  /** PostgreSQL's own SQL, untranslated and unprepared (migrations, tests, the few per-dialect statements). */
  queryPostgres(text: string, values: (string | null)[] = []): Result {
    this.ensureConnected();
    if (this.depth > 0 && isWrite(text)) {
      this.takeWriteLock();
    }
    this.pq.execParams(text, values);
    try {
      this.check();
    } catch (e) {
      this.pq.clear();
      throw e;
    }
    return this.read();
  }

  /** The last id a sequence gave out on this connection; 0 before any (an error would end a transaction). */
  lastInsertRowid(): number {
    if (this.depth > 0) this.simple("SAVEPOINT attain_lastval");
    try {
      return Number(this.queryPostgres("SELECT lastval()").rows[0]![0]);
    } catch {
      if (this.depth > 0) this.simple("ROLLBACK TO SAVEPOINT attain_lastval");
      return 0;
    } finally {
      if (this.depth > 0) this.simple("RELEASE SAVEPOINT attain_lastval");
    }
  }

  /** Several statements of PostgreSQL's own SQL, without parameters. */
  execPostgres(text: string): void {
    if (this.depth > 0) {
      this.takeWriteLock();
    }
    this.simple(text);
  }

  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): PostgresStatement<P, R> {
    return new PostgresStatement<P, R>(this, sql);
  }

  /** Several statements without parameters, as SQLite's exec. */
  exec(sql: string): this {
    // Transaction control by hand (tests do this): kept in step with transaction()'s own.
    const control = sql.trim().replace(/;$/, "").toLowerCase();
    if (/^begin( (deferred|immediate|exclusive))?( transaction)?$/.test(control)) {
      if (this.depth > 0) throw new PostgresError("cannot start a transaction within a transaction", "25001");
      this.begin(!control.includes("deferred") && control !== "begin" && control !== "begin transaction");
      return this;
    }
    if (/^(commit|end)( transaction)?$/.test(control)) {
      this.commit();
      return this;
    }
    if (/^rollback( transaction)?$/.test(control)) {
      this.rollback();
      return this;
    }
    const { sql: text } = toPostgres(sql);
    if (this.depth === 0 && isWrite(sql)) {
      this.transaction(() => {
        this.simple(text);
      }).immediate();
    } else {
      if (this.depth > 0 && isWrite(sql)) {
        this.takeWriteLock();
      }
      this.simple(text);
    }
    return this;
  }

  /**
   * better-sqlite3's transaction(): the function runs inside BEGIN/COMMIT (a savepoint when
   * nested) and is rolled back when it throws. `.immediate` and `.exclusive` take the write lock at
   * BEGIN; `.deferred` (the default) at the first write.
   */
  transaction<A extends unknown[], T>(fn: (...args: A) => T) {
    const run = (lockNow: boolean, args: A): T => {
      if (this.depth > 0) {
        const sp = `sp${this.depth}`;
        this.simple(`SAVEPOINT ${sp}`);
        this.depth++;
        try {
          const result = fn(...args);
          this.simple(`RELEASE SAVEPOINT ${sp}`);
          return result;
        } catch (e) {
          this.simple(`ROLLBACK TO SAVEPOINT ${sp}`);
          throw e;
        } finally {
          this.depth--;
        }
      }
      this.begin(lockNow);
      let result: T;
      try {
        result = fn(...args);
        if (result instanceof Promise) throw new TypeError("Transaction function cannot return a promise");
      } catch (e) {
        this.rollback();
        throw e;
      }
      this.commit();
      return result;
    };
    const deferred = (...args: A) => run(false, args);
    return Object.assign(deferred, {
      deferred,
      immediate: (...args: A) => run(true, args),
      exclusive: (...args: A) => run(true, args),
    });
  }

  private begin(lockNow: boolean): void {
    this.ensureConnected();
    this.simple("BEGIN");
    this.depth = 1;
    this.locked = false;
    if (!lockNow) return;
    try {
      this.takeWriteLock();
    } catch (e) {
      this.rollback();
      throw e;
    }
  }

  private commit(): void {
    try {
      this.simple("COMMIT");
    } catch (e) {
      this.rollback();
      throw e;
    }
    this.depth = 0;
    this.locked = false;
  }

  private rollback(): void {
    try {
      this.simple("ROLLBACK");
    } catch {
      // The connection is gone; the server rolls back what it had.
    }
    this.depth = 0;
    this.locked = false;
  }

  /**
   * The pragmas the product reads or sets. `data_version` is the version row (every committed write
   * moves it); settings that only tune SQLite's file handling have no meaning here and are accepted.
   */
  pragma(source: string, options?: { simple?: boolean }): unknown {
    const name = source.trim().toLowerCase();
    if (name === "data_version") {
      const v = this.query("SELECT v AS data_version FROM attain_data_version", []).rows[0]?.[0] ?? 0;
      return options?.simple ? v : [{ data_version: v }];
    }
    if (name === "integrity_check") return options?.simple ? "ok" : [{ integrity_check: "ok" }];
    const busy = /^busy_timeout\s*=\s*(\d+)$/.exec(name);
    if (busy) {
      // How long a writer waits for the write lock (0: not at all, as SQLite; PostgreSQL's 0 would be for ever).
      this.simple(`SET lock_timeout = '${Math.max(1, Number(busy[1]))}ms'`);
      return options?.simple ? undefined : [];
    }
    if (name.includes("=") || name.startsWith("optimize") || name.startsWith("wal_checkpoint"))
      return options?.simple ? undefined : [];
    throw new Error(`PRAGMA ${source} has no PostgreSQL equivalent here`);
  }

  /** Empties the database: every table, function and recorded migration (a reset, as deleting the SQLite file). */
  dropEverything(): void {
    this.simple(
      "DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public; DEALLOCATE ALL",
    );
    this.prepared.clear();
  }

  /**
   * Bulk load: `COPY table (columns) FROM STDIN` fed with `lines` (COPY's text format, each ending in
   * a newline), sent in chunks of about a megabyte. Untranslated, outside the write lock: for a
   * database nobody else writes yet (the scale seed's copy). Returns the rows written.
   */
  copyIn(table: string, columns: string[], lines: Iterable<string>): number {
    const pq = this.pq;
    pq.exec(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`);
    if (pq.resultStatus() !== "PGRES_COPY_IN") {
      try {
        this.check();
      } finally {
        pq.clear();
      }
      throw new PostgresError(`COPY into ${table} did not start`, "XX000");
    }
    pq.clear();
    let buffer: string[] = [];
    let size = 0;
    const flush = () => {
      if (size === 0) return;
      if (pq.putCopyData(Buffer.from(buffer.join(""), "utf8")) !== 1)
        throw new PostgresError(pq.errorMessage(), "08006");
      buffer = [];
      size = 0;
    };
    try {
      for (const line of lines) {
        buffer.push(line);
        size += line.length;
        if (size >= 1 << 20) flush();
      }
      flush();
    } catch (e) {
      pq.putCopyEnd((e as Error).message);
      while (pq.getResult()) pq.clear();
      throw e;
    }
    if (pq.putCopyEnd() !== 1) throw new PostgresError(pq.errorMessage(), "08006");
    let rows = 0;
    let failure: unknown = null;
    while (pq.getResult()) {
      try {
        this.check();
        rows = Number(pq.cmdTuples() || 0);
      } catch (e) {
        failure = e;
      } finally {
        pq.clear();
      }
    }
    if (failure) throw failure as Error;
    return rows;
  }

  close(): this {
    finishConnection(this.pq);
    return this;
  }
}

export class PostgresStatement<P extends unknown[] = unknown[], R = unknown> {
  private rawMode = false;
  private pluckMode = false;
  constructor(
    private client: PostgresClient,
    readonly source: string,
  ) {}

  /** Whether the statement returns rows (better-sqlite3's `reader`). */
  get reader(): boolean {
    return !isWrite(this.source) || /\breturning\b/i.test(this.source);
  }

  raw(toggle = true): this {
    this.rawMode = toggle;
    return this;
  }

  pluck(toggle = true): this {
    this.pluckMode = toggle;
    return this;
  }

  private exec(params: P): Result {
    const flat = (params as unknown[]).flatMap((p) => (Array.isArray(p) ? p : [p])) as Value[];
    return this.client.query(this.source, flat);
  }

  private shape(r: Result, row: unknown[]): unknown {
    if (this.pluckMode) return row[0];
    if (this.rawMode) return row;
    const o: Record<string, unknown> = {};
    r.names.forEach((n, i) => (o[n] = row[i]));
    return o;
  }

  /**
   * `lastInsertRowid` is the id the insert's sequence gave out (`lastval()`), read when it is asked
   * for, as SQLite's last_insert_rowid() of the connection.
   */
  run(...params: P): { changes: number; lastInsertRowid: number } {
    const r = this.exec(params);
    const client = this.client;
    return {
      changes: r.changes,
      get lastInsertRowid() {
        return client.lastInsertRowid();
      },
    };
  }

  get(...params: P): R | undefined {
    const r = this.exec(params);
    return r.rows[0] ? (this.shape(r, r.rows[0]) as R) : undefined;
  }

  all(...params: P): R[] {
    const r = this.exec(params);
    return r.rows.map((row) => this.shape(r, row) as R);
  }

  *iterate(...params: P): IterableIterator<R> {
    for (const row of this.all(...params)) yield row;
  }
}
