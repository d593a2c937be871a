import type { inferRouterOutputs } from "@trpc/server";
import { METRICS } from "@/db/schema/enums";
import { figures } from "@/server/dashboards/figures";
import type { AppRouter } from "@/server/api/root";

type Trend = inferRouterOutputs<AppRouter>["sla"]["trend"];

/**
 * /sla's trend as the page sends it to its charts (issue 25): per tier, per month, the counts met,
 * breached and excluded of each metric (in METRICS order) in a row of nine numbers. The full shape repeated n and the
 * attainment ratio (derived from the counts) and every key, 288 times: 26 of the page's 86 KB.
 */
export type CompactTrend = {
  goal: number;
  months: string[];
  series: { tierCode: Trend["series"][number]["tierCode"]; counts: number[][] }[];
};

export function compactTrend(trend: Trend): CompactTrend {
  return {
    goal: trend.goal,
    months: trend.months,
    series: trend.series.map((s) => ({
      tierCode: s.tierCode,
      counts: s.points.map((p) =>
        METRICS.flatMap((m) => [p.byMetric[m].met, p.byMetric[m].breached, p.byMetric[m].excluded]),
      ),
    })),
  };
}

/** The trend again in full, in the browser: each figure rebuilt from its counts as the server builds it. */
export function expandTrend(compact: CompactTrend): Trend {
  return {
    goal: compact.goal,
    months: compact.months,
    series: compact.series.map((s) => ({
      tierCode: s.tierCode,
      points: s.counts.map((c, i) => ({
        month: compact.months[i]!,
        byMetric: Object.fromEntries(
          METRICS.map((m, k) => [m, figures(c[3 * k]!, c[3 * k + 1]!, c[3 * k + 2]!)]),
        ) as Trend["series"][number]["points"][number]["byMetric"],
      })),
    })),
  };
}
