import { describe, expect, it } from "vitest";
import { figures } from "@/server/dashboards/figures";
import { compactTrend, expandTrend } from "./compact-trend";

const point = (month: string, k: number) => ({
  month,
  byMetric: {
    firstResponse: figures(100 + k, 7, 2),
    workaround: figures(0, 0, 3),
    resolution: figures(55, 45 + k, 0),
  },
});

const trend = {
  goal: 0.95,
  months: ["2026-10", "2026-11", "2026-12"],
  series: [
    { tierCode: "basic" as const, points: ["2026-10", "2026-11", "2026-12"].map((m, i) => point(m, i)) },
    { tierCode: "enterprise" as const, points: ["2026-10", "2026-11", "2026-12"].map((m, i) => point(m, 10 * i)) },
  ],
};

describe("/sla's trend in its compact shape", () => {
  it("expands to exactly the trend it was made from, empty months (no attainment) included", () => {
    expect(expandTrend(compactTrend(trend))).toEqual(trend);
  });

  it("sends nine counts per tier and month, and is a fraction of the full shape", () => {
    const compact = compactTrend(trend);
    expect(compact.series.every((s) => s.counts.every((c) => c.length === 9))).toBe(true);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(trend).length / 3);
  });
});
