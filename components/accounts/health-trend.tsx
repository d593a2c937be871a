import type { TrendPoint } from "@/server/accounts/portfolio";

const W = 56;
const H = 18;

/**
 * The quarters with their scores as a screen reader hears them: "2026-Q1 66, 2026-Q2 71, now 46"
 * (quarters written by `quarter`: "2026年第1季度 66" on a Chinese page).
 */
export function trendQuarters(
  points: TrendPoint[],
  nowLabel: string,
  quarter: (key: string) => string = (q) => q,
): string {
  return points
    .map((p, i) => `${i === points.length - 1 ? nowLabel : quarter(p.quarter)} ${p.score ?? "—"}`)
    .join(", ");
}

/**
 * An account's health over the last quarters: a small line (decoration) beside the scores with
 * arrows ("72 → 80 → 78 → 85"); screen readers hear each quarter with its score. Synchronous, with
 * its texts from the caller: the portfolio draws one per row, and an async component would be a
 * separate piece of the page's payload each. Server and client components both draw it.
 */
export function HealthTrend({
  points,
  label,
}: {
  points: TrendPoint[];
  /** The sentence a screen reader hears (trendQuarters gives its list of quarters and scores). */
  label: string;
}) {
  const known = points
    .map((p, i) => ({ i, score: p.score }))
    .filter((p): p is { i: number; score: number } => p.score !== null);
  // Rounded to a tenth of a pixel: the points are written into the HTML of every row.
  const round = (v: number) => Math.round(v * 10) / 10;
  const x = (i: number) => round(points.length > 1 ? (i / (points.length - 1)) * (W - 4) + 2 : W / 2);
  const y = (score: number) => round(H - 2 - (score / 100) * (H - 4));
  const last = known.at(-1);
  const first = known[0];
  const tone =
    last && first && known.length > 1
      ? last.score > first.score
        ? "stroke-emerald-600"
        : last.score < first.score
          ? "stroke-red-600"
          : "stroke-slate-400"
      : "stroke-slate-400";
  return (
    <span className="inline-flex flex-col items-end gap-0.5 whitespace-nowrap md:items-start">
      {known.length > 1 ? (
        <svg aria-hidden width={W} height={H} viewBox={`0 0 ${W} ${H}`} className="shrink-0">
          <polyline
            fill="none"
            strokeWidth={1.5}
            className={tone}
            points={known.map((p) => `${x(p.i)},${y(p.score)}`).join(" ")}
          />
          {last ? <circle cx={x(last.i)} cy={y(last.score)} r={2} className={`fill-current ${tone}`} /> : null}
        </svg>
      ) : null}
      <span aria-hidden className="text-xs text-slate-600 tabular-nums">
        {points.map((p) => p.score ?? "—").join(" → ")}
      </span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
