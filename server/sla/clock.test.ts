import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ALWAYS_OPEN,
  addBusinessMinutes,
  businessMinutesBetween,
  closedDaysBetween,
  openIntervals,
  type BusinessCalendar,
} from "./clock";

type Day = BusinessCalendar["hours"][number]["day"];
const WEEKDAYS: Day[] = [1, 2, 3, 4, 5];

function weekdays(
  timeZone: string,
  holidays: string[] = [],
  periods: [string, string][] = [["09:00", "17:30"]],
): BusinessCalendar {
  return { timeZone, holidays, hours: WEEKDAYS.flatMap((day) => periods.map(([start, end]) => ({ day, start, end }))) };
}

function sundays(timeZone: string, start: string, end: string): BusinessCalendar {
  return { timeZone, holidays: [], hours: [{ day: 0, start, end }] };
}

const CHINA = weekdays("Asia/Shanghai");
const AMERICAS = weekdays("America/Los_Angeles");
const EMEA = weekdays("Europe/London");
const SYDNEY = weekdays("Australia/Sydney");

const at = (iso: string) => new Date(iso);
const due = (start: string, minutes: number, calendar: BusinessCalendar) =>
  addBusinessMinutes(at(start), minutes, calendar).toISOString();
const between = (from: string, to: string, calendar: BusinessCalendar) =>
  businessMinutesBetween(at(from), at(to), calendar);

describe("addBusinessMinutes on business-hours calendars", () => {
  it("a ticket filed Friday 18:00 Shanghai with a 4 business hour target is due Monday 13:00 Shanghai", () => {
    expect(due("2024-03-08T10:00:00Z", 240, CHINA)).toBe("2024-03-11T05:00:00.000Z");
  });

  it("a ticket filed Friday 18:00 Shanghai with a 4 business hour target is due Tuesday 13:00 Shanghai when Monday is a holiday", () => {
    expect(due("2024-03-08T10:00:00Z", 240, weekdays("Asia/Shanghai", ["2024-03-11"]))).toBe(
      "2024-03-12T05:00:00.000Z",
    );
  });

  it("a ticket filed Saturday 11:00 Shanghai starts counting Monday 09:00 Shanghai", () => {
    expect(due("2024-03-09T03:00:00Z", 30, CHINA)).toBe("2024-03-11T01:30:00.000Z");
  });

  it("a ticket filed Tuesday 07:00 Shanghai, before opening, with a 1 hour target is due Tuesday 10:00 Shanghai", () => {
    expect(due("2024-03-11T23:00:00Z", 60, CHINA)).toBe("2024-03-12T02:00:00.000Z");
  });

  it("a target that runs out exactly at closing time is due at closing, not at the next opening (Asia/Shanghai)", () => {
    expect(due("2024-03-11T01:00:00Z", 510, CHINA)).toBe("2024-03-11T09:30:00.000Z");
    expect(due("2024-03-08T09:00:00Z", 30, CHINA)).toBe("2024-03-08T09:30:00.000Z");
  });

  it("one business day filed at 09:00 Monday Shanghai is due Monday 17:30; one minute more is due Tuesday 09:01", () => {
    expect(due("2024-03-11T01:00:00Z", 511, CHINA)).toBe("2024-03-12T01:01:00.000Z");
  });

  it("zero minutes is due at once, even while the calendar is closed (Asia/Shanghai, Saturday)", () => {
    expect(due("2024-03-09T03:17:00Z", 0, CHINA)).toBe("2024-03-09T03:17:00.000Z");
  });

  it("a 40 business day target filed Monday 09:00 Shanghai is due Friday 17:30 eight weeks later", () => {
    expect(due("2024-03-11T01:00:00Z", 40 * 510, CHINA)).toBe("2024-05-03T09:30:00.000Z");
  });

  it("a split shift (09:00-12:00, 13:00-18:00 Shanghai) skips lunch: 60 minutes from 11:30 is due 13:30", () => {
    const split = weekdays(
      "Asia/Shanghai",
      [],
      [
        ["09:00", "12:00"],
        ["13:00", "18:00"],
      ],
    );
    expect(due("2024-03-11T03:30:00Z", 60, split)).toBe("2024-03-11T05:30:00.000Z");
    expect(due("2024-03-11T03:00:00Z", 60, split)).toBe("2024-03-11T04:00:00.000Z");
    expect(between("2024-03-11T00:00:00Z", "2024-03-11T11:00:00Z", split)).toBe(480);
  });

  it("a calendar open until 24:00 (Europe/London 16:00-24:00) counts to midnight, and is due at midnight when the target runs out there", () => {
    const late = weekdays("Europe/London", [], [["16:00", "24:00"]]);
    expect(due("2024-03-08T23:00:00Z", 60, late)).toBe("2024-03-09T00:00:00.000Z");
    expect(due("2024-03-08T23:00:00Z", 90, late)).toBe("2024-03-11T16:30:00.000Z");
    expect(between("2024-03-04T00:00:00Z", "2024-03-11T00:00:00Z", late)).toBe(5 * 480);
  });

  it("the always-open calendar counts every minute", () => {
    expect(due("2024-03-09T03:17:00Z", 90, ALWAYS_OPEN)).toBe("2024-03-09T04:47:00.000Z");
    expect(between("2024-03-09T00:00:00Z", "2024-03-10T00:00:00Z", ALWAYS_OPEN)).toBe(1440);
  });
});

describe("daylight-saving weeks", () => {
  it("America/Los_Angeles spring forward: 4 business hours from Friday 17:00 PST are due Monday 12:30 PDT (19:30 UTC)", () => {
    expect(due("2024-03-09T01:00:00Z", 240, AMERICAS)).toBe("2024-03-11T19:30:00.000Z");
  });

  it("America/Los_Angeles fall back: 4 business hours from Friday 17:00 PDT are due Monday 12:30 PST (20:30 UTC)", () => {
    expect(due("2024-11-02T00:00:00Z", 240, AMERICAS)).toBe("2024-11-04T20:30:00.000Z");
  });

  it("Europe/London spring forward over Easter holidays: 4 business hours from Thursday 17:00 GMT are due Tuesday 12:30 BST", () => {
    const emea = weekdays("Europe/London", ["2024-03-29", "2024-04-01"]);
    expect(due("2024-03-28T17:00:00Z", 240, emea)).toBe("2024-04-02T11:30:00.000Z");
  });

  it("Europe/London fall back: 4 business hours from Friday 17:00 BST are due Monday 12:30 GMT", () => {
    expect(due("2024-10-25T16:00:00Z", 240, EMEA)).toBe("2024-10-28T12:30:00.000Z");
  });

  it("Australia/Sydney fall back (April): 4 business hours from Friday 17:00 AEDT are due Monday 12:30 AEST", () => {
    expect(due("2024-04-05T06:00:00Z", 240, SYDNEY)).toBe("2024-04-08T02:30:00.000Z");
  });

  it("Australia/Sydney spring forward (October): 4 business hours from Friday 17:00 AEST are due Monday 12:30 AEDT", () => {
    expect(due("2024-10-04T07:00:00Z", 240, SYDNEY)).toBe("2024-10-07T01:30:00.000Z");
  });

  it("a business week has the same open minutes on either side of a clock change (America/Los_Angeles, Europe/London, Australia/Sydney)", () => {
    expect(between("2024-03-04T00:00:00Z", "2024-03-18T00:00:00Z", AMERICAS)).toBe(10 * 510);
    expect(between("2024-10-21T00:00:00Z", "2024-11-04T00:00:00Z", EMEA)).toBe(10 * 510);
    expect(between("2024-09-29T00:00:00Z", "2024-10-12T00:00:00Z", SYDNEY)).toBe(10 * 510);
  });

  const allSunday = [
    ["America/Los_Angeles", "2024-03-10", "2024-11-03"],
    ["Europe/London", "2024-03-31", "2024-10-27"],
    ["Australia/Sydney", "2024-10-06", "2024-04-07"],
  ] as const;
  for (const [zone, springDay, fallDay] of allSunday) {
    it(`a Sunday open 00:00-24:00 in ${zone} has 23 hours on spring-forward day ${springDay} and 25 on fall-back day ${fallDay}`, () => {
      const calendar = sundays(zone, "00:00", "24:00");
      const around = (day: string) =>
        [
          new Date(Date.parse(`${day}T00:00:00Z`) - 2 * 86_400_000),
          new Date(Date.parse(`${day}T00:00:00Z`) + 2 * 86_400_000),
        ] as const;
      expect(businessMinutesBetween(...around(springDay), calendar)).toBe(23 * 60);
      expect(businessMinutesBetween(...around(fallDay), calendar)).toBe(25 * 60);
    });
  }

  it("America/Los_Angeles spring forward: a 02:00-03:00 window that does not exist contributes nothing; 01:00-05:00 contributes 3 hours", () => {
    expect(
      between("2024-03-09T00:00:00Z", "2024-03-12T00:00:00Z", sundays("America/Los_Angeles", "02:00", "03:00")),
    ).toBe(0);
    expect(
      between("2024-03-09T00:00:00Z", "2024-03-12T00:00:00Z", sundays("America/Los_Angeles", "01:00", "05:00")),
    ).toBe(180);
    expect(
      between("2024-03-09T00:00:00Z", "2024-03-12T00:00:00Z", sundays("America/Los_Angeles", "02:30", "04:00")),
    ).toBe(60);
  });

  it("America/Los_Angeles fall back: 00:00-05:00 holds 6 real hours; a period starting in the repeated hour starts at its first occurrence", () => {
    expect(
      between("2024-11-02T00:00:00Z", "2024-11-05T00:00:00Z", sundays("America/Los_Angeles", "00:00", "05:00")),
    ).toBe(360);
    const fromRepeated = sundays("America/Los_Angeles", "01:30", "05:00");
    expect(openIntervals(at("2024-11-02T00:00:00Z"), at("2024-11-05T00:00:00Z"), fromRepeated)).toEqual([
      { start: at("2024-11-03T08:30:00Z"), end: at("2024-11-03T13:00:00Z") },
    ]);
    const split: BusinessCalendar = {
      timeZone: "America/Los_Angeles",
      holidays: [],
      hours: [
        { day: 0, start: "00:00", end: "01:30" },
        { day: 0, start: "01:30", end: "05:00" },
      ],
    };
    expect(between("2024-11-02T00:00:00Z", "2024-11-05T00:00:00Z", split)).toBe(360);
  });

  it("Europe/London: 00:30-03:00 holds 90 minutes on spring-forward Sunday and 3.5 hours on fall-back Sunday", () => {
    const calendar = sundays("Europe/London", "00:30", "03:00");
    expect(between("2024-03-30T00:00:00Z", "2024-04-01T00:00:00Z", calendar)).toBe(90);
    expect(between("2024-10-26T00:00:00Z", "2024-10-28T00:00:00Z", calendar)).toBe(210);
  });

  it("Australia/Sydney fall back: a Sunday open 00:00-05:00 holds 6 real hours on 7 April 2024", () => {
    expect(between("2024-04-05T00:00:00Z", "2024-04-08T00:00:00Z", sundays("Australia/Sydney", "00:00", "05:00"))).toBe(
      360,
    );
  });

  it("America/Los_Angeles: 3 hours on an all-Sunday calendar from 00:00 PST on spring-forward day are due 04:00 PDT", () => {
    expect(due("2024-03-10T08:00:00Z", 180, sundays("America/Los_Angeles", "00:00", "24:00"))).toBe(
      "2024-03-10T11:00:00.000Z",
    );
  });
});

describe("businessMinutesBetween", () => {
  it("counts Friday 17:00 to Monday 10:00 Shanghai as 90 open minutes", () => {
    expect(between("2024-03-08T09:00:00Z", "2024-03-11T02:00:00Z", CHINA)).toBe(90);
  });

  it("is 0 when to is not after from (Asia/Shanghai)", () => {
    expect(between("2024-03-11T03:00:00Z", "2024-03-11T03:00:00Z", CHINA)).toBe(0);
    expect(between("2024-03-11T04:00:00Z", "2024-03-11T03:00:00Z", CHINA)).toBe(0);
  });

  it("counts whole ms, so instants off the minute give fractional minutes (Asia/Shanghai)", () => {
    expect(between("2024-03-11T01:00:00Z", "2024-03-11T01:00:30Z", CHINA)).toBe(0.5);
  });
});

describe("explanation helpers", () => {
  const withHoliday = weekdays("Asia/Shanghai", ["2024-03-11"]);

  it("lists the Saturday and Sunday as closed and Monday as a holiday between Friday 18:00 and Tuesday 13:00 Shanghai", () => {
    expect(closedDaysBetween(at("2024-03-08T10:00:00Z"), at("2024-03-12T05:00:00Z"), withHoliday)).toEqual([
      { date: "2024-03-09", reason: "closed" },
      { date: "2024-03-10", reason: "closed" },
      { date: "2024-03-11", reason: "holiday" },
    ]);
  });

  it("a holiday on a Saturday is reported as closed, since the calendar was closed anyway (Asia/Shanghai)", () => {
    const calendar = weekdays("Asia/Shanghai", ["2024-03-09"]);
    expect(closedDaysBetween(at("2024-03-08T10:00:00Z"), at("2024-03-09T16:00:00Z"), calendar)).toEqual([
      { date: "2024-03-09", reason: "closed" },
    ]);
  });

  it("gives the open intervals clipped to the range, per local date (Asia/Shanghai)", () => {
    expect(openIntervals(at("2024-03-08T05:00:00Z"), at("2024-03-12T05:00:00Z"), withHoliday)).toEqual([
      { start: at("2024-03-08T05:00:00Z"), end: at("2024-03-08T09:30:00Z") },
      { start: at("2024-03-12T01:00:00Z"), end: at("2024-03-12T05:00:00Z") },
    ]);
  });

  it("splits the always-open calendar at UTC midnight", () => {
    expect(openIntervals(at("2024-03-08T22:00:00Z"), at("2024-03-09T01:00:00Z"), ALWAYS_OPEN)).toEqual([
      { start: at("2024-03-08T22:00:00Z"), end: at("2024-03-09T00:00:00Z") },
      { start: at("2024-03-09T00:00:00Z"), end: at("2024-03-09T01:00:00Z") },
    ]);
  });
});

describe("invalid calendars", () => {
  it("a calendar with no opening hours throws instead of searching forever", () => {
    const closed: BusinessCalendar = { timeZone: "Asia/Shanghai", hours: [], holidays: [] };
    expect(() => addBusinessMinutes(at("2024-03-08T10:00:00Z"), 60, closed)).toThrow(/no opening hours/);
  });

  it("a calendar whose only open date is a holiday throws after a bounded search", () => {
    const oneDay: BusinessCalendar = {
      timeZone: "UTC",
      hours: [{ day: 1, start: "09:00", end: "10:00" }],
      holidays: [],
    };
    const everyMonday = Array.from({ length: 600 }, (_, i) =>
      new Date(Date.parse("2024-03-11T00:00:00Z") + i * 7 * 86_400_000).toISOString().slice(0, 10),
    );
    expect(() => addBusinessMinutes(at("2024-03-08T10:00:00Z"), 60, { ...oneDay, holidays: everyMonday })).toThrow(
      /closed for more than/,
    );
  });

  it("rejects malformed times, empty periods, unknown zones and negative minutes", () => {
    const start = at("2024-03-08T10:00:00Z");
    expect(() => addBusinessMinutes(start, 1, weekdays("Asia/Shanghai", [], [["9:00", "17:30"]]))).toThrow(
      /Invalid calendar time/,
    );
    expect(() => addBusinessMinutes(start, 1, weekdays("Asia/Shanghai", [], [["17:30", "09:00"]]))).toThrow(/empty/);
    expect(() => addBusinessMinutes(start, 1, weekdays("Mars/Olympus_Mons"))).toThrow(/Unknown time zone/);
    expect(() => addBusinessMinutes(start, -1, CHINA)).toThrow(/Invalid business minutes/);
  });
});

describe("properties", () => {
  const calendars: [string, BusinessCalendar][] = [
    ["China with holidays", weekdays("Asia/Shanghai", ["2024-02-12", "2024-02-13", "2024-10-01", "2025-01-29"])],
    ["Americas", AMERICAS],
    ["EMEA with holidays", weekdays("Europe/London", ["2024-03-29", "2024-04-01", "2024-12-25"])],
    ["Sydney", SYDNEY],
    [
      "Los Angeles split shifts to 24:00, every day",
      {
        timeZone: "America/Los_Angeles",
        holidays: ["2024-11-28"],
        hours: ([0, 1, 2, 3, 4, 5, 6] as const).flatMap((day) => [
          { day, start: "00:00", end: "01:30" },
          { day, start: "01:30", end: "02:30" },
          { day, start: "20:00", end: "24:00" },
        ]),
      },
    ],
    ["London Sundays only", sundays("Europe/London", "00:30", "03:00")],
    ["always open", ALWAYS_OPEN],
  ];
  const instant = fc
    .integer({ min: Date.parse("2023-01-01T00:00:00Z"), max: Date.parse("2026-12-31T00:00:00Z") })
    .map((ms) => new Date(ms));
  const minutes = fc.integer({ min: 0, max: 30_000 });

  for (const [name, calendar] of calendars) {
    it(`measuring the business minutes added returns the same minutes, and no earlier instant reaches them (${calendar.timeZone}: ${name})`, () => {
      fc.assert(
        fc.property(instant, minutes, (start, m) => {
          const dueAt = addBusinessMinutes(start, m, calendar);
          expect(businessMinutesBetween(start, dueAt, calendar)).toBe(m);
          if (m > 0) expect(businessMinutesBetween(start, new Date(dueAt.getTime() - 1), calendar)).toBeLessThan(m);
        }),
      );
    });

    it(`adding in two steps gives the same due time as adding at once (${calendar.timeZone}: ${name})`, () => {
      fc.assert(
        fc.property(instant, minutes, minutes, (start, a, b) => {
          const stepwise = addBusinessMinutes(addBusinessMinutes(start, a, calendar), b, calendar);
          expect(stepwise.getTime()).toBe(addBusinessMinutes(start, a + b, calendar).getTime());
        }),
      );
    });
  }
});
