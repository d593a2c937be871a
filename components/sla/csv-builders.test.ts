import { describe, expect, it } from "vitest";
import { byMetric, tEn as t, tZh } from "./csv-test-fixtures";
import zh from "@/server/i18n/messages/zh.json";
import { breachesCsv, csvPercent, distributionCsv, heatmapCsv, trendCsv } from "./csv-builders";

describe("CSV builders", () => {
  it("rounds shares to percentages with one decimal", () => {
    expect(csvPercent(0.992345678)).toBe(99.2);
    expect(csvPercent(1)).toBe(100);
    expect(csvPercent(0)).toBe(0);
    expect(csvPercent(null)).toBeNull();
  });

  it("heatmap: tiers, priorities and metrics as people write them, attainment in rounded percent", () => {
    const csv = heatmapCsv([{ tierCode: "enterprise", priority: "P1", byMetric }], t);
    expect(csv.header).toEqual(["Tier", "Priority", "Metric", "Attainment (%)", "Met", "Breached", "n", "Excluded"]);
    expect(csv.rows[0]).toEqual(["Enterprise", "P1 high", "First response", 99.2, 123, 1, 124, 0]);
    expect(csv.rows[2]).toEqual(["Enterprise", "P1 high", "Resolution", null, 0, 0, 0, 0]);
  });

  it("breaches: product areas and categories by name, not code", () => {
    const csv = breachesCsv([{ productArea: "live_streaming", category: "functional_bug", breached: 4 }], t);
    expect(csv.rows).toEqual([["Interactive live streaming", "Functional bug", 4]]);
    expect(JSON.stringify(csv)).not.toMatch(/live_streaming|functional_bug/);
  });

  it("distribution: band labels and shares in percent rounded to one decimal", () => {
    const csv = distributionCsv([1, 2, 0, 0, 0, 0, 0], t);
    expect(csv.header.at(-1)).toMatch(/\(%\)$/);
    expect(csv.rows[0]).toEqual(["≤ 25 % of target", 1, 33.3]);
    expect(csv.rows[1]![2]).toBe(66.7);
    expect(distributionCsv([0, 0, 0, 0, 0, 0, 0], t).rows[0]![2]).toBeNull();
  });

  it("trend: one row per month with each tier's columns named", () => {
    const csv = trendCsv(
      {
        months: ["2026-04"],
        series: [{ tierCode: "basic", points: [{ month: "2026-04", byMetric }] }],
      },
      "firstResponse",
      t,
    );
    expect(csv.header).toEqual([
      "Month",
      "Basic · Attainment (%)",
      "Basic · Met",
      "Basic · Breached",
      "Basic · n",
      "Basic · Excluded",
    ]);
    expect(csv.rows).toEqual([["2026-04", 99.2, 123, 1, 124, 0]]);
  });

  it("speaks the viewer's language", () => {
    const csv = breachesCsv([{ productArea: "voice_calling", category: "compatibility", breached: 1 }], tZh);
    expect(csv.header).toEqual([zh.sla.productArea, zh.sla.category, zh.sla.breached]);
    expect(csv.rows[0]![0]).toBe(zh.tickets.productAreas.voice_calling);
  });
});
