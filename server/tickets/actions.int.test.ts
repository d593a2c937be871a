import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  comments,
  notifications,
  outbox,
  satisfactionRatings,
  ticketEvents,
  tickets,
  users,
  watchers,
} from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import {
  createCustomer,
  createOrganization,
  createStaff,
  createStaffTeam,
  createTicket,
} from "@/server/testing/factories";
import { compareUrgency, queueSection } from "./queue-order";

const db = createTestDb();
// The queue reads every open ticket, so it gets its own copy that no other test here writes to.
const queueDb = createTestDb();
afterAll(() => {
  db.$client.close();
  queueDb.$client.close();
});

/**
 * The people of this file, all made here: three customers of an Enterprise organization in the
 * Americas (the requester and two colleagues), two customers of a Basic organization in China, and
 * a staff member of each role plus a second agent.
 */
function people(d: Db) {
  const [dev, cto, qa] = createOrganization(d, { tier: "enterprise", region: "americas", customers: 3 }).customers;
  const [ops, lead] = createOrganization(d, { tier: "basic", region: "china", customers: 2 }).customers;
  const team = createStaffTeam(d);
  return {
    dev: dev!,
    cto: cto!,
    qa: qa!,
    ops: ops!,
    lead: lead!,
    agent: team.agent,
    agent2: createStaff(d, "agent"),
    expert: team.expert,
    manager: team.manager,
    am: team.account_manager,
    exec: team.executive,
    admin: team.admin,
  } satisfies Record<string, SessionUser>;
}
type Who = keyof ReturnType<typeof people>;
const P = people(db);
const Q = people(queueDb);
const CUSTOMERS: Who[] = ["dev", "cto", "qa", "ops", "lead"];

const MIN = 60_000;
const DAY_MIN = 24 * 60;
// Wednesday 2026-11-18 10:00 Los Angeles (PST, UTC-8): inside the Americas calendar's business hours.
const FILED = new Date("2026-11-18T18:00:00Z");
const at = (minutes: number) => new Date(FILED.getTime() + minutes * MIN);
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

// Enterprise P1 resolution is 10 business days (5,100 min) on the Americas calendar: Wed 18 Nov from
// 10:00 PST, skipping weekends and Thanksgiving (Thu 26 Nov), runs out Thu 3 Dec 10:00 PST.
const P1_RES_DUE = new Date("2026-12-03T18:00:00Z");

const NEW_TICKET = {
  subject: "Live stream stalls for all viewers",
  productArea: "live_streaming",
  category: "functional_bug",
} as const;

type Priority = "P0" | "P1" | "P2" | "P3";

async function file(priority: Priority = "P1", d: Db = db, when: Date = FILED) {
  return createTicket(d, d === db ? P.dev : Q.dev, { ...NEW_TICKET, priority }, when);
}

function stored(id: number, d: Db = db) {
  return d.select().from(tickets).where(eq(tickets.id, id)).get()!;
}

function events(id: number) {
  return db
    .select()
    .from(ticketEvents)
    .where(eq(ticketEvents.ticketId, id))
    .orderBy(asc(ticketEvents.at), asc(ticketEvents.id))
    .all();
}

function eventTypes(id: number) {
  return events(id).map((e) => e.type);
}

/** Everyone of a staff role, by id: an escalation or a dispute tells them all. */
function everyone(role: "expert" | "manager") {
  return db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, role))
    .all()
    .map((u) => u.id)
    .sort((a, b) => a - b);
}

/** Who was told what about a ticket, in user order. */
function told(id: number) {
  return ticketNotifications(id)
    .map((n) => [n.userId, n.kind] as const)
    .sort((a, b) => a[0] - b[0]);
}

function ticketComments(id: number) {
  return db.select().from(comments).where(eq(comments.ticketId, id)).orderBy(asc(comments.id)).all();
}

function ticketNotifications(id: number) {
  return db.select().from(notifications).where(eq(notifications.ticketId, id)).orderBy(asc(notifications.id)).all();
}

function auditActions(id: number) {
  return db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "ticket"), eq(auditLog.entityId, String(id))))
    .orderBy(asc(auditLog.id))
    .all()
    .map((a) => a.action);
}

const count = (
  table:
    | typeof comments
    | typeof notifications
    | typeof outbox
    | typeof auditLog
    | typeof ticketEvents
    | typeof watchers
    | typeof satisfactionRatings,
) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n;

/** Everything an action may write, so a refusal can be shown to have written nothing. */
function footprint(id: number) {
  return {
    ticket: stored(id),
    events: events(id).length,
    allEvents: count(ticketEvents),
    comments: count(comments),
    notifications: count(notifications),
    outbox: count(outbox),
    audit: count(auditLog),
    watchers: count(watchers),
    ratings: count(satisfactionRatings),
  };
}

describe("replies and first response", () => {
  it("staff's first public reply within 30 minutes meets an Enterprise P1's first response, opens the ticket and tells the requester", async () => {
    const id = await file("P1");
    expect(stored(id).frDueAt?.toISOString()).toBe(at(30).toISOString());
    await callerFor(db, P.agent, at(20)).tickets.reply({
      ticketId: id,
      body: "We are looking at your stream logs now.",
    });
    const t = stored(id);
    expect(iso(t.frAchievedAt)).toBe(at(20).toISOString());
    expect(t.frStatus).toBe("met");
    expect(t.status).toBe("open");
    expect(t.assigneeId).toBe(P.agent.id);
    // First response is done; the nearest open due time is now the workaround's (8 h, 24x7).
    expect(iso(t.nextDueAt)).toBe(at(8 * 60).toISOString());
    expect(eventTypes(id)).toEqual(["created", "staffReplied"]);
    expect(ticketComments(id)).toMatchObject([
      { visibility: "public", authorId: P.agent.id, body: "We are looking at your stream logs now." },
    ]);
    expect(auditActions(id)).toEqual(["ticket.reply"]);
    expect(ticketNotifications(id)).toMatchObject([{ userId: P.dev.id, kind: "reply" }]);
    const mail = db
      .select()
      .from(outbox)
      .where(eq(outbox.subject, `[#${id}] ${NEW_TICKET.subject}`))
      .all();
    expect(mail.map((m) => m.to)).toEqual([P.dev.email]);
  });

  it("a first reply on the due instant is met; a reply a minute after it is breached", async () => {
    const onTime = await file("P1");
    await callerFor(db, P.agent, at(30)).tickets.reply({ ticketId: onTime, body: "Investigating." });
    expect(stored(onTime)).toMatchObject({ frStatus: "met", frAchievedAt: at(30) });

    const late = await file("P1");
    await callerFor(db, P.agent, at(31)).tickets.reply({ ticketId: late, body: "Investigating." });
    expect(stored(late)).toMatchObject({ frStatus: "breached", frAchievedAt: at(31), frDueAt: at(30) });
  });

  it("only the first staff reply counts: a second reply does not move first response", async () => {
    const id = await file("P1");
    await callerFor(db, P.agent, at(10)).tickets.reply({ ticketId: id, body: "First answer." });
    await callerFor(db, P.expert, at(50)).tickets.reply({ ticketId: id, body: "Second answer." });
    expect(stored(id)).toMatchObject({
      frStatus: "met",
      frAchievedAt: at(10),
      assigneeId: P.agent.id,
    });
  });

  it("a customer's reply does not achieve first response, and the staff reply after it still does", async () => {
    const id = await file("P1");
    await callerFor(db, P.dev, at(10)).tickets.reply({
      ticketId: id,
      body: "It also happens on Android.",
    });
    let t = stored(id);
    expect(t.frAchievedAt).toBeNull();
    expect(t.frStatus).toBe("running");
    expect(t.status).toBe("new");
    expect(eventTypes(id)).toEqual(["created", "replied"]);
    expect(ticketComments(id)).toMatchObject([{ visibility: "public", authorId: P.dev.id }]);

    await callerFor(db, P.agent, at(40)).tickets.reply({ ticketId: id, body: "Thanks, investigating." });
    t = stored(id);
    expect(iso(t.frAchievedAt)).toBe(at(40).toISOString());
    expect(t.frStatus).toBe("breached");
  });

  it("an internal note moves no clock, tells nobody, and is never returned to the customer", async () => {
    const id = await file("P1");
    const before = footprint(id);
    await callerFor(db, P.agent, at(5)).tickets.reply({
      ticketId: id,
      body: "Customer is on an old SDK build.",
      internal: true,
    });
    const t = stored(id);
    expect(t.frAchievedAt).toBeNull();
    expect(t.frStatus).toBe("running");
    expect(t.status).toBe("new");
    expect(t.assigneeId).toBeNull();
    expect(events(id)).toHaveLength(before.events);
    expect(ticketComments(id)).toMatchObject([{ visibility: "internal", body: "Customer is on an old SDK build." }]);
    expect(ticketNotifications(id)).toEqual([]);
    expect(count(outbox)).toBe(before.outbox);
    expect(auditActions(id)).toEqual(["ticket.note"]);

    const staffView = await callerFor(db, P.agent, at(6)).tickets.get({ id });
    expect(staffView.conversation).toMatchObject([{ internal: true, body: "Customer is on an old SDK build." }]);
    for (const who of [P.dev, P.cto]) {
      const customerView = await callerFor(db, who, at(6)).tickets.get({ id });
      expect(customerView.conversation).toEqual([]);
      expect(JSON.stringify(customerView)).not.toContain("old SDK build");
    }
  });

  it("a customer cannot write an internal note (FORBIDDEN) and nothing is written", async () => {
    const id = await file("P1");
    const before = footprint(id);
    await expect(
      callerFor(db, P.dev, at(5)).tickets.reply({ ticketId: id, body: "Secret note", internal: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(footprint(id)).toEqual(before);
  });

  it("a public reply to a resolved ticket is a conflict and nothing is written", async () => {
    const id = await file("P1");
    await callerFor(db, P.agent, at(10)).tickets.resolve({
      ticketId: id,
      kind: "answer",
      body: "Upgrade to 4.2.",
    });
    const before = footprint(id);
    await expect(
      callerFor(db, P.dev, at(20)).tickets.reply({ ticketId: id, body: "Still broken" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(footprint(id)).toEqual(before);
  });
});

describe("waiting on the customer", () => {
  it("waiting pauses workaround and resolution but not first response; resuming moves their due times later by the pause", async () => {
    const id = await file("P1");
    await callerFor(db, P.agent, at(5)).tickets.setWaiting({ ticketId: id, waiting: true });
    let t = stored(id);
    expect(t.status).toBe("pending_customer");
    expect(t).toMatchObject({
      frStatus: "running",
      frDueAt: at(30),
      waStatus: "paused",
      waDueAt: at(8 * 60),
      resStatus: "paused",
      resDueAt: P1_RES_DUE,
    });

    // Paused from 10:05 to 11:05 PST: an hour of 24x7 time and an hour of business time.
    await callerFor(db, P.agent, at(65)).tickets.setWaiting({ ticketId: id, waiting: false });
    t = stored(id);
    expect(t.status).toBe("open");
    expect(iso(t.frDueAt)).toBe(at(30).toISOString());
    expect(t.frStatus).toBe("breached");
    expect(iso(t.waDueAt)).toBe(at(8 * 60 + 60).toISOString());
    expect(t.waStatus).toBe("running");
    expect(iso(t.resDueAt)).toBe(new Date(P1_RES_DUE.getTime() + 60 * MIN).toISOString());
    expect(t.resStatus).toBe("running");
    expect(eventTypes(id)).toEqual(["created", "paused", "resumed"]);
    expect(auditActions(id)).toEqual(["ticket.status", "ticket.status"]);
    expect(ticketNotifications(id).map((n) => n.kind)).toEqual(["status_changed", "status_changed"]);
  });

  it("a customer's reply to a ticket waiting on them resumes it", async () => {
    const id = await file("P1");
    await callerFor(db, P.agent, at(10)).tickets.reply({
      ticketId: id,
      body: "Which SDK version are you on?",
    });
    await callerFor(db, P.agent, at(11)).tickets.setWaiting({ ticketId: id, waiting: true });
    expect(stored(id).status).toBe("pending_customer");
    await callerFor(db, P.dev, at(131)).tickets.reply({ ticketId: id, body: "Version 4.1.0 on iOS." });
    const t = stored(id);
    expect(t.status).toBe("open");
    expect(t.waStatus).toBe("running");
    expect(iso(t.waDueAt)).toBe(at(8 * 60 + 120).toISOString());
    expect(iso(t.resDueAt)).toBe(new Date(P1_RES_DUE.getTime() + 120 * MIN).toISOString());
    expect(t.frAchievedAt?.toISOString()).toBe(at(10).toISOString());
    expect(eventTypes(id)).toEqual(["created", "staffReplied", "paused", "replied", "resumed"]);
  });

  it("a staff reply to a ticket waiting on the customer keeps it waiting", async () => {
    const id = await file("P1");
    await callerFor(db, P.agent, at(10)).tickets.setWaiting({ ticketId: id, waiting: true });
    await callerFor(db, P.agent, at(20)).tickets.reply({
      ticketId: id,
      body: "A reminder: we need your logs.",
    });
    expect(stored(id)).toMatchObject({
      status: "pending_customer",
      waStatus: "paused",
      resStatus: "paused",
      frStatus: "met",
    });
  });

  it("setting the status the ticket already has is a conflict and changes nothing", async () => {
    const id = await file("P1");
    const before = footprint(id);
    await expect(
      callerFor(db, P.agent, at(10)).tickets.setWaiting({ ticketId: id, waiting: false }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(footprint(id)).toEqual(before);
    await callerFor(db, P.agent, at(10)).tickets.setWaiting({ ticketId: id, waiting: true });
    const paused = footprint(id);
    await expect(
      callerFor(db, P.agent, at(20)).tickets.setWaiting({ ticketId: id, waiting: true }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(footprint(id)).toEqual(paused);
  });
});

describe("workaround, resolution, reopening and rating", () => {
  it("a workaround then a resolution are achieved when recorded and met within their targets; the ticket ends resolved", async () => {
    const id = await file("P1");
    await callerFor(db, P.agent, at(120)).tickets.workaround({
      ticketId: id,
      body: "Switch viewers to the backup CDN for now.",
    });
    let t = stored(id);
    expect(t.status).toBe("workaround_provided");
    expect(t).toMatchObject({ waAchievedAt: at(120), waStatus: "met", waDueAt: at(8 * 60) });
    // The workaround is a public reply by staff, so it is also the first response (late: due at 30 min).
    expect(t).toMatchObject({ frAchievedAt: at(120), frStatus: "breached" });
    expect(iso(t.nextDueAt)).toBe(P1_RES_DUE.toISOString());
    expect(t.resolvedAt).toBeNull();

    await callerFor(db, P.expert, at(DAY_MIN)).tickets.resolve({
      ticketId: id,
      kind: "fix",
      body: "Fixed in SDK 4.2.1.",
    });
    t = stored(id);
    expect(t.status).toBe("resolved");
    expect(iso(t.resolvedAt)).toBe(at(DAY_MIN).toISOString());
    expect(t.resolutionKind).toBe("fix");
    expect(t).toMatchObject({
      resAchievedAt: at(DAY_MIN),
      resStatus: "met",
      resDueAt: P1_RES_DUE,
      waAchievedAt: at(120),
      frAchievedAt: at(120),
    });
    expect(t.nextDueAt).toBeNull();
    expect(eventTypes(id)).toEqual(["created", "staffReplied", "workaround", "staffReplied", "resolved"]);
    expect(ticketComments(id).map((c) => [c.visibility, c.body])).toEqual([
      ["public", "Switch viewers to the backup CDN for now."],
      ["public", "Fixed in SDK 4.2.1."],
    ]);
    expect(ticketNotifications(id).map((n) => [n.userId, n.kind])).toEqual([
      [P.dev.id, "workaround"],
      [P.dev.id, "resolved"],
    ]);
    expect(auditActions(id)).toEqual(["ticket.workaround", "ticket.resolve"]);
  });

  it("a workaround recorded after its 8-hour target is breached", async () => {
    const id = await file("P1");
    await callerFor(db, P.agent, at(8 * 60 + 1)).tickets.workaround({
      ticketId: id,
      body: "Restart the ingest node.",
    });
    expect(stored(id)).toMatchObject({
      waAchievedAt: at(8 * 60 + 1),
      waStatus: "breached",
      status: "workaround_provided",
    });
  });

  it("resolving a ticket waiting on the customer resumes its clocks first, and resolution is met", async () => {
    const id = await file("P1");
    await callerFor(db, P.agent, at(10)).tickets.setWaiting({ ticketId: id, waiting: true });
    await callerFor(db, P.agent, at(60)).tickets.resolve({
      ticketId: id,
      kind: "answer",
      body: "Set the buffer size to 4 s.",
    });
    const t = stored(id);
    expect(t).toMatchObject({
      status: "resolved",
      resolvedAt: at(60),
      resolutionKind: "answer",
      resAchievedAt: at(60),
      resStatus: "met",
    });
    expect(eventTypes(id)).toEqual(["created", "paused", "resumed", "staffReplied", "resolved"]);
  });

  it("the customer reopens a resolved ticket within 14 days, and its resolution clock runs again", async () => {
    const id = await file("P1");
    await callerFor(db, P.agent, at(60)).tickets.resolve({
      ticketId: id,
      kind: "fix",
      body: "Fixed on our side.",
    });
    const reopenAt = at(60 + 13 * DAY_MIN);
    await callerFor(db, P.dev, reopenAt).tickets.reopen({
      ticketId: id,
      reason: "It is happening again.",
    });
    const t = stored(id);
    expect(t.status).toBe("open");
    expect(t.resolvedAt).toBeNull();
    expect(t.resolutionKind).toBeNull();
    expect(t.resAchievedAt).toBeNull();
    expect(t.resStatus).toBe("running");
    // 60 business minutes were used before the resolution; the 13 days it stayed resolved do not count.
    // The other 5,040 run from Tue 1 Dec 11:00 PST and run out Tue 15 Dec 10:00 PST.
    expect(iso(t.resDueAt)).toBe("2026-12-15T18:00:00.000Z");
    expect(iso(t.nextDueAt)).toBe("2026-12-15T18:00:00.000Z");
    expect(eventTypes(id)).toEqual(["created", "staffReplied", "resolved", "reopened"]);
    expect(ticketComments(id).at(-1)).toMatchObject({
      visibility: "public",
      body: "It is happening again.",
      authorId: P.dev.id,
    });
  });

  it("a reopen exactly 14 days after resolution is still allowed", async () => {
    const id = await file("P1");
    await callerFor(db, P.agent, at(60)).tickets.resolve({
      ticketId: id,
      kind: "fix",
      body: "Fixed on our side.",
    });
    await callerFor(db, P.cto, at(60 + 14 * DAY_MIN)).tickets.reopen({
      ticketId: id,
      reason: "Back again.",
    });
    expect(stored(id).status).toBe("open");
  });

  it("a reopen more than 14 days after resolution is refused (CONFLICT) and changes nothing", async () => {
    const id = await file("P1");
    await callerFor(db, P.agent, at(60)).tickets.resolve({
      ticketId: id,
      kind: "fix",
      body: "Fixed on our side.",
    });
    const before = footprint(id);
    await expect(
      callerFor(db, P.dev, at(60 + 14 * DAY_MIN + 1)).tickets.reopen({
        ticketId: id,
        reason: "It is happening again.",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(footprint(id)).toEqual(before);
    expect(stored(id)).toMatchObject({ status: "resolved", resolvedAt: at(60), resStatus: "met" });
  });

  it("a ticket that is still open cannot be reopened (CONFLICT)", async () => {
    const id = await file("P1");
    const before = footprint(id);
    await expect(
      callerFor(db, P.dev, at(10)).tickets.reopen({ ticketId: id, reason: "Reopen please" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(footprint(id)).toEqual(before);
  });

  it("a rating is accepted only after resolution, only once, and only with a score of 1 to 5", async () => {
    const id = await file("P2");
    const dev = callerFor(db, P.dev, at(200));
    let before = footprint(id);
    await expect(dev.tickets.rate({ ticketId: id, score: 5 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(footprint(id)).toEqual(before);

    await callerFor(db, P.agent, at(100)).tickets.resolve({
      ticketId: id,
      kind: "answer",
      body: "See the buffering guide.",
    });
    before = footprint(id);
    for (const score of [0, 6, 2.5]) {
      await expect(dev.tickets.rate({ ticketId: id, score })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(footprint(id)).toEqual(before);

    await dev.tickets.rate({ ticketId: id, score: 4, comment: "Quick and clear." });
    const ratings = db.select().from(satisfactionRatings).where(eq(satisfactionRatings.ticketId, id)).all();
    expect(ratings).toMatchObject([{ score: 4, comment: "Quick and clear.", userId: P.dev.id, createdAt: at(200) }]);
    expect(events(id).at(-1)).toMatchObject({ type: "rated", data: { score: 4 } });
    // The page names who rated: "You rated" only to the rater, the rater's name to colleagues and staff.
    const ratingSeenBy = async (who: Who) => (await callerFor(db, P[who], at(201)).tickets.get({ id })).rating;
    expect(await ratingSeenBy("dev")).toMatchObject({ score: 4, by: P.dev.name, byViewer: true });
    expect(await ratingSeenBy("cto")).toMatchObject({ score: 4, by: P.dev.name, byViewer: false });
    expect(await ratingSeenBy("agent")).toMatchObject({ score: 4, by: P.dev.name, byViewer: false });

    before = footprint(id);
    await expect(callerFor(db, P.cto, at(300)).tickets.rate({ ticketId: id, score: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(footprint(id)).toEqual(before);
  });
});

describe("escalation", () => {
  it("staff escalate L1 → L2 → L3; managers are told at L3; a fourth escalation is a conflict that changes nothing", async () => {
    const id = await file("P1");
    const manager = P.manager.id;
    await callerFor(db, P.agent, at(10)).tickets.escalate({
      ticketId: id,
      reason: "Needs media engine knowledge.",
    });
    expect(stored(id).escalationLevel).toBe("L2");
    expect(ticketNotifications(id).some((n) => n.userId === manager)).toBe(false);

    await callerFor(db, P.expert, at(20)).tickets.escalate({
      ticketId: id,
      reason: "Needs a decision on a hotfix.",
    });
    expect(stored(id).escalationLevel).toBe("L3");
    expect(
      ticketNotifications(id)
        .filter((n) => n.userId === manager)
        .map((n) => n.kind),
    ).toEqual(["escalated"]);
    expect(
      events(id)
        .filter((e) => e.type === "escalated")
        .map((e) => e.data),
    ).toEqual([
      { level: "L2", requestedByCustomer: false },
      { level: "L3", requestedByCustomer: false },
    ]);
    // Staff's escalation reasons are internal notes: the customer does not read them.
    expect(ticketComments(id).map((c) => c.visibility)).toEqual(["internal", "internal"]);
    const seen = await callerFor(db, P.dev, at(21)).tickets.get({ id });
    expect(seen.conversation).toEqual([]);
    expect(auditActions(id)).toEqual(["ticket.escalate", "ticket.escalate"]);

    const before = footprint(id);
    await expect(
      callerFor(db, P.manager, at(30)).tickets.escalate({ ticketId: id, reason: "Even higher" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(footprint(id)).toEqual(before);
  });

  it("a customer's escalation with a reason is recorded as requested by the customer; at L2 the expert it is assigned to is told, at L3 the managers", async () => {
    const id = await file("P1");
    const dev = P.dev.id;
    // Everyone of the role is told, this file's expert and manager among them (the template's staff too).
    const experts = everyone("expert");
    const managers = everyone("manager");
    expect(experts).toContain(P.expert.id);
    expect(managers).toContain(P.manager.id);
    await callerFor(db, P.dev, at(40)).tickets.escalate({
      ticketId: id,
      reason: "No answer after 40 minutes.",
    });
    expect(stored(id).escalationLevel).toBe("L2");
    // L2 goes to an expert (the least loaded: no route is set), who is told it is theirs.
    const l2 = stored(id).assigneeId!;
    expect(experts).toContain(l2);
    expect(told(id)).toEqual([[l2, "assigned"]]);

    await callerFor(db, P.dev, at(90)).tickets.escalate({
      ticketId: id,
      reason: "Our launch is blocked.",
    });
    expect(stored(id).escalationLevel).toBe("L3");
    expect(
      events(id)
        .filter((e) => e.type === "escalated")
        .map((e) => ({ actorId: e.actorId, data: e.data })),
    ).toEqual([
      { actorId: dev, data: { level: "L2", requestedByCustomer: true } },
      { actorId: dev, data: { level: "L3", requestedByCustomer: true } },
    ]);
    expect(ticketComments(id).map((c) => [c.visibility, c.body])).toEqual([
      ["public", "No answer after 40 minutes."],
      ["public", "Our launch is blocked."],
    ]);
    expect(told(id)).toEqual(
      [[l2, "assigned"] as const, ...managers.map((u) => [u, "escalated"] as const)].sort((a, b) => a[0] - b[0]),
    );
    expect(
      db
        .select()
        .from(outbox)
        .where(and(eq(outbox.to, P.manager.email), eq(outbox.subject, `[#${id}] ${NEW_TICKET.subject}`)))
        .all(),
    ).toHaveLength(1);
  });

  it("a resolved ticket cannot be escalated (CONFLICT) and nothing changes", async () => {
    const id = await file("P1");
    await callerFor(db, P.agent, at(10)).tickets.resolve({
      ticketId: id,
      kind: "answer",
      body: "Answered.",
    });
    const before = footprint(id);
    await expect(
      callerFor(db, P.dev, at(20)).tickets.escalate({ ticketId: id, reason: "Not happy" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(footprint(id)).toEqual(before);
  });

  it("a customer's escalation sent six times at once raises the ticket one level (L2, not L3), with one reason posted", async () => {
    const id = await file("P1");
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        callerFor(db, P.dev, at(40)).tickets.escalate({ ticketId: id, reason: "Our launch is tomorrow." }),
      ),
    );
    expect(stored(id).escalationLevel).toBe("L2");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x) => x.status === "rejected"))
      expect(r.reason).toMatchObject({ code: "CONFLICT", cause: { messageKey: "tickets.errors.escalatedJustNow" } });
    const escalated = db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, id), eq(ticketEvents.type, "escalated")))
      .all();
    expect(escalated).toHaveLength(1);
    expect(db.select().from(comments).where(eq(comments.ticketId, id)).all()).toHaveLength(1);
    // Another person, or the same one a while later, escalates on to L3.
    await callerFor(db, P.cto, at(41)).tickets.escalate({ ticketId: id, reason: "Still blocked." });
    expect(stored(id).escalationLevel).toBe("L3");
  });
});

describe("assignment", () => {
  it("staff assign a ticket to an expert and can unassign it; the customer's timeline does not show it", async () => {
    const id = await file("P2");
    const expert = P.expert.id;
    await callerFor(db, P.agent, at(10)).tickets.assign({ ticketId: id, assigneeId: expert });
    expect(stored(id).assigneeId).toBe(expert);
    expect(events(id).at(-1)).toMatchObject({
      type: "assigned",
      actorId: P.agent.id,
      data: { assigneeId: expert },
    });
    expect(auditActions(id)).toEqual(["ticket.assign"]);
    const seen = await callerFor(db, P.dev, at(11)).tickets.get({ id });
    expect(seen.timeline.map((e) => e.type)).toEqual(["created"]);

    await callerFor(db, P.manager, at(20)).tickets.assign({ ticketId: id, assigneeId: null });
    expect(stored(id).assigneeId).toBeNull();
  });

  it("assigning to a customer, an executive, an account manager or nobody known is refused (BAD_REQUEST) and nothing changes", async () => {
    const id = await file("P2");
    const before = footprint(id);
    for (const who of ["dev", "exec", "am", "admin"] as const) {
      const err = await callerFor(db, P.agent, at(10))
        .tickets.assign({ ticketId: id, assigneeId: P[who].id })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({
        code: "BAD_REQUEST",
        cause: { code: "INVALID", messageKey: "tickets.errors.assigneeStaff" },
      });
    }
    await expect(
      callerFor(db, P.agent, at(10)).tickets.assign({ ticketId: id, assigneeId: 999_999 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(footprint(id)).toEqual(before);
  });
});

describe("watchers", () => {
  it("a colleague of the same organization can watch; watchers are told of public replies and the actor never notifies themself", async () => {
    const id = await file("P1");
    const dev = P.dev.id;
    const cto = P.cto.id;
    const agent = P.agent.id;
    await callerFor(db, P.dev, at(1)).tickets.addWatcher({ ticketId: id, email: P.cto.email.toUpperCase() });
    await callerFor(db, P.agent, at(2)).tickets.addWatcher({ ticketId: id, email: P.cto.email });
    expect(db.select().from(watchers).where(eq(watchers.ticketId, id)).all()).toEqual([{ ticketId: id, userId: cto }]);
    expect(auditActions(id)).toEqual(["ticket.watch", "ticket.watch"]);

    await callerFor(db, P.agent, at(10)).tickets.reply({ ticketId: id, body: "We found the cause." });
    expect(ticketNotifications(id).map((n) => [n.userId, n.kind])).toEqual([
      [dev, "reply"],
      [cto, "reply"],
    ]);
    const mail = db
      .select()
      .from(outbox)
      .where(eq(outbox.subject, `[#${id}] ${NEW_TICKET.subject}`))
      .all();
    expect(mail.map((m) => m.to).sort()).toEqual([P.cto.email, P.dev.email].sort());

    // An internal note tells nobody.
    await callerFor(db, P.agent, at(11)).tickets.reply({
      ticketId: id,
      body: "Internal only.",
      internal: true,
    });
    expect(ticketNotifications(id)).toHaveLength(2);

    await callerFor(db, P.cto, at(12)).tickets.reply({
      ticketId: id,
      body: "Thanks, please share the fix ETA.",
    });
    await callerFor(db, P.dev, at(13)).tickets.reply({ ticketId: id, body: "Agreed." });
    const after = ticketNotifications(id)
      .slice(2)
      .map((n) => [n.userId, n.kind, n.createdAt.toISOString()]);
    // Customers' replies reach the other customers and the assignee (the agent who replied first), never the author.
    expect(after).toEqual([
      [agent, "customer_reply", at(12).toISOString()],
      [dev, "reply", at(12).toISOString()],
      [agent, "customer_reply", at(13).toISOString()],
      [cto, "reply", at(13).toISOString()],
    ]);
  });

  it("a user of another organization, a staff member or an unknown email cannot watch (BAD_REQUEST) and nothing changes", async () => {
    const id = await file("P1");
    const before = footprint(id);
    for (const email of [P.ops.email, P.lead.email, P.agent2.email, "nobody@factory.example"]) {
      const err = await callerFor(db, P.dev, at(1))
        .tickets.addWatcher({ ticketId: id, email })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(
      callerFor(db, P.agent, at(1)).tickets.addWatcher({ ticketId: id, email: P.ops.email }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(footprint(id)).toEqual(before);
    // The refusals were about who was named: a colleague of the requester's organization can be added.
    await callerFor(db, P.dev, at(2)).tickets.addWatcher({ ticketId: id, email: P.qa.email });
    expect(db.select().from(watchers).where(eq(watchers.ticketId, id)).all()).toEqual([
      { ticketId: id, userId: P.qa.id },
    ]);
  });
});

describe("taking a watcher off", () => {
  /** A customer administrator of the requester's organization (users.org_admin, carried by the session). */
  function customerAdmin() {
    const person = createCustomer(db, { id: P.dev.organizationId! });
    db.update(users).set({ orgAdmin: true }).where(eq(users.id, person.id)).run();
    return { ...person, orgAdmin: true };
  }
  const watching = (id: number) =>
    db
      .select({ userId: watchers.userId })
      .from(watchers)
      .where(eq(watchers.ticketId, id))
      .all()
      .map((w) => w.userId)
      .sort((a, b) => a - b);
  const watch = (id: number, ...who: Who[]) =>
    Promise.all(who.map((w) => callerFor(db, P.agent, at(1)).tickets.addWatcher({ ticketId: id, email: P[w].email })));

  it("the watcher themself, the requester, the customer administrator and support staff take a watcher off, each audited; the watcher is told nothing more", async () => {
    const id = await file("P1");
    await watch(id, "cto", "qa");
    const auditedBefore = auditActions(id).length;

    await callerFor(db, P.qa, at(2)).tickets.removeWatcher({ ticketId: id, userId: P.qa.id }); // "Stop watching"
    expect(watching(id)).toEqual([P.cto.id]);
    await callerFor(db, P.dev, at(3)).tickets.removeWatcher({ ticketId: id, userId: P.cto.id }); // the requester
    expect(watching(id)).toEqual([]);
    const removals = db
      .select({ action: auditLog.action, actorId: auditLog.actorId, detail: auditLog.detail })
      .from(auditLog)
      .where(
        and(eq(auditLog.entity, "ticket"), eq(auditLog.entityId, String(id)), eq(auditLog.action, "ticket.unwatch")),
      )
      .orderBy(asc(auditLog.id))
      .all();
    expect(removals).toEqual([
      { action: "ticket.unwatch", actorId: P.qa.id, detail: { watcher: P.qa.id } },
      { action: "ticket.unwatch", actorId: P.dev.id, detail: { watcher: P.cto.id } },
    ]);

    await watch(id, "cto", "qa");
    await callerFor(db, customerAdmin(), at(4)).tickets.removeWatcher({ ticketId: id, userId: P.cto.id });
    await callerFor(db, P.agent, at(5)).tickets.removeWatcher({ ticketId: id, userId: P.qa.id });
    expect(watching(id)).toEqual([]);
    expect(auditActions(id).length - auditedBefore).toBe(2 + 2 + 2); // two removals, two additions, two removals

    // A removal already made (a second click) changes nothing and is not audited again.
    const before = footprint(id);
    await callerFor(db, P.agent, at(6)).tickets.removeWatcher({ ticketId: id, userId: P.qa.id });
    expect(footprint(id)).toEqual(before);

    // The former watchers hear nothing of the next reply; the requester does.
    await callerFor(db, P.agent, at(10)).tickets.reply({ ticketId: id, body: "We found the cause." });
    expect(told(id)).toEqual([[P.dev.id, "reply"]]);
  });

  it("a colleague who neither watches nor filed, another organization's customer, staff who do not work tickets and anonymous callers are refused, and nothing changes", async () => {
    const id = await file("P1");
    await watch(id, "cto");
    const before = footprint(id);
    const removeCto = (who: SessionUser | null) =>
      callerFor(db, who, at(2)).tickets.removeWatcher({ ticketId: id, userId: P.cto.id });
    await expect(removeCto(P.qa)).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: { messageKey: "tickets.errors.watcherRemove" },
    });
    await expect(removeCto(P.ops)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeCto(P.lead)).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const who of ["am", "exec", "admin"] as const)
      await expect(removeCto(P[who]), who).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeCto(null)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // Another organization's customer administrator administers only their own people.
    const foreignAdmin = { ...P.ops, orgAdmin: true };
    await expect(removeCto(foreignAdmin)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(footprint(id)).toEqual(before);
    expect(watching(id)).toEqual([P.cto.id]);
  });

  it("the ticket page offers each viewer the remove buttons they may use: all to the requester and staff, their own to a watcher", async () => {
    const id = await file("P1");
    await watch(id, "cto", "qa");
    const seenBy = async (who: SessionUser) =>
      (await callerFor(db, who, at(2)).tickets.get({ id })).watchers
        .map((w) => ({ id: w.id, self: w.self, removable: w.removable }))
        .sort((a, b) => a.id - b.id);
    const both = (cto: boolean, qa: boolean, self?: Who) => [
      { id: P.cto.id, self: self === "cto", removable: cto },
      { id: P.qa.id, self: self === "qa", removable: qa },
    ];
    expect(await seenBy(P.dev)).toEqual(both(true, true));
    expect(await seenBy(P.agent)).toEqual(both(true, true));
    expect(await seenBy(customerAdmin())).toEqual(both(true, true));
    expect(await seenBy(P.qa)).toEqual(both(false, true, "qa"));
    // Staff who only read tickets see the watchers and cannot take them off.
    expect(await seenBy(P.am)).toEqual(both(false, false));
  });
});

describe("refusals: who may call each action", () => {
  const STAFF_ONLY_FORBIDDEN: Who[] = ["dev", "ops", "am", "exec", "admin"];
  const NON_SUPPORT_FORBIDDEN: Who[] = ["am", "exec", "admin"];
  const CUSTOMER_ONLY_FORBIDDEN: Who[] = ["agent", "expert", "manager", "am", "exec", "admin"];

  type Api = ReturnType<typeof callerFor>;
  const cases: {
    name: string;
    call: (api: Api, ticketId: number) => Promise<unknown>;
    forbidden: Who[];
    notFoundForOtherCustomer: boolean;
    resolved: boolean;
    allowed: Who;
  }[] = [
    {
      name: "reply",
      call: (api, ticketId) => api.tickets.reply({ ticketId, body: "Hello" }),
      forbidden: NON_SUPPORT_FORBIDDEN,
      notFoundForOtherCustomer: true,
      resolved: false,
      allowed: "agent",
    },
    {
      name: "setWaiting",
      call: (api, ticketId) => api.tickets.setWaiting({ ticketId, waiting: true }),
      forbidden: STAFF_ONLY_FORBIDDEN,
      notFoundForOtherCustomer: false,
      resolved: false,
      allowed: "agent",
    },
    {
      name: "workaround",
      call: (api, ticketId) => api.tickets.workaround({ ticketId, body: "Use the backup" }),
      forbidden: STAFF_ONLY_FORBIDDEN,
      notFoundForOtherCustomer: false,
      resolved: false,
      allowed: "expert",
    },
    {
      name: "resolve",
      call: (api, ticketId) => api.tickets.resolve({ ticketId, kind: "fix", body: "Fixed" }),
      forbidden: STAFF_ONLY_FORBIDDEN,
      notFoundForOtherCustomer: false,
      resolved: false,
      allowed: "manager",
    },
    {
      name: "assign",
      call: (api, ticketId) => api.tickets.assign({ ticketId, assigneeId: P.expert.id }),
      forbidden: STAFF_ONLY_FORBIDDEN,
      notFoundForOtherCustomer: false,
      resolved: false,
      allowed: "agent",
    },
    {
      name: "escalate",
      call: (api, ticketId) => api.tickets.escalate({ ticketId, reason: "Please hurry" }),
      forbidden: NON_SUPPORT_FORBIDDEN,
      notFoundForOtherCustomer: true,
      resolved: false,
      allowed: "dev",
    },
    {
      name: "reopen",
      call: (api, ticketId) => api.tickets.reopen({ ticketId, reason: "Broken again" }),
      forbidden: CUSTOMER_ONLY_FORBIDDEN,
      notFoundForOtherCustomer: true,
      resolved: true,
      allowed: "dev",
    },
    {
      name: "rate",
      call: (api, ticketId) => api.tickets.rate({ ticketId, score: 5 }),
      forbidden: CUSTOMER_ONLY_FORBIDDEN,
      notFoundForOtherCustomer: true,
      resolved: true,
      allowed: "dev",
    },
    {
      name: "addWatcher",
      call: (api, ticketId) => api.tickets.addWatcher({ ticketId, email: P.qa.email }),
      forbidden: NON_SUPPORT_FORBIDDEN,
      notFoundForOtherCustomer: true,
      resolved: false,
      allowed: "dev",
    },
  ];

  for (const c of cases) {
    const otherCustomer = c.notFoundForOtherCustomer
      ? "another organization's customer gets NOT_FOUND"
      : "customers (even the ticket's own) get FORBIDDEN";
    it(`tickets.${c.name}: ${otherCustomer}, ${c.forbidden
      .filter((who) => !CUSTOMERS.includes(who))
      .join("/")} get FORBIDDEN, anonymous gets UNAUTHORIZED, and nothing changes`, async () => {
      const id = await file("P1");
      if (c.resolved)
        await callerFor(db, P.agent, at(10)).tickets.resolve({
          ticketId: id,
          kind: "answer",
          body: "Answered.",
        });
      const now = at(20);
      const before = footprint(id);

      if (c.notFoundForOtherCustomer) {
        await expect(c.call(callerFor(db, P.ops, now), id)).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(c.call(callerFor(db, P.lead, now), id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
      for (const who of c.forbidden) {
        await expect(c.call(callerFor(db, P[who], now), id), who).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
      await expect(c.call(callerFor(db, null, now), id)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      expect(footprint(id)).toEqual(before);

      // The refusals were about the caller, not the ticket: an allowed caller succeeds on it.
      await c.call(callerFor(db, P[c.allowed], now), id);
      expect(footprint(id)).not.toEqual(before);
    });
  }

  it("a ticket id that does not exist is NOT_FOUND for staff too, and nothing is written", async () => {
    const before = { events: count(ticketEvents), comments: count(comments), audit: count(auditLog) };
    const agent = callerFor(db, P.agent, at(10));
    await expect(agent.tickets.reply({ ticketId: 999_999, body: "Hello" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(agent.tickets.resolve({ ticketId: 999_999, kind: "fix", body: "Fixed" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(agent.tickets.escalate({ ticketId: 999_999, reason: "Please hurry" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect({ events: count(ticketEvents), comments: count(comments), audit: count(auditLog) }).toEqual(before);
  });
});

describe("the staff queue", () => {
  const NOW = TEST_ANCHOR;
  const OPEN = ["new", "open", "pending_customer", "workaround_provided"];
  type QueueInput = Parameters<ReturnType<typeof callerFor>["tickets"]["queue"]>[0];
  type QueueItem = Awaited<ReturnType<ReturnType<typeof callerFor>["tickets"]["queue"]>>["due"]["items"][number];

  /**
   * The queue's own tickets, filed two days before "now" (so each is past its first response):
   * 40 Enterprise P2s for paging, and two that the filters tell apart. "Matching" is a Basic P1
   * voice ticket in China, escalated to L2 and assigned to the queue's agent; "other" is an
   * unassigned Enterprise P2 video ticket in the Americas at L1.
   */
  const made = { all: [] as number[], matching: 0, other: 0 };
  beforeAll(async () => {
    for (let i = 0; i < 40; i++) made.all.push(await createTicket(queueDb, Q.dev, {}, at(i)));
    made.matching = await createTicket(
      queueDb,
      Q.ops,
      { ...NEW_TICKET, productArea: "voice_calling", priority: "P1" },
      at(50),
    );
    await callerFor(queueDb, Q.agent, at(51)).tickets.escalate({ ticketId: made.matching, reason: "Needs an expert." });
    await callerFor(queueDb, Q.agent, at(52)).tickets.assign({ ticketId: made.matching, assigneeId: Q.agent.id });
    made.other = await createTicket(
      queueDb,
      Q.dev,
      { ...NEW_TICKET, productArea: "video_calling", priority: "P2" },
      at(53),
    );
    made.all.push(made.matching, made.other);
  });

  /** Both sections of the queue, page by page: the tickets still due, then the breached ones. */
  async function allPages(input: Omit<QueueInput, "cursor" | "breachedCursor" | "limit">, limit = 40) {
    const api = callerFor(queueDb, Q.agent, NOW);
    const pages: QueueItem[][] = [];
    let total = -1;
    for (const section of ["due", "breached"] as const) {
      let cursor: string | null = null;
      for (let i = 0; i < 1000; i++) {
        const page = await api.tickets.queue({
          ...input,
          limit,
          ...(section === "due" ? { cursor } : { breachedCursor: cursor }),
        });
        total = page.total;
        pages.push(page[section].items);
        cursor = page[section].nextCursor;
        if (!cursor) break;
      }
    }
    return { pages: pages.filter((p) => p.length > 0), items: pages.flat(), total };
  }

  /** How many open, SLA-counted tickets the database holds under a condition, counted independently of the queue. */
  function openCount(where = "1 = 1", ...params: (string | number)[]) {
    const row = queueDb.$client
      .prepare(
        `select count(*) as n from tickets t join organizations o on o.id = t.organization_id join tiers ti on ti.id = o.tier_id
         where t.status in ('new', 'open', 'pending_customer', 'workaround_provided') and t.next_due_at is not null and t.outside_sla = 0 and ${where}`,
      )
      .get(...params) as { n: number };
    return row.n;
  }

  /** Tickets still due come first, each section by urgency (server/tickets/queue-order.ts). */
  const before = (a: QueueItem, b: QueueItem) =>
    queueSection(a, NOW) === queueSection(b, NOW)
      ? compareUrgency(a, b, NOW) < 0
      : queueSection(a, NOW) === "due" && queueSection(b, NOW) === "breached";

  it("lists every open ticket and only open tickets, the ones still due by urgency and then the breached ones (due in the past) in their own section, marked", async () => {
    const resolvedId = await file("P0", queueDb, new Date("2026-11-20T10:00:00Z"));
    await callerFor(queueDb, Q.agent, new Date("2026-11-20T10:30:00Z")).tickets.resolve({
      ticketId: resolvedId,
      kind: "fix",
      body: "Fixed.",
    });
    const openId = await file("P0", queueDb, new Date("2026-11-20T11:55:00Z"));

    const { items, total } = await allPages({});
    expect(total).toBe(openCount());
    expect(items).toHaveLength(total);
    expect(items.map((i) => i.id)).toEqual(expect.arrayContaining(made.all));
    expect(items.every((i) => OPEN.includes(i.status))).toBe(true);
    expect(items.map((i) => i.id)).not.toContain(resolvedId);
    expect(items.map((i) => i.id)).toContain(openId);
    for (let i = 1; i < items.length; i++) expect(before(items[i - 1]!, items[i]!)).toBe(true);

    const stale = items.filter((i) => i.nextDueAt < NOW);
    expect(stale.length).toBeGreaterThan(0);
    expect(items.length - stale.length).toBeGreaterThan(0);
    for (const i of items) expect(i.breached, `ticket ${i.id}`).toBe(i.nextDueAt < NOW);
    expect(items.filter((i) => i.atRisk).every((i) => !i.breached)).toBe(true);
    // The P0 filed 5 minutes ago: first response (15 min, 24x7) is due in 10 minutes, more than 25 % of its target.
    expect(items.find((i) => i.id === openId)).toMatchObject({
      breached: false,
      atRisk: false,
      nextMetric: "firstResponse",
      nextDueAt: new Date("2026-11-20T12:10:00Z"),
    });
  });

  it("keyset pagination gives disjoint pages in order that together hold the whole queue", async () => {
    const { pages, items, total } = await allPages({}, 17);
    expect(pages.length).toBeGreaterThan(2);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items).toHaveLength(total);
    for (let p = 1; p < pages.length; p++) expect(before(pages[p - 1]!.at(-1)!, pages[p]![0]!)).toBe(true);
    const oneShot = await callerFor(queueDb, Q.agent, NOW).tickets.queue({ limit: 100 });
    const due = items.filter((i) => queueSection(i, NOW) === "due");
    expect(due.slice(0, 100).map((i) => i.id)).toEqual(oneShot.due.items.map((i) => i.id));
  });

  const filters: {
    title: string;
    /** Which of the queue's own two tickets the filter keeps; the other must be left out. */
    keeps: "matching" | "other";
    input: Omit<QueueInput, "cursor" | "limit">;
    holds: (i: QueueItem) => boolean;
    where: () => [string, ...(string | number)[]];
  }[] = [
    {
      title: "tier",
      keeps: "matching",
      input: { tier: "basic" },
      holds: (i) => i.tier === "basic",
      where: () => ["ti.code = ?", "basic"],
    },
    {
      title: "priority",
      keeps: "matching",
      input: { priority: "P1" },
      holds: (i) => i.priority === "P1",
      where: () => ["t.priority = ?", "P1"],
    },
    {
      title: "level",
      keeps: "matching",
      input: { level: "L2" },
      holds: (i) => i.escalationLevel === "L2",
      where: () => ["t.escalation_level = ?", "L2"],
    },
    {
      title: "assignee mine",
      keeps: "matching",
      input: { assignee: "mine" },
      holds: (i) => i.assignee === Q.agent.name,
      where: () => ["t.assignee_id = ?", Q.agent.id],
    },
    {
      title: "unassigned",
      keeps: "other",
      input: { assignee: "unassigned" },
      holds: (i) => i.assignee === null,
      where: () => ["t.assignee_id is null"],
    },
    {
      title: "product area",
      keeps: "matching",
      input: { productArea: "voice_calling" },
      holds: (i) => i.productArea === "voice_calling",
      where: () => ["t.product_area = ?", "voice_calling"],
    },
    {
      title: "region",
      keeps: "matching",
      input: { region: "china" },
      holds: (i) => i.region === "china",
      where: () => ["o.region = ?", "china"],
    },
    {
      title: "tier and priority together",
      keeps: "other",
      input: { tier: "enterprise", priority: "P2" },
      holds: (i) => i.tier === "enterprise" && i.priority === "P2",
      where: () => ["ti.code = ? and t.priority = ?", "enterprise", "P2"],
    },
  ];

  for (const f of filters) {
    it(`the ${f.title} filter narrows the queue to exactly the open tickets that match`, async () => {
      const all = openCount();
      const [where, ...params] = f.where();
      const expected = openCount(where, ...params);
      expect(expected).toBeGreaterThan(0);
      expect(expected).toBeLessThan(all);
      const { items, total } = await allPages(f.input, 100);
      expect(total).toBe(expected);
      expect(items).toHaveLength(expected);
      for (const i of items) expect(f.holds(i), `ticket ${i.id}`).toBe(true);
      const ids = items.map((i) => i.id);
      expect(ids).toContain(made[f.keeps]);
      expect(ids).not.toContain(made[f.keeps === "matching" ? "other" : "matching"]);
      for (let k = 1; k < items.length; k++) expect(before(items[k - 1]!, items[k]!)).toBe(true);
    });
  }

  it("experts and managers work the queue too; customers, account managers, executives and admins are refused (FORBIDDEN); anonymous is UNAUTHORIZED", async () => {
    for (const who of ["expert", "manager"] as const) {
      const page = await callerFor(queueDb, Q[who], NOW).tickets.queue({ limit: 5 });
      expect(page.due.items.length + page.breached.items.length).toBe(
        Math.min(5, page.due.total) + Math.min(5, page.breached.total),
      );
      expect(page.total).toBeGreaterThan(5);
    }
    for (const who of ["dev", "ops", "am", "exec", "admin"] as const) {
      await expect(callerFor(queueDb, Q[who], NOW).tickets.queue({ limit: 5 }), who).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(callerFor(queueDb, null, NOW).tickets.queue({ limit: 5 })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
