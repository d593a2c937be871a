import { describe, expect, it } from "vitest";
import { coverageByPriority } from "./scope";

describe("service scope coverage", () => {
  it("Advanced: P0 and P1 first responses run 24x7, P2 and P3 only in business hours", () => {
    const cells = [
      { priority: "P0", metric: "firstResponse", calendarMode: "always" },
      { priority: "P0", metric: "resolution", calendarMode: "business" },
      { priority: "P1", metric: "firstResponse", calendarMode: "always" },
      { priority: "P2", metric: "firstResponse", calendarMode: "business" },
      { priority: "P3", metric: "firstResponse", calendarMode: "business" },
    ] as const;
    expect(coverageByPriority(cells, ["P0", "P1", "P2", "P3"])).toEqual({
      P0: "always",
      P1: "always",
      P2: "business",
      P3: "business",
    });
  });

  it("a priority without a first-response target reads as business hours", () => {
    expect(coverageByPriority([], ["P3"])).toEqual({ P3: "business" });
  });
});
