import { describe, expect, it } from "vitest";
import { workingHoursInZone } from "./working-hours";

describe("workingHoursInZone", () => {
  it("a Los Angeles account manager's 09:00-17:30 (PST, UTC-8) is 01:00-09:30 next day in Shanghai", () => {
    expect(
      workingHoursInZone("09:00-17:30", "America/Los_Angeles", "Asia/Shanghai", new Date("2026-11-20T18:00:00Z")),
    ).toEqual({ start: "01:00", end: "09:30" });
  });
  it("in summer (PDT, UTC-7) the same hours are 00:00-08:30 in Shanghai", () => {
    expect(
      workingHoursInZone("09:00-17:30", "America/Los_Angeles", "Asia/Shanghai", new Date("2026-07-15T18:00:00Z")),
    ).toEqual({ start: "00:00", end: "08:30" });
  });
  it("a malformed range gives null", () => {
    expect(workingHoursInZone("9-5", "Europe/London", "UTC", new Date("2026-11-20T12:00:00Z"))).toBeNull();
  });
});
