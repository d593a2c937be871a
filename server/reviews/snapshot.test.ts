import { describe, expect, it } from "vitest";
import { computeHealth } from "@/server/accounts/health";
import {
  completedQuarters,
  monthsOfQuarter,
  previousQuarter,
  quarterOf,
  quarterPeriod,
} from "@/server/periods/periods";
import { assembleSnapshot, carriedItems, type SnapshotInputs } from "./snapshot";

const zero = { met: 0, breached: 0, excluded: 0, n: 0, attainment: null };
const byMetric = { firstResponse: zero, workaround: zero, resolution: zero };
const perPriority = { P0: zero, P1: zero, P2: zero, P3: zero };
const attainment = {
  byMetric,
  byMetricPriority: { firstResponse: perPriority, workaround: perPriority, resolution: perPriority },
};

const base: SnapshotInputs = {
  quarter: "2026-Q3",
  previousQuarter: "2026-Q2",
  from: new Date("2026-07-01T00:00:00Z"),
  to: new Date("2026-10-01T00:00:00Z"),
  organization: {
    id: 1,
    name: "Nimbus Live",
    tier: "enterprise",
    timeZone: "America/Los_Angeles",
    monthlyFeeCents: 4_000_000,
  },
  attainment: { current: attainment, previous: attainment },
  ticketCounts: [],
  months: ["2026-07", "2026-08", "2026-09"],
  breaches: [],
  commitment: 99.99,
  availability: [],
  incidents: [],
  satisfaction: { current: { n: 0, sum: 0 }, previous: { n: 0, sum: 0 } },
  kbGapQueries: [],
  kbGapTickets: 0,
  proactiveAlerts: [],
  health: computeHealth({
    breaches90d: 0,
    openUrgent: 0,
    oldestUrgentAgeDays: 0,
    satisfaction90d: null,
    satisfactionPrevious90d: null,
    escalations90d: 0,
    daysSinceEngagement: 5,
    daysToRenewal: 200,
  }),
};

describe("quarters (UTC)", () => {
  it("2026-Q3 is [1 Jul, 1 Oct) UTC; the quarter before 2026-Q1 is 2025-Q4", () => {
    expect(quarterPeriod("2026-Q3")).toEqual({
      from: new Date("2026-07-01T00:00:00Z"),
      to: new Date("2026-10-01T00:00:00Z"),
    });
    expect(previousQuarter("2026-Q1")).toBe("2025-Q4");
    expect(monthsOfQuarter("2026-Q4")).toEqual(["2026-10", "2026-11", "2026-12"]);
  });
  it("on 20 Nov 2026 the reviewable quarters start with 2026-Q3; 1 Jan 00:00 UTC already belongs to Q1", () => {
    expect(completedQuarters(new Date("2026-11-20T12:00:00Z"), 3)).toEqual(["2026-Q3", "2026-Q2", "2026-Q1"]);
    expect(quarterOf(new Date("2027-01-01T00:00:00Z"))).toBe("2027-Q1");
    expect(quarterOf(new Date("2026-12-31T23:59:59Z"))).toBe("2026-Q4");
  });
  it("a malformed quarter throws instead of becoming an empty period", () => {
    expect(() => quarterPeriod("2026-Q5")).toThrow(RangeError);
  });
});

describe("assembleSnapshot", () => {
  it("volume totals, monthly counts and trends by product area add up from the grouped counts", () => {
    const s = assembleSnapshot({
      ...base,
      ticketCounts: [
        {
          period: "current",
          month: "2026-07",
          productArea: "voice_calling",
          category: "functional_bug",
          priority: "P1",
          n: 3,
        },
        {
          period: "current",
          month: "2026-09",
          productArea: "video_calling",
          category: "performance",
          priority: "P2",
          n: 2,
        },
        {
          period: "previous",
          month: "2026-05",
          productArea: "voice_calling",
          category: "functional_bug",
          priority: "P2",
          n: 4,
        },
      ],
    });
    expect(s.volume).toMatchObject({ total: 5, previousTotal: 4 });
    expect(s.volume.byMonth).toEqual([
      { month: "2026-07", tickets: 3 },
      { month: "2026-08", tickets: 0 },
      { month: "2026-09", tickets: 2 },
    ]);
    expect(s.volume.byProductArea).toEqual([
      { key: "voice_calling", current: 3, previous: 4 },
      { key: "video_calling", current: 2, previous: 0 },
    ]);
    expect(s.volume.byPriority.find((r) => r.key === "P2")).toEqual({ key: "P2", current: 2, previous: 4 });
  });

  it("credits are the monthly fee times each month's credit percentage, summed", () => {
    const s = assembleSnapshot({
      ...base,
      availability: [
        {
          month: "2026-07",
          availability: 99.995,
          commitment: 99.99,
          downtimeMinutes: 2,
          creditPercent: 0,
          incidentIds: [],
        },
        {
          month: "2026-08",
          availability: 99.9,
          commitment: 99.99,
          downtimeMinutes: 44,
          creditPercent: 10,
          incidentIds: [7],
        },
        {
          month: "2026-09",
          availability: 98.5,
          commitment: 99.99,
          downtimeMinutes: 650,
          creditPercent: 25,
          incidentIds: [8],
        },
      ],
    });
    expect(s.availability.months.map((m) => m.creditCents)).toEqual([0, 400_000, 1_000_000]);
    expect(s.availability.creditsCents).toBe(1_400_000);
  });

  it("KB gap queries group case-insensitively, most frequent first; breaches are in due order with ISO times", () => {
    const s = assembleSnapshot({
      ...base,
      kbGapQueries: ["Echo on Android", "echo on android ", "Token expired", "ECHO ON ANDROID", ""],
      kbGapTickets: 5,
      breaches: [
        {
          ticketId: 9,
          subject: "B",
          priority: "P1",
          metric: "resolution",
          dueAt: new Date("2026-08-02T00:00:00Z"),
          achievedAt: null,
        },
        {
          ticketId: 4,
          subject: "A",
          priority: "P0",
          metric: "firstResponse",
          dueAt: new Date("2026-07-02T00:00:00Z"),
          achievedAt: new Date("2026-07-02T01:00:00Z"),
        },
      ],
      satisfaction: { current: { n: 3, sum: 13 }, previous: { n: 0, sum: 0 } },
    });
    expect(s.kbGaps.queries).toEqual([
      { query: "Echo on Android", count: 3 },
      { query: "Token expired", count: 1 },
    ]);
    expect(s.breaches.map((b) => [b.ticketId, b.dueAt, b.achievedAt])).toEqual([
      [4, "2026-07-02T00:00:00.000Z", "2026-07-02T01:00:00.000Z"],
      [9, "2026-08-02T00:00:00.000Z", null],
    ]);
    expect(s.satisfaction).toEqual({ current: { n: 3, average: 4.33 }, previous: { n: 0, average: null } });
  });
});

describe("carriedItems", () => {
  it("carries only items not done, pointing at the first review's item of a chain", () => {
    const carried = carriedItems([
      { id: 10, status: "open", carriedFromId: null },
      { id: 11, status: "done", carriedFromId: null },
      { id: 12, status: "in_progress", carriedFromId: 3 },
    ]);
    expect(carried.map((a) => [a.id, a.carriedFromId])).toEqual([
      [10, 10],
      [12, 3],
    ]);
  });
});
