import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { ticketEvents, tickets } from "@/db/schema";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam, createTicket } from "@/server/testing/factories";

const db = createTestDb();
afterAll(() => db.$client.close());

// Everyone here is made for this file: an Enterprise organization in the Americas and one staff member of each role.
const enterprise = createOrganization(db, { tier: "enterprise", region: "americas" });
const customer = enterprise.customers[0]!;
const staff = createStaffTeam(db);

const MIN = 60_000;
// Wednesday 2026-11-18 10:00 Los Angeles (PST, UTC-8): inside business hours for the Americas calendar.
const FILED = new Date("2026-11-18T18:00:00Z");
const at = (minutes: number) => new Date(FILED.getTime() + minutes * MIN);

const NEW_TICKET = {
  subject: "Video freezes for all users in EU",
  description: "Since 09:00 every call freezes after 30 seconds.",
  productArea: "video_calling",
  category: "functional_bug",
} as const;
let filings = 0;
/** NEW_TICKET with a description of its own: a repeat of the requester's ticket of a moment ago is refused. */
const newTicket = () => ({ ...NEW_TICKET, description: `${NEW_TICKET.description} (${++filings})` });

function stored(id: number) {
  return db.select().from(tickets).where(eq(tickets.id, id)).get()!;
}

describe("filing and reading tickets", () => {
  it("an Enterprise P1 ticket is due for first response 30 minutes later, around the clock", async () => {
    const { id } = await callerFor(db, customer, FILED).tickets.create({ ...newTicket(), priority: "P1" });
    const t = stored(id);
    expect(t.frDueAt?.toISOString()).toBe(at(30).toISOString());
    expect(t.waDueAt?.toISOString()).toBe(at(8 * 60).toISOString());
    expect(t.frStatus).toBe("running");
    expect(t.nextDueAt?.toISOString()).toBe(at(30).toISOString());
    const detail = await callerFor(db, customer, at(10)).tickets.get({ id });
    expect(detail.metrics.map((m) => m.metric)).toEqual(["firstResponse", "workaround", "resolution"]);
    expect(detail.metrics[0]!.explanation.countedIntervals[0]).toMatchObject({ minutes: 30 });
  });

  it("a security vulnerability cannot be filed below P1, and nothing is written", async () => {
    const before = db.select().from(tickets).all().length;
    await expect(
      callerFor(db, customer, FILED).tickets.create({
        ...newTicket(),
        category: "security_vulnerability",
        priority: "P2",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(db.select().from(tickets).all().length).toBe(before);
  });

  it("bad input gets field messages and changes nothing", async () => {
    const before = db.select().from(tickets).all().length;
    const err = await callerFor(db, customer, FILED)
      .tickets.create({ ...newTicket(), subject: "x", priority: "P1" })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    expect(db.select().from(tickets).all().length).toBe(before);
  });

  it("a security vulnerability cannot be disputed below P1, nor a stored dispute upheld into P3", async () => {
    const customerApi = callerFor(db, customer, at(5));
    const { id } = await callerFor(db, customer, FILED).tickets.create({
      ...newTicket(),
      category: "security_vulnerability",
      priority: "P1",
    });
    await expect(
      customerApi.tickets.openDispute({ ticketId: id, kind: "priority", proposedPriority: "P3", reason: "Not urgent" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { messageKey: "tickets.errors.securityFloor" } });
    // A dispute opened while the ticket was a functional bug, decided after staff reclassified it.
    const { id: bugId } = await callerFor(db, customer, FILED).tickets.create({
      ...newTicket(),
      priority: "P1",
    });
    const { id: disputeId } = await customerApi.tickets.openDispute({
      ticketId: bugId,
      kind: "priority",
      proposedPriority: "P3",
      reason: "Only a question",
    });
    db.update(tickets).set({ category: "security_vulnerability" }).where(eq(tickets.id, bugId)).run();
    const manager = callerFor(db, staff.manager, at(10));
    await expect(manager.tickets.decideDispute({ disputeId, upheld: true, note: "Agreed" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(stored(bugId).priority).toBe("P1");
    expect(db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, bugId)).all()).toHaveLength(2);
    await manager.tickets.decideDispute({ disputeId, upheld: false, note: "It is a security issue" });
    expect(stored(bugId).priority).toBe("P1");
  });

  it("a customer of another organization gets not-found for a ticket id it guesses", async () => {
    const mine = createOrganization(db, { tier: "enterprise", region: "americas" });
    const theirs = createOrganization(db, { tier: "basic", region: "china" });
    const { id } = await callerFor(db, mine.customers[0]!, FILED).tickets.create({ ...newTicket(), priority: "P2" });
    await expect(callerFor(db, mine.customers[0]!, FILED).tickets.get({ id })).resolves.toMatchObject({
      ticket: { id },
    });
    const other = callerFor(db, theirs.customers[0]!, FILED);
    await expect(other.tickets.get({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      other.tickets.openDispute({ ticketId: id, kind: "priority", proposedPriority: "P0", reason: "All users down" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a customer lists only their own organization's tickets, newest first, page by page", async () => {
    const mine = createOrganization(db, { tier: "advanced", region: "china" });
    const theirs = createOrganization(db, { tier: "advanced", region: "china" });
    const filed: number[] = [];
    for (let i = 0; i < 12; i++) filed.push(await createTicket(db, mine.customers[0]!, {}, at(i)));
    const foreign = await createTicket(db, theirs.customers[0]!, {}, at(5));
    const api = callerFor(db, mine.customers[0]!, at(20));
    const first = await api.tickets.list({ limit: 10 });
    expect(first.items.map((i) => i.id)).toEqual(filed.slice(2).reverse());
    expect(new Set(first.items.map((i) => i.organization))).toEqual(new Set([mine.name]));
    const second = await api.tickets.list({ limit: 10, cursor: first.nextCursor });
    expect(second.items.map((i) => i.id)).toEqual(filed.slice(0, 2).reverse());
    expect([...first.items, ...second.items].map((i) => i.id)).not.toContain(foreign);
    // The other organization's customer sees their own ticket, and only it.
    const theirList = await callerFor(db, theirs.customers[0]!, at(20)).tickets.list({ limit: 10 });
    expect(theirList.items.map((i) => i.id)).toEqual([foreign]);
  });

  it("internal notes never reach a customer", async () => {
    const id = await createTicket(db, customer, {}, FILED);
    await callerFor(db, staff.agent, at(5)).tickets.reply({
      ticketId: id,
      body: "Customer runs an old SDK build.",
      internal: true,
    });
    await callerFor(db, staff.agent, at(6)).tickets.reply({ ticketId: id, body: "Please upgrade to 4.2." });
    const staffView = await callerFor(db, staff.agent, at(7)).tickets.get({ id });
    expect(staffView.conversation.map((c) => [c.internal, c.body])).toEqual([
      [true, "Customer runs an old SDK build."],
      [false, "Please upgrade to 4.2."],
    ]);
    const customerView = await callerFor(db, customer, at(7)).tickets.get({ id });
    expect(customerView.conversation.map((c) => [c.internal, c.body])).toEqual([[false, "Please upgrade to 4.2."]]);
    expect(JSON.stringify(customerView)).not.toContain("old SDK build");
  });
});

describe("priority changes, disputes and exclusions", () => {
  it("raising P2 to P0 keeps time used and gives the vendor the new target from the raise", async () => {
    const { id } = await callerFor(db, customer, FILED).tickets.create({ ...newTicket(), priority: "P2" });
    await callerFor(db, staff.agent, at(60)).tickets.changePriority({
      ticketId: id,
      priority: "P0",
      reason: "All users affected",
    });
    const t = stored(id);
    expect(t.priority).toBe("P0");
    // P0 first response is 15 min 24x7: from creation that is already past, so the raise's grace applies.
    expect(t.frDueAt?.toISOString()).toBe(at(75).toISOString());
  });

  it("customers cannot change priority, exclude or decide disputes; agents cannot exclude or decide", async () => {
    const { id } = await callerFor(db, customer, FILED).tickets.create({ ...newTicket(), priority: "P2" });
    const customerApi = callerFor(db, customer, FILED);
    const { id: disputeId } = await customerApi.tickets.openDispute({
      ticketId: id,
      kind: "priority",
      proposedPriority: "P1",
      reason: "More users are affected",
    });
    await expect(
      customerApi.tickets.changePriority({ ticketId: id, priority: "P0", reason: "urgent" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      customerApi.tickets.exclude({ ticketId: id, reason: "force_majeure", note: "storm" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(customerApi.tickets.decideDispute({ disputeId, upheld: true, note: "ok fine" })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    const agent = callerFor(db, staff.agent, FILED);
    await expect(agent.tickets.exclude({ ticketId: id, reason: "force_majeure", note: "storm" })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    await expect(agent.tickets.decideDispute({ disputeId, upheld: true, note: "ok fine" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      agent.tickets.openDispute({ ticketId: id, kind: "priority", proposedPriority: "P0", reason: "because" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(db, staff.executive).tickets.changePriority({ ticketId: id, priority: "P0", reason: "urgent" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The refusals were about the callers: the ticket is unchanged, and a manager may decide the dispute.
    expect(stored(id)).toMatchObject({ priority: "P2", exclusionReason: null });
    await expect(
      callerFor(db, staff.manager, FILED).tickets.decideDispute({ disputeId, upheld: false, note: "Only some users" }),
    ).resolves.toBeUndefined();
    await expect(
      callerFor(db, createOrganization(db, { tier: "basic", region: "china" }).customers[0]!).tickets.create({
        ...newTicket(),
        priority: "P1",
      }),
    ).resolves.toMatchObject({ id: expect.any(Number) });
    await expect(
      callerFor(db, staff.executive).tickets.create({ ...newTicket(), priority: "P1" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a priority dispute upheld by the manager applies the customer's priority from the start, with no grace", async () => {
    const { id } = await callerFor(db, customer, FILED).tickets.create({ ...newTicket(), priority: "P2" });
    const { id: disputeId } = await callerFor(db, customer, at(20)).tickets.openDispute({
      ticketId: id,
      kind: "priority",
      proposedPriority: "P0",
      reason: "Every user is affected",
    });
    await expect(
      callerFor(db, customer, at(21)).tickets.openDispute({
        ticketId: id,
        kind: "priority",
        proposedPriority: "P0",
        reason: "again",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await callerFor(db, staff.manager, at(60)).tickets.decideDispute({
      disputeId,
      upheld: true,
      note: "The customer is right",
    });
    const t = stored(id);
    expect(t.priority).toBe("P0");
    expect(t.frDueAt?.toISOString()).toBe(at(15).toISOString());
    expect(t.frStatus).toBe("breached");
    const types = db
      .select({ type: ticketEvents.type })
      .from(ticketEvents)
      .where(eq(ticketEvents.ticketId, id))
      .all()
      .map((e) => e.type);
    expect(types).toEqual(["created", "disputeOpened", "disputeDecided", "priorityChanged"]);
    await expect(
      callerFor(db, staff.manager, at(61)).tickets.decideDispute({
        disputeId,
        upheld: false,
        note: "changed my mind",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a manager excludes a ticket with a note the customer sees; the customer disputes it and the manager lifts it", async () => {
    const { id } = await callerFor(db, customer, FILED).tickets.create({ ...newTicket(), priority: "P1" });
    await expect(
      callerFor(db, staff.manager, at(5)).tickets.exclude({ ticketId: id, reason: "third_party", note: "x" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(stored(id).exclusionReason).toBeNull();
    await callerFor(db, staff.manager, at(5)).tickets.exclude({
      ticketId: id,
      reason: "third_party",
      note: "The customer's CDN dropped the stream.",
    });
    const seen = await callerFor(db, customer, at(6)).tickets.get({ id });
    expect(seen.ticket.exclusionReason).toBe("third_party");
    expect(seen.ticket.exclusionNote).toBe("The customer's CDN dropped the stream.");
    const { id: disputeId } = await callerFor(db, customer, at(7)).tickets.openDispute({
      ticketId: id,
      kind: "exclusion",
      reason: "Our CDN was healthy at the time",
    });
    await callerFor(db, staff.manager, at(30)).tickets.decideDispute({
      disputeId,
      upheld: true,
      note: "Logs confirm the CDN was fine",
    });
    expect(stored(id).exclusionReason).toBeNull();
  });
});

describe("a double submit files one ticket", () => {
  const SAME = {
    subject: "Screen share freezes on macOS 15",
    description: "Sharing a window freezes the picture after 10 seconds.",
    productArea: "video_calling",
    category: "functional_bug",
    priority: "P2",
  } as const;
  const filed = (subject: string) =>
    db.select({ id: tickets.id }).from(tickets).where(eq(tickets.subject, subject)).all();

  it("six identical requests at once file one ticket; the other five are refused naming it and write nothing", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => callerFor(db, customer, FILED).tickets.create(SAME)),
    );
    const rows = filed(SAME.subject);
    expect(rows).toHaveLength(1);
    const id = rows[0]!.id;
    expect(results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []))).toEqual([{ id }]);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(refused).toHaveLength(5);
    for (const error of refused)
      expect(error).toMatchObject({
        code: "CONFLICT",
        message: `This ticket was just filed as #${id}; it is not filed twice.`,
        cause: { messageKey: "tickets.errors.repeatedTicket", values: { id } },
      });
    const created = db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, id)).all();
    expect(created.map((e) => e.type)).toEqual(["created"]);
  });

  it("the same ticket sent again 9 s later is refused; 10 s later, or with other words, it is a ticket of its own", async () => {
    const subject = "Echo on Android 14 after an update";
    const api = (seconds: number) => callerFor(db, customer, new Date(FILED.getTime() + seconds * 1000));
    await api(0).tickets.create({ ...SAME, subject });
    await expect(api(9).tickets.create({ ...SAME, subject })).rejects.toMatchObject({ code: "CONFLICT" });
    await api(1).tickets.create({ ...SAME, subject, description: "Only the remote side hears the echo." });
    await api(10).tickets.create({ ...SAME, subject });
    expect(filed(subject)).toHaveLength(3);
  });

  it("a colleague's ticket in the same words is their own; staff logging one call twice for a customer file it once", async () => {
    const subject = "Recording stops after one hour";
    const colleague = createOrganization(db, { tier: "enterprise", region: "americas", customers: 2 }).customers;
    await callerFor(db, colleague[0]!, FILED).tickets.create({ ...SAME, subject });
    await callerFor(db, colleague[1]!, FILED).tickets.create({ ...SAME, subject });
    const phone = { ...SAME, subject: "Hotline: recording stops", requesterId: customer.id, channel: "phone" } as const;
    const logged = await Promise.allSettled([
      callerFor(db, staff.agent, FILED).tickets.create(phone),
      callerFor(db, staff.expert, FILED).tickets.create(phone),
    ]);
    expect(logged.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(filed(subject)).toHaveLength(2);
    expect(filed(phone.subject)).toHaveLength(1);
  });

  it("a caller naming the email channel is guarded all the same: only a received message skips it", async () => {
    const subject = "Video freezes when the camera switches";
    const forms = [
      callerFor(db, customer, FILED).tickets.create({ ...SAME, subject, channel: "email" }),
      callerFor(db, customer, FILED).tickets.create({ ...SAME, subject, channel: "email" }),
    ];
    expect((await Promise.allSettled(forms)).map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const logged = {
      ...SAME,
      subject: "Logged from a forwarded email",
      requesterId: customer.id,
      channel: "email",
    } as const;
    await callerFor(db, staff.agent, FILED).tickets.create(logged);
    await expect(callerFor(db, staff.agent, FILED).tickets.create(logged)).rejects.toMatchObject({ code: "CONFLICT" });
    expect([filed(subject).length, filed(logged.subject).length]).toEqual([1, 1]);
  });
});
