/**
 * `npm run bench -- --engine postgres` (issue 23, decision 029): every entry and page again on
 * PostgreSQL, on the same 1,000,000-ticket dataset copied there, beside SQLite with the ratio of
 * each; and a sweep of filing at fixed rates on both engines, to find the rate at which filing's p95
 * leaves its budget (docs/SCALING.md).
 */
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { ENTRIES, type EntryContext } from "./entries";
import type { PageLoadResult } from "./page-report";
import type { EntryResult } from "./report";
import { formatMs, summarize } from "./stats";

/**
 * An open-loop load: one request every 1000/rate ms for `seconds`, whether or not earlier ones were
 * answered (as people file independently of each other), each on a pooled keep-alive connection.
 * Latency counts from when the request was due, so a server that falls behind shows it.
 */
async function paced(opts: {
  url: string;
  headers: Record<string, string>;
  body: () => string;
  rate: number;
  seconds: number;
}): Promise<{ latencies: number[]; failed: number; seconds: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(opts.url);
  const latencies: number[] = [];
  let failed = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  const total = Math.round(opts.rate * opts.seconds);
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / opts.rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const payload = opts.body();
    pending.push(
      new Promise<void>((resolve) => {
        const req = http.request(
          {
            host: target.hostname,
            port: target.port,
            path: target.pathname + target.search,
            method: "POST",
            agent,
            timeout: 10_000,
            headers: { ...opts.headers, "content-length": Buffer.byteLength(payload) },
          },
          (res) => {
            res.resume();
            res.on("end", () => {
              if ((res.statusCode ?? 0) >= 300) failed++;
              else latencies.push(performance.now() - due);
              resolve();
            });
          },
        );
        req.on("timeout", () => req.destroy(new Error("timeout")));
        req.on("error", () => {
          failed++;
          resolve();
        });
        req.end(payload);
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return { latencies, failed, seconds: (performance.now() - start) / 1000 };
}

/** What a person clicking "File" may wait at p95 (the sweep's budget; the bench's write budget is a rate). */
export const FILING_P95_MS = 100;
/** Offered filing rates of the sweep, per second. */
export const SWEEP_RATES = [25, 50, 100, 150, 200, 300, 400];
const SWEEP_SECONDS = 5;

export type SweepStep = { rate: number; achieved: number; p50: number; p95: number; failed: number };

/**
 * Filing (tickets.create) at each rate of SWEEP_RATES for 5 s, open loop; stops after the first
 * step whose p95 leaves the budget by a factor of 4 (past the knee nothing more is learnt).
 */
export async function writeSweep(opts: {
  base: string;
  cookies: Map<string | null, string>;
  contexts: Map<string | null, EntryContext>;
  csrf: { token: string };
  log: (m: string) => void;
}): Promise<SweepStep[]> {
  const entry = ENTRIES.find((e) => e.name === "tickets.create")!;
  const ctx = opts.contexts.get(entry.as);
  const cookie = opts.cookies.get(entry.as);
  if (!ctx || !cookie) return [];
  const steps: SweepStep[] = [];
  let seq = 1_000_000_000 + (Date.now() % 1_000_000) * 1000;
  for (const rate of SWEEP_RATES) {
    const result = await paced({
      url: `${opts.base}${entry.path}`,
      headers: { cookie, "content-type": entry.contentType! },
      body: () => entry.body!({ ...ctx, seq: seq++, csrfToken: opts.csrf.token }),
      rate,
      seconds: SWEEP_SECONDS,
    });
    const latency = summarize(result.latencies);
    const step = {
      rate,
      achieved: result.latencies.length / result.seconds,
      p50: latency.p50,
      p95: latency.p95,
      failed: result.failed,
    };
    steps.push(step);
    opts.log(
      `  filing at ${rate}/s: ${Math.round(step.achieved)}/s answered, p50 ${formatMs(step.p50)} p95 ${formatMs(step.p95)}, failed ${step.failed}`,
    );
    if (step.p95 > 4 * FILING_P95_MS || step.achieved < rate * 0.8) break;
  }
  return steps;
}

/** The highest offered rate whose p95 stayed within the budget with nothing failed; 0 when none did. */
export function sustainedRate(steps: SweepStep[]): number {
  let best = 0;
  for (const s of steps) if (s.p95 <= FILING_P95_MS && s.failed === 0 && s.achieved >= s.rate * 0.95) best = s.rate;
  return best;
}

export type EngineComparison = {
  /** The PostgreSQL server and how the dataset got there. */
  postgres: { version: string; settings: string; copySeconds: number | null };
  entries: EntryResult[];
  pageLoads: PageLoadResult[];
  sweeps: { sqlite: SweepStep[]; postgres: SweepStep[] };
};

const ratio = (pg: number | null | undefined, lite: number | null | undefined) =>
  pg != null && lite != null && lite > 0 ? `${(pg / lite).toFixed(2)}×` : "—";
const ms = (v: number | null | undefined) => (v == null ? "—" : formatMs(v));

/** The comparison section: entries, pages and the filing sweep, SQLite beside PostgreSQL. */
export function renderEngines(
  sqliteEntries: EntryResult[],
  sqlitePages: PageLoadResult[],
  c: EngineComparison,
): string[] {
  const lines: string[] = [];
  lines.push(
    `#### SQLite beside PostgreSQL`,
    "",
    `Every entry and page again with the server on PostgreSQL ${c.postgres.version} (${c.postgres.settings}), on the same dataset copied there` +
      (c.postgres.copySeconds === null ? " (reused)" : ` in ${c.postgres.copySeconds.toFixed(0)} s`) +
      `; same build, one worker, same load. Ratio = PostgreSQL ÷ SQLite (above 1: PostgreSQL slower).`,
    "",
    "| entry | budget | SQLite p95 | PostgreSQL p95 | ratio | SQLite p95 at 1 conn. | PostgreSQL p95 at 1 conn. | ratio | SQLite req/s | PostgreSQL req/s | PostgreSQL errors / non-2xx |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const pg of c.entries) {
    const lite = sqliteEntries.find((e) => e.name === pg.name);
    const budget =
      pg.budget.kind === "write"
        ? `≥ ${pg.budget.minRps} req/s`
        : pg.budget.kind === "none"
          ? "—"
          : `p95 < ${pg.budget.p95Ms} ms`;
    lines.push(
      `| ${pg.name} | ${budget} | ${ms(lite?.load?.latency.p95)} | ${pg.error ? `failed: ${pg.error.slice(0, 60)}` : ms(pg.load?.latency.p95)} | ${ratio(pg.load?.latency.p95, lite?.load?.latency.p95)} | ${ms(lite?.singleP95Ms)} | ${ms(pg.singleP95Ms)} | ${ratio(pg.singleP95Ms, lite?.singleP95Ms)} | ${lite?.load ? Math.round(lite.load.rps) : "—"} | ${pg.load ? Math.round(pg.load.rps) : "—"} | ${pg.load ? `${pg.load.errors} / ${pg.load.non2xx}` : "—"} |`,
    );
  }
  if (c.pageLoads.length) {
    lines.push(
      "",
      "| page | SQLite HTML p95 at 1 conn. | PostgreSQL | ratio | SQLite p95 at 10 conn. | PostgreSQL | ratio |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const pg of c.pageLoads) {
      const lite = sqlitePages.find((p) => p.name === pg.name);
      lines.push(
        `| ${pg.name} | ${ms(lite?.single?.p95)} | ${pg.error ? "failed" : ms(pg.single?.p95)} | ${ratio(pg.single?.p95, lite?.single?.p95)} | ${ms(lite?.loaded?.p95)} | ${ms(pg.loaded?.p95)} | ${ratio(pg.loaded?.p95, lite?.loaded?.p95)} |`,
      );
    }
  }
  const sweep = (name: string, steps: SweepStep[]) =>
    `- ${name}: ${steps.map((s) => `${s.rate}/s → ${Math.round(s.achieved)}/s, p95 ${formatMs(s.p95)}${s.failed ? `, ${s.failed} failed` : ""}`).join("; ") || "not run"}. Within ${FILING_P95_MS} ms at p95 up to **${sustainedRate(steps)} filings per second**.`;
  lines.push(
    "",
    `Filing at fixed rates (tickets.create, 5 s per step, open loop: a request every 1/rate s whatever the answers, latency counted from when it was due; one server worker; budget for the sweep: p95 ≤ ${FILING_P95_MS} ms, nothing failed):`,
    "",
    sweep("SQLite", c.sweeps.sqlite),
    sweep("PostgreSQL", c.sweeps.postgres),
  );
  return lines;
}
