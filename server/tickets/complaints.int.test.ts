import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, notifications, outbox, ticketEvents, tickets, users, watchers } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff, createStaffTeam, createTicket } from "@/server/testing/factories";

const db = createTestDb();
afterAll(() => db.$client.close());

/**
 * The people of this file, all made here: three customers of an Enterprise organization (the
 * requester and two colleagues), a customer of a Basic one, a staff member of each role and a
 * second agent.
 */
const own = createOrganization(db, { tier: "enterprise", region: "americas", customers: 3 });
const other = createOrganization(db, { tier: "basic", region: "china" });
const team = createStaffTeam(db);
const P = {
  dev: own.customers[0]!,
  cto: own.customers[1]!,
  qa: own.customers[2]!,
  ops: other.customers[0]!,
  agent: team.agent,
  agent2: createStaff(db, "agent"),
  expert: team.expert,
  manager: team.manager,
  am: team.account_manager,
  exec: team.executive,
  admin: team.admin,
};
type Who = keyof typeof P;

// Wednesday 2026-11-18 10:00 Los Angeles.
const FILED = new Date("2026-11-18T18:00:00Z");
const at = (minutes: number) => new Date(FILED.getTime() + minutes * 60_000);
const NEW_TICKET = {
  subject: "Calls drop when switching networks",
  productArea: "voice_calling",
  category: "functional_bug",
  priority: "P2",
} as const;

const managers = () =>
  db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, "manager"))
    .all()
    .map((u) => u.id);
const file = (who: Who = "dev", extra: { watchers?: string[] } = {}) =>
  createTicket(db, P[who], { ...NEW_TICKET, ...extra }, FILED);
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
    const { id: complaintId } = await callerFor(db, P.cto, at(60)).tickets.complain({
      ticketId: id,
      reason: "Nobody has answered in an hour although this is blocking us.",
    });
    expect(complaintEvents(id)).toMatchObject([
      {
        id: complaintId,
        actorId: P.cto.id,
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
        .where(and(eq(outbox.to, P.manager.email), eq(outbox.subject, `[#${id}] ${NEW_TICKET.subject}`)))
        .all(),
    ).toHaveLength(1);

    const list = await callerFor(db, P.manager, at(61)).tickets.complaints({ status: "active" });
    expect(list.items.find((c) => c.id === complaintId)).toMatchObject({
      ticketId: id,
      subject: NEW_TICKET.subject,
      organization: own.name,
      status: "open",
      raisedBy: expect.any(String),
      answers: [],
    });
    const page = await callerFor(db, P.dev, at(61)).tickets.get({ id });
    expect(page.complaints).toMatchObject([
      { id: complaintId, status: "open", reason: "Nobody has answered in an hour although this is blocking us." },
    ]);
    expect(page.timeline.at(-1)).toMatchObject({ type: "complaint", complaintPhase: "raised" });
  });

  it("a second complaint while one is with the managers is refused (CONFLICT) and nothing changes", async () => {
    const id = await file();
    await callerFor(db, P.dev, at(10)).tickets.complain({ ticketId: id, reason: "Slow answers." });
    const before = footprint();
    await expect(
      callerFor(db, P.dev, at(11)).tickets.complain({ ticketId: id, reason: "Still slow." }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { messageKey: "tickets.errors.complaintPending" } });
    expect(footprint()).toEqual(before);
  });

  it("an agent records a complaint on the customer's behalf", async () => {
    const id = await file();
    await callerFor(db, P.agent, at(10)).tickets.complain({
      ticketId: id,
      reason: "Customer called to complain about the wait.",
    });
    expect(complaintEvents(id)[0]!.data).toMatchObject({ phase: "raised", onBehalf: true });
    const page = await callerFor(db, P.dev, at(11)).tickets.get({ id });
    expect(page.complaints[0]).toMatchObject({ onBehalf: true, raisedBy: expect.any(String) });
  });

  it("the manager acknowledges then resolves with responses the customer reads; the requester and the complainant are told", async () => {
    const id = await file();
    const { id: complaintId } = await callerFor(db, P.cto, at(10)).tickets.complain({
      ticketId: id,
      reason: "The agent closed our question without reading it.",
    });
    const manager = callerFor(db, P.manager, at(20));
    await manager.tickets.answerComplaint({
      complaintId,
      outcome: "acknowledged",
      response: "I am looking into how this was handled.",
    });
    await expect(
      manager.tickets.answerComplaint({ complaintId, outcome: "acknowledged", response: "Again." }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { messageKey: "tickets.errors.complaintAcknowledged" } });
    await callerFor(db, P.manager, at(30)).tickets.answerComplaint({
      complaintId,
      outcome: "resolved",
      response: "We reopened the question and coached the agent.",
    });
    const before = footprint();
    await expect(
      callerFor(db, P.manager, at(31)).tickets.answerComplaint({
        complaintId,
        outcome: "resolved",
        response: "Once more.",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { messageKey: "tickets.errors.complaintResolved" } });
    expect(footprint()).toEqual(before);

    const page = await callerFor(db, P.dev, at(40)).tickets.get({ id });
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
    expect(answered.filter((u) => u === P.dev.id)).toHaveLength(2);
    expect(answered.filter((u) => u === P.cto.id)).toHaveLength(2);
    expect(audits(id).filter((a) => a === "complaint.answer")).toHaveLength(2);

    const manager2 = callerFor(db, P.manager, at(41));
    expect((await manager2.tickets.complaints({ status: "active" })).items.some((c) => c.id === complaintId)).toBe(
      false,
    );
    expect(
      (await manager2.tickets.complaints({ status: "resolved" })).items.find((c) => c.id === complaintId),
    ).toMatchObject({ status: "resolved" });
    // Once resolved, a new complaint about the same ticket may be raised.
    await callerFor(db, P.dev, at(50)).tickets.complain({ ticketId: id, reason: "It happened again." });
  });

  it("refusals: another organization's customer gets NOT_FOUND; only managers list or answer; bad input and unknown complaints change nothing", async () => {
    const id = await file();
    const { id: complaintId } = await callerFor(db, P.dev, at(10)).tickets.complain({
      ticketId: id,
      reason: "Too slow.",
    });
    const before = footprint();
    await expect(
      callerFor(db, P.ops, at(11)).tickets.complain({ ticketId: id, reason: "Guessing ids." }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(db, P.ops, at(11)).tickets.get({ id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    for (const email of ["am", "exec", "admin"] as const) {
      await expect(
        callerFor(db, P[email], at(11)).tickets.complain({ ticketId: id, reason: "Not mine to raise." }),
        email,
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const email of ["dev", "ops", "agent", "expert", "am", "exec", "admin"] as const) {
      await expect(callerFor(db, P[email], at(11)).tickets.complaints({ status: "all" }), email).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(
        callerFor(db, P[email], at(11)).tickets.answerComplaint({
          complaintId,
          outcome: "resolved",
          response: "Handled.",
        }),
        email,
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      callerFor(db, null, at(11)).tickets.complain({ ticketId: id, reason: "Anonymous." }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(db, null, at(11)).tickets.complaints({ status: "all" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(callerFor(db, P.dev, at(11)).tickets.complain({ ticketId: id, reason: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const manager = callerFor(db, P.manager, at(11));
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
    const agent2 = P.agent2.id;
    await callerFor(db, P.agent, at(10)).tickets.assign({ ticketId: id, assigneeId: agent2 });
    expect(db.select().from(tickets).where(eq(tickets.id, id)).get()!.assigneeId).toBe(agent2);
    expect(notes(id)).toEqual([{ userId: agent2, kind: "assigned" }]);
    expect(
      db
        .select()
        .from(outbox)
        .where(and(eq(outbox.to, P.agent2.email), eq(outbox.subject, `[#${id}] ${NEW_TICKET.subject}`)))
        .all(),
    ).toHaveLength(1);
    const staffView = await callerFor(db, P.agent, at(11)).tickets.get({ id });
    expect(staffView.ticket).toMatchObject({ assigneeId: agent2, assignee: expect.any(String) });
    const customerView = await callerFor(db, P.dev, at(11)).tickets.get({ id });
    expect(customerView.ticket.assigneeId).toBeNull();
    expect(customerView.timeline.some((e) => e.type === "assigned")).toBe(false);
  });

  it("taking a ticket oneself tells nobody; assigning it the same way again writes nothing and tells nobody", async () => {
    const id = await file();
    await callerFor(db, P.expert, at(10)).tickets.assign({
      ticketId: id,
      assigneeId: P.expert.id,
    });
    expect(notes(id)).toEqual([]);
    const before = footprint();
    await callerFor(db, P.agent, at(11)).tickets.assign({
      ticketId: id,
      assigneeId: P.expert.id,
    });
    expect(footprint()).toEqual(before);
  });

  it("the people to assign to are agents, experts and managers only, searchable by name or email; customers and other staff may not list them", async () => {
    const all = await callerFor(db, P.agent, at(1)).tickets.assignees({});
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(new Set(all.map((p) => p.role))).toEqual(new Set(["agent", "expert", "manager"]));
    expect(all.map((p) => p.email)).toEqual(
      expect.arrayContaining([P.agent, P.agent2, P.expert, P.manager].map((p) => p.email)),
    );
    expect(all.map((p) => p.email)).not.toContain(P.am.email);
    const found = await callerFor(db, P.agent, at(1)).tickets.assignees({ query: P.agent2.email.toUpperCase() });
    expect(found.map((p) => p.email)).toEqual([P.agent2.email]);
    expect(await callerFor(db, P.agent, at(1)).tickets.assignees({ query: "100%_" })).toEqual([]);
    for (const email of ["dev", "am", "exec", "admin"] as const) {
      await expect(callerFor(db, P[email], at(1)).tickets.assignees({}), email).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(callerFor(db, null, at(1)).tickets.assignees({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("disputes reach the managers and their decision reaches the customer", () => {
  it("a priority dispute notifies every manager; the decision notifies the requester", async () => {
    const id = await file();
    const { id: disputeId } = await callerFor(db, P.dev, at(5)).tickets.openDispute({
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
    await callerFor(db, P.manager, at(10)).tickets.decideDispute({
      disputeId,
      upheld: false,
      note: "Only some users are affected.",
    });
    expect(
      notes(id)
        .filter((n) => n.kind === "dispute_decided")
        .map((n) => n.userId),
    ).toEqual([P.dev.id]);
  });
});

describe("the assignee hears when the customer reopens", () => {
  it("a reopen notifies the assignee as well as the other customers", async () => {
    const id = await file();
    await callerFor(db, P.agent, at(5)).tickets.reply({ ticketId: id, body: "Looking." });
    await callerFor(db, P.agent, at(10)).tickets.resolve({ ticketId: id, kind: "fix", body: "Fixed." });
    await callerFor(db, P.dev, at(20)).tickets.reopen({ ticketId: id, reason: "It is back." });
    expect(
      notes(id)
        .filter((n) => n.kind === "reopened")
        .map((n) => n.userId),
    ).toEqual([P.agent.id]);
  });
});

describe("the customer's ticket list and filing with watchers", () => {
  it("filing copies colleagues as watchers; a watcher from another organization refuses the whole ticket", async () => {
    const id = await file("dev", {
      watchers: [P.qa.email.toUpperCase(), P.cto.email, P.dev.email],
    });
    const page = await callerFor(db, P.dev, at(1)).tickets.get({ id });
    expect(page.watchers.map((w) => w.email).sort()).toEqual([P.cto.email, P.qa.email].sort());
    const before = footprint();
    await expect(file("dev", { watchers: [P.ops.email] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { messageKey: "tickets.errors.watcherOrg" },
    });
    await expect(file("dev", { watchers: ["not an email"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(footprint()).toEqual(before);
  });

  it("filters by product area and requester, and orders by due time with keyset pages that neither skip nor repeat", async () => {
    const mine = createOrganization(db, { tier: "enterprise", region: "americas", customers: 2 });
    const [first, second] = mine.customers as [SessionUser, SessionUser];
    const outsider = createOrganization(db, { tier: "enterprise", region: "americas" }).customers[0]!;
    const priorities = ["P1", "P2", "P3"] as const;
    const video: number[] = [];
    const bySecond: number[] = [];
    for (let i = 0; i < 12; i++) {
      const who = i % 3 === 0 ? second : first;
      const productArea = i % 2 === 0 ? "video_calling" : "voice_calling";
      const id = await createTicket(db, who, { ...NEW_TICKET, productArea, priority: priorities[i % 3]! }, at(i * 7));
      if (productArea === "video_calling") video.push(id);
      if (who === second) bySecond.push(id);
    }
    const foreignVideo = await createTicket(db, outsider, { ...NEW_TICKET, productArea: "video_calling" }, at(1));

    const api = callerFor(db, first, at(100));
    const videoList = await api.tickets.list({ productArea: "video_calling", limit: 50 });
    expect(videoList.items.map((i) => i.id).sort((a, b) => a - b)).toEqual(video);
    expect(videoList.items.map((i) => i.id)).not.toContain(foreignVideo);

    const listedBySecond = await api.tickets.list({ requesterId: second.id, limit: 100 });
    expect(listedBySecond.items.map((i) => i.id).sort((a, b) => a - b)).toEqual(bySecond);
    // Another organization's requester is simply outside the customer's scope.
    expect((await api.tickets.list({ requesterId: outsider.id, limit: 10 })).items).toEqual([]);

    const seen: { id: number; nextDueAt: Date | null }[] = [];
    let cursor: { nextDueAt: Date; id: number } | { createdAt: Date; id: number } | null = null;
    for (let i = 0; i < 100; i++) {
      const page: Awaited<ReturnType<typeof api.tickets.list>> = await api.tickets.list({
        sort: "due",
        limit: 5,
        cursor,
      });
      seen.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const expected = db.$client
      .prepare(`select id from tickets where organization_id = ? and next_due_at is not null order by next_due_at, id`)
      .all(mine.id) as { id: number }[];
    expect(expected).toHaveLength(12);
    expect(seen.map((s) => s.id)).toEqual(expected.map((e) => e.id));
  });

  it("a customer's colleagues are their own organization's members; staff may not call it", async () => {
    const colleagues = await callerFor(db, P.dev, at(1)).tickets.colleagues();
    expect(colleagues.map((c) => c.email)).toEqual(expect.arrayContaining([P.dev.email, P.cto.email, P.qa.email]));
    expect(colleagues).toHaveLength(3);
    expect(colleagues.map((c) => c.email)).not.toContain(P.ops.email);
    await expect(callerFor(db, P.agent, at(1)).tickets.colleagues()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(db, null, at(1)).tickets.colleagues()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
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
