import { afterAll, describe, expect, it } from "vitest";
import {
  computeSlaAvailability,
  computeSlaDashboard,
  computeSlaTickets,
  computeSlaTrend,
  countAtRisk,
} from "@/server/dashboards/service";
import { computeStaffHome, computeTierOverview } from "@/server/home/service";
import { openDb } from "@/server/db";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerAs, createTestDb, sessionFor } from "@/server/testing/db";
import { cachedRead, READ_CACHE_SIZE } from "./read-cache";

const db = createTestDb();
const other = createTestDb();
/** A second connection to the same file, as another process (a script) would write through. */
const second = openDb(db.$client.name);
afterAll(() => {
  second.$client.close();
  db.$client.close();
  other.$client.close();
});

const NOVEMBER = { kind: "month" as const, month: "2026-11" };
const Q3 = { kind: "quarter" as const, quarter: "2026-Q3" };

/** An open ticket under the SLA whose first response is still running and not yet due at TEST_ANCHOR. */
function runningTicket(offset: number): number {
  const row = db.$client
    .prepare(
      `SELECT id FROM tickets WHERE fr_status = 'running' AND fr_due_at > ? AND exclusion_reason IS NULL AND outside_sla = 0
       AND status IN ('new','open') ORDER BY fr_due_at, id LIMIT 1 OFFSET ?`,
    )
    .get(TEST_ANCHOR.getTime(), offset) as { id: number } | undefined;
  if (!row) throw new Error("the demo data has no running first response after TEST_ANCHOR");
  return row.id;
}

describe("read cache", () => {
  it("computes once per input and data version, and hands each caller its own copy", () => {
    let computed = 0;
    const read = (input: unknown) => cachedRead(db, "test.counter", input, () => ({ n: ++computed, at: new Date(0) }));
    const first = read({ a: 1 });
    const again = read({ a: 1 });
    expect(computed).toBe(1);
    expect(again).toEqual(first);
    again.n = 99;
    expect(read({ a: 1 }).n).toBe(1);
    read({ a: 2 });
    expect(computed).toBe(2);
  });

  it("drops every held result when this connection writes, and computes afresh inside a transaction", () => {
    let computed = 0;
    const read = () => cachedRead(db, "test.write", null, () => ++computed);
    read();
    read();
    expect(computed).toBe(1);
    db.$client.prepare("UPDATE organizations SET name = name || '.' WHERE id = 1").run();
    read();
    expect(computed).toBe(2);
    db.transaction(() => {
      read();
      read();
    });
    expect(computed).toBe(4);
  });

  it("drops held results when another connection commits", () => {
    let computed = 0;
    const read = () => cachedRead(db, "test.other-connection", null, () => ++computed);
    read();
    // A real change: SQLite commits nothing for an update that rewrites identical bytes.
    second.$client.prepare("UPDATE organizations SET name = name || '.' WHERE id = 1").run();
    read();
    expect(computed).toBe(2);
  });

  it(`keeps at most ${READ_CACHE_SIZE} results per database, the least recently used going first, and never shares between databases`, () => {
    let computed = 0;
    const read = (on: typeof db, i: number) => cachedRead(on, "test.lru", i, () => ++computed);
    for (let i = 0; i < READ_CACHE_SIZE; i++) read(db, i);
    read(db, 0); // most recently used now; 1 is the oldest
    read(db, READ_CACHE_SIZE);
    expect(computed).toBe(READ_CACHE_SIZE + 1);
    read(db, 0);
    expect(computed).toBe(READ_CACHE_SIZE + 1);
    read(db, 1);
    expect(computed).toBe(READ_CACHE_SIZE + 2);
    read(other, 0);
    expect(computed).toBe(READ_CACHE_SIZE + 3);
  });
});

describe("cached SLA dashboards and home pages", () => {
  it("return exactly what a fresh computation returns", async () => {
    const exec = callerAs(db, "exec@attain.test");
    for (const period of [NOVEMBER, Q3]) {
      for (const f of [{ period }, { period, tierCode: "enterprise" as const, priority: "P0" as const }]) {
        await exec.sla.dashboard(f);
        expect(await exec.sla.dashboard(f)).toEqual(computeSlaDashboard(db, f, TEST_ANCHOR));
        await exec.sla.trend(f);
        expect(await exec.sla.trend(f)).toEqual(computeSlaTrend(db, f, TEST_ANCHOR));
        await exec.sla.availability(f);
        expect(await exec.sla.availability(f)).toEqual(computeSlaAvailability(db, f, TEST_ANCHOR));
        for (const drill of [
          { ...f, limit: 100 },
          { ...f, metric: "firstResponse" as const, outcome: "breached" as const, limit: 100 },
        ]) {
          await exec.sla.tickets(drill);
          expect(await exec.sla.tickets(drill)).toEqual(computeSlaTickets(db, drill, TEST_ANCHOR));
        }
      }
    }
    await exec.sla.atRisk({});
    expect(await exec.sla.atRisk({})).toEqual({ atRisk: countAtRisk(db, {}, TEST_ANCHOR) });
    await exec.home.tiers();
    expect(await exec.home.tiers()).toEqual(computeTierOverview(db, TEST_ANCHOR));
    const agent = callerAs(db, "agent@attain.test");
    await agent.home.staff();
    expect(await agent.home.staff()).toEqual(computeStaffHome(db, TEST_ANCHOR, sessionFor(db, "agent@attain.test").id));
  });

  it("a first reply shows on /sla at once: one more first response met this month", async () => {
    const exec = callerAs(db, "exec@attain.test");
    const before = await exec.sla.dashboard({ period: NOVEMBER });
    await exec.sla.dashboard({ period: NOVEMBER });
    await callerAs(db, "agent@attain.test").tickets.reply({ ticketId: runningTicket(0), body: "We are on it." });
    const after = await exec.sla.dashboard({ period: NOVEMBER });
    expect(after.tiles.attainment.current.firstResponse.met).toBe(
      before.tiles.attainment.current.firstResponse.met + 1,
    );
    expect(after).toEqual(computeSlaDashboard(db, { period: NOVEMBER }, TEST_ANCHOR));
  });

  it("the drill-down lists a first response met by a reply at once", async () => {
    const exec = callerAs(db, "exec@attain.test");
    const drill = { period: NOVEMBER, metric: "firstResponse" as const, outcome: "met" as const, limit: 500 };
    const before = await exec.sla.tickets(drill);
    await exec.sla.tickets(drill);
    const ticketId = runningTicket(0);
    expect(before.items.some((i) => i.ticketId === ticketId)).toBe(false);
    await callerAs(db, "agent@attain.test").tickets.reply({ ticketId, body: "Checking the logs now." });
    const after = await exec.sla.tickets(drill);
    expect(after.total).toBe(before.total + 1);
    expect(after.items.some((i) => i.ticketId === ticketId)).toBe(true);
  });

  it("a reply written through another connection shows on /sla at once", async () => {
    const exec = callerAs(db, "exec@attain.test");
    const before = await exec.sla.dashboard({ period: NOVEMBER });
    await callerAs(second, "agent@attain.test").tickets.reply({ ticketId: runningTicket(0), body: "Looking into it." });
    const after = await exec.sla.dashboard({ period: NOVEMBER });
    expect(after.tiles.attainment.current.firstResponse.met).toBe(
      before.tiles.attainment.current.firstResponse.met + 1,
    );
  });
});
