/**
 * npm run bench: the benchmark of issue 4 (see docs/BENCHMARKS.md for what it does and how to add
 * an entry). Every load loop is bounded in time and in requests, and only 127.0.0.1 is contacted.
 *
 * Options: --tickets N --articles N (dataset size; default 1,000,000 and 10,000)
 *          --connections N (10) --duration S (10) --max-requests N (20,000) --warmup S (2)
 *          --workers N (the second pass: the budgeted entries again with N server workers; default
 *          one per core, 1 skips it)
 *          --only name,name (entries to run) --skip-build (use .next as it is) --no-doc (print only)
 *          --pages-only (the page pass of issue 25 alone: no micro-benchmarks, recompute, tRPC entries,
 *          attachments or second pass) --no-pages (skip the page pass)
 *          --db FILE (the dataset; default BENCH_DATABASE_URL, else data/scale.db at 1,000,000 tickets
 *          and data/scale-<N>.db at any other size, so each size is generated once and reused)
 */
import { spawnSync } from "node:child_process";
import { measureTransfer, type TransferResult } from "./transfer";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { needsBuild } from "../lib.mjs";
import { createDatabase, ensureLibpqAddon, ensurePostgresPackages, startPostgres } from "../postgres.mjs";
import { openDb } from "@/server/db";
import { ENTRIES, PAGES, type EntryContext } from "./entries";
import { PAGE_ENTRIES } from "./pages";
import { firstLoadJs, getCsrf, signIn } from "./http";
import { writeSweep, type EngineComparison } from "./engines";
import { runLoad } from "./load";
import { ensureReview, measurePages, measurePagesLoaded } from "./page-run";
import type { PageLoadResult } from "./page-report";
import { pageIds, type PageIds } from "./pages";
import {
  domainMicroBenchmarks,
  entryContext,
  markdownMicroBenchmarks,
  rawSqlTimings,
  recomputeBenchmark,
} from "./micro";
import { schedulerBenchmark } from "./scheduler";
import {
  INTRO,
  renderDocument,
  renderRun,
  type BenchRun,
  type ClusterEntryResult,
  type EntryResult,
  type PageResult,
} from "./report";
import { snapshotBuild, startServer, stopServer, watchMemory, type Server } from "./server";
import { formatMs } from "./stats";

const DOC = path.join("docs", "BENCHMARKS.md");
/** The budgets measured again with one worker per core. */
const CLUSTER_KINDS = new Set(["interactive read", "dashboard aggregate", "KB search", "write"]);
const SNAPSHOT = path.resolve("data", "bench-build");
/** The build to measure: NEXT_DIST_DIR (built there when missing or stale), else .next. */
const DIST = process.env.NEXT_DIST_DIR || ".next";

function int(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v.replaceAll("_", ""));
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${v}"`);
  return n;
}

function log(msg: string) {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

type Meta = { anchor: string; seconds: string; builtAt: string; summary: string };

function readMeta(file: string): Meta | null {
  if (!fs.existsSync(file)) return null;
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare(`SELECT key, value FROM bench_meta`).all() as { key: string; value: string }[];
    return Object.fromEntries(rows.map((r) => [r.key, r.value])) as Meta;
  } catch {
    return null;
  } finally {
    db.close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      tickets: { type: "string" },
      articles: { type: "string" },
      connections: { type: "string" },
      duration: { type: "string" },
      "max-requests": { type: "string" },
      warmup: { type: "string" },
      workers: { type: "string" },
      only: { type: "string" },
      "skip-build": { type: "boolean", default: false },
      "no-doc": { type: "boolean", default: false },
      "pages-only": { type: "boolean", default: false },
      "no-pages": { type: "boolean", default: false },
      db: { type: "string" },
      engine: { type: "string" },
    },
  });
  const engine = values.engine ?? "sqlite";
  if (engine !== "sqlite" && engine !== "postgres") throw new Error(`--engine is sqlite or postgres, got "${engine}"`);
  const sweeps: EngineComparison["sweeps"] = { sqlite: [], postgres: [] };
  const tickets = int("tickets", values.tickets, 1_000_000);
  const articles = int("articles", values.articles, 10_000);
  const settings = {
    connections: int("connections", values.connections, 10),
    durationSec: Math.min(60, int("duration", values.duration, 10)),
    maxRequests: int("max-requests", values["max-requests"], 20_000),
  };
  const warmupSec = Math.min(10, int("warmup", values.warmup, 2));
  const clusterWorkers = Math.min(64, Math.floor(int("workers", values.workers, os.availableParallelism())));
  const only = values.only
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const pagesOnly = values["pages-only"];
  const entries = pagesOnly ? [] : only ? ENTRIES.filter((e) => only.includes(e.name)) : ENTRIES;
  if (only && !pagesOnly && entries.length !== only.length)
    throw new Error(`unknown entry in --only; known: ${ENTRIES.map((e) => e.name).join(", ")}`);
  if (!entries.some((e) => e.name === "health.ping")) entries.unshift(ENTRIES.find((e) => e.name === "health.ping")!);
  const notes: string[] = [];
  const startedAt = new Date();
  const loadAverage = os.loadavg();

  // 1. The dataset, cached by fingerprint.
  const file = path.resolve(
    values.db ??
      (process.env.BENCH_DATABASE_URL?.replace(/^file:/, "") ||
        path.join("data", tickets === 1_000_000 ? "scale.db" : `scale-${tickets}.db`)),
  );
  const before = readMeta(file)?.builtAt ?? null;
  log(
    `ensuring the scale dataset ${file} (${tickets.toLocaleString("en-US")} tickets, ${articles.toLocaleString("en-US")} articles)`,
  );
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const seed = spawnSync(
    process.execPath,
    [tsx, "scripts/seed-scale.ts", "--tickets", String(tickets), "--articles", String(articles), "--out", file],
    { stdio: "inherit" },
  );
  if (seed.status !== 0) throw new Error(`the scale seed failed (exit ${seed.status ?? seed.signal})`);
  const meta = readMeta(file);
  if (!meta) throw new Error(`${file} has no bench_meta after seeding`);
  const summary = JSON.parse(meta.summary) as {
    organizations: number;
    users: number;
    tickets: number;
    events: number;
    articles: number;
  };
  const anchor = new Date(meta.anchor);

  // 1b. --engine postgres: a PostgreSQL server (BENCH_POSTGRES_URL, else a cluster of this run's own,
  // durable as a production one). The dataset is copied there after the SQLite passes (step 4).
  let postgres: {
    url: string;
    stop: () => void;
    copySeconds: number | null;
    version: string;
    settings: string;
  } | null = null;
  if (engine === "postgres") {
    let url = process.env.BENCH_POSTGRES_URL;
    let stop = () => {};
    let settings = "as configured (BENCH_POSTGRES_URL)";
    if (!url) {
      ensurePostgresPackages();
      ensureLibpqAddon();
      const cluster = startPostgres({ port: 55490, name: "attain-bench-pg", durable: true });
      process.on("exit", () => cluster.stop());
      url = createDatabase(cluster.url, "attain_bench");
      stop = cluster.stop;
      settings = "a cluster of this run's own: fsync on, synchronous_commit off, shared_buffers 1 GB";
    }
    postgres = { url, stop, copySeconds: null, version: "", settings };
  }

  // 2. In-process measurements, before the server exists, so nothing competes for the CPU.
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma("cache_size = -65536");
  log("domain micro-benchmarks (tinybench)");
  const micro = pagesOnly ? [] : [...(await domainMicroBenchmarks(2000)), ...(await markdownMicroBenchmarks(2000))];
  for (const m of micro)
    log(`  ${m.name}: p50 ${formatMs(m.p50Ms)}, ${Math.round(m.opsPerSec).toLocaleString("en-US")} ops/s`);
  // Now, not the anchor: earlier bench runs file tickets into the cached dataset after its anchor, and
  // evaluating those at the anchor would drop their events and report them as drift.
  log("SLA recompute over the dataset (check only, at the current time)");
  let lastProgress = 0;
  const recompute = pagesOnly
    ? null
    : recomputeBenchmark(sqlite, new Date(Math.max(anchor.getTime(), Date.now())), (done, total) => {
        if (Date.now() - lastProgress < 5000 && done < total) return;
        lastProgress = Date.now();
        log(`  ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} tickets`);
      });
  if (recompute)
    log(
      `  ${recompute.tickets.toLocaleString("en-US")} tickets in ${recompute.seconds.toFixed(1)} s, drift ${recompute.drift}, aged ${recompute.aged}`,
    );
  const now = Date.now();
  log("raw SQL of each entry");
  const raw = await rawSqlTimings(sqlite, entries, now);
  for (const r of raw) if (r.task) log(`  ${r.entry}: p50 ${formatMs(r.task.p50Ms)}`);
  const contexts = new Map<string | null, EntryContext>();
  for (const email of new Set([
    ...entries.map((e) => e.as),
    ...PAGES.map((p) => p.as),
    ...(values["no-pages"] ? [] : PAGE_ENTRIES.map((p) => p.as)),
  ]))
    contexts.set(email, entryContext(sqlite, email, now));
  const ids: PageIds | null = values["no-pages"] ? null : pageIds(sqlite);
  sqlite.close();
  // The scheduler's passes write (warnings), so they run on a writable connection, before the server.
  let scheduler: BenchRun["scheduler"] = null;
  if (!pagesOnly) {
    log("scheduler: 30 one-minute passes of the on-call jobs");
    scheduler = schedulerBenchmark(file, new Date(Math.max(anchor.getTime(), Date.now())));
    log(
      `  a pass p50 ${formatMs(scheduler.p50Ms)}, p95 ${formatMs(scheduler.p95Ms)}; reads ${scheduler.rowsRead.toLocaleString("en-US")} of ${scheduler.openDue.toLocaleString("en-US")} running tickets`,
    );
  }
  const sequences = entries.filter((e) => e.sequence);
  if (sequences.length > 0) {
    const writable = new Database(file, { fileMustExist: true });
    writable.pragma("busy_timeout = 5000");
    for (const e of sequences) writable.transaction(() => e.sequence!.reset(writable))();
    writable.close();
  }

  // 3. The production build and server.
  if (values["skip-build"]) {
    if (!fs.existsSync(path.join(DIST, "BUILD_ID")))
      throw new Error(`--skip-build, but there is no production build in ${DIST}`);
    if (needsBuild(DIST)) notes.push(`The production build in \`${DIST}\` was older than some sources (--skip-build).`);
  } else if (needsBuild(DIST)) {
    log("building for production (next build)");
    const build = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error(`next build failed (exit ${build.status ?? build.signal})`);
    notes.push("This run rebuilt the production build first.");
  }

  /** Every entry against the server at `base`: a load run, then the latency at one connection. */
  const measureEntries = async (
    base: string,
    cookies: Map<string | null, string>,
    csrf: { token: string },
    memory: ReturnType<typeof watchMemory>,
  ): Promise<{ results: EntryResult[]; peak: number }> => {
    const results: EntryResult[] = [];
    let overallPeak = 0;
    for (const entry of entries) {
      const ctx = contexts.get(entry.as)!;
      const builder = entry.body;
      const options = {
        url: `${base}${entry.path}`,
        method: entry.method,
        headers: {
          cookie: cookies.get(entry.as)!,
          ...(entry.contentType ? { "content-type": entry.contentType } : {}),
        },
        body: builder ? (seq: number) => builder({ ...ctx, seq, csrfToken: csrf.token }) : undefined,
        path: entry.pathOf,
        connections: settings.connections,
      };
      try {
        if (entry.sequence) {
          // Once each, one after another: no warm-up (it would use up the requests) and no queue.
          memory.reset();
          const result = await runLoad({
            ...options,
            connections: 1,
            durationSec: 60,
            maxRequests: entry.sequence.requests,
            exactly: entry.sequence.requests,
          });
          const peak = memory.peak();
          overallPeak = Math.max(overallPeak, peak);
          results.push({
            name: entry.name,
            what: entry.what,
            as: entry.as,
            budget: entry.budget,
            load: result,
            singleP50Ms: result.latency.p50,
            singleP95Ms: result.latency.p95,
            error: null,
            peakRssBytes: peak,
            raw: raw.find((r) => r.entry === entry.name) ?? null,
          });
          const codes = Object.entries(result.statusCodes)
            .map(([c, n]) => `${c}×${n}`)
            .join(" ");
          log(
            `${entry.name}: ${result.requests} in sequence (${codes}), p50 ${formatMs(result.latency.p50)} p95 ${formatMs(result.latency.p95)} max ${formatMs(result.latency.max)}`,
          );
          continue;
        }
        await runLoad({ ...options, durationSec: warmupSec, maxRequests: Math.min(2000, settings.maxRequests) });
        memory.reset();
        const result = await runLoad({
          ...options,
          durationSec: settings.durationSec,
          maxRequests: settings.maxRequests,
        });
        const peak = memory.peak();
        overallPeak = Math.max(overallPeak, peak);
        // One connection: the latency of a request that does not queue behind others. autocannon
        // stops sending when its time is up but the server still works through what was in flight;
        // one request waited out first drains that backlog, so the sample measures no queue.
        await runLoad({ ...options, connections: 1, durationSec: 60, maxRequests: 1, exactly: 1 });
        const single = await runLoad({
          ...options,
          connections: 1,
          durationSec: Math.min(3, settings.durationSec),
          maxRequests: 500,
        });
        results.push({
          name: entry.name,
          what: entry.what,
          as: entry.as,
          budget: entry.budget,
          load: result,
          singleP50Ms: single.latency.p50,
          singleP95Ms: single.latency.p95,
          error: null,
          peakRssBytes: peak,
          raw: raw.find((r) => r.entry === entry.name) ?? null,
        });
        const codes = Object.entries(result.statusCodes)
          .map(([c, n]) => `${c}×${n}`)
          .join(" ");
        log(
          `${entry.name}: p50 ${formatMs(result.latency.p50)} p95 ${formatMs(result.latency.p95)} p99 ${formatMs(result.latency.p99)}, ${Math.round(result.rps)} req/s, ${result.requests} requests (${codes}), errors ${result.errors}; at 1 connection p50 ${formatMs(single.latency.p50)} p95 ${formatMs(single.latency.p95)}`,
        );
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        results.push({
          name: entry.name,
          what: entry.what,
          as: entry.as,
          budget: entry.budget,
          load: null,
          singleP50Ms: null,
          error: message,
          peakRssBytes: null,
          raw: raw.find((r) => r.entry === entry.name) ?? null,
        });
        log(`${entry.name}: FAILED ${message}`);
      }
    }
    return { results, peak: overallPeak };
  };

  let server: Server | null = null;
  const stopOnSignal = () => {
    if (server) void stopServer(server).finally(() => process.exit(130));
    else process.exit(130);
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  const results: EntryResult[] = [];
  const pages: PageResult[] = [];
  let serverMemory: BenchRun["server"] = { peakRssBytes: null, hwmBytes: null };
  let cluster: BenchRun["cluster"] = null;
  let transfer: TransferResult | null = null;
  let pageLoads: PageLoadResult[] = [];
  try {
    const id = snapshotBuild(process.cwd(), SNAPSHOT, DIST);
    log(
      `starting scripts/serve.mjs with one worker on 127.0.0.1 (build ${id}, served from a private copy in ${path.relative(process.cwd(), SNAPSHOT)})`,
    );
    server = await startServer({ databasePath: file, dir: SNAPSHOT, distDir: ".next" });
    const memory = watchMemory(server.pid);
    const base = server.url;
    const csrf = await getCsrf(base);
    const cookies = new Map<string | null, string>([[null, csrf.cookie]]);
    for (const email of contexts.keys()) if (email) cookies.set(email, await signIn(base, csrf, email));
    log(`server ${base} (pid ${server.pid}); signed in ${cookies.size - 1} accounts`);

    const first = await measureEntries(base, cookies, csrf, memory);
    results.push(...first.results);
    const overallPeak = first.peak;
    if (engine === "postgres") {
      log("filing at fixed rates on SQLite");
      sweeps.sqlite = await writeSweep({ base, cookies, contexts, csrf, log });
    }

    if (ids) {
      // The review the page opens is read again now: the reviews.generate entry deletes and rewrites the
      // bench's quarters before it runs, so an id picked from the dataset may be gone (a 404 page).
      await currentReview(base, cookies, ids);
      log("pages: HTML, client navigation and their tRPC calls");
      pageLoads = await measurePages({
        base,
        cookies,
        context: (as) => ({ ...contexts.get(as)!, ids }),
        connections: settings.connections,
        durationSec: Math.min(5, settings.durationSec),
        warmupSec: Math.min(1, warmupSec),
        log,
      });
    }

    if (!pagesOnly)
      try {
        const cookie = cookies.get("dev@nimbus.example") ?? [...cookies.values()].at(-1)!;
        transfer = await measureTransfer({ base, cookie, workDir: path.dirname(file), memory });
        log(
          `attachments: ${transfer.bytes / 1024 / 1024} MB upload ${(transfer.uploadSeconds * 1000).toFixed(0)} ms, download ${(transfer.downloadSeconds * 1000).toFixed(0)} ms, plain copy ${(transfer.copySeconds * 1000).toFixed(0)} ms; RSS growth ${(transfer.uploadRssGrowthBytes / 1048576).toFixed(1)} / ${(transfer.downloadRssGrowthBytes / 1048576).toFixed(1)} MB`,
        );
      } catch (err) {
        notes.push(
          `The attachment transfer could not be measured: ${err instanceof Error ? err.message : String(err)}`,
        );
      }

    log("first-load JavaScript of the pages");
    for (const page of pagesOnly ? [] : PAGES) {
      try {
        const js = await firstLoadJs(base, page.path, cookies.get(page.as) ?? null);
        pages.push({ path: page.path, as: page.as, ...js });
      } catch (err) {
        notes.push(
          `First-load JS of ${page.path} could not be measured: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    }
    serverMemory = { peakRssBytes: Math.max(overallPeak, memory.peak()), hwmBytes: memory.peakHwm() };
    memory.stop();

    // The second pass: the budgeted entries again, with one worker per core (as npm start serves).
    const budgeted = entries.filter((e) => !e.sequence && CLUSTER_KINDS.has(e.budget.kind));
    const loadedPages = pageLoads.some((p) => !p.error);
    if (clusterWorkers > 1 && (budgeted.length > 0 || loadedPages)) {
      await stopServer(server);
      log(`starting scripts/serve.mjs with ${clusterWorkers} workers on 127.0.0.1`);
      server = await startServer({ databasePath: file, dir: SNAPSHOT, distDir: ".next", workers: clusterWorkers });
      const clusterMemory = watchMemory(server.pid);
      const clusterBase = server.url;
      const clusterCsrf = await getCsrf(clusterBase);
      const clusterCookies = new Map<string | null, string>([[null, clusterCsrf.cookie]]);
      for (const email of new Set([
        ...budgeted.map((e) => e.as),
        ...(loadedPages ? PAGE_ENTRIES.map((p) => p.as) : []),
      ]))
        if (email) clusterCookies.set(email, await signIn(clusterBase, clusterCsrf, email));
      const clusterResults: ClusterEntryResult[] = [];
      for (const entry of budgeted) {
        const ctx = contexts.get(entry.as)!;
        const builder = entry.body;
        const options = {
          url: `${clusterBase}${entry.path}`,
          method: entry.method,
          headers: {
            cookie: clusterCookies.get(entry.as)!,
            ...(entry.contentType ? { "content-type": entry.contentType } : {}),
          },
          body: builder ? (seq: number) => builder({ ...ctx, seq, csrfToken: clusterCsrf.token }) : undefined,
          path: entry.pathOf,
          connections: settings.connections,
        };
        try {
          await runLoad({ ...options, durationSec: warmupSec, maxRequests: Math.min(2000, settings.maxRequests) });
          const result = await runLoad({
            ...options,
            durationSec: settings.durationSec,
            maxRequests: settings.maxRequests,
          });
          clusterResults.push({ name: entry.name, budget: entry.budget, load: result, error: null });
          log(
            `${entry.name} (${clusterWorkers} workers): p50 ${formatMs(result.latency.p50)} p95 ${formatMs(result.latency.p95)}, ${Math.round(result.rps)} req/s, errors ${result.errors}, non-2xx ${result.non2xx}`,
          );
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          clusterResults.push({ name: entry.name, budget: entry.budget, load: null, error: message });
          log(`${entry.name} (${clusterWorkers} workers): FAILED ${message}`);
        }
      }
      if (loadedPages && ids) {
        log(`pages with ${clusterWorkers} workers at ${settings.connections} connections`);
        await measurePagesLoaded({
          base: clusterBase,
          cookies: clusterCookies,
          context: (as) => ({ ...contexts.get(as)!, ids }),
          connections: settings.connections,
          durationSec: Math.min(5, settings.durationSec),
          warmupSec: Math.min(1, warmupSec),
          workers: clusterWorkers,
          results: pageLoads,
          log,
        });
      }
      cluster = {
        workers: clusterWorkers,
        entries: clusterResults,
        peakRssBytes: clusterMemory.peak(),
        hwmBytes: clusterMemory.peakHwm(),
        workerHwmBytes: clusterMemory.workerHwm(),
      };
      clusterMemory.stop();
    }
  } finally {
    if (server) await stopServer(server);
  }

  // 4. --engine postgres: the first pass again with the server on PostgreSQL.
  let engines: EngineComparison | null = null;
  if (postgres) {
    try {
      // The file as the SQLite passes left it (with what they wrote), so both engines read the same
      // rows; a database that holds this dataset's fingerprint already is reused as it is.
      const copyStarted = Date.now();
      log("copying the dataset into PostgreSQL (scripts/seed-scale.ts --postgres)");
      const copy = spawnSync(
        process.execPath,
        [
          tsx,
          "scripts/seed-scale.ts",
          "--tickets",
          String(tickets),
          "--articles",
          String(articles),
          "--out",
          file,
          "--postgres",
          postgres.url,
        ],
        { stdio: "inherit" },
      );
      if (copy.status !== 0) throw new Error(`the copy to PostgreSQL failed (exit ${copy.status ?? copy.signal})`);
      postgres.copySeconds = (Date.now() - copyStarted) / 1000;
      const version = spawnSync("psql", [postgres.url, "-tAc", "SHOW server_version"], {
        encoding: "utf8",
      }).stdout.trim();
      postgres.version = version.split(" ")[0] ?? version;
      if (sequences.length > 0) {
        const writable = openDb(postgres.url).$client;
        for (const e of sequences) writable.transaction(() => e.sequence!.reset(writable))();
        writable.close();
      }
      log(`starting scripts/serve.mjs with one worker on PostgreSQL ${postgres.version}`);
      server = await startServer({ databasePath: postgres.url, dir: SNAPSHOT, distDir: ".next" });
      const memory = watchMemory(server.pid);
      const base = server.url;
      const csrf = await getCsrf(base);
      const pgCookies = new Map<string | null, string>([[null, csrf.cookie]]);
      for (const email of contexts.keys()) if (email) pgCookies.set(email, await signIn(base, csrf, email));
      const pass = await measureEntries(base, pgCookies, csrf, memory);
      if (ids) await currentReview(base, pgCookies, ids);
      const pgPages = ids
        ? await measurePages({
            base,
            cookies: pgCookies,
            context: (as) => ({ ...contexts.get(as)!, ids }),
            connections: settings.connections,
            durationSec: Math.min(5, settings.durationSec),
            warmupSec: Math.min(1, warmupSec),
            log,
          })
        : [];
      log("filing at fixed rates on PostgreSQL");
      sweeps.postgres = await writeSweep({ base, cookies: pgCookies, contexts, csrf, log });
      memory.stop();
      engines = {
        postgres: { version: postgres.version, settings: postgres.settings, copySeconds: postgres.copySeconds },
        entries: pass.results,
        pageLoads: pgPages,
        sweeps,
      };
    } finally {
      if (server) await stopServer(server);
      postgres.stop();
    }
  }
  process.removeListener("SIGINT", stopOnSignal);
  process.removeListener("SIGTERM", stopOnSignal);

  const run: BenchRun = {
    date: startedAt.toISOString(),
    machine: {
      cpu: os.cpus()[0]?.model.trim() ?? "unknown CPU",
      cores: os.cpus().length,
      memoryGb: Math.round(os.totalmem() / 1024 ** 3),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      loadAverage,
    },
    dataset: {
      file: path.relative(process.cwd(), file),
      tickets: summary.tickets,
      events: summary.events,
      articles: summary.articles,
      organizations: summary.organizations,
      users: summary.users,
      sizeMb: fs.statSync(file).size / 1024 / 1024,
      anchor: meta.anchor,
      seedSeconds: Number(meta.seconds),
      rebuilt: meta.builtAt !== before,
    },
    settings,
    entries: results,
    micro,
    recompute: recompute && {
      tickets: recompute.tickets,
      events: recompute.events,
      seconds: recompute.seconds,
      drift: recompute.drift,
      aged: recompute.aged,
    },
    scheduler,
    pages,
    pageLoads,
    server: serverMemory,
    transfer,
    cluster,
    engines,
    notes: [...notes, `Whole bench took ${((Date.now() - startedAt.getTime()) / 60_000).toFixed(1)} minutes.`],
  };
  const section = renderRun(run);
  console.log(`\n${section}\n`);
  if (!values["no-doc"]) {
    fs.mkdirSync(path.dirname(DOC), { recursive: true });
    const existing = fs.existsSync(DOC) ? fs.readFileSync(DOC, "utf8") : null;
    fs.writeFileSync(DOC, renderDocument(existing, section, INTRO));
    log(`wrote ${DOC}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});

/** Points the review page at a review the server at `base` has: last quarter's, generated when missing (ensureReview). */
async function currentReview(base: string, cookies: Map<string | null, string>, ids: PageIds): Promise<void> {
  const am = cookies.get("am@attain.test");
  if (!am) return;
  const before = ids.reviewId;
  ids.reviewId = await ensureReview({ base, cookie: am, organizationId: ids.organizationId, now: Date.now() });
  if (ids.reviewId !== before) log(`the review page opens review ${ids.reviewId} (${before ?? "none"} is not there)`);
}
