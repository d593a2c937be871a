import { afterAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff, createTicket } from "@/server/testing/factories";

const db = createTestDb();
afterAll(() => db.$client.close());

const DAY = 86_400_000;
const ago = (days: number, minutes = 0) => new Date(TEST_ANCHOR.getTime() - days * DAY + minutes * 60_000);

/**
 * One account manager's portfolio of three organizations: Busy (three open tickets, one of them a
 * P1 answered late this quarter), Quiet (one open ticket, and a late answer last quarter) and Idle
 * (none, renewing soonest).
 */
const am = createStaff(db, "account_manager");
const agent = createStaff(db, "agent");
const busy = createOrganization(db, {
  tier: "enterprise",
  region: "americas",
  name: "Busy Grid Co",
  accountManager: am,
});
const quiet = createOrganization(db, { tier: "advanced", region: "emea", name: "Quiet Grid Co", accountManager: am });
const idle = createOrganization(db, {
  tier: "basic",
  region: "china",
  name: "Idle Grid Co",
  accountManager: am,
  daysToRenewal: 20,
});
const busyCustomer = busy.customers[0]!;
for (let i = 0; i < 2; i++) await createTicket(db, busyCustomer, {}, ago(3));
// A P1 filed this quarter (2026-Q4 began 1 October) and answered two hours later: its 30-minute first response is breached.
const late = await createTicket(db, busyCustomer, { priority: "P1" }, ago(10));
await callerFor(db, agent, ago(10, 120)).tickets.reply({ ticketId: late, body: "Looking now." });
await createTicket(db, quiet.customers[0]!, {}, ago(2));
// Quiet's one bad moment, last quarter: a P1 on 1 August answered an hour late and resolved the next day.
const august = Date.parse("2026-08-01T09:00:00Z");
const old = await createTicket(db, quiet.customers[0]!, { priority: "P1" }, new Date(august));
await callerFor(db, agent, new Date(august + 3 * 3_600_000)).tickets.reply({ ticketId: old, body: "On it." });
await callerFor(db, agent, new Date(august + DAY)).tickets.resolve({ ticketId: old, kind: "answer", body: "Fixed." });
const as = (user: SessionUser) => callerFor(db, user);

describe("the portfolio grid", () => {
  it("sorts by open tickets, breaches this quarter and renewal on the server, both ways, and says which", async () => {
    const ids = async (input: Parameters<ReturnType<typeof as>["accounts"]["portfolio"]>[0]) => {
      const page = await as(am).accounts.portfolio(input);
      return { order: page.items.map((r) => r.id), sort: page.sort, dir: page.dir, items: page.items };
    };
    const open = await ids({ sort: "open" });
    expect(open).toMatchObject({ order: [busy.id, quiet.id, idle.id], sort: "open", dir: "desc" });
    expect(open.items.map((r) => r.openTickets)).toEqual([3, 1, 0]);
    expect((await ids({ sort: "open", dir: "asc" })).order).toEqual([idle.id, quiet.id, busy.id]);

    const breaches = await ids({ sort: "breaches" });
    expect(breaches.items[0]).toMatchObject({ id: busy.id });
    expect(breaches.items[0]!.breachesThisQuarter).toBeGreaterThan(0);
    const raw = db.$client
      .prepare(
        "select count(*) n from ticket_sla_facts where organization_id = ? and excluded = 0 and fr_outcome = 'breached' and fr_at >= ? and fr_at < ?",
      )
      .get(busy.id, Date.parse("2026-10-01T00:00:00Z"), TEST_ANCHOR.getTime()) as { n: number };
    expect(breaches.items[0]!.breachesThisQuarter).toBe(raw.n);

    expect((await ids({ sort: "renewal" })).order[0]).toBe(idle.id);
    expect((await ids({ sort: "name", dir: "desc" })).order).toEqual([quiet.id, idle.id, busy.id]);
    expect((await ids({ sort: "tier" })).order).toEqual([busy.id, quiet.id, idle.id]);
    const health = await ids({});
    expect(health).toMatchObject({ sort: "health", dir: "asc" });
    const scores = health.items.map((r) => r.health.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it("refuses a column or direction it does not know", async () => {
    const refused = (input: unknown) =>
      expect(as(am).accounts.portfolio(input as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await refused({ sort: "subject" });
    await refused({ sort: "open", dir: "up" });
  });

  it("each row's health trend is the score at the end of the last three quarters, then now; none before the contract began", async () => {
    const page = await as(am).accounts.portfolio({ sort: "name" });
    for (const row of page.items) {
      expect(row.trend.map((p) => p.quarter)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
      expect(row.trend[3]!.score).toBe(row.health.score);
      // Factory contracts began 200 days before the anchor (4 May 2026): after 2026-Q1 ended.
      expect(row.trend[0]!.score).toBeNull();
      for (const p of row.trend.slice(1)) expect(p.score).toEqual(expect.any(Number));
    }
    // Quiet's August breach lowers its 2026-Q3 point only: by Q2's end it had not happened, and by now
    // it is more than 90 days old.
    const q = page.items.find((r) => r.id === quiet.id)!.trend.map((p) => p.score);
    expect(q[2]).toBeLessThan(q[1]!);
    // Busy's tickets are all this quarter's: its two past points are equal (its renewal is far off in both).
    const b = page.items.find((r) => r.id === busy.id)!.trend.map((p) => p.score);
    expect(b[2]).toBe(b[1]);
  });

  it("a figure held for the minute is read again at once after a write: a new ticket counts as open on the next view", async () => {
    const before = (await as(am).accounts.portfolio({})).items.find((r) => r.id === idle.id)!;
    expect((await as(am).accounts.portfolio({})).items.find((r) => r.id === idle.id)).toEqual(before);
    await createTicket(db, idle.customers[0]!, {}, ago(0, -1));
    const after = (await as(am).accounts.portfolio({})).items.find((r) => r.id === idle.id)!;
    expect(after.openTickets).toBe(before.openTickets + 1);
  });
});
