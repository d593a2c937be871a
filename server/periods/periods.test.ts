import fc from "fast-check";
import { DateTime } from "luxon";
import { afterAll, describe, expect, it } from "vitest";
import {
  completedQuarters,
  isMonth,
  isQuarter,
  lastMonths,
  monthOf,
  monthPeriod,
  monthsApart,
  monthsBetween,
  monthsOfQuarter,
  previousPeriod,
  previousQuarter,
  quarterOf,
  quarterPeriod,
  resolvePeriod,
} from "./periods";

/** Instants within the supported years (2000-2099). */
const instant = fc.date({
  min: new Date("2000-01-01T00:00:00Z"),
  max: new Date("2099-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});
const month = fc
  .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);
const quarter = fc
  .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 4 }))
  .map(([y, q]) => `${y}-Q${q}`);

const originalZone = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalZone;
});

// Periods are UTC whatever zone the server runs in: every property holds under each of these
// (every supported zone is checked for the key functions below; these are the awkward ones).
const ZONES = [
  "UTC",
  "Asia/Shanghai",
  "America/Los_Angeles",
  "Europe/London",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
];

describe.each(ZONES)("periods with the server in %s", (zone) => {
  process.env.TZ = zone;

  it("an instant lies in the month and quarter it is keyed to, and each key's period reads back as the key", () => {
    process.env.TZ = zone;
    fc.assert(
      fc.property(instant, (at) => {
        const m = monthPeriod(monthOf(at));
        const q = quarterPeriod(quarterOf(at));
        expect(m.from <= at && at < m.to).toBe(true);
        expect(q.from <= at && at < q.to).toBe(true);
        expect(monthOf(m.from)).toBe(monthOf(at));
        expect(quarterOf(q.from)).toBe(quarterOf(at));
        expect(monthOf(at)).toBe(DateTime.fromJSDate(at, { zone: "utc" }).toFormat("yyyy-MM"));
      }),
    );
  });

  it("a quarter is its three months back to back, and the quarter before ends where it starts", () => {
    process.env.TZ = zone;
    fc.assert(
      fc.property(quarter, (q) => {
        const months = monthsOfQuarter(q);
        expect(months).toHaveLength(3);
        expect(monthPeriod(months[0]!).from).toEqual(quarterPeriod(q).from);
        expect(monthPeriod(months[2]!).to).toEqual(quarterPeriod(q).to);
        if (q !== "2000-Q1") expect(quarterPeriod(previousQuarter(q)).to).toEqual(quarterPeriod(q).from);
        expect(resolvePeriod({ kind: "quarter", quarter: q })).toEqual(quarterPeriod(q));
      }),
    );
  });

  it("a custom range covers every month from its first to its last, and the period before has as many", () => {
    process.env.TZ = zone;
    fc.assert(
      fc.property(month, month, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const p = resolvePeriod({ kind: "custom", fromMonth: from, toMonth: to });
        const months = monthsBetween(p.from, p.to);
        expect(months[0]).toBe(from);
        expect(months.at(-1)).toBe(to);
        expect(months).toHaveLength(monthsApart(from, to) + 1);
        const before = previousPeriod(p);
        expect(before.to).toEqual(p.from);
        expect(monthsBetween(before.from, before.to)).toHaveLength(months.length);
      }),
    );
  });
});

describe("period keys", () => {
  it("every month and quarter key of every IANA zone's local date is a period key", () => {
    const at = new Date("2026-12-31T23:30:00Z");
    for (const zone of Intl.supportedValuesOf("timeZone")) {
      const local = DateTime.fromJSDate(at, { zone });
      expect(isMonth(local.toFormat("yyyy-MM"))).toBe(true);
      expect(isQuarter(`${local.year}-Q${local.quarter}`)).toBe(true);
    }
  });

  it("refuses malformed keys and years the product holds no data for", () => {
    for (const bad of [
      "1000-Q1",
      "9999-Q4",
      "2026-Q5",
      "2026-Q0",
      "26-Q1",
      "2026-13",
      "2026-00",
      "1999-12",
      "2100-01",
      "",
    ])
      expect(isQuarter(bad) || isMonth(bad)).toBe(false);
    expect(() => quarterPeriod("1000-Q1")).toThrow(RangeError);
    expect(() => monthPeriod("2026-13")).toThrow(RangeError);
  });

  it("on 2026-11-20 (Q4) the reviewable quarters are 2026-Q3 back, and the last three months end with November", () => {
    const now = new Date("2026-11-20T12:00:00Z");
    expect(completedQuarters(now, 3)).toEqual(["2026-Q3", "2026-Q2", "2026-Q1"]);
    expect(lastMonths(now, 3)).toEqual(["2026-09", "2026-10", "2026-11"]);
    expect(lastMonths(new Date("2026-01-15T10:00:00Z"), 3)).toEqual(["2025-11", "2025-12", "2026-01"]);
    expect(quarterPeriod("2026-Q4")).toEqual({
      from: new Date("2026-10-01T00:00:00Z"),
      to: new Date("2027-01-01T00:00:00Z"),
    });
  });
});
