import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessMonth,
  commitmentTerms,
  countsAsDowntime,
  creditPercent,
  dailyDowntime,
  downtimeIntervals,
  downtimeMs,
  minutesInMonth,
  type CreditStep,
  type DowntimeIncident,
} from "./availability";

// All instants are UTC ("Z"); availability months are UTC months whatever the viewer's zone.
const at = (iso: string) => new Date(iso);
const MIN = 60_000;

let nextId = 1;
function outage(start: string, end: string | null, extra: Partial<DowntimeIncident> = {}): DowntimeIncident {
  return {
    id: nextId++,
    startedAt: at(start),
    endedAt: end === null ? null : at(end),
    planned: false,
    announcedAt: null,
    ...extra,
  };
}

const ENTERPRISE = {
  availabilityCommitment: 99.99,
  creditSchedule: [
    { below: 99.99, percent: 10 },
    { below: 99.0, percent: 25 },
    { below: 95.0, percent: 50 },
  ] satisfies CreditStep[],
};
const BASIC = {
  availabilityCommitment: 99.9,
  creditSchedule: [
    { below: 99.9, percent: 10 },
    { below: 99.0, percent: 25 },
    { below: 95.0, percent: 50 },
  ],
};
const LATER = at("2027-06-01T00:00:00Z");

describe("month bounds (UTC)", () => {
  it.each([
    ["2026-02", 28 * 1440],
    ["2028-02", 29 * 1440],
    ["2026-04", 30 * 1440],
    ["2026-01", 31 * 1440],
  ])("%s has %i minutes", (month, minutes) => {
    expect(minutesInMonth(month)).toBe(minutes);
  });

  it("refuses anything that is not YYYY-MM", () => {
    for (const bad of ["2026-13", "2026-1", "26-01", "2026-00", "", "2026-01-01"])
      expect(() => minutesInMonth(bad)).toThrow(RangeError);
  });
});

describe("unplanned downtime is the union of incidents", () => {
  it("two overlapping outages 10:00-11:00 and 10:30-11:30 UTC count 90 minutes, not 120", () => {
    const list = [
      outage("2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z"),
      outage("2026-03-10T10:30:00Z", "2026-03-10T11:30:00Z"),
    ];
    expect(downtimeMs(list, at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z"), LATER)).toBe(90 * MIN);
  });

  it("an outage inside another adds nothing; touching outages merge into one interval", () => {
    const list = [
      outage("2026-03-10T10:00:00Z", "2026-03-10T12:00:00Z"),
      outage("2026-03-10T10:15:00Z", "2026-03-10T10:45:00Z"),
      outage("2026-03-10T12:00:00Z", "2026-03-10T12:30:00Z"),
    ];
    const intervals = downtimeIntervals(list, at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z"), LATER);
    expect(intervals).toEqual([{ start: at("2026-03-10T10:00:00Z"), end: at("2026-03-10T12:30:00Z") }]);
  });

  it("an outage across midnight UTC at the month's end is split between the two months", () => {
    const list = [outage("2026-03-31T23:00:00Z", "2026-04-01T01:30:00Z")];
    expect(assessMonth(list, "2026-03", LATER, ENTERPRISE).downtimeMinutes).toBe(60);
    expect(assessMonth(list, "2026-04", LATER, ENTERPRISE).downtimeMinutes).toBe(90);
    expect(assessMonth(list, "2026-03", LATER, ENTERPRISE).incidentIds).toEqual([list[0]!.id]);
  });

  it("an outage ending exactly at 00:00 UTC on the 1st adds nothing to the next month", () => {
    const list = [outage("2026-03-31T23:00:00Z", "2026-04-01T00:00:00Z")];
    const april = assessMonth(list, "2026-04", LATER, ENTERPRISE);
    expect(april.downtimeMinutes).toBe(0);
    expect(april.incidentIds).toEqual([]);
    expect(april.availability).toBe(100);
  });

  it("union never exceeds the window and never double counts (property)", () => {
    const base = at("2026-05-01T00:00:00Z").getTime();
    const span = 31 * 1440 * MIN;
    const arb = fc.array(
      fc
        .tuple(fc.integer({ min: -3 * 1440, max: 32 * 1440 }), fc.integer({ min: 0, max: 3 * 1440 }))
        .map(([s, len]) => ({ s, len })),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const list = specs.map(({ s, len }) => ({
          id: 0,
          startedAt: new Date(base + s * MIN),
          endedAt: new Date(base + (s + len) * MIN),
          planned: false,
          announcedAt: null,
        }));
        const down = downtimeMs(list, new Date(base), new Date(base + span), LATER);
        const sum = list.reduce(
          (acc, i) =>
            acc + Math.max(0, Math.min(i.endedAt.getTime(), base + span) - Math.max(i.startedAt.getTime(), base)),
          0,
        );
        // Counting minute by minute gives the same union.
        const minutes = new Set<number>();
        for (const { s, len } of specs)
          for (let m = Math.max(s, 0); m < Math.min(s + len, 31 * 1440); m++) minutes.add(m);
        return down <= span && down <= sum && down === minutes.size * MIN;
      }),
      { numRuns: 200 },
    );
  });
});

describe("planned maintenance", () => {
  const start = "2026-06-10T02:00:00Z";
  const end = "2026-06-10T04:00:00Z";

  it("announced exactly 72 hours ahead does not count", () => {
    const m = outage(start, end, { planned: true, announcedAt: at("2026-06-07T02:00:00Z") });
    expect(countsAsDowntime(m)).toBe(false);
    const june = assessMonth([m], "2026-06", LATER, ENTERPRISE);
    expect(june.downtimeMinutes).toBe(0);
    expect(june.excusedMaintenanceIds).toEqual([m.id]);
    expect(june.incidentIds).toEqual([]);
  });

  it("announced 71 h 59 min ahead counts in full: short notice is downtime", () => {
    const m = outage(start, end, { planned: true, announcedAt: at("2026-06-07T02:01:00Z") });
    expect(countsAsDowntime(m)).toBe(true);
    expect(assessMonth([m], "2026-06", LATER, ENTERPRISE).downtimeMinutes).toBe(120);
  });

  it("never announced counts in full", () => {
    expect(
      assessMonth([outage(start, end, { planned: true, announcedAt: null })], "2026-06", LATER, ENTERPRISE)
        .downtimeMinutes,
    ).toBe(120);
  });
});

describe("ongoing incidents", () => {
  it("an ongoing outage counts until now: started 2026-11-20 10:00Z, now 12:00Z is 120 minutes", () => {
    const now = at("2026-11-20T12:00:00Z");
    const list = [outage("2026-11-20T10:00:00Z", null)];
    const nov = assessMonth(list, "2026-11", now, ENTERPRISE);
    expect(nov.downtimeMinutes).toBe(120);
    // The denominator stays the whole 30-day month, as the commitment is written.
    expect(nov.availability).toBeCloseTo(100 * (1 - 120 / 43_200), 10);
    expect(nov.incidentIds).toEqual([list[0]!.id]);
  });

  it("nothing after now counts: scheduled short-notice maintenance tomorrow, or an end time in the future", () => {
    const now = at("2026-11-20T12:00:00Z");
    const future = outage("2026-11-21T02:00:00Z", "2026-11-21T03:00:00Z", {
      planned: true,
      announcedAt: at("2026-11-20T11:00:00Z"),
    });
    const endsLater = outage("2026-11-20T11:30:00Z", "2026-11-20T13:00:00Z");
    const nov = assessMonth([future, endsLater], "2026-11", now, ENTERPRISE);
    expect(nov.downtimeMinutes).toBe(30);
    expect(nov.incidentIds).toEqual([endsLater.id]);
  });

  it("a month entirely in the future has full availability", () => {
    const now = at("2026-11-20T12:00:00Z");
    expect(assessMonth([outage("2026-11-20T10:00:00Z", null)], "2026-12", now, ENTERPRISE)).toMatchObject({
      availability: 100,
      downtimeMinutes: 0,
      creditPercent: 0,
    });
  });
});

describe("service credits follow the tier's schedule", () => {
  // 30-day month: 43,200 minutes. 99.99 % allows 4.32 minutes; 99.0 % allows 432; 95.0 % allows 2,160.
  const april = (minutes: number) =>
    assessMonth(
      [outage("2026-04-10T00:00:00Z", new Date(at("2026-04-10T00:00:00Z").getTime() + minutes * MIN).toISOString())],
      "2026-04",
      LATER,
      ENTERPRISE,
    );

  it.each([
    [0, 0, false],
    [4.32, 0, false], // exactly 99.99 %: at the commitment, not below it
    [4.33, 10, true],
    [432, 10, true], // exactly 99.0 %
    [433, 25, true],
    [2160, 25, true], // exactly 95.0 %
    [2161, 50, true],
  ])("%f minutes down in a 30-day month owes %i %%", (minutes, percent, below) => {
    const month = april(minutes);
    expect(month.creditPercent).toBe(percent);
    expect(month.belowCommitment).toBe(below);
  });

  it("month length matters: 45 minutes in 28-day February is below Basic's 99.9 % (40.32 min allowed); 43 minutes in 30-day April is not (43.2 allowed)", () => {
    const list = [outage("2026-02-10T00:00:00Z", "2026-02-10T00:45:00Z")];
    expect(assessMonth(list, "2026-02", LATER, ENTERPRISE).creditPercent).toBe(10);
    // February 2026 has 40,320 minutes: 99.9 % allows 40.32 minutes, so 45 minutes is below.
    expect(assessMonth(list, "2026-02", LATER, BASIC).creditPercent).toBe(10);
    const aprilList = [outage("2026-04-10T00:00:00Z", "2026-04-10T00:43:00Z")];
    // April has 43,200 minutes: 99.9 % allows 43.2 minutes, so 43 minutes is not below.
    expect(assessMonth(aprilList, "2026-04", LATER, BASIC).creditPercent).toBe(0);
  });

  it("an unsorted schedule gives the highest applicable step", () => {
    const schedule = [
      { below: 95, percent: 50 },
      { below: 99.95, percent: 10 },
      { below: 99, percent: 25 },
    ];
    const period = 43_200 * MIN;
    expect(creditPercent(500 * MIN, period, schedule)).toBe(25);
    expect(creditPercent(30 * MIN, period, schedule)).toBe(10);
    expect(creditPercent(21 * MIN, period, schedule)).toBe(0);
  });
});

describe("daily bars", () => {
  it("the last 3 UTC days ending 2026-11-20 show each day's downtime and its incidents", () => {
    const now = at("2026-11-20T12:00:00Z");
    const a = outage("2026-11-18T23:30:00Z", "2026-11-19T00:30:00Z");
    const m = outage("2026-11-20T01:00:00Z", "2026-11-20T02:00:00Z", {
      planned: true,
      announcedAt: at("2026-11-10T00:00:00Z"),
    });
    const days = dailyDowntime([a, m], now, 3);
    expect(days).toEqual([
      { day: "2026-11-18", downtimeMinutes: 30, incidentIds: [a.id] },
      { day: "2026-11-19", downtimeMinutes: 30, incidentIds: [a.id] },
      { day: "2026-11-20", downtimeMinutes: 0, incidentIds: [] },
    ]);
  });
});

describe("an organization's own availability commitment", () => {
  const tier = {
    availabilityCommitment: 99.99,
    creditSchedule: [
      { below: 99.99, percent: 10 },
      { below: 99.0, percent: 25 },
      { below: 95.0, percent: 50 },
    ],
  };

  it("none of its own: the tier's commitment and schedule", () => {
    expect(commitmentTerms(null, tier)).toEqual(tier);
  });

  it("its own commitment moves the schedule's first step with it", () => {
    expect(commitmentTerms(99.5, tier)).toEqual({
      availabilityCommitment: 99.5,
      creditSchedule: [
        { below: 99.5, percent: 10 },
        { below: 99.0, percent: 25 },
        { below: 95.0, percent: 50 },
      ],
    });
  });

  it("no credit is owed while its own commitment is met: steps above it are dropped", () => {
    const terms = commitmentTerms(98.5, tier);
    expect(terms.creditSchedule).toEqual([
      { below: 98.5, percent: 10 },
      { below: 95.0, percent: 50 },
    ]);
    // 98.8 % of a 30-day month: below the tier's 99 % step, yet above the organization's commitment.
    const month = 30 * 24 * 60 * 60_000;
    expect(creditPercent(month * 0.012, month, terms.creditSchedule)).toBe(0);
    expect(creditPercent(month * 0.012, month, tier.creditSchedule)).toBe(25);
  });
});
