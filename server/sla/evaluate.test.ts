import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALWAYS_OPEN, type BusinessCalendar } from "./clock";
import {
  METRICS,
  PRIORITIES,
  evaluateSla,
  isMoreUrgent,
  slaRiskState,
  type Metric,
  type Priority,
  type SlaEvent,
  type SlaTargets,
} from "./evaluate";

const CHINA: BusinessCalendar = {
  timeZone: "Asia/Shanghai",
  holidays: [],
  hours: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start: "09:00", end: "17:30" })),
};
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

/** Round 24x7 figures (UTC) so that rule tests can be checked by hand. */
const ROUND_24X7: SlaTargets = {
  P0: { firstResponse: allDay(60), workaround: allDay(240), resolution: allDay(480) },
  P1: { firstResponse: allDay(120), workaround: allDay(480), resolution: allDay(1440) },
  P2: { firstResponse: allDay(240), resolution: allDay(2880) },
  P3: { firstResponse: allDay(480), resolution: allDay(5760) },
};

const T0 = Date.parse("2024-03-04T00:00:00Z"); // a Monday
const H = 3_600_000;
const h = (hours: number) => new Date(T0 + hours * H);
const at = (iso: string) => new Date(iso);

describe("statuses (24x7, UTC)", () => {
  it("a P2 filed 00:00 UTC is running at 01:00: first response due 04:00, resolution due two days later, and no workaround target", () => {
    expect(evaluateSla([{ at: h(0), type: "created", priority: "P2" }], ROUND_24X7, h(1))).toEqual({
      firstResponse: { dueAt: h(4), achievedAt: null, status: "running" },
      resolution: { dueAt: h(48), achievedAt: null, status: "running" },
    });
  });

  it("a metric whose priority has no target does not appear (P2 has no workaround target)", () => {
    const result = evaluateSla(
      [
        { at: h(0), type: "created", priority: "P2" },
        { at: h(1), type: "workaround" },
      ],
      ROUND_24X7,
      h(2),
    );
    expect(Object.keys(result).sort()).toEqual(["firstResponse", "resolution"]);
  });

  it("a first reply on the due instant is met", () => {
    const events: SlaEvent[] = [
      { at: h(0), type: "created", priority: "P2" },
      { at: h(4), type: "staffReplied" },
    ];
    expect(evaluateSla(events, ROUND_24X7, h(5)).firstResponse).toEqual({
      dueAt: h(4),
      achievedAt: h(4),
      status: "met",
    });
  });

  it("a first reply one millisecond after the due instant is breached", () => {
    const late = new Date(h(4).getTime() + 1);
    const events: SlaEvent[] = [
      { at: h(0), type: "created", priority: "P2" },
      { at: late, type: "staffReplied" },
    ];
    expect(evaluateSla(events, ROUND_24X7, h(5)).firstResponse).toEqual({
      dueAt: h(4),
      achievedAt: late,
      status: "breached",
    });
  });

  it("an open metric is still running on its due instant and breached just after it", () => {
    const events: SlaEvent[] = [{ at: h(0), type: "created", priority: "P2" }];
    expect(evaluateSla(events, ROUND_24X7, h(4)).firstResponse?.status).toBe("running");
    expect(evaluateSla(events, ROUND_24X7, new Date(h(4).getTime() + 1)).firstResponse).toEqual({
      dueAt: h(4),
      achievedAt: null,
      status: "breached",
    });
  });

  it("only the first staff reply counts for first response", () => {
    const events: SlaEvent[] = [
      { at: h(0), type: "created", priority: "P2" },
      { at: h(3), type: "staffReplied" },
      { at: h(9), type: "staffReplied" },
    ];
    expect(evaluateSla(events, ROUND_24X7, h(10)).firstResponse).toEqual({
      dueAt: h(4),
      achievedAt: h(3),
      status: "met",
    });
  });

  it("events after now are ignored: a reply at 05:00 seen at 03:00 leaves first response running", () => {
    const events: SlaEvent[] = [
      { at: h(0), type: "created", priority: "P2" },
      { at: h(5), type: "staffReplied" },
    ];
    expect(evaluateSla(events, ROUND_24X7, h(3)).firstResponse).toEqual({
      dueAt: h(4),
      achievedAt: null,
      status: "running",
    });
  });

  it("a ticket not yet created at now has no outcomes", () => {
    expect(evaluateSla([{ at: h(2), type: "created", priority: "P0" }], ROUND_24X7, h(1))).toEqual({});
  });
});

describe("business hours (Asia/Shanghai, Mon-Fri 09:00-17:30)", () => {
  it("a Basic P2 filed Friday 18:00 Shanghai has first response due Monday 17:30 Shanghai", () => {
    const result = evaluateSla(
      [{ at: at("2024-03-08T10:00:00Z"), type: "created", priority: "P2" }],
      BASIC_CHINA,
      at("2024-03-09T00:00:00Z"),
    );
    expect(result.firstResponse).toEqual({ dueAt: at("2024-03-11T09:30:00Z"), achievedAt: null, status: "running" });
  });

  it("a Basic P0 filed Friday 18:00 Shanghai, paused Monday 12:00-15:00, has its workaround due Wednesday 12:00 and resolution Monday 1 April 12:00; first response does not pause", () => {
    const events: SlaEvent[] = [
      { at: at("2024-03-08T10:00:00Z"), type: "created", priority: "P0" },
      { at: at("2024-03-11T04:00:00Z"), type: "paused" },
      { at: at("2024-03-11T07:00:00Z"), type: "resumed" },
    ];
    expect(evaluateSla(events, BASIC_CHINA, at("2024-03-11T08:00:00Z"))).toEqual({
      firstResponse: { dueAt: at("2024-03-11T05:00:00Z"), achievedAt: null, status: "breached" },
      workaround: { dueAt: at("2024-03-13T04:00:00Z"), achievedAt: null, status: "running" },
      resolution: { dueAt: at("2024-04-01T04:00:00Z"), achievedAt: null, status: "running" },
    });
  });

  it("a Basic P0 paused since Monday 12:00 Shanghai, seen on Saturday, is paused and due as if the clock resumed now: workaround Tuesday 14:30", () => {
    const events: SlaEvent[] = [
      { at: at("2024-03-08T10:00:00Z"), type: "created", priority: "P0" },
      { at: at("2024-03-11T02:00:00Z"), type: "staffReplied" },
      { at: at("2024-03-11T04:00:00Z"), type: "paused" },
    ];
    expect(evaluateSla(events, BASIC_CHINA, at("2024-03-16T02:00:00Z"))).toEqual({
      firstResponse: { dueAt: at("2024-03-11T05:00:00Z"), achievedAt: at("2024-03-11T02:00:00Z"), status: "met" },
      workaround: { dueAt: at("2024-03-19T06:30:00Z"), achievedAt: null, status: "paused" },
      resolution: { dueAt: at("2024-04-05T06:30:00Z"), achievedAt: null, status: "paused" },
    });
  });

  it("a Basic P3 filed Wednesday 09:00 Shanghai and raised to P0 Thursday 17:00 gets the P0 targets counted from the raise", () => {
    const events: SlaEvent[] = [
      { at: at("2024-03-06T01:00:00Z"), type: "created", priority: "P3" },
      { at: at("2024-03-07T09:00:00Z"), type: "priorityChanged", priority: "P0" },
    ];
    expect(evaluateSla(events, BASIC_CHINA, at("2024-03-07T09:00:00Z"))).toEqual({
      firstResponse: { dueAt: at("2024-03-08T04:30:00Z"), achievedAt: null, status: "running" },
      workaround: { dueAt: at("2024-03-11T09:00:00Z"), achievedAt: null, status: "running" },
      resolution: { dueAt: at("2024-03-28T09:00:00Z"), achievedAt: null, status: "running" },
    });
  });
});

describe("pauses (24x7, UTC)", () => {
  it("waiting on the customer stops resolution but not first response", () => {
    const events: SlaEvent[] = [
      { at: h(0), type: "created", priority: "P2" },
      { at: h(1), type: "paused" },
      { at: h(11), type: "resumed" },
    ];
    expect(evaluateSla(events, ROUND_24X7, h(12))).toEqual({
      firstResponse: { dueAt: h(4), achievedAt: null, status: "breached" },
      resolution: { dueAt: h(58), achievedAt: null, status: "running" },
    });
  });

  it("while paused, resolution shows paused and is due where it would fall if the clock resumed now", () => {
    const events: SlaEvent[] = [
      { at: h(0), type: "created", priority: "P2" },
      { at: h(1), type: "staffReplied" },
      { at: h(10), type: "paused" },
    ];
    expect(evaluateSla(events, ROUND_24X7, h(30)).resolution).toEqual({
      dueAt: h(68),
      achievedAt: null,
      status: "paused",
    });
    expect(evaluateSla(events, ROUND_24X7, h(40)).resolution).toEqual({
      dueAt: h(78),
      achievedAt: null,
      status: "paused",
    });
  });

  it("a pause that starts after the due time does not save a breach, and the metric shows breached while paused", () => {
    const events: SlaEvent[] = [
      { at: h(0), type: "created", priority: "P0" },
      { at: h(0.5), type: "staffReplied" },
      { at: h(9), type: "paused" },
    ];
    expect(evaluateSla(events, ROUND_24X7, h(10))).toEqual({
      firstResponse: { dueAt: h(1), achievedAt: h(0.5), status: "met" },
      workaround: { dueAt: h(4), achievedAt: null, status: "breached" },
      resolution: { dueAt: h(8), achievedAt: null, status: "breached" },
    });
  });
});

describe("resolved and reopened (24x7, UTC)", () => {
  it("time between resolved and reopened does not count, and resolution is achieved at the last resolve that stuck", () => {
    const events: SlaEvent[] = [
      { at: h(0), type: "created", priority: "P2" },
      { at: h(1), type: "staffReplied" },
      { at: h(10), type: "resolved" },
      { at: h(20), type: "reopened" },
      { at: h(50), type: "resolved" },
    ];
    expect(evaluateSla(events, ROUND_24X7, h(21)).resolution).toEqual({
      dueAt: h(58),
      achievedAt: null,
      status: "running",
    });
    expect(evaluateSla(events, ROUND_24X7, h(51)).resolution).toEqual({
      dueAt: h(58),
      achievedAt: h(50),
      status: "met",
    });
  });

  it("a resolve that comes before any workaround achieves the workaround, and reopening does not undo it", () => {
    const events: SlaEvent[] = [
      { at: h(0), type: "created", priority: "P1" },
      { at: h(1), type: "staffReplied" },
      { at: h(5), type: "resolved" },
      { at: h(6), type: "reopened" },
      { at: h(7), type: "workaround" },
    ];
    expect(evaluateSla(events, ROUND_24X7, h(7))).toEqual({
      firstResponse: { dueAt: h(2), achievedAt: h(1), status: "met" },
      workaround: { dueAt: h(8), achievedAt: h(5), status: "met" },
      resolution: { dueAt: h(25), achievedAt: null, status: "running" },
    });
  });
});

describe("priority changes (24x7, UTC)", () => {
  it("lowering P1 to P2 applies P2's targets counted from creation, and drops the workaround target", () => {
    const events: SlaEvent[] = [
      { at: h(0), type: "created", priority: "P1" },
      { at: h(1), type: "priorityChanged", priority: "P2" },
    ];
    expect(evaluateSla(events, ROUND_24X7, h(3))).toEqual({
      firstResponse: { dueAt: h(4), achievedAt: null, status: "running" },
      resolution: { dueAt: h(48), achievedAt: null, status: "running" },
    });
  });

  it("raising P3 to P1 at 05:00 counts the P1 targets from the raise, so nobody breaches at once", () => {
    const events: SlaEvent[] = [
      { at: h(0), type: "created", priority: "P3" },
      { at: h(5), type: "priorityChanged", priority: "P1" },
    ];
    expect(evaluateSla(events, ROUND_24X7, h(5))).toEqual({
      firstResponse: { dueAt: h(7), achievedAt: null, status: "running" },
      workaround: { dueAt: h(13), achievedAt: null, status: "running" },
      resolution: { dueAt: h(29), achievedAt: null, status: "running" },
    });
  });

  it("a metric achieved before a raise keeps the target it was achieved under", () => {
    const events: SlaEvent[] = [
      { at: h(0), type: "created", priority: "P3" },
      { at: h(1), type: "staffReplied" },
      { at: h(5), type: "priorityChanged", priority: "P1" },
    ];
    expect(evaluateSla(events, ROUND_24X7, h(6)).firstResponse).toEqual({
      dueAt: h(8),
      achievedAt: h(1),
      status: "met",
    });
  });

  it("a dispute upheld to P1 applies P1 from the ticket's start with no grace, so first response is breached at once", () => {
    const events: SlaEvent[] = [
      { at: h(0), type: "created", priority: "P3" },
      { at: h(5), type: "priorityChanged", priority: "P1", disputeUpheld: true },
    ];
    expect(evaluateSla(events, ROUND_24X7, h(5))).toEqual({
      firstResponse: { dueAt: h(2), achievedAt: null, status: "breached" },
      workaround: { dueAt: h(8), achievedAt: null, status: "running" },
      resolution: { dueAt: h(24), achievedAt: null, status: "running" },
    });
  });

  it("a raise past P1 to P0 then a lowering to P1 keeps the grace of the raise that first reached P1's urgency", () => {
    const events: SlaEvent[] = [
      { at: h(0), type: "created", priority: "P3" },
      { at: h(5), type: "priorityChanged", priority: "P0" },
      { at: h(6), type: "priorityChanged", priority: "P1" },
    ];
    expect(evaluateSla(events, ROUND_24X7, h(6)).firstResponse).toEqual({
      dueAt: h(7),
      achievedAt: null,
      status: "running",
    });
  });

  it("a raise after a lowering counts from the latest raise", () => {
    const events: SlaEvent[] = [
      { at: h(0), type: "created", priority: "P1" },
      { at: h(1), type: "priorityChanged", priority: "P3" },
      { at: h(10), type: "priorityChanged", priority: "P1" },
    ];
    expect(evaluateSla(events, ROUND_24X7, h(10)).firstResponse).toEqual({
      dueAt: h(12),
      achievedAt: null,
      status: "running",
    });
  });
});

describe("slaRiskState (24x7, UTC and Asia/Shanghai)", () => {
  const created: SlaEvent[] = [{ at: h(0), type: "created", priority: "P2" }];
  const target = allDay(240);

  it("a 4-hour first response with exactly 25 % left is at risk; with one minute more it is on track", () => {
    const atThree = evaluateSla(created, ROUND_24X7, h(3)).firstResponse;
    const before = new Date(h(3).getTime() - 60_000);
    const atBefore = evaluateSla(created, ROUND_24X7, before).firstResponse;
    if (!atThree || !atBefore) throw new Error("first response expected");
    expect(slaRiskState(atThree, target, h(3))).toEqual({ state: "atRisk", remainingMinutes: 60 });
    expect(slaRiskState(atBefore, target, before)).toEqual({ state: "onTrack", remainingMinutes: 61 });
  });

  it("a met or breached metric has no risk state", () => {
    expect(slaRiskState({ dueAt: h(4), achievedAt: h(1), status: "met" }, target, h(2))).toBeNull();
    expect(slaRiskState({ dueAt: h(4), achievedAt: null, status: "breached" }, target, h(5))).toBeNull();
  });

  it("remaining counts open minutes only: a Basic P2 filed Monday 09:00 Shanghai is at risk at 16:00 and on track at 13:00", () => {
    const events: SlaEvent[] = [{ at: at("2024-03-11T01:00:00Z"), type: "created", priority: "P2" }];
    const risk = (now: string) => {
      const outcome = evaluateSla(events, BASIC_CHINA, at(now)).firstResponse;
      if (!outcome) throw new Error("first response expected");
      return slaRiskState(outcome, china(DAY), at(now));
    };
    expect(risk("2024-03-11T08:00:00Z")).toEqual({ state: "atRisk", remainingMinutes: 90 });
    expect(risk("2024-03-11T05:00:00Z")).toEqual({ state: "onTrack", remainingMinutes: 270 });
  });
});

describe("constants", () => {
  it("lists priorities from most to least urgent and the three metrics", () => {
    expect(PRIORITIES).toEqual(["P0", "P1", "P2", "P3"]);
    expect(METRICS).toEqual(["firstResponse", "workaround", "resolution"]);
    expect(isMoreUrgent("P0", "P1")).toBe(true);
    expect(isMoreUrgent("P2", "P2")).toBe(false);
    expect(isMoreUrgent("P3", "P2")).toBe(false);
  });
});

describe("properties", () => {
  const MIN = 60_000;
  const tables = fc.constantFrom(ROUND_24X7, BASIC_CHINA);
  const priority = fc.constantFrom<Priority>(...PRIORITIES);
  const laterType = fc.constantFrom<Exclude<SlaEvent["type"], "created">>(
    "priorityChanged",
    "staffReplied",
    "paused",
    "resumed",
    "workaround",
    "resolved",
    "reopened",
  );
  const step = fc.record({
    gap: fc.integer({ min: 0, max: 3 * 24 * 60 }),
    type: laterType,
    priority,
    disputeUpheld: fc.boolean(),
  });
  const start = fc.integer({ min: 0, max: 60 * 24 * 60 }).map((m) => T0 + m * MIN);

  type Step = { gap: number; type: Exclude<SlaEvent["type"], "created">; priority: Priority; disputeUpheld: boolean };

  function build(created: number, first: Priority, steps: Step[]): SlaEvent[] {
    const events: SlaEvent[] = [{ at: new Date(created), type: "created", priority: first }];
    let t = created;
    for (const s of steps) {
      t += s.gap * MIN;
      const when = new Date(t);
      if (s.type === "priorityChanged")
        events.push({ at: when, type: s.type, priority: s.priority, disputeUpheld: s.disputeUpheld });
      else events.push({ at: when, type: s.type });
    }
    return events;
  }

  const ticket = fc
    .tuple(start, priority, fc.array(step, { maxLength: 20 }), fc.integer({ min: 0, max: 40 * 24 * 60 }))
    .map(([created, first, steps, nowAfter]) => ({
      events: build(created, first, steps),
      now: new Date(created + nowAfter * MIN),
    }));

  it("met and breached agree with comparing achievedAt to dueAt; an open metric is breached exactly when now is past dueAt", () => {
    fc.assert(
      fc.property(ticket, tables, ({ events, now }, targets) => {
        for (const outcome of Object.values(evaluateSla(events, targets, now))) {
          if (outcome.achievedAt) {
            expect(outcome.status).toBe(outcome.achievedAt.getTime() <= outcome.dueAt.getTime() ? "met" : "breached");
          } else if (now.getTime() > outcome.dueAt.getTime()) {
            expect(outcome.status).toBe("breached");
          } else {
            expect(["running", "paused"]).toContain(outcome.status);
          }
        }
      }),
    );
  });

  it("events after now make no difference", () => {
    fc.assert(
      fc.property(ticket, tables, ({ events, now }, targets) => {
        const seen = events.filter((e) => e.at.getTime() <= now.getTime());
        expect(evaluateSla(events, targets, now)).toEqual(evaluateSla(seen, targets, now));
      }),
    );
  });

  it("due times never move earlier when a pause is added (first response does not move at all)", () => {
    const withoutPauses = ticket.map(({ events, now }) => ({
      events: events.filter((e) => e.type !== "paused" && e.type !== "resumed"),
      now,
    }));
    const pause = fc.record({
      startAfter: fc.integer({ min: 0, max: 20 * 24 * 60 }),
      length: fc.integer({ min: 1, max: 5 * 24 * 60 }),
      open: fc.boolean(),
    });
    fc.assert(
      fc.property(withoutPauses, pause, tables, ({ events, now }, p, targets) => {
        const created = events[0]?.at.getTime() ?? 0;
        const pauseStart = created + p.startAfter * MIN;
        const added: SlaEvent[] = [{ at: new Date(pauseStart), type: "paused" }];
        if (!p.open) added.push({ at: new Date(pauseStart + p.length * MIN), type: "resumed" });
        const paused = [...events, ...added].sort((a, b) => a.at.getTime() - b.at.getTime());
        const before = evaluateSla(events, targets, now);
        const after = evaluateSla(paused, targets, now);
        expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
        for (const metric of METRICS as readonly Metric[]) {
          const b = before[metric];
          const a = after[metric];
          if (!a || !b) continue;
          if (metric === "firstResponse") expect(a.dueAt.getTime()).toBe(b.dueAt.getTime());
          else expect(a.dueAt.getTime()).toBeGreaterThanOrEqual(b.dueAt.getTime());
        }
      }),
    );
  });
});
