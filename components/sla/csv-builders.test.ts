import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";
import { breachesCsv, csvPercent, distributionCsv, heatmapCsv, ourServiceCsv, trendCsv } from "./csv-builders";

const t = createTranslator({ locale: "en", messages: en }) as unknown as (key: string) => string;
const tZh = createTranslator({ locale: "zh", messages: zh }) as unknown as (key: string) => string;

const fig = (met: number, breached: number, attainment: number | null, excluded = 0) => ({
  met,
  breached,
  excluded,
  n: met + breached,
  attainment,
});
const byMetric = { firstResponse: fig(123, 1, 0.9919354838), workaround: fig(3, 0, 1), resolution: fig(0, 0, null) };

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

  it("our service: readable priorities, rounded attainment and credits as percent and money", () => {
    const csv = ourServiceCsv(
      {
        columns: [
          {
            key: "2026-04",
            kind: "month",
            period: { kind: "month", month: "2026-04" },
            byMetric,
            byPriority: { P0: byMetric, P1: byMetric, P2: byMetric, P3: byMetric },
          },
        ],
        credits: [
          {
            month: "2026-04",
            complete: true,
            availability: 99.87654,
            commitment: 99.9,
            downtimeMinutes: 53,
            incidentIds: [],
            availabilityCreditPercent: 10,
            availabilityCreditCents: 250_000,
            supportBreaches: 2,
            supportCreditPercent: 4,
            supportCreditCents: 100_000,
          },
        ],
      },
      t,
    );
    expect(csv.header.at(-1)).toBe("Credit (USD)");
    expect(csv.rows[0]).toEqual(["2026-04", "First response", "All priorities", 123, 1, 124, 0, 99.2, null]);
    expect(csv.rows[2]!.slice(0, 3)).toEqual(["2026-04", "First response", "P1 high"]);
    expect(csv.rows.at(-3)!.at(-2)).toBe(99.877);
    expect(csv.rows.at(-2)).toEqual(["2026-04", "Availability credit", "", null, null, null, null, 10, 2500]);
    expect(csv.rows.at(-1)!.slice(-2)).toEqual([4, 1000]);
    // Every percentage has at most one decimal (availability keeps three, as the page shows it).
    for (const row of csv.rows.slice(0, -3)) expect(String(row[7] ?? "")).toMatch(/^(\d{1,3}(\.\d)?)?$/);
  });

  it("speaks the viewer's language", () => {
    const csv = breachesCsv([{ productArea: "voice_calling", category: "compatibility", breached: 1 }], tZh);
    expect(csv.header).toEqual([zh.sla.productArea, zh.sla.category, zh.sla.breached]);
    expect(csv.rows[0]![0]).toBe(zh.tickets.productAreas.voice_calling);
    expect(ourServiceCsv({ columns: [], credits: [] }, tZh).header.at(-1)).toBe("赔付金额（美元）");
  });
});
