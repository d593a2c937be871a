import { describe, expect, it } from "vitest";
import { businessDayMinutes, typicalBusinessDayMinutes } from "./business-day";

const weekdays = (start: string, end: string) => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start, end }));

describe("business day length", () => {
  it("the Shanghai calendar open Mon-Fri 09:00-17:30 has 8.5-hour (510-minute) business days", () => {
    expect(businessDayMinutes(weekdays("09:00", "17:30"))).toBe(510);
  });

  it("a lunch break splits a day into two ranges that add up; a short Friday does not change the usual day", () => {
    const hours = [
      ...([1, 2, 3, 4] as const).flatMap((day) => [
        { day, start: "09:00", end: "12:00" },
        { day, start: "13:00", end: "18:00" },
      ]),
      { day: 5 as const, start: "09:00", end: "13:00" },
    ];
    expect(businessDayMinutes(hours)).toBe(480);
  });

  it("a calendar open around the clock has 24-hour days; one never open has none", () => {
    expect(
      businessDayMinutes(([0, 1, 2, 3, 4, 5, 6] as const).map((day) => ({ day, start: "00:00", end: "24:00" }))),
    ).toBe(1440);
    expect(businessDayMinutes([])).toBeNull();
  });

  it("the tiers' business day is the one most regional calendars share", () => {
    expect(
      typicalBusinessDayMinutes([
        { hours: weekdays("09:00", "17:30") },
        { hours: weekdays("08:00", "16:30") },
        { hours: weekdays("09:00", "17:00") },
      ]),
    ).toBe(510);
    expect(typicalBusinessDayMinutes([])).toBeNull();
  });
});
