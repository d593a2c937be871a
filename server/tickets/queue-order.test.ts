import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Priority } from "@/server/sla/evaluate";
import {
  compareUrgency,
  decodeUrgencyCursor,
  encodeUrgencyCursor,
  mergeByUrgency,
  queueSection,
  urgency,
  type Rankable,
} from "./queue-order";

const NOW = new Date("2026-11-20T12:00:00Z"); // UTC
const MIN = 60_000;
const DAY = 86_400_000;
const t = (id: number, priority: Priority, offsetMs: number): Rankable => ({
  id,
  priority,
  nextDueAt: new Date(NOW.getTime() + offsetMs),
});

describe("queue order (UTC instants)", () => {
  it("a P0 due in 10 minutes comes before a P3 breached 49 days ago", () => {
    const p0 = t(1, "P0", 10 * MIN);
    const p3 = t(2, "P3", -49 * DAY);
    expect(compareUrgency(p0, p3, NOW)).toBeLessThan(0);
    expect(queueSection(p3, NOW)).toBe("breached");
    expect(queueSection(p0, NOW)).toBe("due");
  });

  it("a breached P0 comes before everything not breached", () => {
    expect(compareUrgency(t(1, "P0", -5 * MIN), t(2, "P0", 1 * MIN), NOW)).toBeLessThan(0);
    expect(compareUrgency(t(1, "P0", -5 * MIN), t(2, "P3", 1 * MIN), NOW)).toBeLessThan(0);
  });

  it("due time still counts: a P3 due in minutes comes before a P0 due in three days", () => {
    expect(compareUrgency(t(1, "P3", 5 * MIN), t(2, "P0", 3 * DAY), NOW)).toBeLessThan(0);
  });

  it("among breached tickets of one priority, the longest overdue comes first", () => {
    expect(compareUrgency(t(9, "P2", -3 * DAY), t(1, "P2", -1 * DAY), NOW)).toBeLessThan(0);
  });

  it("an imminent P0 is never below a breached P3, however long breached (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * MIN }), fc.integer({ min: 1, max: 3650 * DAY }), (due, overdue) => {
        expect(compareUrgency(t(1, "P0", due), t(2, "P3", -overdue), NOW)).toBeLessThan(0);
      }),
    );
  });

  it("within one priority urgency never decreases with the due time, so each index range is already in order", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Priority>("P0", "P1", "P2", "P3"),
        fc.integer({ min: -100 * DAY, max: 100 * DAY }),
        fc.integer({ min: 0, max: 100 * DAY }),
        (p, a, gap) => {
          expect(urgency(t(1, p, a), NOW)).toBeLessThanOrEqual(urgency(t(2, p, a + gap), NOW));
        },
      ),
    );
  });

  it("merging per-priority ranges page by page gives the same order as sorting everything", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            priority: fc.constantFrom<Priority>("P0", "P1", "P2", "P3"),
            offset: fc.integer({ min: -10 * DAY, max: 10 * DAY }),
          }),
          { maxLength: 60 },
        ),
        fc.integer({ min: 1, max: 7 }),
        (specs, limit) => {
          const all = specs.map((s, i) => t(i + 1, s.priority, s.offset));
          const expected = [...all].sort((a, b) => compareUrgency(a, b, NOW)).map((r) => r.id);
          const range = (p: Priority, after?: { nextDueAt: Date; id: number }) =>
            all
              .filter((r) => r.priority === p)
              .filter(
                (r) =>
                  !after ||
                  r.nextDueAt > after.nextDueAt ||
                  (r.nextDueAt.getTime() === after.nextDueAt.getTime() && r.id > after.id),
              )
              .sort((a, b) => a.nextDueAt.getTime() - b.nextDueAt.getTime() || a.id - b.id)
              .slice(0, limit + 1);
          const seen: number[] = [];
          let cursor = {};
          for (let page = 0; page < 100; page++) {
            const c = cursor as ReturnType<typeof decodeUrgencyCursor> & object;
            const { rows, next } = mergeByUrgency(
              (["P0", "P1", "P2", "P3"] as const).map((p) => range(p, c[p])),
              limit,
              NOW,
              c,
            );
            seen.push(...rows.map((r) => r.id));
            if (!next) break;
            cursor = decodeUrgencyCursor(encodeUrgencyCursor(next)) ?? {};
          }
          expect(seen).toEqual(expected);
        },
      ),
    );
  });

  it("a malformed cursor in the URL means the first page", () => {
    expect(decodeUrgencyCursor("P9.1.2")).toBeNull();
    expect(decodeUrgencyCursor("")).toBeNull();
    expect(decodeUrgencyCursor("P1.1700000000000.5")).toEqual({ P1: { nextDueAt: new Date(1700000000000), id: 5 } });
  });
});
