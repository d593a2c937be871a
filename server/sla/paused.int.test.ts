import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { tickets } from "@/db/schema";
import { computeStaffHome } from "@/server/home/service";
import { runDueJobs } from "@/server/scheduler/service";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam, createTicket } from "@/server/testing/factories";
import { classifyStateChange } from "./drift";
import { evaluateSla } from "./evaluate";
import { pausedRefreshJob, refreshPausedTargets, stalePausedTickets } from "./paused";
import { loadTicketSlaInput } from "./service";
import { toStoredSlaState, type StoredSlaState } from "./state";

const db = createTestDb();
afterAll(() => db.$client.close());

const [dev] = createOrganization(db, { tier: "enterprise", region: "americas", customers: 1 }).customers;
const team = createStaffTeam(db);
const MIN = 60_000;
const HOUR = 60 * MIN;
const row = (id: number) => db.select().from(tickets).where(eq(tickets.id, id)).get()!;
const stored = (id: number): StoredSlaState => {
  const r = row(id);
  return {
    frDueAt: r.frDueAt,
    frAchievedAt: r.frAchievedAt,
    frStatus: r.frStatus,
    waDueAt: r.waDueAt,
    waAchievedAt: r.waAchievedAt,
    waStatus: r.waStatus,
    resDueAt: r.resDueAt,
    resAchievedAt: r.resAchievedAt,
    resStatus: r.resStatus,
    nextDueAt: r.nextDueAt,
  };
};
const fresh = (id: number, now: Date) => {
  const input = loadTicketSlaInput(db, id);
  return toStoredSlaState(evaluateSla(input.events, input.targets, now));
};

describe("a ticket waiting on the customer is never breached by time passing", () => {
  it("the queue reads it as paused, and the pass keeps its stored due time ahead of now", async () => {
    const appId = "paused-queue-1";
    const filed = new Date(TEST_ANCHOR.getTime() - 2 * HOUR);
    const waiting = await createTicket(db, dev!, { priority: "P0", fault: { appId } }, filed);
    const running = await createTicket(db, dev!, { priority: "P0", fault: { appId } }, filed);
    const agent = callerFor(db, team.agent, new Date(filed.getTime() + 5 * MIN));
    for (const id of [waiting, running]) await agent.tickets.reply({ ticketId: id, body: "Looking into it now." });
    await agent.tickets.setWaiting({ ticketId: waiting, waiting: true });
    const pausedDue = row(waiting).waDueAt!;
    expect(row(waiting).waStatus).toBe("paused");

    // Long after the paused workaround's stored due time (and the running ticket's own).
    const later = new Date(pausedDue.getTime() + 3 * HOUR);
    expect(row(running).waDueAt!.getTime()).toBeLessThan(later.getTime());
    const before = await callerFor(db, team.agent, later).tickets.queue({ appId });
    const seen = before.breached.items.concat(before.due.items).find((i) => i.id === waiting)!;
    expect(seen).toMatchObject({ breached: false, paused: true, atRisk: false, nextMetric: "workaround" });
    expect(before.breached.items.find((i) => i.id === running)).toMatchObject({ breached: true, paused: false });

    // The test database holds other waiting tickets too.
    expect(stalePausedTickets(db, later)).toContain(waiting);
    expect(stalePausedTickets(db, later)).not.toContain(running);
    expect(await refreshPausedTargets(db, later)).toBeGreaterThanOrEqual(1);
    // Exactly what the event log gives at that instant: the paused due time moved later, nothing else.
    expect(stored(waiting)).toEqual(fresh(waiting, later));
    expect(row(waiting).nextDueAt!.getTime()).toBeGreaterThan(later.getTime());
    expect(row(waiting).waStatus).toBe("paused");
    expect(classifyStateChange({ ...stored(waiting), waDueAt: pausedDue, nextDueAt: pausedDue }, stored(waiting))).toBe(
      "aged",
    );
    // None is left stale; the running ticket is left as it was: breached at read time.
    expect(stalePausedTickets(db, later)).toEqual([]);

    const after = await callerFor(db, team.agent, later).tickets.queue({ appId });
    expect(after.due.items.map((i) => [i.id, i.paused, i.breached])).toEqual([[waiting, true, false]]);
    expect(after.breached.items.map((i) => i.id)).toEqual([running]);
  });

  it("runs as a scheduled job, and a ticket answered by the customer runs again from then", async () => {
    const filed = new Date(TEST_ANCHOR.getTime() - 2 * HOUR);
    const id = await createTicket(db, dev!, { priority: "P1", fault: { appId: "paused-job-1" } }, filed);
    const agent = callerFor(db, team.agent, new Date(filed.getTime() + 5 * MIN));
    await agent.tickets.reply({ ticketId: id, body: "Could you send the SDK log?" });
    await agent.tickets.setWaiting({ ticketId: id, waiting: true });
    const later = new Date(row(id).nextDueAt!.getTime() + HOUR);
    const outcomes = await runDueJobs(db, later, { jobs: [pausedRefreshJob] });
    expect(outcomes).toEqual([{ name: "sla.paused-refresh", outcome: "ran" }]);
    expect(row(id).nextDueAt!.getTime()).toBeGreaterThan(later.getTime());
    const resumedAt = new Date(later.getTime() + MIN);
    await callerFor(db, dev!, resumedAt).tickets.reply({ ticketId: id, body: "Here is the log." });
    expect(row(id).waStatus).toBe("running");
    expect(stored(id)).toEqual(fresh(id, resumedAt));
  });

  it("the staff home counts what the queue lists: open tickets with a target due under the SLA", async () => {
    const at = new Date(TEST_ANCHOR.getTime() + 10 * MIN);
    const home = computeStaffHome(db, at, team.agent.id);
    const queue = await callerFor(db, team.agent, at).tickets.queue({});
    expect(home.byPriority.reduce((s, p) => s + p.total, 0)).toBe(queue.total);
    const feature = await createTicket(db, dev!, { category: "feature_request", priority: "P3" }, at);
    expect(row(feature).outsideSla).toBe(true);
    const again = computeStaffHome(db, at, team.agent.id);
    expect(again.byPriority.reduce((s, p) => s + p.total, 0)).toBe(queue.total);
  });
});
