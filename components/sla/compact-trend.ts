import type { inferRouterOutputs } from "@trpc/server";
import { figures } from "@/server/dashboards/figures";
import type { AppRouter } from "@/server/api/root";

type Trend = inferRouterOutputs<AppRouter>["sla"]["trend"];

const METRICS = ["firstResponse", "workaround", "resolution"] as const;

/**
 * /sla's trend as the page sends it to its charts (issue 25): per tier, per month, the counts met,
 * breached and excluded of each metric in a row of nine numbers. The full shape repeated n and the
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
        byMetric: {
          firstResponse: figures(c[0]!, c[1]!, c[2]!),
          workaround: figures(c[3]!, c[4]!, c[5]!),
          resolution: figures(c[6]!, c[7]!, c[8]!),
        },
      })),
    })),
  };
}
