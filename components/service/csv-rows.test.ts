import { describe, expect, it } from "vitest";
import { byMetric, tEn as t, tZh } from "@/components/sla/csv-test-fixtures";
import { ourServiceCsv } from "./csv-rows";

describe("our service CSV", () => {
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
    expect(ourServiceCsv({ columns: [], credits: [] }, tZh).header.at(-1)).toBe("赔付金额（美元）");
  });
});
