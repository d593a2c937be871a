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
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam, createTicket } from "@/server/testing/factories";
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

// Everyone here is made for this file: an Enterprise organization's customer and one staff member of each role.
const enterprise = createOrganization(db, { tier: "enterprise", region: "americas" });
const staff = createStaffTeam(db);

/** A P1 ticket filed two minutes before TEST_ANCHOR: its first response is running and due at 28 minutes past. */
const runningTicket = () =>
  createTicket(db, enterprise.customers[0]!, { priority: "P1" }, new Date(TEST_ANCHOR.getTime() - 2 * 60_000));

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

  it("hands a read-only caller the held result itself, frozen down to its Maps' values (a Buffer left as it is)", () => {
    let computed = 0;
    const read = () =>
      cachedRead(
        db,
        "test.readOnly",
        null,
        () => ({ n: ++computed, rows: [{ id: 1 }], by: new Map([[1, { x: 1 }]]), blob: Buffer.from("x") }),
        {
          readOnly: true,
        },
      );
    const first = read();
    expect(read()).toBe(first);
    expect(computed).toBe(1);
    expect(() => {
      first.rows[0]!.id = 2;
    }).toThrow(TypeError);
    expect(() => {
      first.by.get(1)!.x = 2;
    }).toThrow(TypeError);
    expect(read().rows[0]!.id).toBe(1);
    // Inside a transaction the result is computed afresh, and frozen all the same.
    db.transaction(() => {
      const inside = read();
      expect(inside).not.toBe(first);
      expect(Object.isFrozen(inside.rows)).toBe(true);
    });
  });

  it("drops every held result when this connection writes, and computes afresh inside a transaction", () => {
    let computed = 0;
    const read = () => cachedRead(db, "test.write", null, () => ++computed);
    read();
    read();
    expect(computed).toBe(1);
    db.$client.prepare("UPDATE organizations SET name = name || '.' WHERE id = ?").run(enterprise.id);
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
    second.$client.prepare("UPDATE organizations SET name = name || '.' WHERE id = ?").run(enterprise.id);
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
    const exec = callerFor(db, staff.executive);
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
    const agent = callerFor(db, staff.agent);
    await agent.home.staff();
    expect(await agent.home.staff()).toEqual(computeStaffHome(db, TEST_ANCHOR, staff.agent.id));
  });

  it("a first reply shows on /sla at once: one more first response met this month", async () => {
    const exec = callerFor(db, staff.executive);
    const ticketId = await runningTicket();
    const before = await exec.sla.dashboard({ period: NOVEMBER });
    await exec.sla.dashboard({ period: NOVEMBER });
    await callerFor(db, staff.agent).tickets.reply({ ticketId, body: "We are on it." });
    const after = await exec.sla.dashboard({ period: NOVEMBER });
    expect(after.tiles.attainment.current.firstResponse.met).toBe(
      before.tiles.attainment.current.firstResponse.met + 1,
    );
    expect(after).toEqual(computeSlaDashboard(db, { period: NOVEMBER }, TEST_ANCHOR));
  });

  it("the drill-down lists a first response met by a reply at once", async () => {
    const exec = callerFor(db, staff.executive);
    const drill = { period: NOVEMBER, metric: "firstResponse" as const, outcome: "met" as const, limit: 500 };
    const ticketId = await runningTicket();
    const before = await exec.sla.tickets(drill);
    await exec.sla.tickets(drill);
    expect(before.items.some((i) => i.ticketId === ticketId)).toBe(false);
    await callerFor(db, staff.agent).tickets.reply({ ticketId, body: "Checking the logs now." });
    const after = await exec.sla.tickets(drill);
    expect(after.total).toBe(before.total + 1);
    expect(after.items.some((i) => i.ticketId === ticketId)).toBe(true);
  });

  it("a reply written through another connection shows on /sla at once", async () => {
    const exec = callerFor(db, staff.executive);
    const ticketId = await runningTicket();
    const before = await exec.sla.dashboard({ period: NOVEMBER });
    await callerFor(second, staff.agent).tickets.reply({ ticketId, body: "Looking into it." });
    const after = await exec.sla.dashboard({ period: NOVEMBER });
    expect(after.tiles.attainment.current.firstResponse.met).toBe(
      before.tiles.attainment.current.firstResponse.met + 1,
    );
  });
});
