import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BusinessCalendar } from "@/server/sla/clock";
import { slaRiskState } from "@/server/sla/evaluate";
import { riskThreshold } from "./risk";

const SHANGHAI: BusinessCalendar = {
  timeZone: "Asia/Shanghai",
  hours: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1 | 2 | 3 | 4 | 5, start: "09:00", end: "17:30" })),
  holidays: ["2026-10-01", "2026-10-02", "2026-10-05"],
};
const ALWAYS: BusinessCalendar = {
  timeZone: "UTC",
  hours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day: day as 0, start: "00:00", end: "24:00" })),
  holidays: [],
};

describe("riskThreshold", () => {
  it("a 4 business hour target (Asia/Shanghai) due Monday 09:30 is at risk at Friday 17:00 (exactly a quarter left), not at Friday 16:00", () => {
    const target = { minutes: 240, calendar: SHANGHAI };
    const due = new Date("2026-11-23T01:30:00Z"); // Monday 09:30 Shanghai
    expect(due < riskThreshold(new Date("2026-11-20T09:00:00Z"), target)).toBe(true); // Friday 17:00: 30 + 30 = 60 min left
    expect(due < riskThreshold(new Date("2026-11-20T08:00:00Z"), target)).toBe(false); // Friday 16:00: 90 + 30 = 120 min left
  });

  it("agrees with slaRiskState for any due time and instant, on business hours with holidays and on 24x7", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("2026-09-25T00:00:00Z"), max: Date.parse("2026-10-10T00:00:00Z") }),
        fc.integer({ min: 0, max: 10 * 86_400_000 }),
        fc.constantFrom(15, 60, 240, 510, 2040),
        fc.boolean(),
        (nowMs, ahead, minutes, business) => {
          const target = { minutes, calendar: business ? SHANGHAI : ALWAYS };
          const now = new Date(nowMs);
          const dueAt = new Date(nowMs + ahead);
          const expected =
            slaRiskState({ dueAt, achievedAt: null, status: "running" }, target, now)?.state === "atRisk";
          expect(dueAt < riskThreshold(now, target)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
