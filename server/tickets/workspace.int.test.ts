import { and, asc, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, comments, ticketEvents, tickets } from "@/db/schema";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam, createTicket } from "@/server/testing/factories";

const db = createTestDb();
afterAll(() => db.$client.close());

const [dev] = createOrganization(db, { tier: "enterprise", region: "americas", customers: 1 }).customers;
const team = createStaffTeam(db);
const MIN = 60_000;
// Wednesday 2026-11-18 10:00 Los Angeles (PST, UTC-8).
const FILED = new Date("2026-11-18T18:00:00Z");
const at = (minutes: number) => new Date(FILED.getTime() + minutes * MIN);

const version = (id: number) => db.select().from(tickets).where(eq(tickets.id, id)).get()!.updatedAt;
const ticket = (id: number) => db.select().from(tickets).where(eq(tickets.id, id)).get()!;
const eventTypes = (id: number) =>
  db
    .select({ type: ticketEvents.type })
    .from(ticketEvents)
    .where(eq(ticketEvents.ticketId, id))
    .orderBy(asc(ticketEvents.at), asc(ticketEvents.id))
    .all()
    .map((e) => e.type);
const commentsOf = (id: number) =>
  db.select().from(comments).where(eq(comments.ticketId, id)).orderBy(asc(comments.id)).all();
const audits = (id: number) =>
  db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "ticket"), eq(auditLog.entityId, String(id))))
    .all()
    .map((a) => a.action);

describe("tickets.update: the properties panel and the reply in one save", () => {
  it("an agent sets the status to waiting, raises the priority with a reason and replies, all in one save", async () => {
    const id = await createTicket(db, dev!, {}, FILED);
    const agent = callerFor(db, team.agent, at(10));
    const result = await agent.tickets.update({
      ticketId: id,
      version: version(id),
      properties: { status: "pending_customer", priority: "P1", assigneeId: team.agent.id, category: "performance" },
      priorityReason: "Every viewer is affected",
      reply: { body: "Could you send the SDK log?", internal: false },
    });
    expect(result.changed).toBe(true);
    const t = ticket(id);
    expect([t.status, t.priority, t.assigneeId, t.category]).toEqual([
      "pending_customer",
      "P1",
      team.agent.id,
      "performance",
    ]);
    expect(result.version.getTime()).toBe(t.updatedAt.getTime());
    expect(eventTypes(id)).toEqual([
      "created",
      "assigned",
      "categoryChanged",
      "priorityChanged",
      "staffReplied",
      "paused",
    ]);
    expect(commentsOf(id).map((c) => [c.body, c.visibility])).toEqual([["Could you send the SDK log?", "public"]]);
    expect(audits(id)).toEqual([
      "ticket.assign",
      "ticket.classify",
      "ticket.priority",
      "ticket.reply",
      "ticket.status",
    ]);
    // The ticket page, its output validated, names each change in its own kind (a category read as a
    // priority failed the page with a 500).
    const page = await callerFor(db, dev!, at(11)).tickets.get({ id });
    expect(page.timeline.filter((e) => e.change).map((e) => e.change)).toEqual([
      { kind: "category", from: "functional_bug", to: "performance" },
      { kind: "priority", from: "P2", to: "P1" },
    ]);
  });

  it("a product area change is on the ticket page as one, for the customer and staff", async () => {
    const id = await createTicket(db, dev!, { productArea: "video_calling" }, FILED);
    await callerFor(db, team.agent, at(5)).tickets.update({
      ticketId: id,
      version: version(id),
      properties: { productArea: "live_streaming" },
    });
    for (const viewer of [dev!, team.agent]) {
      const page = await callerFor(db, viewer, at(6)).tickets.get({ id });
      expect(page.timeline.find((e) => e.type === "productAreaChanged")?.change).toEqual({
        kind: "productArea",
        from: "video_calling",
        to: "live_streaming",
      });
    }
  });

  it("a save made on a ticket someone changed since is refused with the stale message and changes nothing", async () => {
    const id = await createTicket(db, dev!, {}, FILED);
    const seen = version(id);
    await callerFor(db, dev!, at(5)).tickets.reply({ ticketId: id, body: "More details: it happens on iOS too." });
    const before = { t: ticket(id), events: eventTypes(id), comments: commentsOf(id).length };
    await expect(
      callerFor(db, team.agent, at(10)).tickets.update({
        ticketId: id,
        version: seen,
        properties: { status: "pending_customer" },
        reply: { body: "Thanks, looking.", internal: false },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Someone else changed this ticket") });
    expect(ticket(id)).toEqual(before.t);
    expect(eventTypes(id)).toEqual(before.events);
    expect(commentsOf(id)).toHaveLength(before.comments);
  });

  it("a refusal of any part (a priority change without a reason) leaves every other part unwritten too", async () => {
    const id = await createTicket(db, dev!, {}, FILED);
    const before = ticket(id);
    await expect(
      callerFor(db, team.agent, at(10)).tickets.update({
        ticketId: id,
        version: before.updatedAt,
        properties: { assigneeId: team.agent.id, priority: "P0" },
        reply: { body: "On it.", internal: false },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(ticket(id)).toEqual(before);
    expect(commentsOf(id)).toHaveLength(0);
  });

  it("a failure inside a later action (a security vulnerability lowered to P2) rolls back the assignment made before it", async () => {
    const id = await createTicket(db, dev!, { category: "security_vulnerability", priority: "P1" }, FILED);
    const before = ticket(id);
    await expect(
      callerFor(db, team.agent, at(10)).tickets.update({
        ticketId: id,
        version: before.updatedAt,
        properties: { assigneeId: team.expert.id, priority: "P2" },
        priorityReason: "Low impact",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(ticket(id)).toEqual(before);
    expect(eventTypes(id)).toEqual(["created"]);
  });

  it("saving an unchanged form changes nothing: no event, no audit entry, the same version", async () => {
    const id = await createTicket(db, dev!, {}, FILED);
    const t = ticket(id);
    const result = await callerFor(db, team.agent, at(10)).tickets.update({
      ticketId: id,
      version: t.updatedAt,
      properties: {
        status: t.status,
        priority: t.priority,
        assigneeId: t.assigneeId,
        escalationLevel: t.escalationLevel,
        category: t.category,
        productArea: t.productArea,
      },
      reply: { body: "   ", internal: false },
    });
    expect(result).toEqual({ changed: false, version: t.updatedAt });
    expect(ticket(id)).toEqual(t);
    expect(eventTypes(id)).toEqual(["created"]);
    expect(audits(id)).toEqual([]);
  });

  it("resolving from the panel sends the public reply as the resolution; an internal note cannot resolve", async () => {
    const id = await createTicket(db, dev!, {}, FILED);
    const agent = callerFor(db, team.agent, at(30));
    await expect(
      agent.tickets.update({
        ticketId: id,
        version: version(id),
        properties: { status: "resolved" },
        reply: { body: "Fixed in 4.5.1", internal: true },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await agent.tickets.update({
      ticketId: id,
      version: version(id),
      properties: { status: "resolved" },
      resolutionKind: "fix",
      reply: { body: "Fixed in 4.5.1; please upgrade.", internal: false },
    });
    expect(ticket(id).status).toBe("resolved");
    expect(ticket(id).resolutionKind).toBe("fix");
    expect(commentsOf(id).map((c) => c.body)).toEqual(["Fixed in 4.5.1; please upgrade."]);
    expect(eventTypes(id)).toEqual(["created", "staffReplied", "resolved"]);
  });

  it("escalation goes one level up with its reason", async () => {
    const id = await createTicket(db, dev!, {}, FILED);
    const agent = callerFor(db, team.agent, at(30));
    await expect(
      agent.tickets.update({
        ticketId: id,
        version: version(id),
        properties: { escalationLevel: "L3" },
        escalationReason: "Needs a manager",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await agent.tickets.update({
      ticketId: id,
      version: version(id),
      properties: { escalationLevel: "L2" },
      escalationReason: "Needs an expert on the codec",
    });
    expect(ticket(id).escalationLevel).toBe("L2");
  });
});

describe("defects of the ticket page (issue #22)", () => {
  it("recording the same workaround twice within seconds posts one public reply", async () => {
    const id = await createTicket(db, dev!, {}, FILED);
    const agent = callerFor(db, team.agent, at(60));
    await agent.tickets.workaround({ ticketId: id, body: "Use audio profile 2 until the fix ships." });
    await expect(
      callerFor(db, team.agent, new Date(at(60).getTime() + 2000)).tickets.workaround({
        ticketId: id,
        body: "Use audio profile 2 until the fix ships.",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(commentsOf(id).filter((c) => c.visibility === "public")).toHaveLength(1);
    // The same words a minute later are a new message.
    await callerFor(db, team.agent, at(62)).tickets.reply({
      ticketId: id,
      body: "Use audio profile 2 until the fix ships.",
    });
    expect(commentsOf(id)).toHaveLength(2);
  });

  it("back to open by staff is not shown as the customer responding; the customer's reply is", async () => {
    const id = await createTicket(db, dev!, {}, FILED);
    await callerFor(db, team.agent, at(10)).tickets.setWaiting({ ticketId: id, waiting: true });
    await callerFor(db, team.agent, at(20)).tickets.setWaiting({ ticketId: id, waiting: false });
    await callerFor(db, team.agent, at(30)).tickets.setWaiting({ ticketId: id, waiting: true });
    await callerFor(db, dev!, at(40)).tickets.reply({ ticketId: id, body: "Here is the log." });
    const { timeline } = await callerFor(db, team.agent, at(50)).tickets.get({ id });
    expect(timeline.filter((e) => e.type === "resumed").map((e) => e.byStaff)).toEqual([true, false]);
  });
});
