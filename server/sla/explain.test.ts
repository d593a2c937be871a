import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALWAYS_OPEN, type BusinessCalendar } from "./clock";
import { PRIORITIES, evaluateSla, type Priority, type SlaEvent, type SlaTargets } from "./evaluate";
import { MAX_EXPLAINED_INTERVALS, explainDue } from "./explain";

function chinaCalendar(holidays: string[] = []): BusinessCalendar {
  return {
    timeZone: "Asia/Shanghai",
    holidays,
    hours: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start: "09:00", end: "17:30" })),
  };
}
const CHINA = chinaCalendar();
const DAY = 510;
const china = (minutes: number) => ({ minutes, calendar: CHINA });
const allDay = (minutes: number) => ({ minutes, calendar: ALWAYS_OPEN });

/** The Basic tier defaults of docs/DOMAIN.md on the China calendar. */
const BASIC_CHINA: SlaTargets = {
  P0: { firstResponse: china(240), workaround: china(2 * DAY), resolution: china(15 * DAY) },
  P1: { firstResponse: china(480), workaround: china(3 * DAY), resolution: china(20 * DAY) },
  P2: { firstResponse: china(DAY), resolution: china(40 * DAY) },
  P3: { firstResponse: china(2 * DAY), resolution: china(40 * DAY) },
};

const at = (iso: string) => new Date(iso);
const FRIDAY_18_SHANGHAI = at("2024-03-08T10:00:00Z");

describe("explainDue (Asia/Shanghai, Mon-Fri 09:00-17:30)", () => {
  it("a ticket filed Friday 18:00 Shanghai with a 4 business hour target, Monday a holiday, is due Tuesday 13:00: counted Tuesday 09:00-13:00 after a closed weekend and a holiday", () => {
    const calendar = chinaCalendar(["2024-03-11"]);
    const targets: SlaTargets = { P0: {}, P1: {}, P2: { firstResponse: { minutes: 240, calendar } }, P3: {} };
    const events: SlaEvent[] = [{ at: FRIDAY_18_SHANGHAI, type: "created", priority: "P2" }];
    expect(explainDue(events, targets, at("2024-03-11T00:00:00Z"))).toEqual({
      firstResponse: {
        metric: "firstResponse",
        status: "running",
        dueAt: at("2024-03-12T05:00:00Z"),
        achievedAt: null,
        priority: "P2",
        basis: { kind: "created" },
        target: { minutes: 240, timeZone: "Asia/Shanghai", alwaysOpen: false, businessDayMinutes: 510 },
        countedFrom: FRIDAY_18_SHANGHAI,
        dueFromCreated: at("2024-03-12T05:00:00Z"),
        dueFromRaise: null,
        countedIntervals: [{ start: at("2024-03-12T01:00:00Z"), end: at("2024-03-12T05:00:00Z"), minutes: 240 }],
        countedIntervalsTruncated: false,
        closedDays: [
          { date: "2024-03-09", reason: "closed" },
          { date: "2024-03-10", reason: "closed" },
          { date: "2024-03-11", reason: "holiday" },
        ],
        pausable: false,
        pauses: [],
        closures: [],
        priorityChanges: [],
      },
    });
  });

  it("a Basic P0 paused Monday 12:00-15:00 Shanghai shows the pause cut out of the workaround's counted time, but not out of first response", () => {
    const events: SlaEvent[] = [
      { at: FRIDAY_18_SHANGHAI, type: "created", priority: "P0" },
      { at: at("2024-03-11T04:00:00Z"), type: "paused" },
      { at: at("2024-03-11T07:00:00Z"), type: "resumed" },
    ];
    const result = explainDue(events, BASIC_CHINA, at("2024-03-11T08:00:00Z"));
    expect(result.workaround?.countedIntervals).toEqual([
      { start: at("2024-03-11T01:00:00Z"), end: at("2024-03-11T04:00:00Z"), minutes: 180 },
      { start: at("2024-03-11T07:00:00Z"), end: at("2024-03-11T09:30:00Z"), minutes: 150 },
      { start: at("2024-03-12T01:00:00Z"), end: at("2024-03-12T09:30:00Z"), minutes: 510 },
      { start: at("2024-03-13T01:00:00Z"), end: at("2024-03-13T04:00:00Z"), minutes: 180 },
    ]);
    expect(result.workaround?.pauses).toEqual([{ start: at("2024-03-11T04:00:00Z"), end: at("2024-03-11T07:00:00Z") }]);
    expect(result.workaround?.dueAt).toEqual(at("2024-03-13T04:00:00Z"));
    expect(result.firstResponse?.countedIntervals).toEqual([
      { start: at("2024-03-11T01:00:00Z"), end: at("2024-03-11T05:00:00Z"), minutes: 240 },
    ]);
    expect(result.firstResponse?.pauses).toEqual([]);
    expect(result.firstResponse?.status).toBe("breached");
  });

  it("a P3 raised to P0 Thursday 17:00 Shanghai is explained as counted from the raise: Thursday 17:00-17:30 and Friday 09:00-12:30", () => {
    const raisedAt = at("2024-03-07T09:00:00Z");
    const events: SlaEvent[] = [
      { at: at("2024-03-06T01:00:00Z"), type: "created", priority: "P3" },
      { at: raisedAt, type: "priorityChanged", priority: "P0" },
    ];
    const fr = explainDue(events, BASIC_CHINA, raisedAt).firstResponse;
    expect(fr).toMatchObject({
      priority: "P0",
      basis: { kind: "raised", at: raisedAt },
      countedFrom: raisedAt,
      dueFromCreated: at("2024-03-06T05:00:00Z"),
      dueFromRaise: at("2024-03-08T04:30:00Z"),
      dueAt: at("2024-03-08T04:30:00Z"),
      status: "running",
      countedIntervals: [
        { start: raisedAt, end: at("2024-03-07T09:30:00Z"), minutes: 30 },
        { start: at("2024-03-08T01:00:00Z"), end: at("2024-03-08T04:30:00Z"), minutes: 210 },
      ],
      closedDays: [],
      priorityChanges: [{ at: raisedAt, from: "P3", to: "P0", raise: true, disputeUpheld: false }],
    });
  });

  it("a dispute upheld to P0 Thursday 17:00 Shanghai is counted from creation with no grace, and first response shows breached", () => {
    const decidedAt = at("2024-03-07T09:00:00Z");
    const events: SlaEvent[] = [
      { at: at("2024-03-06T01:00:00Z"), type: "created", priority: "P3" },
      { at: decidedAt, type: "priorityChanged", priority: "P0", disputeUpheld: true },
    ];
    expect(explainDue(events, BASIC_CHINA, decidedAt).firstResponse).toMatchObject({
      basis: { kind: "disputeUpheld", at: decidedAt },
      countedFrom: at("2024-03-06T01:00:00Z"),
      dueFromRaise: null,
      dueAt: at("2024-03-06T05:00:00Z"),
      status: "breached",
      countedIntervals: [{ start: at("2024-03-06T01:00:00Z"), end: at("2024-03-06T05:00:00Z"), minutes: 240 }],
      priorityChanges: [{ at: decidedAt, from: "P3", to: "P0", raise: true, disputeUpheld: true }],
    });
  });

  it("a P1 lowered to P2 is explained as lowered and counted from creation", () => {
    const lowered = at("2024-03-11T02:00:00Z");
    const events: SlaEvent[] = [
      { at: at("2024-03-11T01:00:00Z"), type: "created", priority: "P1" },
      { at: lowered, type: "priorityChanged", priority: "P2" },
    ];
    expect(explainDue(events, BASIC_CHINA, lowered).firstResponse).toMatchObject({
      priority: "P2",
      basis: { kind: "lowered", at: lowered },
      countedFrom: at("2024-03-11T01:00:00Z"),
      dueAt: at("2024-03-11T09:30:00Z"),
      priorityChanges: [{ at: lowered, from: "P1", to: "P2", raise: false, disputeUpheld: false }],
    });
  });

  it("resolved then reopened shows as a closure of the resolution clock, and a pause after the first reply is not listed for it", () => {
    const events: SlaEvent[] = [
      { at: at("2024-03-11T01:00:00Z"), type: "created", priority: "P2" },
      { at: at("2024-03-11T02:00:00Z"), type: "staffReplied" },
      { at: at("2024-03-11T03:00:00Z"), type: "resolved" },
      { at: at("2024-03-12T03:00:00Z"), type: "reopened" },
      { at: at("2024-03-12T04:00:00Z"), type: "paused" },
    ];
    const result = explainDue(events, BASIC_CHINA, at("2024-03-12T05:00:00Z"));
    expect(result.resolution).toMatchObject({
      status: "paused",
      closures: [{ start: at("2024-03-11T03:00:00Z"), end: at("2024-03-12T03:00:00Z") }],
      pauses: [{ start: at("2024-03-12T04:00:00Z"), end: null }],
    });
    expect(result.firstResponse).toMatchObject({
      status: "met",
      achievedAt: at("2024-03-11T02:00:00Z"),
      pauses: [],
      closures: [],
    });
  });
});

describe("explainDue limits (24x7, UTC)", () => {
  it(`lists at most ${MAX_EXPLAINED_INTERVALS} counted intervals and says when it cut the list`, () => {
    const targets: SlaTargets = { P0: {}, P1: {}, P2: {}, P3: { resolution: allDay(300 * 1440) } };
    const result = explainDue(
      [{ at: at("2024-01-01T12:00:00Z"), type: "created", priority: "P3" }],
      targets,
      at("2024-01-02T00:00:00Z"),
    );
    expect(result.resolution?.target).toEqual({
      minutes: 300 * 1440,
      timeZone: "UTC",
      alwaysOpen: true,
      businessDayMinutes: 1440,
    });
    expect(result.resolution?.countedIntervals).toHaveLength(MAX_EXPLAINED_INTERVALS);
    expect(result.resolution?.countedIntervalsTruncated).toBe(true);
    expect(result.resolution?.countedIntervals[0]).toEqual({
      start: at("2024-01-01T12:00:00Z"),
      end: at("2024-01-02T00:00:00Z"),
      minutes: 720,
    });
  });
});

describe("properties", () => {
  const MIN = 60_000;
  const T0 = Date.parse("2024-03-04T00:00:00Z");
  const priority = fc.constantFrom<Priority>(...PRIORITIES);
  const step = fc.record({
    gap: fc.integer({ min: 0, max: 3 * 24 * 60 }),
    type: fc.constantFrom<Exclude<SlaEvent["type"], "created">>(
      "priorityChanged",
      "staffReplied",
      "paused",
      "resumed",
      "workaround",
      "resolved",
      "reopened",
    ),
    priority,
    disputeUpheld: fc.boolean(),
  });
  const ticket = fc
    .tuple(
      fc.integer({ min: 0, max: 60 * 24 * 60 }),
      priority,
      fc.array(step, { maxLength: 15 }),
      fc.integer({ min: 0, max: 30 * 24 * 60 }),
    )
    .map(([createdAfter, first, steps, nowAfter]) => {
      const created = T0 + createdAfter * MIN;
      const events: SlaEvent[] = [{ at: new Date(created), type: "created", priority: first }];
      let t = created;
      for (const s of steps) {
        t += s.gap * MIN;
        if (s.type === "priorityChanged")
          events.push({ at: new Date(t), type: s.type, priority: s.priority, disputeUpheld: s.disputeUpheld });
        else events.push({ at: new Date(t), type: s.type });
      }
      return { events, now: new Date(created + nowAfter * MIN) };
    });

  it("agrees with evaluateSla, and its counted intervals add up to the target (Asia/Shanghai business hours)", () => {
    fc.assert(
      fc.property(ticket, ({ events, now }) => {
        const outcomes = evaluateSla(events, BASIC_CHINA, now);
        const explained = explainDue(events, BASIC_CHINA, now);
        expect(Object.keys(explained).sort()).toEqual(Object.keys(outcomes).sort());
        for (const e of Object.values(explained)) {
          expect({ dueAt: e.dueAt, achievedAt: e.achievedAt, status: e.status }).toEqual(outcomes[e.metric]);
          expect(e.countedIntervals.reduce((sum, i) => sum + i.minutes, 0)).toBe(e.target.minutes);
          expect(e.countedIntervals.at(-1)?.end).toEqual(e.dueAt);
        }
      }),
    );
  });
});
