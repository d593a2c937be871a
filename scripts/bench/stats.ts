/** Small statistics for the benchmark harness: percentiles, summaries and ratios. */

/**
 * The p-th percentile (0 <= p <= 100) of ascending `sorted` samples, interpolating linearly between
 * the closest ranks (the "linear" method of numpy and R's type 7), so p50 of [1, 2] is 1.5.
 * NaN for no samples.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile out of range: ${p}`);
  const n = sorted.length;
  if (n === 0) return NaN;
  const rank = (p / 100) * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (rank - lo);
}

export type LatencySummary = { n: number; p50: number; p95: number; p99: number; mean: number; max: number };

/** p50/p95/p99, mean and max of latency samples in ms (any order). */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const arr = Array.from(sorted);
  const n = arr.length;
  const mean = n === 0 ? NaN : arr.reduce((s, x) => s + x, 0) / n;
  return {
    n,
    p50: percentile(arr, 50),
    p95: percentile(arr, 95),
    p99: percentile(arr, 99),
    mean,
    max: n === 0 ? NaN : arr[n - 1]!,
  };
}

/** a / b, or null when either is missing, not finite, or b is not positive. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return null;
  return a / b;
}

/** Milliseconds for a table cell: 3 significant digits below 10 ms, one decimal below 1000 ms. */
export function formatMs(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return "n/a";
  if (ms < 0.01) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 10) return `${ms.toPrecision(3)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatRatio(r: number | null): string {
  if (r === null) return "n/a";
  return r >= 100 ? `${Math.round(r)}×` : `${r.toFixed(1)}×`;
}

export function formatMb(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes)) return "n/a";
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

export function formatInt(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return "n/a";
  return Math.round(n).toLocaleString("en-US");
}
