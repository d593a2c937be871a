import { describe, expect, it } from "vitest";
import {
  isKnownTimeZone,
  isValidLocalDate,
  parseClockTime,
  sortOpeningHours,
  supportedTimeZones,
  tidyClockInput,
  validateCalendarEdit,
  validateHoliday,
  validateOpeningHours,
  ZAddHolidayInput,
  ZUpdateCalendarInput,
  type OpeningPeriod,
} from "./calendars";

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);
const mon = (start: string, end: string): OpeningPeriod => ({ day: 1, start, end });

describe("clock times", () => {
  it("HH:MM reads as minutes since midnight; 24:00 only as an end", () => {
    expect(parseClockTime("09:00", false)).toBe(540);
    expect(parseClockTime("17:30", true)).toBe(1050);
    expect(parseClockTime("24:00", true)).toBe(1440);
    expect(parseClockTime("24:00", false)).toBeNull();
    expect(parseClockTime("24:30", true)).toBeNull();
  });

  it.each(["9:00", "09:60", "25:00", "0900", "09:00:00", " 09:00", "", "ab:cd"])("%j is not an HH:MM time", (value) => {
    expect(parseClockTime(value, true)).toBeNull();
  });
});

describe("typed times", () => {
  it.each([
    ["9", "09:00"],
    ["930", "09:30"],
    ["0930", "09:30"],
    ["9:30", "09:30"],
    ["17.30", "17:30"],
    [" 24:00 ", "24:00"],
    ["9am", "9am"],
    ["123456", "123456"],
  ])("%j is tidied to %j", (typed, tidy) => expect(tidyClockInput(typed)).toBe(tidy));
});

describe("weekly opening hours", () => {
  it("a split day (Mon 09:00-12:00 and 13:00-18:00) and a day that closes at 24:00 are valid", () => {
    expect(
      validateOpeningHours([mon("09:00", "12:00"), mon("13:00", "18:00"), { day: 6, start: "00:00", end: "24:00" }]),
    ).toEqual([]);
  });

  it("periods that touch (12:00 end, 12:00 start) do not overlap", () => {
    expect(validateOpeningHours([mon("09:00", "12:00"), mon("12:00", "18:00")])).toEqual([]);
  });

  it("an end before or at the start is refused on the end field", () => {
    expect(validateOpeningHours([mon("17:00", "09:00")])).toEqual([
      { path: ["hours", 0, "end"], code: "endBeforeStart", values: { start: "17:00", end: "09:00" } },
    ]);
    expect(codes(validateOpeningHours([mon("09:00", "09:00")]))).toEqual(["endBeforeStart"]);
    expect(codes(validateOpeningHours([mon("09:00", "00:00")]))).toEqual(["endBeforeStart"]);
  });

  it("overlapping periods on one day are refused on the later period, naming the earlier", () => {
    expect(validateOpeningHours([mon("13:00", "18:00"), mon("09:00", "14:00")])).toEqual([
      { path: ["hours", 0, "start"], code: "overlap", values: { other: "09:00-14:00" } },
    ]);
  });

  it("a period inside a longer one overlaps it, and so does one after it that starts before the long one ends", () => {
    const issues = validateOpeningHours([mon("08:00", "20:00"), mon("09:00", "10:00"), mon("11:00", "12:00")]);
    expect(issues.map((i) => i.path)).toEqual([
      ["hours", 1, "start"],
      ["hours", 2, "start"],
    ]);
    expect(issues.every((i) => i.values?.other === "08:00-20:00")).toBe(true);
  });

  it("the same hours on different days do not overlap", () => {
    expect(validateOpeningHours([mon("09:00", "17:30"), { day: 2, start: "09:00", end: "17:30" }])).toEqual([]);
  });

  it("malformed times are reported per field and take no part in overlap checks", () => {
    expect(validateOpeningHours([mon("9am", "12:00"), mon("10:00", "25:00")])).toEqual([
      { path: ["hours", 0, "start"], code: "startFormat" },
      { path: ["hours", 1, "end"], code: "endFormat" },
    ]);
  });

  it("a week with no opening period is refused", () => {
    expect(codes(validateOpeningHours([]))).toEqual(["noHours"]);
  });

  it("more than six periods a day is refused", () => {
    const many = Array.from({ length: 7 }, (_, i) => mon(`0${i}:00`, `0${i}:30`));
    expect(codes(validateOpeningHours(many))).toEqual(["tooManyPeriods"]);
  });

  it("stored order is by weekday then start", () => {
    expect(
      sortOpeningHours([mon("13:00", "18:00"), { day: 0, start: "10:00", end: "12:00" }, mon("09:00", "12:00")]),
    ).toEqual([{ day: 0, start: "10:00", end: "12:00" }, mon("09:00", "12:00"), mon("13:00", "18:00")]);
  });
});

describe("time zones", () => {
  it("IANA zones of the runtime and UTC are known; an alias of a known zone is accepted", () => {
    expect(supportedTimeZones()).toContain("Asia/Shanghai");
    expect(supportedTimeZones()).toContain("UTC");
    expect(isKnownTimeZone("America/Los_Angeles")).toBe(true);
    expect(isKnownTimeZone("Asia/Kolkata")).toBe(true);
    expect(isKnownTimeZone("Asia/Calcutta")).toBe(true);
  });

  it.each(["Mars/Olympus", "", "asia/shanghai x", "GMT+8:00:00"])("%j is refused", (zone) => {
    expect(isKnownTimeZone(zone)).toBe(false);
  });
});

describe("calendar edit", () => {
  const good = {
    name: "China support",
    timeZone: "Asia/Shanghai",
    hours: [mon("09:00", "12:00"), mon("13:00", "18:00")],
  };

  it("a valid edit has no issues", () => expect(validateCalendarEdit(good)).toEqual([]));

  it("a blank name and an unknown zone are each reported on their field", () => {
    expect(validateCalendarEdit({ ...good, name: "  ", timeZone: "Mars/Olympus" })).toEqual([
      { path: ["name"], code: "nameRequired" },
      { path: ["timeZone"], code: "unknownZone", values: { zone: "Mars/Olympus" } },
    ]);
  });

  it("the input schema reports the issue in English on the period's field path", () => {
    const result = ZUpdateCalendarInput.safeParse({ id: 1, ...good, hours: [mon("18:00", "13:00")] });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([
      { path: ["hours", 0, "end"], message: "The end (13:00) must be after the start (18:00)." },
    ]);
  });
});

describe("holidays", () => {
  const h = { date: "2026-10-01", name: "National Day", source: "State Council notice" };

  it("a real date not yet closed, with a name and a source, is accepted", () =>
    expect(validateHoliday(h, ["2026-09-30"])).toEqual([]));

  it("dates must be YYYY-MM-DD and exist", () => {
    expect(isValidLocalDate("2028-02-29")).toBe(true);
    expect(isValidLocalDate("2026-02-29")).toBe(false);
    expect(codes(validateHoliday({ ...h, date: "2026-02-30" }, []))).toEqual(["dateInvalid"]);
    expect(codes(validateHoliday({ ...h, date: "2026-13-01" }, []))).toEqual(["dateInvalid"]);
    expect(codes(validateHoliday({ ...h, date: "1/10/2026" }, []))).toEqual(["dateFormat"]);
  });

  it("a date the calendar already closes on is refused as a duplicate", () => {
    expect(validateHoliday(h, ["2026-10-01"])).toEqual([
      { path: ["date"], code: "duplicateDate", values: { date: "2026-10-01" } },
    ]);
  });

  it("name and source are required", () => {
    expect(codes(validateHoliday({ ...h, name: " ", source: "" }, []))).toEqual([
      "holidayNameRequired",
      "sourceRequired",
    ]);
    expect(ZAddHolidayInput.safeParse({ calendarId: 1, ...h, name: "" }).success).toBe(false);
  });
});
