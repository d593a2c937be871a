import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/server/testing/db";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { recomputeAll } from "./recompute";

const db = createTestDb();
const sqlite = db.$client;
afterAll(() => sqlite.close());

const DAY = 86_400_000;
const ticketCount = () => (sqlite.prepare(`SELECT count(*) AS n FROM tickets`).get() as { n: number }).n;

describe("recomputeAll on the demo database", () => {
  it("recomputing at the seed's anchor finds every ticket's stored state exactly as its events say", () => {
    const report = recomputeAll(sqlite, { now: TEST_ANCHOR });
    expect(report.tickets).toBe(ticketCount());
    expect(report.events).toBeGreaterThan(report.tickets);
    expect(report).toMatchObject({ drift: 0, aged: 0, fixed: 0, same: report.tickets });
  });

  it("a month later open tickets have aged (running to breached), which is not drift, and fixing them leaves nothing to age at that instant", () => {
    const later = new Date(TEST_ANCHOR.getTime() + 30 * DAY);
    const check = recomputeAll(sqlite, { now: later });
    expect(check.drift).toBe(0);
    expect(check.aged).toBeGreaterThan(0);
    expect(check.fixed).toBe(0);

    const fixed = recomputeAll(sqlite, { now: later, fix: true });
    expect(fixed.fixed).toBe(check.aged);
    expect(recomputeAll(sqlite, { now: later })).toMatchObject({ drift: 0, aged: 0 });
  });

  it("a tampered first-response due time is reported as drift on that ticket, and rewritten from the events with fix", () => {
    const fresh = createTestDb();
    try {
      const target = fresh.$client
        .prepare(
          `SELECT id, fr_due_at AS due FROM tickets WHERE fr_achieved_at IS NOT NULL ORDER BY id LIMIT 1 OFFSET 7`,
        )
        .get() as { id: number; due: number };
      fresh.$client.prepare(`UPDATE tickets SET fr_due_at = ? WHERE id = ?`).run(target.due + 3_600_000, target.id);

      const check = recomputeAll(fresh.$client, { now: TEST_ANCHOR });
      expect(check.drift).toBe(1);
      expect(check.samples).toEqual([{ ticketId: target.id, change: "drift", columns: ["frDueAt"] }]);
      expect(
        (fresh.$client.prepare(`SELECT fr_due_at AS due FROM tickets WHERE id = ?`).get(target.id) as { due: number })
          .due,
      ).toBe(target.due + 3_600_000);

      const fixed = recomputeAll(fresh.$client, { now: TEST_ANCHOR, fix: true });
      expect(fixed).toMatchObject({ drift: 1, fixed: 1 });
      expect(
        (fresh.$client.prepare(`SELECT fr_due_at AS due FROM tickets WHERE id = ?`).get(target.id) as { due: number })
          .due,
      ).toBe(target.due);
      expect(recomputeAll(fresh.$client, { now: TEST_ANCHOR })).toMatchObject({ drift: 0, aged: 0 });
    } finally {
      fresh.$client.close();
    }
  });

  it("small read windows give the same counts as one large window", () => {
    const a = recomputeAll(sqlite, { now: TEST_ANCHOR, chunkSize: 7 });
    const b = recomputeAll(sqlite, { now: TEST_ANCHOR, chunkSize: 1_000_000 });
    expect({ ...a, seconds: 0 }).toEqual({ ...b, seconds: 0 });
  });
});
