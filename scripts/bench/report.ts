/** docs/BENCHMARKS.md: pure rendering of a run and of the document that keeps the last runs. */
import { BUDGETS, type Budget } from "./entries";
import { renderEngines, type EngineComparison } from "./engines";
import { renderTransfer, type TransferResult } from "./transfer";
import type { LoadResult } from "./load";
import { renderPages, type PageLoadResult } from "./page-report";
import { PAGE_BUDGETS } from "./pages";
import type { RawTiming, TimedTask } from "./micro";
import type { SchedulerResult } from "./scheduler";
import { formatInt, formatMb, formatMs, formatRatio, ratio } from "./stats";

export type EntryResult = {
  name: string;
  what: string;
  as: string | null;
  budget: Budget;
  load: LoadResult | null;
  /** p50 at one connection: the latency of a request that does not queue behind others. */
  singleP50Ms: number | null;
  /** p95 at one connection (absent in results recorded before it was measured). */
  singleP95Ms?: number | null;
  error: string | null;
  peakRssBytes: number | null;
  raw: RawTiming | null;
};

/** An entry measured again with one server worker per core. */
export type ClusterEntryResult = { name: string; budget: Budget; load: LoadResult | null; error: string | null };

export type PageResult = { path: string; as: string | null; status: number; bytes: number; scripts: number };

export type BenchRun = {
  date: string;
  machine: { cpu: string; cores: number; memoryGb: number; os: string; node: string; loadAverage: number[] };
  dataset: {
    file: string;
    tickets: number;
    events: number;
    articles: number;
    organizations: number;
    users: number;
    sizeMb: number;
    anchor: string;
    seedSeconds: number | null;
    rebuilt: boolean;
  };
  settings: { connections: number; durationSec: number; maxRequests: number };
  entries: EntryResult[];
  micro: TimedTask[];
  recompute: { tickets: number; events: number; seconds: number; drift: number; aged: number } | null;
  /** The on-call jobs' passes (absent in runs recorded before it was measured). */
  scheduler?: SchedulerResult | null;
  pages: PageResult[];
  /** The page pass of issue 25 (absent in runs recorded before it was measured). */
  pageLoads?: PageLoadResult[];
  server: { peakRssBytes: number | null; hwmBytes: number | null };
  /** The attachment upload and download of a 20 MB log (absent in runs recorded before it was measured). */
  transfer?: TransferResult | null;
  /** The budgeted entries with `workers` server workers (absent in runs recorded before it was measured). */
  cluster?: {
    workers: number;
    entries: ClusterEntryResult[];
    /** Peak of the polled RSS of the whole tree (primary and workers). */
    peakRssBytes: number | null;
    /** Sum of every process's VmHWM. */
    hwmBytes: number | null;
    /** Each worker's VmHWM. */
    workerHwmBytes: number[];
  } | null;
  notes: string[];
  /** --engine postgres: the same entries and pages on PostgreSQL, and the filing sweep on both. */
  engines?: EngineComparison | null;
};

export type Verdict = "met" | "missed" | "—";

/** Whether an entry's measured figures meet its budget; failed requests always miss a budget. */
export function entryVerdict(budget: Budget, load: LoadResult | null): Verdict {
  if (budget.kind === "none") return "—";
  if (!load || load.requests === 0) return "missed";
  const clean = load.errors === 0 && load.non2xx === 0;
  if (budget.kind === "write") return clean && load.rps >= budget.minRps ? "met" : "missed";
  return clean && load.latency.p95 <= budget.p95Ms ? "met" : "missed";
}

export function budgetLabel(budget: Budget): string {
  switch (budget.kind) {
    case "none":
      return `none (${budget.reason})`;
    case "write":
      return `≥ ${budget.minRps} req/s, 0 errors`;
    default:
      return `p95 < ${budget.p95Ms} ms`;
  }
}

const mark = (v: Verdict) => (v === "met" ? "✅ met" : v === "missed" ? "❌ missed" : "—");
const cell = (s: string) => s.replaceAll("|", "\\|");

/** One run as a Markdown section. */
export function renderRun(run: BenchRun): string {
  const ping = run.entries.find((e) => e.name === "health.ping")?.load?.latency.p50 ?? null;
  const lines: string[] = [];
  const d = run.dataset;
  lines.push(`### Run of ${run.date}`, "");
  lines.push(
    `- Machine: ${run.machine.cpu}, ${run.machine.cores} cores, ${run.machine.memoryGb} GB RAM, ${run.machine.os}; Node ${run.machine.node}; load average at start ${run.machine.loadAverage.map((x) => x.toFixed(2)).join(" / ")} (the CPU is shared with other engineers' builds and tests).`,
    `- Dataset: ${formatInt(d.tickets)} tickets (${formatInt(d.events)} events), ${formatInt(d.organizations)} organizations, ${formatInt(d.users)} users, ${formatInt(d.articles)} articles; ${formatInt(d.sizeMb)} MB; as of ${d.anchor}. ` +
      (d.rebuilt
        ? `Built by this run in ${d.seedSeconds === null ? "n/a" : `${d.seedSeconds.toFixed(0)} s`}.`
        : `Reused from cache (built in ${d.seedSeconds === null ? "n/a" : `${d.seedSeconds.toFixed(0)} s`}).`),
    `- Load: autocannon, ${run.settings.connections} connections, ${run.settings.durationSec} s or ${formatInt(run.settings.maxRequests)} requests per entry (whichever first), after a warm-up, then up to 3 s at 1 connection; production build served by \`scripts/serve.mjs\` with one worker on 127.0.0.1. ` +
      `The server runs JavaScript on one thread, so at ${run.settings.connections} connections a request waits for the others: p50 ≈ ${run.settings.connections} × the time one request costs. "p50 at 1 conn." is the latency without that queue.`,
    "",
  );
  lines.push(
    `| entry | as | p50 | p95 | p99 | req/s | errors / non-2xx | peak RSS | raw SQL p50 | p50 ÷ raw SQL | p50 ÷ health.ping | p50 at 1 conn. | p95 at 1 conn. | ÷ raw SQL | budget | verdict |`,
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
  );
  for (const e of run.entries) {
    const l = e.load;
    const raw = e.raw?.task?.p50Ms ?? null;
    lines.push(
      `| ${cell(e.name)} | ${e.as ?? "anonymous"} | ${formatMs(l?.latency.p50)} | ${formatMs(l?.latency.p95)} | ${formatMs(l?.latency.p99)} | ${formatInt(l?.rps)} | ${l ? `${l.errors} / ${l.non2xx}` : `failed: ${cell(e.error ?? "?")}`} | ${formatMb(e.peakRssBytes)} | ${formatMs(raw)} | ${formatRatio(ratio(l?.latency.p50, raw))} | ${e.name === "health.ping" ? "1.0×" : formatRatio(ratio(l?.latency.p50, ping))} | ${formatMs(e.singleP50Ms)} | ${formatMs(e.singleP95Ms ?? null)} | ${formatRatio(ratio(e.singleP50Ms, raw))} | ${cell(budgetLabel(e.budget))} | ${mark(entryVerdict(e.budget, l))} |`,
    );
  }
  if (run.pageLoads && run.pageLoads.length > 0)
    lines.push("", ...renderPages(run.pageLoads, run.settings.connections));
  const memoryPeak = Math.max(run.server.peakRssBytes ?? 0, run.server.hwmBytes ?? 0);
  lines.push(
    "",
    `Server memory: peak RSS of the server process tree ${formatMb(run.server.peakRssBytes)} (polled every 100 ms), high-water mark (VmHWM) ${formatMb(run.server.hwmBytes)}; budget < ${BUDGETS.serverMemoryMb} MB: ${mark(memoryPeak > 0 ? (memoryPeak / 1024 / 1024 < BUDGETS.serverMemoryMb ? "met" : "missed") : "missed")}.`,
    "",
  );
  if (run.cluster) lines.push(...renderCluster(run, run.cluster), "");
  if (run.engines) lines.push(...renderEngines(run.entries, run.pageLoads ?? [], run.engines), "");
  if (run.transfer) lines.push(...renderTransfer(run.transfer));

  lines.push(
    "Domain micro-benchmarks (in-process, tinybench):",
    "",
    "| function | p50 | p99 | ops/s |",
    "| --- | ---: | ---: | ---: |",
  );
  for (const m of run.micro)
    lines.push(`| ${cell(m.name)} | ${formatMs(m.p50Ms)} | ${formatMs(m.p99Ms)} | ${formatInt(m.opsPerSec)} |`);
  if (run.recompute) {
    const r = run.recompute;
    const perMillion = r.tickets > 0 ? (r.seconds * 1_000_000) / r.tickets : NaN;
    lines.push(
      "",
      `SLA recompute (\`recomputeAll\`, check only, at the current time; "aged" = open metrics that became breached since the dataset was built): ${formatInt(r.tickets)} tickets, ${formatInt(r.events)} events in ${r.seconds.toFixed(1)} s = ${formatInt(r.tickets / Math.max(0.001, r.seconds))} tickets/s; drift ${r.drift}, aged ${r.aged}. ` +
        `Budget < ${BUDGETS.recomputeSecondsPerMillion} s per 1,000,000 tickets (${Number.isFinite(perMillion) ? `${perMillion.toFixed(0)} s` : "n/a"}): ${mark(Number.isFinite(perMillion) && perMillion < BUDGETS.recomputeSecondsPerMillion && r.drift === 0 ? "met" : "missed")}.`,
    );
  }
  if (run.scheduler) lines.push(...renderScheduler(run.scheduler));
  if (run.pages.length > 0) {
    lines.push(
      "",
      `First-load JavaScript per page (script chunks referenced by the HTML, gzip), budget < ${BUDGETS.firstLoadJsKb} kB:`,
      "",
      "| page | as | scripts | gzip | verdict |",
      "| --- | --- | ---: | ---: | --- |",
    );
    for (const p of run.pages) {
      const kb = p.bytes / 1024;
      lines.push(
        `| ${cell(p.path)} | ${p.as ?? "anonymous"} | ${p.status === 200 ? p.scripts : `HTTP ${p.status}`} | ${Number.isFinite(kb) ? `${kb.toFixed(1)} kB` : "n/a"} | ${mark(Number.isFinite(kb) ? (kb < BUDGETS.firstLoadJsKb ? "met" : "missed") : "—")} |`,
      );
    }
  }
  const missed = run.entries.filter(
    (e) => entryVerdict(e.budget, e.load) === "missed" && e.raw && e.raw.plans.length > 0,
  );
  if (missed.length > 0) {
    lines.push("", "Query plans of the raw SQL behind missed budgets (`EXPLAIN QUERY PLAN`):", "");
    for (const e of missed) {
      lines.push(`- ${e.name}:`);
      e.raw!.plans.forEach((plan, i) => lines.push(`  - query ${i + 1}: ${plan.map((p) => `\`${p}\``).join("; ")}`));
    }
  }
  if (run.notes.length > 0) lines.push("", ...run.notes.map((n) => `- ${n}`));
  return lines.join("\n");
}

/** The budgeted entries with one worker per core, beside the one-worker figures of the same run. */
function renderCluster(run: BenchRun, cluster: NonNullable<BenchRun["cluster"]>): string[] {
  const n = cluster.workers;
  const lines = [
    `With ${n} workers (\`scripts/serve.mjs\`, one per core, as \`npm start\` serves), the budgeted entries again at ${run.settings.connections} connections, beside the one-worker figures above:`,
    "",
    `| entry | budget | p95, 1 worker | p95, ${n} workers | req/s, 1 worker | req/s, ${n} workers | errors / non-2xx, ${n} workers | verdict, ${n} workers |`,
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const c of cluster.entries) {
    const one = run.entries.find((e) => e.name === c.name)?.load ?? null;
    const l = c.load;
    lines.push(
      `| ${cell(c.name)} | ${cell(budgetLabel(c.budget))} | ${formatMs(one?.latency.p95)} | ${formatMs(l?.latency.p95)} | ${formatInt(one?.rps)} | ${formatInt(l?.rps)} | ${l ? `${l.errors} / ${l.non2xx}` : `failed: ${cell(c.error ?? "?")}`} | ${mark(entryVerdict(c.budget, l))} |`,
    );
  }
  const perWorker = cluster.workerHwmBytes.map((b) => formatMb(b));
  const worst = Math.max(0, ...cluster.workerHwmBytes) / 1024 / 1024;
  lines.push(
    "",
    `Memory with ${n} workers: each worker's high-water mark (VmHWM) ${perWorker.join(", ") || "n/a"}; the whole tree (primary and workers) peak RSS ${formatMb(cluster.peakRssBytes)}, sum of high-water marks ${formatMb(cluster.hwmBytes)}; budget < ${BUDGETS.serverMemoryMb} MB per worker: ${mark(worst > 0 ? (worst < BUDGETS.serverMemoryMb ? "met" : "missed") : "missed")}.`,
  );
  return lines;
}

const NOTES_START = "<!-- bench:notes:start -->";
const NOTES_END = "<!-- bench:notes:end -->";
const RUN_MARK = "<!-- bench:run -->";

/** Entries a run's first table lists at least when it measured the tRPC entries as a whole (about 40 do). */
const COMPLETE_RUN_ENTRIES = 20;

/**
 * Whether a run measured the tRPC entries, not only the pages (`--pages-only`, where the table has
 * health.ping alone) or a few of them (`--only`): its first table lists most entries.
 */
export function measuredEntries(run: string): boolean {
  const table = run.split("\n\n").find((block) => block.trimStart().startsWith("| entry"));
  const rows = (table?.trim().split("\n").length ?? 2) - 2;
  return rows >= COMPLETE_RUN_ENTRIES;
}

/**
 * The whole document: the generated introduction, the hand-written findings kept from `existing`
 * (between the notes markers), and the runs, newest first, `keep` at most, and besides them the
 * newest run that measured the tRPC entries when none of those did (the procedure table stays).
 */
export function renderDocument(existing: string | null, runSection: string, intro: string, keep = 5): string {
  const notesStart = existing?.indexOf(NOTES_START) ?? -1;
  const notesEnd = existing?.indexOf(NOTES_END) ?? -1;
  const notes =
    existing && notesStart >= 0 && notesEnd > notesStart
      ? existing.slice(notesStart + NOTES_START.length, notesEnd).trim()
      : "No findings recorded yet.";
  const previous = existing
    ? existing
        .split(RUN_MARK)
        .slice(1)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  const all = [runSection.trim(), ...previous];
  const runs = all.slice(0, keep);
  const complete = all.find(measuredEntries);
  if (complete && !runs.includes(complete)) runs.push(complete);
  return [
    intro.trim(),
    "",
    "## Findings",
    "",
    NOTES_START,
    notes,
    NOTES_END,
    "",
    "## Runs (newest first)",
    "",
    ...runs.flatMap((r) => [RUN_MARK, r, ""]),
  ].join("\n");
}

/** The static part of docs/BENCHMARKS.md. */
export const INTRO = `# Benchmarks

\`npm run bench\` measures Attain on a realistic dataset, on this machine, and rewrites this file (the
Findings section is kept as written; the last five runs are kept). It never runs in \`npm test\`;
the smoke test \`scripts/bench/smoke.int.test.ts\` exercises the same code on a tiny dataset there.

What one run does (3 to 5 minutes once the dataset exists, plus a production build when sources
changed):

1. \`npm run db:seed:scale -- --tickets 1000000 --articles 10000\` into \`data/scale.db\` (or
   \`BENCH_DATABASE_URL\`): about 5,000 organizations, their users, tickets over three years with
   event logs and stored SLA state from the SLA engine, articles with their full-text rows,
   incidents. Cached: rebuilt only when a fingerprint of \`db/migrations\`, \`db/seed\`,
   \`server/sla\` (and the segmenter, password hashing, the seed script) or the arguments changes.
2. In-process, before the server starts (so nothing competes for the CPU): the domain
   micro-benchmarks with tinybench, a full SLA recompute over the dataset (\`recomputeAll\`, check
   only), and the raw SQL of every entry with its query plan.
3. A production build when \`.next\` is missing or older than a source (\`needsBuild()\`), then
   the server as \`npm start\` runs it (\`scripts/serve.mjs\`), first with one worker, on 127.0.0.1
   on a free port with \`DATABASE_URL\` on the dataset.
4. Each entry of \`scripts/bench/entries.ts\`: sign in over HTTP as its demo account, warm up, then
   autocannon at a fixed concurrency, bounded in time and in requests; p50/p95/p99 from every
   response's latency, requests per second, errors and non-2xx, and the peak RSS of the server's
   process tree (\`/proc/<pid>/status\`). Each p50 is also shown as a ratio to the same work as raw
   SQL and to \`health.ping\` (the framework floor): on a shared, noisy machine the ratios are the
   figures to compare between runs.
5. The pages (issue 25, \`scripts/bench/pages.ts\`): every main page as its usual role, as
   server-rendered HTML (bytes raw, gzip and the inline React Server Components payload; p50/p95
   at 1 connection and at the run's concurrency) and as a client navigation from the home page
   (\`RSC: 1\` and \`Next-Router-State-Tree\`, with the \`_rsc\` hash Next computes from them), and
   each page's tRPC queries at 1 connection: "÷ calls" is the page over the sum of its queries, the
   cost of rendering and shipping the page around its data. First-load JavaScript of the main pages
   (gzip).
6. The server again with one worker per core (\`--workers N\`; 1 skips this pass): the entries with
   an interactive, dashboard, search or write budget, at the same concurrency, shown beside the
   one-worker figures, with each worker's memory and the whole tree's. Then this file.

Options: \`npm run bench -- --tickets N --articles N --connections N --duration S --max-requests N
--workers N --only name,name --skip-build --no-doc --pages-only --no-pages --db FILE\`. Each size is
generated once and reused: \`data/scale.db\` at 1,000,000 tickets, \`data/scale-<N>.db\` at any other
(\`--db\` or \`BENCH_DATABASE_URL\` choose another file). \`npx tsx scripts/bench/profile-sla.ts FILE\`
times each read behind /sla in-process, uncached.

## Budgets (issue 4)

| what | budget |
| --- | --- |
| interactive reads (home, lists, ticket page) | p95 < ${BUDGETS.interactive.p95Ms} ms |
| dashboard aggregates | p95 < ${BUDGETS.dashboard.p95Ms} ms |
| KB search | p95 < ${BUDGETS.search.p95Ms} ms |
| filing a ticket | ≥ ${BUDGETS.write.minRps} per second sustained, zero errors |
| server memory | < ${BUDGETS.serverMemoryMb} MB |
| first-load JavaScript per page | < ${BUDGETS.firstLoadJsKb} kB compressed |
| scale seed, 1,000,000 tickets | < 10 minutes |
| \`sla:recompute\`, 1,000,000 tickets | < ${BUDGETS.recomputeSecondsPerMillion / 60} minutes, zero drift |

## Page budgets (issue 25), at 1,000,000 tickets

| what | budget |
| --- | --- |
| every page, server time at 1 connection | p95 ≤ ${PAGE_BUDGETS.p95Ms} ms |
| every page at 10 connections, one worker per core | p95 ≤ ${PAGE_BUDGETS.p95MsLoaded} ms |
| list pages' HTML (queue, ticket list, KB front page and search, portfolio) | ≤ ${PAGE_BUDGETS.listGzipKb} KB gzip |
| /sla at 1,000,000 tickets against /sla at 10,000 | within ${PAGE_BUDGETS.slaScaleRatio}× (it reads rollups) |
| RSC payload | nothing the page does not use: no whole message catalogue, no rows carried twice |

## Comparison with osTicket

\`npx tsx scripts/bench/compare-osticket.ts\` with \`OSTICKET_URL\`, \`OSTICKET_USER\`,
\`OSTICKET_PASSWORD\` (a staff account), \`OSTICKET_TICKET_ID\`, \`OSTICKET_ORG_ID\` and
\`ATTAIN_URL\` (a running production build on the same dataset; ids are read from \`ATTAIN_DB\`, else
\`data/scale.db\`) measures six pages on both, one after the other on the same machine: each page
fetched 3 times to warm up, then 21 times in sequence (one connection); it prints the medians,
p95s, bytes (raw and gzip) and how many times faster Attain's median is. Without the variables it
prints that it was skipped and exits 0. The pages: the staff queue (\`/scp/tickets.php\` against
\`/queue\`), one ticket (\`/scp/tickets.php?id=\` against the ticket with the longest timeline), one
organization's tickets (\`/scp/orgs.php?id=\` against the customer's \`/tickets\`), knowledge base
search with hits (\`/kb/faq.php?q=\` against \`/kb?q=\`), the dashboard (\`/scp/dashboard.php\`
against \`/sla\`) and filing a ticket (\`/scp/tickets.php?a=open\` against \`/tickets/new\`). What
differs: osTicket's queue shows 25 rows, Attain's 50; osTicket's KB search is a LIKE over FAQ
question and answer, Attain's an FTS5 bm25 ranking with Chinese segmentation and error codes;
osTicket's dashboard is a ticket-activity report per department, Attain's /sla is SLA attainment
per tier, priority and metric with availability, at-risk and trend; osTicket serves from PHP-FPM
workers on both cores, Attain's bench server from one Node worker unless \`--workers\` is given.

## Adding a benchmark entry

Every capability adds its hot paths to \`scripts/bench/entries.ts\` as data, in the same change that
adds the procedure. An entry is:

~~~ts
{
  name: "tickets.queue",                 // the tRPC path, or a short name
  what: "an agent's queue, first page, ordered by due time",
  as: "agent@attain.test",               // demo account signed in first; null = anonymous
  method: "GET",
  path: "/api/trpc/tickets.queue?input=" + encodeURIComponent(JSON.stringify({ json: { limit: 50 } })),
  budget: BUDGETS.interactive,
  rawSql: [{ sql: "SELECT ... FROM tickets WHERE status IN (...) ORDER BY next_due_at LIMIT 50", params: (c) => [c.now] }],
}
~~~

- A query with no input is \`GET /api/trpc/<path>\` (superjson rejects \`{"json":null}\` for
  \`z.void()\`); with input, \`?input=\` + the URI-encoded \`{"json": input}\`.
- A mutation is \`method: "POST"\`, \`contentType: "application/json"\` and
  \`body: (c) => JSON.stringify({ json: input })\`; \`c.seq\` numbers the requests, so each can differ.
- \`rawSql\` is the same work as the service does, against the same file: it is timed in-process and
  its \`EXPLAIN QUERY PLAN\` is printed when the budget is missed. Keep it in step with the service.
- \`params\` receive \`{ now, user: { id, organizationId, email } }\` of the signed-in account.
- A write that can be done only once per key (a review per organization and quarter) declares
  \`sequence: { requests, reset }\`: its requests run one after another on one connection, with no
  warm-up, after \`reset\` has removed (on a writable connection, before the server starts) what an
  earlier run wrote.

What each capability should add:

| capability | entry | as | budget | raw SQL to mirror |
| --- | --- | --- | --- | --- |
| ticket queue | \`tickets.queue\`, first page | agent@attain.test | interactive | open tickets by \`next_due_at\` (tickets_queue_idx) with filters |
| organization ticket list | \`tickets.list\` for the customer's organization | dev@nimbus.example | interactive | tickets of one organization by \`created_at\` (tickets_org_created_idx) |
| ticket page | \`tickets.get\` of a ticket with a long timeline | agent@attain.test | interactive | ticket + events + comments by ticket id |
| filing a ticket | \`tickets.create\` (POST, unique subject per \`seq\`) | dev@nimbus.example | write (≥ 300/s, 0 errors) | INSERT ticket + created event + SLA state |
| KB search | \`kb.search\` with an English phrase, a Chinese phrase, an error code and a misspelled word (answered with the correction's results) | dev@nimbus.example | KB search | \`articles_fts MATCH ?\` counted for the pages and ranked with bm25, titles weighted |
| dashboard aggregates | \`dashboards.attainment\` per tier and month over a year | exec@attain.test | dashboard | GROUP BY over stored SLA columns |
| review generation | \`reviews.generate\` for Nimbus Live, one quarter per request, in sequence (POST) | am@attain.test | review generation (p95 < 300 ms) | the snapshot's aggregate queries for one organization |

Domain functions (attainment, health score, availability, review assembly) are added to
\`domainMicroBenchmarks\` in \`scripts/bench/micro.ts\` with a realistic input.`;

/** The scheduler's cost per minute: a pass's time, what it reads, and its queries' plans. */
export function renderScheduler(r: SchedulerResult): string[] {
  const cpu = (r.p50Ms / 60_000) * 100;
  return [
    "",
    `Scheduler (issue 19), ${r.passes} one-minute passes of the at-risk/breach warnings and the page escalations on the dataset: ` +
      `a pass p50 ${formatMs(r.p50Ms)}, p95 ${formatMs(r.p95Ms)}, max ${formatMs(r.maxMs)} (first, catch-up pass ${formatMs(r.firstPassMs)}; ${formatInt(r.warningsSent)} warnings sent), ` +
      `${cpu.toFixed(3)} % of a core per minute; the warning query reads ${formatInt(r.rowsRead)} of ${formatInt(r.openDue)} tickets with a running target. ` +
      `Budget: a pass p95 <= ${BUDGETS.schedulerPassP95Ms} ms: ${mark(r.p95Ms <= BUDGETS.schedulerPassP95Ms ? "met" : "missed")}.`,
    "",
    ...r.plans.flatMap((p) => [`- ${p.name}: ${p.plan.map((d) => `\`${d}\``).join("; ")}`]),
  ];
}
