import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, notifications, ticketEvents, tickets } from "@/db/schema";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import {
  createCustomer,
  createOrganization,
  createStaff,
  createStaffTeam,
  createTicket,
} from "@/server/testing/factories";

const NOW = TEST_ANCHOR;
const LATER = new Date(NOW.getTime() + 3 * 86_400_000);

describe("feature requests (issue #20)", () => {
  const db = createTestDb();
  afterAll(() => db.$client.close());
  const team = createStaffTeam(db);
  const a = createOrganization(db, { tier: "enterprise", region: "americas", customers: 2, name: "Votes Org A" });
  const b = createOrganization(db, { tier: "basic", region: "china", customers: 1, name: "Votes Org B" });
  const fileFeature = () =>
    createTicket(
      db,
      a.customers[0]!,
      { category: "feature_request", priority: "P3", subject: "Noise suppression presets" },
      NOW,
    );

  it("a customer votes once; a second vote is refused and changes nothing; votes count per organization", async () => {
    const id = await fileFeature();
    await callerFor(db, a.customers[1]!, NOW).requests.vote({ ticketId: id });
    expect(await callerFor(db, b.customers[0]!, NOW).requests.vote({ ticketId: id })).toEqual({ votes: 2 });
    await expect(callerFor(db, b.customers[0]!, NOW).requests.vote({ ticketId: id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You have already voted for this feature request.",
    });
    const staffView = await callerFor(db, team.manager, NOW).requests.feature({ ticketId: id });
    expect(staffView).toMatchObject({ votes: 2, status: "under_review", ackDays: 5 });
    expect(staffView!.byOrganization).toEqual(
      expect.arrayContaining([
        { organization: "Votes Org A", votes: 1 },
        { organization: "Votes Org B", votes: 1 },
      ]),
    );
    // A customer sees only their own organization's count; the public roadmap names nobody.
    const ownView = await callerFor(db, b.customers[0]!, NOW)
      .requests.feature({ ticketId: id })
      .catch((e) => e.code);
    expect(ownView).toBe("NOT_FOUND");
    const roadmap = await callerFor(db, null, NOW).requests.roadmap();
    expect(JSON.stringify(roadmap)).not.toContain("Votes Org");
    expect(roadmap.under_review.find((r) => r.ticketId === id)).toMatchObject({ votes: 2, organizations: 2 });
    await expect(callerFor(db, team.agent, NOW).requests.vote({ ticketId: id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("a status change by staff is on the timeline, audited, tells the voters, and moves it on the roadmap", async () => {
    const id = await fileFeature();
    await callerFor(db, b.customers[0]!, NOW).requests.vote({ ticketId: id });
    await callerFor(db, team.agent, LATER).requests.setStatus({
      ticketId: id,
      status: "planned",
      publicNote: "Q3 release.",
    });
    const told = db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.ticketId, id), eq(notifications.kind, "feature_request_status")))
      .all()
      .map((n) => n.userId);
    expect(told.sort()).toEqual([a.customers[0]!.id, b.customers[0]!.id].sort());
    const ev = db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, id), eq(ticketEvents.type, "featureStatusChanged")))
      .all();
    expect(ev).toHaveLength(1);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "feature.status")).all().at(-1)!.detail).toMatchObject({
      before: { status: "under_review" },
      after: { status: "planned", publicNote: "Q3 release." },
    });
    const roadmap = await callerFor(db, null, LATER).requests.roadmap();
    expect(roadmap.planned.find((r) => r.ticketId === id)).toMatchObject({ publicNote: "Q3 release.", votes: 1 });
    // The ticket page, its output validated, names the change as roadmap statuses (it failed with a 500
    // when the timeline read every event's `from` as a priority).
    for (const viewer of [a.customers[0]!, team.agent]) {
      const page = await callerFor(db, viewer, LATER).tickets.get({ id });
      expect(page.timeline.find((e) => e.type === "featureStatusChanged")?.change).toEqual({
        kind: "roadmapStatus",
        from: "under_review",
        to: "planned",
      });
    }
  });

  it("a feature request runs no bug SLA clock and is not counted in attainment, but has its acknowledgement target", async () => {
    const id = await fileFeature();
    const t = db.select().from(tickets).where(eq(tickets.id, id)).get()!;
    expect(t).toMatchObject({ outsideSla: true, nextDueAt: null, frStatus: null, resStatus: null });
    const page = await callerFor(db, team.agent, LATER).tickets.get({ id });
    expect(page.metrics).toEqual([]);
    const fr = await callerFor(db, team.agent, NOW).requests.feature({ ticketId: id });
    expect(fr!.ackDueAt.getTime()).toBeGreaterThan(NOW.getTime() + 5 * 86_400_000 - 1);
  });
});

describe("custom development requests reach the account manager (issue #22 defect)", () => {
  const db = createTestDb();
  afterAll(() => db.$client.close());
  const am = createStaff(db, "account_manager");
  const otherAm = createStaff(db, "account_manager");
  const org = createOrganization(db, { tier: "advanced", region: "emea", customers: 1, accountManager: am });

  it("is notified to the account manager, readable by them, on the organization's timeline, with no running SLA clock", async () => {
    const id = await createTicket(
      db,
      org.customers[0]!,
      { category: "custom_development", subject: "Custom recording layout" },
      NOW,
    );
    const note = db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, am.id), eq(notifications.ticketId, id)))
      .get();
    expect(note?.kind).toBe("custom_development_filed");
    const page = await callerFor(db, am, LATER).tickets.get({ id });
    expect(page.ticket.assigneeId).toBe(am.id);
    expect(page.metrics).toEqual([]);
    expect(db.select().from(tickets).where(eq(tickets.id, id)).get()).toMatchObject({
      nextDueAt: null,
      frStatus: null,
    });
    const timeline = await callerFor(db, am, LATER).accounts.timeline({ organizationId: org.id });
    expect(timeline.find((e) => e.kind === "custom_development" && e.ticketId === id)).toBeTruthy();
    const queue = await callerFor(db, am, LATER).requests.customQueue({});
    expect(queue.items.map((q) => q.ticketId)).toContain(id);
  });

  it("the account manager scopes it: each change on the timeline and audited; another portfolio's manager is refused", async () => {
    const id = await createTicket(db, org.customers[0]!, { category: "custom_development" }, NOW);
    const input = { ticketId: id, estimateDays: 15, quoteReference: "Q-2026-88", decision: null };
    await callerFor(db, am, NOW).requests.saveScope(input);
    await callerFor(db, am, LATER).requests.saveScope({ ...input, decision: "accepted" });
    await callerFor(db, am, LATER).requests.saveScope({ ...input, decision: "accepted" }); // unchanged: nothing written
    const scoped = db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, id), eq(ticketEvents.type, "scoped")))
      .all();
    expect(scoped.map((e) => e.data)).toEqual([
      { estimateDays: 15, quoteReference: "Q-2026-88", decision: null },
      { estimateDays: 15, quoteReference: "Q-2026-88", decision: "accepted" },
    ]);
    const audits = db.select().from(auditLog).where(eq(auditLog.action, "customDevelopment.scope")).all();
    expect(audits.at(-1)!.detail).toMatchObject({ before: { decision: null }, after: { decision: "accepted" } });
    expect(await callerFor(db, org.customers[0]!, LATER).requests.scope({ ticketId: id })).toMatchObject({
      estimateDays: 15,
      decision: "accepted",
    });
    await expect(callerFor(db, otherAm, LATER).requests.saveScope(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const bug = await createTicket(db, createCustomer(db, org), {}, NOW);
    await expect(callerFor(db, am, LATER).requests.saveScope({ ...input, ticketId: bug })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("the queue lists those awaiting a decision first, each group newest first, cut to the limit, and counts them all", async () => {
    const filed: number[] = [];
    for (let i = 0; i < 4; i++)
      filed.push(
        await createTicket(
          db,
          org.customers[0]!,
          { category: "custom_development" },
          new Date(LATER.getTime() + i * 60_000),
        ),
      );
    // The newest but one is decided: it goes after every request still awaiting a decision.
    await callerFor(db, am, LATER).requests.saveScope({
      ticketId: filed[2]!,
      estimateDays: 5,
      quoteReference: null,
      decision: "declined",
    });
    const all = await callerFor(db, am, LATER).requests.customQueue({});
    const order = all.items.map((r) => r.ticketId);
    const undecided = all.items.filter((r) => !r.decision).map((r) => r.ticketId);
    expect(order.slice(0, undecided.length)).toEqual(undecided);
    expect(undecided.slice(0, 3)).toEqual([filed[3], filed[1], filed[0]]);
    expect(order.indexOf(filed[2]!)).toBeGreaterThanOrEqual(undecided.length);
    expect(all.total).toBe(all.items.length);
    const two = await callerFor(db, am, LATER).requests.customQueue({ limit: 2 });
    expect(two).toEqual({ items: all.items.slice(0, 2), total: all.total });
  });
});
