import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, comments, tickets } from "@/db/schema";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam, createTicket } from "@/server/testing/factories";
import { compareUrgency } from "./queue-order";

const db = createTestDb();
afterAll(() => db.$client.close());

const [dev] = createOrganization(db, { tier: "enterprise", region: "americas", customers: 1 }).customers;
const team = createStaffTeam(db);
const NOW = TEST_ANCHOR; // 2026-11-20 12:00 UTC
const MIN = 60_000;
const row = (id: number) => db.select().from(tickets).where(eq(tickets.id, id)).get()!;

describe("the queue's sections and order", () => {
  it("an imminent P0 heads the due section while a P3 breached for weeks sits in the breached section", async () => {
    const fault = { appId: "queue-order-1" };
    const oldP3 = await createTicket(db, dev!, { priority: "P3", fault }, new Date("2026-09-01T18:00:00Z"));
    const p0 = await createTicket(db, dev!, { priority: "P0", fault }, new Date(NOW.getTime() - 5 * MIN));
    const p2 = await createTicket(db, dev!, { priority: "P2", fault }, new Date(NOW.getTime() - 1 * MIN));
    const page = await callerFor(db, team.agent, NOW).tickets.queue({ appId: "queue-order-1" });
    expect(page.due.items.map((i) => i.id)).toEqual([p0, p2]);
    expect(page.breached.items.map((i) => i.id)).toEqual([oldP3]);
    expect(page.breached.items[0]!.breached).toBe(true);
    expect(page.total).toBe(3);
    expect({ due: page.due.total, breached: page.breached.total }).toEqual({ due: 2, breached: 1 });
  });

  it("filters on any colleague: the queue of one assignee", async () => {
    const fault = { appId: "queue-colleague-1" };
    const mine = await createTicket(db, dev!, { fault }, NOW);
    await createTicket(db, dev!, { fault }, NOW);
    await callerFor(db, team.manager, NOW).tickets.assign({ ticketId: mine, assigneeId: team.expert.id });
    const page = await callerFor(db, team.agent, NOW).tickets.queue({ appId: fault.appId, assignee: team.expert.id });
    expect(page.due.items.map((i) => i.id)).toEqual([mine]);
    expect(page.due.items[0]!.assignee).toBe(team.expert.name);
  });

  it("each sort keeps the section's tickets and pages through them without repeats", async () => {
    const fault = { appId: "queue-sort-1" };
    const ids: number[] = [];
    for (let i = 0; i < 7; i++)
      ids.push(
        await createTicket(
          db,
          dev!,
          { priority: (["P1", "P2", "P3"] as const)[i % 3], fault },
          new Date(NOW.getTime() - i * MIN),
        ),
      );
    for (const sort of ["urgency", "due", "age", "updated"] as const) {
      const seen: number[] = [];
      let cursor: string | null = null;
      for (let p = 0; p < 10; p++) {
        const page = await callerFor(db, team.agent, NOW).tickets.queue({ appId: fault.appId, sort, limit: 3, cursor });
        seen.push(...page.due.items.map((i) => i.id));
        cursor = page.due.nextCursor;
        if (!cursor) break;
      }
      expect([...seen].sort(), sort).toEqual([...ids].sort());
      if (sort === "age") expect(seen).toEqual([...ids].reverse());
    }
  });
});

describe("next ticket", () => {
  it("takes the most urgent unassigned ticket for me: an imminent P0 before a long-breached P3, then the P3, then none", async () => {
    const d = createTestDb();
    try {
      const [c] = createOrganization(d, { tier: "enterprise", region: "americas", customers: 1 }).customers;
      const t = createStaffTeam(d);
      const oldP3 = await createTicket(d, c!, { priority: "P3" }, new Date("2026-09-01T18:00:00Z"));
      const p0 = await createTicket(d, c!, { priority: "P0" }, new Date(NOW.getTime() - 5 * MIN));
      // Independently of the service: the most urgent unassigned open ticket of the whole queue.
      const open = d.$client
        .prepare(
          `select id, priority, next_due_at as due from tickets where assignee_id is null and next_due_at is not null
           and outside_sla = 0 and status in ('new','open','pending_customer','workaround_provided')`,
        )
        .all() as { id: number; priority: "P0"; due: number }[];
      const expected = open
        .map((o) => ({ id: o.id, priority: o.priority, nextDueAt: new Date(o.due) }))
        .sort((a, b) => compareUrgency(a, b, NOW))[0]!;
      const agent = callerFor(d, t.agent, NOW);
      const first = await agent.tickets.takeNext({});
      expect(first).toEqual({ id: expected.id });
      expect(d.select().from(tickets).where(eq(tickets.id, first!.id)).get()!.assigneeId).toBe(t.agent.id);

      // Everything else goes to a colleague: left are the P0 due in minutes and the P3 breached since September.
      d.$client
        .prepare("update tickets set assignee_id = ? where assignee_id is null and id not in (?, ?)")
        .run(t.expert.id, p0, oldP3);
      d.$client.prepare("update tickets set assignee_id = null where id in (?, ?)").run(p0, oldP3);
      expect(await agent.tickets.takeNext({})).toEqual({ id: p0 });
      expect(await agent.tickets.takeNext({ after: p0 })).toEqual({ id: oldP3 });
      expect(await agent.tickets.takeNext({ after: oldP3 })).toBeNull();
      const audits = d
        .select({ entityId: auditLog.entityId, detail: auditLog.detail })
        .from(auditLog)
        .where(and(eq(auditLog.action, "ticket.assign"), eq(auditLog.actorId, t.agent.id)))
        .all();
      expect(audits.map((a) => Number(a.entityId))).toEqual(expect.arrayContaining([p0, oldP3]));
    } finally {
      d.$client.close();
    }
  });
});

describe("bulk actions", () => {
  it("assigns, sets waiting and adds an internal note to every selected ticket, each audited", async () => {
    const a = await createTicket(db, dev!, {}, NOW);
    const b = await createTicket(db, dev!, {}, NOW);
    const agent = callerFor(db, team.agent, NOW);
    expect(
      await agent.tickets.bulk({ ticketIds: [a, b], action: { kind: "assign", assigneeId: team.expert.id } }),
    ).toEqual({ changed: 2 });
    await agent.tickets.bulk({ ticketIds: [a, b], action: { kind: "status", status: "pending_customer" } });
    await agent.tickets.bulk({ ticketIds: [a, b], action: { kind: "note", body: "Same root cause as #1." } });
    for (const id of [a, b]) {
      expect(row(id)).toMatchObject({ assigneeId: team.expert.id, status: "pending_customer" });
      const notes = db.select().from(comments).where(eq(comments.ticketId, id)).all();
      expect(notes.filter((n) => n.body === "Same root cause as #1.").map((n) => n.visibility)).toEqual(["internal"]);
    }
    const bulkAudits = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "tickets.bulk"), eq(auditLog.actorId, team.agent.id)))
      .all();
    expect(bulkAudits.map((x) => (x.detail as { action: string }).action)).toEqual(["assign", "status", "note"]);
  });

  it("one ticket that cannot take the action leaves every selected ticket unchanged, and says which", async () => {
    const a = await createTicket(db, dev!, {}, NOW);
    const resolved = await createTicket(db, dev!, {}, NOW);
    const agent = callerFor(db, team.agent, NOW);
    await agent.tickets.resolve({ ticketId: resolved, kind: "answer", body: "Answered." });
    await expect(
      agent.tickets.bulk({ ticketIds: [a, resolved], action: { kind: "status", status: "pending_customer" } }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(`#${resolved}`) });
    expect(row(a).status).not.toBe("pending_customer");
  });
});

describe("saved views", () => {
  it("a personal view is its owner's; a shared one is offered to everyone in support and only a manager shares", async () => {
    const agent = callerFor(db, team.agent, NOW);
    const { id: mine } = await agent.tickets.saveView({
      name: "My P1s",
      shared: false,
      columns: ["requester", "priority", "due"],
      filters: { priority: "P1", assignee: "mine" },
      sort: "urgency",
    });
    await expect(
      agent.tickets.saveView({ name: "Team", shared: true, columns: [], filters: {}, sort: "urgency" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const manager = callerFor(db, team.manager, NOW);
    const { id: shared } = await manager.tickets.saveView({
      name: "Expert's queue",
      shared: true,
      columns: ["organization", "assignee", "due"],
      filters: { assignee: team.expert.id },
      sort: "due",
    });
    const agentViews = await agent.tickets.views();
    expect(agentViews.find((v) => v.id === mine)).toMatchObject({
      columns: ["requester", "priority", "due"],
      mayEdit: true,
    });
    expect(agentViews.find((v) => v.id === shared)).toMatchObject({
      shared: true,
      mayEdit: false,
      filters: { assignee: team.expert.id },
    });
    const expertViews = await callerFor(db, team.expert, NOW).tickets.views();
    expect(expertViews.map((v) => v.id)).toContain(shared);
    expect(expertViews.map((v) => v.id)).not.toContain(mine);
    await expect(callerFor(db, team.expert, NOW).tickets.deleteView({ id: mine })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(agent.tickets.deleteView({ id: shared })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await agent.tickets.deleteView({ id: mine })).toEqual({ ok: true });
    const audit = db.select().from(auditLog).where(eq(auditLog.entity, "queue_view")).all();
    expect(audit.map((a) => a.action)).toEqual(["queueView.create", "queueView.create", "queueView.delete"]);
  });
});
