import { describe, expect, it } from "vitest";
import { parseDrill, parseFilter, toSearch } from "./url";

const NOW = new Date("2026-11-20T12:00:00Z");

describe("the /sla URL", () => {
  it("defaults to the current UTC quarter and drops unknown values", () => {
    expect(parseFilter({ tier: "platinum", region: "mars", org: "-4" }, NOW)).toEqual({
      period: { kind: "quarter", quarter: "2026-Q4" },
    });
  });

  it("round-trips a drill-down through its search parameters", () => {
    const drill = {
      period: { kind: "custom" as const, fromMonth: "2026-01", toMonth: "2026-06" },
      tierCode: "enterprise" as const,
      priority: "P0" as const,
      organizationId: 7,
      metric: "firstResponse" as const,
      outcome: "breached" as const,
      band: 0,
      month: "2026-03",
      asOf: NOW.getTime(),
    };
    const search = toSearch(drill);
    // The instant the figure was read at travels as `at`.
    expect(search.get("at")).toBe(String(NOW.getTime()));
    const back = parseDrill(Object.fromEntries(search), NOW);
    expect(back).toEqual({ ...drill, productArea: undefined, region: undefined, category: undefined });
    expect(parseDrill({ at: "soon" }, NOW).asOf).toBeUndefined();
  });

  it("a custom period that ends before it starts falls back to the current quarter", () => {
    expect(parseFilter({ period: "custom", from: "2026-06", to: "2026-01" }, NOW).period).toEqual({
      kind: "quarter",
      quarter: "2026-Q4",
    });
  });
});
