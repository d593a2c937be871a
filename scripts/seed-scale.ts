/**
 * npm run db:seed:scale -- --tickets 1000000 --articles 10000
 *
 * Writes the benchmark dataset (db/seed/scale.ts) into its own file: --out, else BENCH_DATABASE_URL,
 * else data/scale.db. Never touches DATABASE_URL's database.
 *
 * Cached: the file carries a fingerprint (a hash of db/migrations, db/seed, server/sla, the text
 * segmenter, the password hashing, this script and the arguments) in its `bench_meta` table; when it
 * matches, nothing is done. --force rebuilds anyway. The file is built under a temporary name and
 * renamed when complete, so an interrupted build never looks current.
 *
 * Options: --tickets N --articles N --organizations N --incidents N --seed N --batch N
 *          --anchor ISO (the dataset's "now"; default: the start of the current UTC day, and then it
 *          is not part of the fingerprint, so the cache survives the calendar) --out FILE --force
 *          --postgres URL (then copy the dataset into that PostgreSQL database, migrating it first,
 *          unless it already holds this fingerprint; decision 029: the same rows on both engines)
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { migrateDb } from "@/db/migrate";
import { datasetFingerprint, type SourceFile } from "@/db/seed/fingerprint";
import { SCALE_DEFAULTS, seedScale, type ScaleProgress } from "@/db/seed/scale";
import { openDb } from "@/server/db";
import type { PostgresClient } from "@/server/postgres/client";
import { copySqliteToPostgres } from "@/server/postgres/copy";

const SOURCES = [
  "db/migrations",
  "db/seed",
  "server/sla",
  "server/kb/segment.ts",
  "server/auth/password.ts",
  "scripts/seed-scale.ts",
];

function collectSources(entries: readonly string[]): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) walk(path.join(p, name));
    } else if (!p.endsWith(".test.ts")) {
      out.push({ path: p, content: fs.readFileSync(p) });
    }
  };
  entries.forEach(walk);
  return out;
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${value}"`);
  return n;
}

/** The fingerprint stored in an existing dataset file, or null when there is none. */
function storedFingerprint(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare(`SELECT value FROM bench_meta WHERE key = 'fingerprint'`).get() as
        { value: string } | undefined;
      return row?.value ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const duration = (s: number) =>
  s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s` : `${s.toFixed(0)}s`;

function reporter() {
  let lastLine = 0;
  let ticketStart: { at: number; done: number } | null = null;
  return (p: ScaleProgress) => {
    const now = Date.now();
    if (p.phase === "tickets") {
      ticketStart ??= { at: now, done: p.done };
      if (p.done === ticketStart.done) return;
      const rate = (p.done - ticketStart.done) / ((now - ticketStart.at) / 1000);
      const eta = rate > 0 ? (p.total - p.done) / rate : 0;
      if (p.done < p.total && now - lastLine < 2000) return;
      lastLine = now;
      console.log(
        `  tickets ${fmt(p.done)}/${fmt(p.total)} (${((100 * p.done) / Math.max(1, p.total)).toFixed(1)}%)  ${fmt(rate)} tickets/s  ETA ${duration(eta)}  elapsed ${duration(p.elapsedMs / 1000)}`,
      );
    } else {
      console.log(`  ${p.phase} ${fmt(p.done)}/${fmt(p.total)}  elapsed ${duration(p.elapsedMs / 1000)}`);
    }
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      tickets: { type: "string" },
      articles: { type: "string" },
      organizations: { type: "string" },
      incidents: { type: "string" },
      seed: { type: "string" },
      batch: { type: "string" },
      anchor: { type: "string" },
      out: { type: "string" },
      force: { type: "boolean", default: false },
      postgres: { type: "string" },
    },
  });
  const args = {
    tickets: positiveInt("tickets", values.tickets, SCALE_DEFAULTS.tickets),
    articles: positiveInt("articles", values.articles, SCALE_DEFAULTS.articles),
    organizations: Math.max(2, positiveInt("organizations", values.organizations, SCALE_DEFAULTS.organizations)),
    incidents: positiveInt("incidents", values.incidents, SCALE_DEFAULTS.incidents),
    seed: positiveInt("seed", values.seed, SCALE_DEFAULTS.seed),
    anchor: values.anchor ?? null,
  };
  const batchSize = Math.max(1, positiveInt("batch", values.batch, SCALE_DEFAULTS.batchSize));
  const anchor = values.anchor ? new Date(values.anchor) : new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
  if (Number.isNaN(anchor.getTime())) throw new Error(`--anchor is not a valid instant: ${values.anchor}`);
  const file = path.resolve(
    values.out ?? process.env.BENCH_DATABASE_URL?.replace(/^file:/, "") ?? path.join("data", "scale.db"),
  );

  const fingerprint = datasetFingerprint(collectSources(SOURCES), args);
  if (!values.force && storedFingerprint(file) === fingerprint)
    console.log(`Scale dataset ${file} is up to date (fingerprint ${fingerprint.slice(0, 12)}); not rebuilding.`);
  else await build(file, fingerprint, args, anchor, batchSize);
  if (values.postgres) toPostgres(file, values.postgres, fingerprint);
}

/** The dataset in `file`, copied into the PostgreSQL database at `url` unless it is there already. */
function toPostgres(file: string, url: string, fingerprint: string) {
  const db = openDb(url);
  const pg = db.$client as unknown as PostgresClient;
  try {
    pg.execPostgres(`CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value text NOT NULL)`);
    const held = pg.queryPostgres(`SELECT value FROM bench_meta WHERE key = 'fingerprint'`).rows[0]?.[0];
    const shown = url.replace(/\/\/[^@/]*@/, "//");
    if (held === fingerprint) {
      console.log(`PostgreSQL ${shown} holds this dataset already; not copying.`);
      return;
    }
    const migrated = pg.queryPostgres(`SELECT to_regclass('users') IS NOT NULL`).rows[0]![0];
    if (held !== undefined || migrated) {
      pg.dropEverything();
      pg.execPostgres(`CREATE TABLE bench_meta (key text PRIMARY KEY, value text NOT NULL)`);
    }
    migrateDb(db);
    console.log(`Copying ${file} into PostgreSQL ${shown}`);
    const started = Date.now();
    const done = copySqliteToPostgres(file, pg, (t) => {
      if (t.rows >= 10_000) console.log(`  ${t.table}: ${fmt(t.rows)} rows in ${t.seconds.toFixed(1)} s`);
    });
    console.log(`Copied ${done.tables} tables, ${fmt(done.rows)} rows in ${duration((Date.now() - started) / 1000)}`);
  } finally {
    pg.close();
  }
}

async function build(
  file: string,
  fingerprint: string,
  args: {
    tickets: number;
    articles: number;
    organizations: number;
    incidents: number;
    seed: number;
    anchor: string | null;
  },
  anchor: Date,
  batchSize: number,
) {
  const building = `${file}.building`;
  for (const f of [building, `${building}-wal`, `${building}-shm`]) fs.rmSync(f, { force: true });
  console.log(
    `Building scale dataset ${file}: ${fmt(args.tickets)} tickets, ${fmt(args.articles)} articles, ${fmt(args.organizations)} organizations, as of ${anchor.toISOString()}`,
  );
  const started = Date.now();
  const db = openDb(building);
  migrateDb(db);
  const summary = await seedScale(db, { ...args, anchor, batchSize, onProgress: reporter() });
  const sqlite = db.$client;
  sqlite.exec(`CREATE TABLE bench_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
  const meta = sqlite.prepare(`INSERT INTO bench_meta (key, value) VALUES (?, ?)`);
  const seconds = (Date.now() - started) / 1000;
  for (const [key, value] of Object.entries({
    fingerprint,
    anchor: anchor.toISOString(),
    args: JSON.stringify(args),
    summary: JSON.stringify(summary),
    seconds: seconds.toFixed(1),
    builtAt: new Date().toISOString(),
  }))
    meta.run(key, value);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(building, file);
  fs.rmSync(`${building}-wal`, { force: true });
  fs.rmSync(`${building}-shm`, { force: true });
  const size = fs.statSync(file).size / 1024 / 1024;
  console.log(
    `Seeded ${fmt(summary.organizations)} organizations, ${fmt(summary.users)} users, ${fmt(summary.tickets)} tickets (${fmt(summary.events)} events), ${fmt(summary.articles)} articles, ${fmt(summary.incidents)} incidents in ${duration(seconds)} (${fmt(summary.tickets / Math.max(0.001, summary.seconds.tickets))} tickets/s; ${fmt(size)} MB)`,
  );
  console.log(
    `  phases: ${Object.entries(summary.seconds)
      .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
      .join(", ")}`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
