import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, notifications, outbox, ticketEvents, tickets, users, watchers } from "@/db/schema";
import { callerAs, createTestDb } from "@/server/testing/db";

const db = createTestDb();
afterAll(() => db.$client.close());

// Wednesday 2026-11-18 10:00 Los Angeles.
const FILED = new Date("2026-11-18T18:00:00Z");
const at = (minutes: number) => new Date(FILED.getTime() + minutes * 60_000);
const NEW_TICKET = {
  subject: "Calls drop when switching networks",
  description: "Calls drop when the phone switches from Wi-Fi to 5G.",
  productArea: "voice_calling",
  category: "functional_bug",
  priority: "P2",
} as const;

const userId = (email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
const managers = () =>
  db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, "manager"))
    .all()
    .map((u) => u.id);
const file = async (email = "dev@nimbus.example", extra: Record<string, unknown> = {}) =>
  (await callerAs(db, email, FILED).tickets.create({ ...NEW_TICKET, ...extra })).id;
const notes = (ticketId: number) =>
  db
    .select({ userId: notifications.userId, kind: notifications.kind })
    .from(notifications)
    .where(eq(notifications.ticketId, ticketId))
    .orderBy(asc(notifications.id))
    .all();
const complaintEvents = (ticketId: number) =>
  db
    .select()
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.type, "complaint")))
    .orderBy(asc(ticketEvents.id))
    .all();
const audits = (ticketId: number) =>
  db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "ticket"), eq(auditLog.entityId, String(ticketId))))
    .all()
    .map((a) => a.action);
const count = (
  table:
    typeof ticketEvents | typeof notifications | typeof auditLog | typeof outbox | typeof tickets | typeof watchers,
) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n;
const footprint = () => ({
  events: count(ticketEvents),
  notifications: count(notifications),
  audit: count(auditLog),
  outbox: count(outbox),
  tickets: count(tickets),
  watchers: count(watchers),
});

describe("complaints", () => {
  it("a customer's complaint is recorded on the ticket and in the audit log and reaches every manager, not the queue", async () => {
    const id = await file();
    const { id: complaintId } = await callerAs(db, "cto@nimbus.example", at(60)).tickets.complain({
      ticketId: id,
      reason: "Nobody has answered in an hour although this is blocking us.",
    });
    expect(complaintEvents(id)).toMatchObject([
      {
        id: complaintId,
        actorId: userId("cto@nimbus.example"),
        at: at(60),
        data: {
          phase: "raised",
          reason: "Nobody has answered in an hour although this is blocking us.",
          onBehalf: false,
        },
      },
    ]);
    expect(audits(id)).toContain("ticket.complaint");
    expect(
      notes(id)
        .filter((n) => n.kind === "complaint")
        .map((n) => n.userId)
        .sort(),
    ).toEqual(managers().sort());
    expect(
      db
        .select()
        .from(outbox)
        .where(and(eq(outbox.to, "manager@attain.test"), eq(outbox.subject, `[#${id}] ${NEW_TICKET.subject}`)))
        .all(),
    ).toHaveLength(1);

    const list = await callerAs(db, "manager@attain.test", at(61)).tickets.complaints({ status: "active" });
    expect(list.items.find((c) => c.id === complaintId)).toMatchObject({
      ticketId: id,
      subject: NEW_TICKET.subject,
      organization: "Nimbus Live",
      status: "open",
      raisedBy: expect.any(String),
      answers: [],
    });
    const page = await callerAs(db, "dev@nimbus.example", at(61)).tickets.get({ id });
    expect(page.complaints).toMatchObject([
      { id: complaintId, status: "open", reason: "Nobody has answered in an hour although this is blocking us." },
    ]);
    expect(page.timeline.at(-1)).toMatchObject({ type: "complaint", complaintPhase: "raised" });
  });

  it("a second complaint while one is with the managers is refused (CONFLICT) and nothing changes", async () => {
    const id = await file();
    await callerAs(db, "dev@nimbus.example", at(10)).tickets.complain({ ticketId: id, reason: "Slow answers." });
    const before = footprint();
    await expect(
      callerAs(db, "dev@nimbus.example", at(11)).tickets.complain({ ticketId: id, reason: "Still slow." }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { messageKey: "tickets.errors.complaintPending" } });
    expect(footprint()).toEqual(before);
  });

  it("an agent records a complaint on the customer's behalf", async () => {
    const id = await file();
    await callerAs(db, "agent@attain.test", at(10)).tickets.complain({
      ticketId: id,
      reason: "Customer called to complain about the wait.",
    });
    expect(complaintEvents(id)[0]!.data).toMatchObject({ phase: "raised", onBehalf: true });
    const page = await callerAs(db, "dev@nimbus.example", at(11)).tickets.get({ id });
    expect(page.complaints[0]).toMatchObject({ onBehalf: true, raisedBy: expect.any(String) });
  });

  it("the manager acknowledges then resolves with responses the customer reads; the requester and the complainant are told", async () => {
    const id = await file();
    const { id: complaintId } = await callerAs(db, "cto@nimbus.example", at(10)).tickets.complain({
      ticketId: id,
      reason: "The agent closed our question without reading it.",
    });
    const manager = callerAs(db, "manager@attain.test", at(20));
    await manager.tickets.answerComplaint({
      complaintId,
      outcome: "acknowledged",
      response: "I am looking into how this was handled.",
    });
    await expect(
      manager.tickets.answerComplaint({ complaintId, outcome: "acknowledged", response: "Again." }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { messageKey: "tickets.errors.complaintAcknowledged" } });
    await callerAs(db, "manager@attain.test", at(30)).tickets.answerComplaint({
      complaintId,
      outcome: "resolved",
      response: "We reopened the question and coached the agent.",
    });
    const before = footprint();
    await expect(
      callerAs(db, "manager@attain.test", at(31)).tickets.answerComplaint({
        complaintId,
        outcome: "resolved",
        response: "Once more.",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { messageKey: "tickets.errors.complaintResolved" } });
    expect(footprint()).toEqual(before);

    const page = await callerAs(db, "dev@nimbus.example", at(40)).tickets.get({ id });
    expect(page.complaints).toMatchObject([
      {
        id: complaintId,
        status: "resolved",
        answers: [
          { outcome: "acknowledged", response: "I am looking into how this was handled.", at: at(20) },
          { outcome: "resolved", response: "We reopened the question and coached the agent.", at: at(30) },
        ],
      },
    ]);
    expect(page.timeline.filter((e) => e.type === "complaint").map((e) => e.complaintPhase)).toEqual([
      "raised",
      "acknowledged",
      "resolved",
    ]);
    const answered = notes(id)
      .filter((n) => n.kind === "complaint_answered")
      .map((n) => n.userId);
    expect(answered.filter((u) => u === userId("dev@nimbus.example"))).toHaveLength(2);
    expect(answered.filter((u) => u === userId("cto@nimbus.example"))).toHaveLength(2);
    expect(audits(id).filter((a) => a === "complaint.answer")).toHaveLength(2);

    const manager2 = callerAs(db, "manager@attain.test", at(41));
    expect((await manager2.tickets.complaints({ status: "active" })).items.some((c) => c.id === complaintId)).toBe(
      false,
    );
    expect(
      (await manager2.tickets.complaints({ status: "resolved" })).items.find((c) => c.id === complaintId),
    ).toMatchObject({ status: "resolved" });
    // Once resolved, a new complaint about the same ticket may be raised.
    await callerAs(db, "dev@nimbus.example", at(50)).tickets.complain({ ticketId: id, reason: "It happened again." });
  });

  it("refusals: another organization's customer gets NOT_FOUND; only managers list or answer; bad input and unknown complaints change nothing", async () => {
    const id = await file();
    const { id: complaintId } = await callerAs(db, "dev@nimbus.example", at(10)).tickets.complain({
      ticketId: id,
      reason: "Too slow.",
    });
    const before = footprint();
    await expect(
      callerAs(db, "ops@orbit.example", at(11)).tickets.complain({ ticketId: id, reason: "Guessing ids." }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerAs(db, "ops@orbit.example", at(11)).tickets.get({ id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    for (const email of ["am@attain.test", "exec@attain.test", "admin@attain.test"]) {
      await expect(
        callerAs(db, email, at(11)).tickets.complain({ ticketId: id, reason: "Not mine to raise." }),
        email,
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const email of [
      "dev@nimbus.example",
      "ops@orbit.example",
      "agent@attain.test",
      "expert@attain.test",
      "am@attain.test",
      "exec@attain.test",
      "admin@attain.test",
    ]) {
      await expect(callerAs(db, email, at(11)).tickets.complaints({ status: "all" }), email).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(
        callerAs(db, email, at(11)).tickets.answerComplaint({ complaintId, outcome: "resolved", response: "Handled." }),
        email,
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      callerAs(db, null, at(11)).tickets.complain({ ticketId: id, reason: "Anonymous." }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(db, null, at(11)).tickets.complaints({ status: "all" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      callerAs(db, "dev@nimbus.example", at(11)).tickets.complain({ ticketId: id, reason: "x" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const manager = callerAs(db, "manager@attain.test", at(11));
    await expect(
      manager.tickets.answerComplaint({ complaintId: 999_999_999, outcome: "resolved", response: "Handled." }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const created = db
      .select({ id: ticketEvents.id })
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, id), eq(ticketEvents.type, "created")))
      .get()!;
    await expect(
      manager.tickets.answerComplaint({ complaintId: created.id, outcome: "resolved", response: "Handled." }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      manager.tickets.answerComplaint({ complaintId, outcome: "resolved", response: "" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(footprint()).toEqual(before);
  });
});

describe("assigning to another person", () => {
  it("an agent assigns a ticket to another agent, who is told; the customer's timeline does not show it", async () => {
    const id = await file();
    const agent2 = userId("agent2@attain.test");
    await callerAs(db, "agent@attain.test", at(10)).tickets.assign({ ticketId: id, assigneeId: agent2 });
    expect(db.select().from(tickets).where(eq(tickets.id, id)).get()!.assigneeId).toBe(agent2);
    expect(notes(id)).toEqual([{ userId: agent2, kind: "assigned" }]);
    expect(
      db
        .select()
        .from(outbox)
        .where(and(eq(outbox.to, "agent2@attain.test"), eq(outbox.subject, `[#${id}] ${NEW_TICKET.subject}`)))
        .all(),
    ).toHaveLength(1);
    const staffView = await callerAs(db, "agent@attain.test", at(11)).tickets.get({ id });
    expect(staffView.ticket).toMatchObject({ assigneeId: agent2, assignee: expect.any(String) });
    const customerView = await callerAs(db, "dev@nimbus.example", at(11)).tickets.get({ id });
    expect(customerView.ticket.assigneeId).toBeNull();
    expect(customerView.timeline.some((e) => e.type === "assigned")).toBe(false);
  });

  it("taking a ticket oneself tells nobody; assigning it the same way again writes nothing and tells nobody", async () => {
    const id = await file();
    await callerAs(db, "expert@attain.test", at(10)).tickets.assign({
      ticketId: id,
      assigneeId: userId("expert@attain.test"),
    });
    expect(notes(id)).toEqual([]);
    const before = footprint();
    await callerAs(db, "agent@attain.test", at(11)).tickets.assign({
      ticketId: id,
      assigneeId: userId("expert@attain.test"),
    });
    expect(footprint()).toEqual(before);
  });

  it("the people to assign to are agents, experts and managers only, searchable by name or email; customers and other staff may not list them", async () => {
    const all = await callerAs(db, "agent@attain.test", at(1)).tickets.assignees({});
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(new Set(all.map((p) => p.role))).toEqual(new Set(["agent", "expert", "manager"]));
    expect(all.map((p) => p.email)).not.toContain("am@attain.test");
    const found = await callerAs(db, "agent@attain.test", at(1)).tickets.assignees({ query: "AGENT2@" });
    expect(found.map((p) => p.email)).toEqual(["agent2@attain.test"]);
    expect(await callerAs(db, "agent@attain.test", at(1)).tickets.assignees({ query: "100%_" })).toEqual([]);
    for (const email of ["dev@nimbus.example", "am@attain.test", "exec@attain.test", "admin@attain.test"]) {
      await expect(callerAs(db, email, at(1)).tickets.assignees({}), email).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(callerAs(db, null, at(1)).tickets.assignees({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("disputes reach the managers and their decision reaches the customer", () => {
  it("a priority dispute notifies every manager; the decision notifies the requester", async () => {
    const id = await file();
    const { id: disputeId } = await callerAs(db, "dev@nimbus.example", at(5)).tickets.openDispute({
      ticketId: id,
      kind: "priority",
      proposedPriority: "P1",
      reason: "All users are affected.",
    });
    expect(
      notes(id)
        .filter((n) => n.kind === "dispute")
        .map((n) => n.userId)
        .sort(),
    ).toEqual(managers().sort());
    await callerAs(db, "manager@attain.test", at(10)).tickets.decideDispute({
      disputeId,
      upheld: false,
      note: "Only some users are affected.",
    });
    expect(
      notes(id)
        .filter((n) => n.kind === "dispute_decided")
        .map((n) => n.userId),
    ).toEqual([userId("dev@nimbus.example")]);
  });
});

describe("the assignee hears when the customer reopens", () => {
  it("a reopen notifies the assignee as well as the other customers", async () => {
    const id = await file();
    await callerAs(db, "agent@attain.test", at(5)).tickets.reply({ ticketId: id, body: "Looking." });
    await callerAs(db, "agent@attain.test", at(10)).tickets.resolve({ ticketId: id, kind: "fix", body: "Fixed." });
    await callerAs(db, "dev@nimbus.example", at(20)).tickets.reopen({ ticketId: id, reason: "It is back." });
    expect(
      notes(id)
        .filter((n) => n.kind === "reopened")
        .map((n) => n.userId),
    ).toEqual([userId("agent@attain.test")]);
  });
});

describe("the customer's ticket list and filing with watchers", () => {
  it("filing copies colleagues as watchers; a watcher from another organization refuses the whole ticket", async () => {
    const id = await file("dev@nimbus.example", {
      watchers: ["QA@nimbus.example", "cto@nimbus.example", "dev@nimbus.example"],
    });
    const page = await callerAs(db, "dev@nimbus.example", at(1)).tickets.get({ id });
    expect(page.watchers.map((w) => w.email).sort()).toEqual(["cto@nimbus.example", "qa@nimbus.example"]);
    const before = footprint();
    await expect(file("dev@nimbus.example", { watchers: ["ops@orbit.example"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { messageKey: "tickets.errors.watcherOrg" },
    });
    await expect(file("dev@nimbus.example", { watchers: ["not an email"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(footprint()).toEqual(before);
  });

  it("filters by product area and requester, and orders by due time with keyset pages that neither skip nor repeat", async () => {
    const api = callerAs(db, "dev@nimbus.example", at(100));
    const video = await api.tickets.list({ productArea: "video_calling", limit: 50 });
    expect(video.items.length).toBeGreaterThan(0);
    expect(video.items.every((i) => i.productArea === "video_calling")).toBe(true);

    const cto = userId("cto@nimbus.example");
    const byCto = await api.tickets.list({ requesterId: cto, limit: 100 });
    const ctoTickets = db
      .select({ id: tickets.id })
      .from(tickets)
      .where(eq(tickets.requesterId, cto))
      .all()
      .map((t) => t.id)
      .sort((a, b) => b - a);
    expect(byCto.items.map((i) => i.id).sort((a, b) => b - a)).toEqual(ctoTickets.slice(0, 100));
    // Another organization's requester is simply outside the customer's scope.
    expect((await api.tickets.list({ requesterId: userId("ops@orbit.example"), limit: 10 })).items).toEqual([]);

    const seen: { id: number; nextDueAt: Date | null }[] = [];
    let cursor: { nextDueAt: Date; id: number } | { createdAt: Date; id: number } | null = null;
    for (let i = 0; i < 100; i++) {
      const page: Awaited<ReturnType<typeof api.tickets.list>> = await api.tickets.list({
        sort: "due",
        limit: 7,
        cursor,
      });
      seen.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const expected = db.$client
      .prepare(
        `select id from tickets where organization_id = (select organization_id from users where email = 'dev@nimbus.example') and next_due_at is not null order by next_due_at, id`,
      )
      .all() as { id: number }[];
    expect(seen.map((s) => s.id)).toEqual(expected.map((e) => e.id));
    expect(seen.length).toBeGreaterThan(7);
  });

  it("a customer's colleagues are their own organization's members; staff may not call it", async () => {
    const colleagues = await callerAs(db, "dev@nimbus.example", at(1)).tickets.colleagues();
    expect(colleagues.map((c) => c.email)).toEqual(
      expect.arrayContaining(["dev@nimbus.example", "cto@nimbus.example", "qa@nimbus.example"]),
    );
    expect(colleagues.some((c) => c.email.endsWith("orbit.example"))).toBe(false);
    await expect(callerAs(db, "agent@attain.test", at(1)).tickets.colleagues()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(db, null, at(1)).tickets.colleagues()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("the event log's organization", () => {
  it("every event written above (replies, escalations, complaints, decisions) carries its ticket's organization", () => {
    const written = db.$client
      .prepare(`SELECT count(*) AS n FROM ticket_events WHERE type IN ('complaint', 'escalated')`)
      .get() as { n: number };
    expect(written.n).toBeGreaterThan(0);
    const wrong = db.$client
      .prepare(
        `SELECT count(*) AS n FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.organization_id <> t.organization_id`,
      )
      .get() as { n: number };
    expect(wrong.n).toBe(0);
  });
});
