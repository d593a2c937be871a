/** Pure part of scripts/bench/compare-osticket.ts: medians, ratios and the printed table. */
import { percentile } from "./stats";

export type Timed = { samplesMs: number[]; status: number; bytes: number; gzipBytes: number };

export type ComparedRow = {
  page: string;
  attain: { p50: number; p95: number; status: number; bytes: number; gzipBytes: number };
  osticket: { p50: number; p95: number; status: number; bytes: number; gzipBytes: number };
  /** osTicket's median over Attain's: above 1, Attain is faster. */
  speedup: number;
};

function summarize(t: Timed) {
  const sorted = [...t.samplesMs].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    status: t.status,
    bytes: t.bytes,
    gzipBytes: t.gzipBytes,
  };
}

/** Each page's figures on both, and how many times faster Attain's median is. */
export function compareRows(rows: { page: string; attain: Timed; osticket: Timed }[]): ComparedRow[] {
  return rows.map((r) => {
    const attain = summarize(r.attain);
    const osticket = summarize(r.osticket);
    return { page: r.page, attain, osticket, speedup: attain.p50 > 0 ? osticket.p50 / attain.p50 : NaN };
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** A Markdown table of the comparison, with a warning on pages either side did not answer 200. */
export function renderComparison(rows: readonly ComparedRow[]): string[] {
  const lines = [
    "| page | osTicket p50 | osTicket p95 | osTicket HTML (gzip) | Attain p50 | Attain p95 | Attain HTML (gzip) | Attain faster by |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of rows) {
    const warn =
      r.attain.status !== 200 || r.osticket.status !== 200 ? ` (HTTP ${r.osticket.status} / ${r.attain.status})` : "";
    lines.push(
      `| ${r.page}${warn} | ${r.osticket.p50.toFixed(1)} ms | ${r.osticket.p95.toFixed(1)} ms | ${kb(r.osticket.bytes)} (${kb(r.osticket.gzipBytes)}) | ${r.attain.p50.toFixed(1)} ms | ${r.attain.p95.toFixed(1)} ms | ${kb(r.attain.bytes)} (${kb(r.attain.gzipBytes)}) | ${Number.isFinite(r.speedup) ? `${r.speedup.toFixed(1)}×` : "n/a"} |`,
    );
  }
  return lines;
}
