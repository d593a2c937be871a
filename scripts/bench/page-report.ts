/** The page pass of docs/BENCHMARKS.md (issue 25): pure shaping, verdicts and rendering. */
import { gzipSync } from "node:zlib";
import { PAGE_BUDGETS } from "./pages";
import { formatInt, formatMs, formatRatio, ratio } from "./stats";

/** What one page weighs, as the server sent it. */
export type PageWeight = {
  status: number;
  bytes: number;
  gzipBytes: number;
  /** Bytes of the inline React Server Components payload (`self.__next_f.push` scripts) in the HTML. */
  inlineRscBytes: number;
};

export type PageLoadResult = {
  name: string;
  path: string;
  as: string | null;
  list: boolean;
  html: PageWeight | null;
  rsc: PageWeight | null;
  /** p50/p95 of the HTML at one connection and at `connections`. */
  single: { p50: number; p95: number } | null;
  loaded: { p50: number; p95: number; rps: number; non2xx: number; errors: number } | null;
  /** The HTML at `connections` with one server worker per core (the second pass); null when not run. */
  cluster?: { workers: number; p50: number; p95: number; rps: number; non2xx: number } | null;
  /** The client navigation (RSC request) at one connection. */
  rscSingle: { p50: number; p95: number } | null;
  /** Sum of the p50s at one connection of the tRPC queries the page makes; null when it makes none. */
  callsP50Ms: number | null;
  calls: string[];
  error: string | null;
};

/** Raw, gzip and inline-RSC bytes of a response body. */
export function weigh(status: number, body: string): PageWeight {
  const buf = Buffer.from(body, "utf8");
  let inline = 0;
  for (const m of body.matchAll(/<script\b[^>]*>[^<]*?self\.__next_f[\s\S]*?<\/script>/g))
    inline += Buffer.byteLength(m[0]);
  return { status, bytes: buf.length, gzipBytes: gzipSync(buf).length, inlineRscBytes: inline };
}

export type PageVerdicts = { time: boolean | null; loaded: boolean | null; size: boolean | null };

/**
 * Whether a page meets the page budgets: p95 at one connection, p95 at the run's concurrency with a
 * worker per core, and the list pages' HTML size.
 */
export function pageVerdicts(r: PageLoadResult): PageVerdicts {
  const ok = r.html !== null && r.html.status === 200;
  return {
    time: r.single === null || !ok ? null : r.single.p95 <= PAGE_BUDGETS.p95Ms,
    loaded: !r.cluster || !ok ? null : r.cluster.non2xx === 0 && r.cluster.p95 <= PAGE_BUDGETS.p95MsLoaded,
    size: !r.list ? null : !ok ? false : r.html!.gzipBytes <= PAGE_BUDGETS.listGzipKb * 1024,
  };
}

/** /sla at this scale against /sla at the smaller one: within PAGE_BUDGETS.slaScaleRatio. */
export function slaScaleVerdict(largeP50: number | null, smallP50: number | null): boolean | null {
  const r = ratio(largeP50, smallP50);
  return r === null ? null : r <= PAGE_BUDGETS.slaScaleRatio;
}

const kb = (n: number | null | undefined) =>
  n === null || n === undefined || !Number.isFinite(n) ? "n/a" : `${(n / 1024).toFixed(1)} KB`;
const yes = (v: boolean | null) => (v === null ? "—" : v ? "✅" : "❌");
const cell = (s: string) => s.replaceAll("|", "\\|");

/** The page table of one run, rendered beside the procedure table. */
export function renderPages(results: readonly PageLoadResult[], connections: number): string[] {
  const workers = results.find((r) => r.cluster)?.cluster?.workers ?? null;
  const w = workers ? `${connections} conn., ${workers} workers` : null;
  const lines = [
    `Pages (issue 25): the server-rendered HTML of each main page as its usual role, and the same page as a client navigation (RSC request from the home page). "÷ calls" is the page's p50 at 1 connection over the sum of the p50s of the tRPC queries it makes (its own overhead). Budgets at 1,000,000 tickets: p95 ≤ ${PAGE_BUDGETS.p95Ms} ms at 1 connection; list pages' HTML ≤ ${PAGE_BUDGETS.listGzipKb} KB gzip; p95 ≤ ${PAGE_BUDGETS.p95MsLoaded} ms at ${connections} connections with one worker per core.`,
    "",
    `| page | as | HTML | gzip | inline RSC | p50 1 conn. | p95 1 conn. | p50 ${connections} conn. | p95 ${connections} conn. | req/s | calls p50 | ÷ calls | RSC nav. | RSC gzip | RSC p50 | RSC p95 |${w ? ` p50 ${w} | p95 ${w} |` : ""} p95 ≤ ${PAGE_BUDGETS.p95Ms} ms |${w ? ` ≤ ${PAGE_BUDGETS.p95MsLoaded} ms loaded |` : ""} size |`,
    `| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${w ? " ---: | ---: |" : ""} --- |${w ? " --- |" : ""} --- |`,
  ];
  for (const r of results) {
    const v = pageVerdicts(r);
    const status = r.html && r.html.status !== 200 ? ` (HTTP ${r.html.status})` : "";
    lines.push(
      `| ${cell(r.name)}${r.error ? ` (failed: ${cell(r.error)})` : status} | ${r.as ?? "anonymous"} | ${kb(r.html?.bytes)} | ${kb(r.html?.gzipBytes)} | ${kb(r.html?.inlineRscBytes)} | ${formatMs(r.single?.p50)} | ${formatMs(r.single?.p95)} | ${formatMs(r.loaded?.p50)} | ${formatMs(r.loaded?.p95)} | ${formatInt(r.loaded?.rps)} | ${formatMs(r.callsP50Ms)} | ${formatRatio(ratio(r.single?.p50, r.callsP50Ms))} | ${kb(r.rsc?.bytes)} | ${kb(r.rsc?.gzipBytes)} | ${formatMs(r.rscSingle?.p50)} | ${formatMs(r.rscSingle?.p95)} |${w ? ` ${formatMs(r.cluster?.p50)} | ${formatMs(r.cluster?.p95)} |` : ""} ${yes(v.time)} |${w ? ` ${yes(v.loaded)} |` : ""} ${r.list ? yes(v.size) : "—"} |`,
    );
  }
  return lines;
}
