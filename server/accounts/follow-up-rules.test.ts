import { describe, expect, it } from "vitest";
import { addDays, dayIn, dueDayRefusal, followUpState } from "./follow-up-rules";

describe("follow-up days", () => {
  it("today is the viewer's own calendar day: 2026-11-20 01:00 UTC is still the 19th in Los Angeles, the 20th in Shanghai", () => {
    const now = new Date("2026-11-20T01:00:00Z");
    expect(dayIn(now, "America/Los_Angeles")).toBe("2026-11-19");
    expect(dayIn(now, "Asia/Shanghai")).toBe("2026-11-20");
    expect(dayIn(now, "Not/AZone")).toBe("2026-11-20");
  });

  it("a follow-up is upcoming before its day, due today on it, overdue after it, done once completed", () => {
    expect(followUpState("2026-11-21", false, "2026-11-20")).toBe("upcoming");
    expect(followUpState("2026-11-21", false, "2026-11-21")).toBe("today");
    expect(followUpState("2026-11-21", false, "2026-11-22")).toBe("overdue");
    expect(followUpState("2026-11-01", true, "2026-11-22")).toBe("done");
  });

  it("a due day may be yesterday (zones differ) up to two years ahead; across a month and a leap day", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(dueDayRefusal("2026-11-19", "2026-11-20")).toBeNull();
    expect(dueDayRefusal("2026-11-18", "2026-11-20")?.messageKey).toBe("accounts.errors.followUpPast");
    expect(dueDayRefusal("2028-11-20", "2026-11-20")).toBeNull();
    expect(dueDayRefusal("2028-11-22", "2026-11-20")?.messageKey).toBe("accounts.errors.followUpTooFar");
    expect(dueDayRefusal("2026-02-29", "2026-01-01")?.messageKey).toBe("accounts.errors.badDay");
  });
});
