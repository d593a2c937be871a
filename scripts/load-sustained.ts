/**
 * npm run load:sustained: 60 s of mixed traffic at 50 concurrent connections against the
 * production server as `npm start` runs it (scripts/serve.mjs, one worker per core) on the scale database (the bench's cached data/scale.db, 1,000,000 tickets):
 * reads (ticket list, ticket page, customer home, support queue), knowledge base searches, ticket
 * filing and replies, all at once. Passes only with zero errors (non-2xx, socket errors, timeouts);
 * records p50/p95/p99 per kind of traffic and the server's memory over the run in the Findings of
 * docs/BENCHMARKS.md (between load:sustained markers, which `npm run bench` keeps).
 *
 * Options: --duration S (60) --connections N (50) --server-workers N (one per core) --no-doc. The build: NEXT_DIST_DIR (default .next);
 * built first when it has no BUILD_ID. Heavy: run it alone on a quiet machine.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { getCsrf, signIn } from "./bench/http";
import { startServer, stopServer, watchMemory, type Server } from "./bench/server";
import { formatMs, summarize, type LatencySummary } from "./bench/stats";

const DOC = path.join("docs", "BENCHMARKS.md");
const START = "<!-- load:sustained:start -->";
const END = "<!-- load:sustained:end -->";
const NOTES_END = "<!-- bench:notes:end -->";

function log(msg: string) {
  console.log(`[load ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

const q = (input: unknown) => `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
const SEARCHES = [
  "echo",
  "token expired",
  "video freeze",
  "android crash",
  "回声",
  "1006",
  "reconnect",
  "latency",
  "bitrate",
  "recording",
  "screen share",
  "音频",
];

type Group = {
  name: string;
  what: string;
  share: number;
  requests: (ctx: Ctx) => autocannon.Request[];
};
type Ctx = { customer: string; agent: string; anon: string; openTickets: number[]; seq: () => number };

const GROUPS: Group[] = [
  {
    name: "reads",
    what: "customer ticket list, ticket page and home; agent support queue",
    share: 0.3,
    requests: (c) => [
      { method: "GET", path: `/api/trpc/tickets.list${q({})}`, headers: { cookie: c.customer } },
      {
        method: "GET",
        path: `/api/trpc/tickets.get${q({ id: c.openTickets[0] })}`,
        headers: { cookie: c.customer },
        setupRequest: (r) => ({
          ...r,
          path: `/api/trpc/tickets.get${q({ id: c.openTickets[c.seq() % c.openTickets.length] })}`,
        }),
      },
      { method: "GET", path: "/api/trpc/home.customer", headers: { cookie: c.customer } },
      { method: "GET", path: `/api/trpc/tickets.queue${q({})}`, headers: { cookie: c.agent } },
    ],
  },
  {
    name: "searches",
    what: "knowledge base search (anonymous and signed-in), rotating queries in English and Chinese",
    share: 0.3,
    requests: (c) => [
      {
        method: "GET",
        path: `/api/trpc/kb.search${q({ q: "echo" })}`,
        headers: { cookie: c.anon },
        setupRequest: (r) => ({ ...r, path: `/api/trpc/kb.search${q({ q: SEARCHES[c.seq() % SEARCHES.length] })}` }),
      },
      {
        method: "GET",
        path: `/api/trpc/kb.search${q({ q: "echo" })}`,
        headers: { cookie: c.customer },
        setupRequest: (r) => ({
          ...r,
          path: `/api/trpc/kb.search${q({ q: SEARCHES[c.seq() % SEARCHES.length], logGaps: false })}`,
        }),
      },
    ],
  },
  {
    name: "ticket filing",
    what: "a customer files a P3 ticket (transaction: ticket, event, SLA state, deflection row)",
    share: 0.2,
    requests: (c) => [
      {
        method: "POST",
        path: "/api/trpc/tickets.create",
        headers: { cookie: c.customer, "content-type": "application/json" },
        setupRequest: (r) => ({
          ...r,
          body: JSON.stringify({
            json: {
              subject: `Sustained load ticket ${c.seq()}`,
              description: "Filed by the sustained load test.",
              productArea: "voice_calling",
              category: "functional_bug",
              priority: "P3",
            },
          }),
        }),
      },
    ],
  },
  {
    name: "replies",
    what: "customer replies and agent internal notes on open tickets (transaction: comment, events, SLA state, notifications)",
    share: 0.2,
    requests: (c) => [
      {
        method: "POST",
        path: "/api/trpc/tickets.reply",
        headers: { cookie: c.customer, "content-type": "application/json" },
        setupRequest: (r) => ({
          ...r,
          body: JSON.stringify({
            json: { ticketId: c.openTickets[c.seq() % c.openTickets.length], body: `Customer reply ${c.seq()}` },
          }),
        }),
      },
      {
        method: "POST",
        path: "/api/trpc/tickets.reply",
        headers: { cookie: c.agent, "content-type": "application/json" },
        setupRequest: (r) => ({
          ...r,
          body: JSON.stringify({
            json: {
              ticketId: c.openTickets[c.seq() % c.openTickets.length],
              body: `Agent note ${c.seq()}`,
              internal: true,
            },
          }),
        }),
      },
    ],
  },
];

type GroupResult = {
  name: string;
  what: string;
  connections: number;
  latency: LatencySummary;
  requests: number;
  rps: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

function load(base: string, group: Group, ctx: Ctx, connections: number, durationSec: number): Promise<GroupResult> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const instance = autocannon(
      { url: base, connections, duration: durationSec, timeout: 10, requests: group.requests(ctx) },
      (err: unknown, result: autocannon.Result) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const non2xx = Object.entries(statusCodes)
          .filter(([c]) => !c.startsWith("2"))
          .reduce((s, [, n]) => s + n, 0);
        // autocannon's `errors` already includes its `timeouts`.
        resolve({
          name: group.name,
          what: group.what,
          connections,
          latency: summarize(latencies),
          requests: latencies.length,
          rps: latencies.length / seconds,
          errors: non2xx + result.errors,
          timeouts: result.timeouts,
          statusCodes,
        });
      },
    );
    instance.on("response", (_c, statusCode, _b, responseTime) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: "string" },
      connections: { type: "string" },
      "server-workers": { type: "string" },
      "no-doc": { type: "boolean", default: false },
    },
  });
  const durationSec = Number(values.duration ?? 60);
  const connections = Number(values.connections ?? 50);
  const serverWorkers = Number(values["server-workers"] ?? os.availableParallelism());
  if (!(Number.isInteger(serverWorkers) && serverWorkers >= 1 && serverWorkers <= 64))
    throw new Error("--server-workers 1..64");
  if (!(durationSec > 0 && durationSec <= 600) || !(connections >= GROUPS.length && connections <= 500))
    throw new Error("--duration 1..600, --connections 4..500");
  const dist = process.env.NEXT_DIST_DIR ?? ".next";
  process.env.NEXT_DIST_DIR = dist;

  const file = path.resolve(process.env.BENCH_DATABASE_URL?.replace(/^file:/, "") || path.join("data", "scale.db"));
  log(`ensuring the scale dataset ${file} (cached; built by the bench's seed when missing or stale)`);
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const seed = spawnSync(
    process.execPath,
    [tsx, "scripts/seed-scale.ts", "--tickets", "1000000", "--articles", "10000", "--out", file],
    { stdio: "inherit" },
  );
  if (seed.status !== 0) throw new Error(`the scale seed failed (exit ${seed.status ?? seed.signal})`);
  if (!fs.existsSync(path.join(dist, "BUILD_ID"))) {
    log(`no production build in ${dist}; building it`);
    const build = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const org = sqlite.prepare("select organization_id as id from users where email = 'dev@nimbus.example'").get() as {
    id: number;
  };
  const openTickets = (
    sqlite
      .prepare(
        "select id from tickets where organization_id = ? and status in ('new','open','pending_customer','workaround_provided') order by id desc limit 200",
      )
      .all(org.id) as { id: number }[]
  ).map((r) => r.id);
  sqlite.close();
  if (openTickets.length === 0)
    throw new Error("no open ticket of dev@nimbus.example's organization in the scale database");

  let server: Server | null = null;
  const onSignal = () => void (server ? stopServer(server) : Promise.resolve()).finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const startedAt = new Date();
  const loadAverage = os.loadavg();
  let results: GroupResult[] = [];
  const memorySeries: { atSec: number; rssMb: number }[] = [];
  let peakMb = 0;
  let workerPeaksMb: number[] = [];
  try {
    server = await startServer({
      databasePath: file,
      dir: process.cwd(),
      timeoutMs: 120_000,
      workers: serverWorkers,
    });
    const base = server.url;
    const csrf = await getCsrf(base);
    let n = 0;
    const ctx: Ctx = {
      customer: await signIn(base, csrf, "dev@nimbus.example"),
      agent: await signIn(base, csrf, "agent@attain.test"),
      anon: csrf.cookie,
      openTickets,
      seq: () => n++,
    };
    const split = GROUPS.map((g) => Math.max(1, Math.round(g.share * connections)));
    split[0]! += connections - split.reduce((s, x) => s + x, 0);
    log(`server ${base} (primary pid ${server.pid}, ${serverWorkers} workers); warming up 5 s`);
    await Promise.all(GROUPS.map((g, i) => load(base, g, ctx, Math.max(1, Math.floor(split[i]! / 5)), 5)));
    const memory = watchMemory(server.pid);
    const t0 = Date.now();
    const sampler = setInterval(() => {
      memorySeries.push({ atSec: Math.round((Date.now() - t0) / 1000), rssMb: memory.peak() / 1024 / 1024 });
      memory.reset();
    }, 5000);
    log(`${durationSec} s at ${connections} connections: ${GROUPS.map((g, i) => `${g.name} ${split[i]}`).join(", ")}`);
    results = await Promise.all(GROUPS.map((g, i) => load(base, g, ctx, split[i]!, durationSec)));
    clearInterval(sampler);
    peakMb = memory.peakHwm() / 1024 / 1024;
    workerPeaksMb = memory.workerHwm().map((b) => b / 1024 / 1024);
    memory.stop();
  } finally {
    if (server) await stopServer(server);
  }

  const all = results.reduce((s, r) => s + r.requests, 0);
  const errors = results.reduce((s, r) => s + r.errors, 0);
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.connections} | ${r.requests.toLocaleString("en-US")} | ${Math.round(r.rps)} | ${formatMs(r.latency.p50)} | ${formatMs(r.latency.p95)} | ${formatMs(r.latency.p99)} | ${r.errors} (${r.timeouts}) |`,
  );
  const first = memorySeries[0]?.rssMb ?? 0;
  const last = memorySeries.at(-1)?.rssMb ?? 0;
  const section = [
    START,
    `**Sustained load** (\`npm run load:sustained\`, ${startedAt.toISOString().slice(0, 16)}Z, ${durationSec} s at ${connections} connections on the 1,000,000-ticket scale database, ${serverWorkers} server worker${serverWorkers === 1 ? "" : "s"} (scripts/serve.mjs), ${os.cpus().length} vCPU shared, load average before ${loadAverage.map((l) => l.toFixed(1)).join(" / ")}):`,
    `${all.toLocaleString("en-US")} requests, **${errors} errors**. Server memory (RSS of its process tree, peak per 5 s): ${memorySeries.map((m) => Math.round(m.rssMb)).join(", ")} MB (first ${Math.round(first)}, last ${Math.round(last)}; high-water mark ${Math.round(peakMb)} MB in total, per worker ${workerPeaksMb.map((m) => Math.round(m)).join(", ")} MB).`,
    "",
    "| traffic | connections | requests | req/s | p50 | p95 | p99 | errors (of which timeouts > 10 s) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    ...results.map((r) => `- ${r.name}: ${r.what}.`),
    END,
  ].join("\n");
  console.log(`\n${section}\n`);
  if (!values["no-doc"] && fs.existsSync(DOC)) {
    const doc = fs.readFileSync(DOC, "utf8");
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    const next =
      start >= 0 && end > start
        ? doc.slice(0, start) + section + doc.slice(end + END.length)
        : doc.includes(NOTES_END)
          ? doc.replace(NOTES_END, `\n${section}\n${NOTES_END}`)
          : `${doc}\n${section}\n`;
    fs.writeFileSync(DOC, next);
    log(`wrote the result into ${DOC}`);
  }
  if (errors > 0) {
    for (const r of results)
      if (r.errors) log(`${r.name}: status codes ${JSON.stringify(r.statusCodes)}, timeouts ${r.timeouts}`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
