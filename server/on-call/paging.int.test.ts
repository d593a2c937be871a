import { and, asc, eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import {
  notifications,
  onCallPageEvents,
  onCallPages,
  outbox,
  rotaMembers,
  rotas,
  ticketEvents,
  users,
  webhookDeliveries,
  webhooks,
} from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { portalLink } from "@/server/identity/mail";
import { deliverOutbox } from "@/server/notifications/delivery";
import { runDueJobs } from "@/server/scheduler/service";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff, createTicket } from "@/server/testing/factories";
import { startSmtpCatcher } from "@/server/testing/smtp-catcher";
import { raiseProactiveAlert } from "@/server/incidents/alerts";
import { pageEscalationJob } from "./jobs";
import { acknowledgePage } from "./paging-service";

const at = (iso: string) => new Date(iso);
const MIN = 60_000;

/** An Americas rota in New York, Monday 09:00 handovers from 2 March 2026: A primary, B secondary in week 0. */
function americasRota(db: Db) {
  const [a, b, c] = [createStaff(db, "agent"), createStaff(db, "expert"), createStaff(db, "agent")];
  const manager = createStaff(db, "manager");
  const rota = db
    .insert(rotas)
    .values({
      name: "Americas duty",
      region: "americas",
      timeZone: "America/New_York",
      kind: "weekly",
      handoverWeekday: 1,
      handoverTime: "09:00",
      startDate: "2026-03-02",
      managerId: manager.id,
      createdAt: at("2026-03-01T00:00:00Z"),
      updatedAt: at("2026-03-01T00:00:00Z"),
    })
    .returning()
    .get();
  [a, b, c].forEach((p, position) => db.insert(rotaMembers).values({ rotaId: rota.id, position, userId: p.id }).run());
  return { rota, a: a!, b: b!, c: c!, manager };
}

function log(db: Db, pageId: number) {
  return db
    .select({
      kind: onCallPageEvents.kind,
      level: onCallPageEvents.level,
      userId: onCallPageEvents.userId,
      latencyMs: onCallPageEvents.latencyMs,
    })
    .from(onCallPageEvents)
    .where(eq(onCallPageEvents.pageId, pageId))
    .orderBy(asc(onCallPageEvents.id))
    .all();
}

const pagesOf = (db: Db, user: SessionUser) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), eq(notifications.kind, "page")))
    .all().length;

describe("paging the on-call engineer", () => {
  it("a P0 filed on Sunday 03:00 New York (the night the clocks go forward) pages the primary at once, re-pages after 5 minutes, then escalates to the secondary and the manager", async () => {
    const db = createTestDb();
    const { a, b, manager } = americasRota(db);
    const org = createOrganization(db, { tier: "enterprise", region: "americas" });
    // 2026-03-08 03:00 EDT = 07:00 UTC, a Sunday, inside week 0 (A primary, B secondary).
    const filed = at("2026-03-08T07:00:00Z");
    const ticketId = await createTicket(db, org.customers[0]!, { priority: "P0", category: "functional_bug" }, filed);
    const page = db.select().from(onCallPages).where(eq(onCallPages.ticketId, ticketId)).get()!;
    expect(page).toMatchObject({ level: "primary", userId: a.id, attempts: 1, reason: "filed" });
    expect(page.nextActionAt).toEqual(new Date(filed.getTime() + 5 * MIN));
    expect(pagesOf(db, a)).toBe(1);
    expect(
      db
        .select()
        .from(outbox)
        .where(eq(outbox.to, a.email))
        .all()
        .map((m) => m.subject),
    ).toEqual([expect.stringContaining(`[P0] Page: #${ticketId}`)]);

    const tick = (ms: number) =>
      runDueJobs(db, new Date(filed.getTime() + ms), { jobs: [pageEscalationJob], holder: "t" });
    await tick(4 * MIN);
    expect(pagesOf(db, a)).toBe(1);
    await tick(5 * MIN);
    expect(pagesOf(db, a)).toBe(2);
    await tick(10 * MIN);
    expect(pagesOf(db, b)).toBe(1);
    await tick(15 * MIN);
    expect(pagesOf(db, manager)).toBe(1);
    await tick(60 * MIN);
    expect(pagesOf(db, manager)).toBe(1);

    expect(log(db, page.id)).toEqual([
      { kind: "paged", level: "primary", userId: a.id, latencyMs: 0 },
      { kind: "repaged", level: "primary", userId: a.id, latencyMs: 5 * MIN },
      { kind: "escalated", level: "secondary", userId: b.id, latencyMs: 10 * MIN },
      { kind: "escalated", level: "manager", userId: manager.id, latencyMs: 15 * MIN },
    ]);

    const ack = acknowledgePage(db, b, page.id, new Date(filed.getTime() + 16 * MIN));
    expect(ack.latencyMs).toBe(16 * MIN);
    expect(log(db, page.id).at(-1)).toEqual({
      kind: "acknowledged",
      level: "manager",
      userId: b.id,
      latencyMs: 16 * MIN,
    });
    const timeline = db
      .select({ type: ticketEvents.type })
      .from(ticketEvents)
      .where(eq(ticketEvents.ticketId, ticketId))
      .orderBy(asc(ticketEvents.id))
      .all()
      .map((e) => e.type);
    expect(timeline).toEqual(["created", "paged", "paged", "pageEscalated", "pageEscalated", "pageAcknowledged"]);
    // The customer reads that the on-call engineer was paged and took it, not that the page moved on.
    const theirs = await callerFor(db, org.customers[0]!, new Date(filed.getTime() + 16 * MIN)).tickets.get({
      id: ticketId,
    });
    expect(theirs.timeline.map((e) => e.type)).toEqual(["created", "paged", "paged", "pageAcknowledged"]);
    expect(() => acknowledgePage(db, a, page.id, new Date(filed.getTime() + 17 * MIN))).toThrow(
      /already been acknowledged/,
    );
  });

  it("the page mail the engineer receives has a plain and an HTML part, each with the ticket's link and the acknowledge link, in the engineer's language", async () => {
    const db = createTestDb();
    const { a, b } = americasRota(db);
    db.update(users).set({ locale: "zh" }).where(eq(users.id, b.id)).run();
    const org = createOrganization(db, { tier: "enterprise", region: "americas" });
    // Sunday 8 March 2026, 03:00 New York: week 0, A primary and B secondary.
    const filed = at("2026-03-08T07:00:00Z");
    const ticketId = await createTicket(
      db,
      org.customers[0]!,
      { priority: "P0", category: "functional_bug", subject: "Calls fail <to> connect & drop" },
      filed,
    );
    // Unacknowledged, the page is sent to the primary again after 5 minutes, then to the secondary.
    for (const minutes of [5, 10])
      await runDueJobs(db, new Date(filed.getTime() + minutes * MIN), { jobs: [pageEscalationJob], holder: "t" });

    const catcher = await startSmtpCatcher();
    try {
      await deliverOutbox(db, nodemailer.createTransport(`smtp://127.0.0.1:${catcher.port}`), {
        now: () => new Date(filed.getTime() + 11 * MIN),
        from: "Attain Support <support@attain.test>",
      });
      const received = await Promise.all(
        catcher.caught.map(async (c) => ({ to: c.to[0]!, mail: await simpleParser(c.raw) })),
      );
      const ticketLink = portalLink(`/tickets/${ticketId}`);
      const ackLink = portalLink("/on-call");
      const toA = received.find((m) => m.to === a.email)!.mail;
      expect(toA.subject).toBe(`[P0] Page: #${ticketId} Calls fail <to> connect & drop`);
      expect(toA.text).toContain(`Open the ticket: ${ticketLink}`);
      expect(toA.text).toContain(`Acknowledge it now: ${ackLink}`);
      expect(toA.html).toContain(`<a href="${ticketLink}">Open the ticket</a>`);
      expect(toA.html).toContain(`<a href="${ackLink}">Acknowledge it now</a>`);
      // The ticket's subject is the customer's text: shown as written, never as markup.
      expect(toA.html).toContain(`#${ticketId} Calls fail &lt;to&gt; connect &amp; drop`);
      expect(toA.html).toContain('lang="en"');

      const toB = received.find((m) => m.to === b.email)!.mail;
      expect(toB.subject).toContain(`呼叫：#${ticketId}`);
      expect(toB.text).toContain(`打开工单：${ticketLink}`);
      expect(toB.html).toContain(`<a href="${ticketLink}">打开工单</a>`);
      expect(toB.html).toContain(`<a href="${ackLink}">立即确认</a>`);
      expect(toB.html).toContain('lang="zh-CN"');
    } finally {
      await catcher.close();
    }
  });

  it("a P0 filed while the primary on call has been deactivated pages the secondary at once, and a deactivated manager is not the ladder's end", async () => {
    const db = createTestDb();
    const { rota, a, b, c, manager } = americasRota(db);
    const admin = createStaff(db, "admin");
    const org = createOrganization(db, { tier: "enterprise", region: "americas" });
    const filed = at("2026-03-04T15:00:00Z"); // Wednesday of week 0: A primary, B secondary
    await callerFor(db, admin, filed).people.setActive({ userId: a.id, active: false });
    await callerFor(db, admin, filed).people.setActive({ userId: manager.id, active: false });
    expect((await callerFor(db, b, filed).onCall.rotas()).rotas[0]).toMatchObject({
      primary: null,
      secondary: { id: b.id },
    });
    // The rota's page marks who can no longer be on call, and shows their week as a gap.
    const shown = await callerFor(db, b, filed).onCall.rota({ id: rota.id });
    expect(shown.members.map((m) => [m.id, m.available])).toEqual([
      [a.id, false],
      [b.id, true],
      [c.id, true],
    ]);
    expect(shown.gaps[0]).toMatchObject({ startsAt: filed });

    const ticketId = await createTicket(db, org.customers[0]!, { priority: "P0", category: "functional_bug" }, filed);
    const page = db.select().from(onCallPages).where(eq(onCallPages.ticketId, ticketId)).get()!;
    expect(page).toMatchObject({ level: "secondary", userId: b.id });
    expect(pagesOf(db, a)).toBe(0);
    await runDueJobs(db, new Date(filed.getTime() + 60 * MIN), { jobs: [pageEscalationJob], holder: "t" });
    expect(pagesOf(db, manager)).toBe(0);
    expect(log(db, page.id).map((e) => e.userId)).toEqual([b.id]);
  });

  it("a primary deactivated after being paged is not paged again: the page escalates to the secondary when the wait is up", async () => {
    const db = createTestDb();
    const { a, b } = americasRota(db);
    const admin = createStaff(db, "admin");
    const org = createOrganization(db, { tier: "enterprise", region: "americas" });
    const filed = at("2026-03-04T15:00:00Z");
    const ticketId = await createTicket(db, org.customers[0]!, { priority: "P0", category: "functional_bug" }, filed);
    const page = db.select().from(onCallPages).where(eq(onCallPages.ticketId, ticketId)).get()!;
    await callerFor(db, admin, filed).people.setActive({ userId: a.id, active: false });
    await runDueJobs(db, new Date(filed.getTime() + 5 * MIN), { jobs: [pageEscalationJob], holder: "t" });
    expect(pagesOf(db, a)).toBe(1);
    expect(pagesOf(db, b)).toBe(1);
    expect(log(db, page.id).map((e) => [e.kind, e.userId])).toEqual([
      ["paged", a.id],
      ["escalated", b.id],
    ]);
  });

  it("an acknowledged page climbs no further, and the page goes to webhooks subscribed to pages", async () => {
    const db = createTestDb();
    const { a, b } = americasRota(db);
    db.insert(webhooks)
      .values({
        name: "Chat",
        url: "https://chat.example/hook",
        secret: "s".repeat(32),
        events: ["page"],
        createdAt: at("2026-03-01T00:00:00Z"),
        updatedAt: at("2026-03-01T00:00:00Z"),
      })
      .run();
    const org = createOrganization(db, { tier: "enterprise", region: "americas" });
    const filed = at("2026-03-10T15:00:00Z");
    const ticketId = await createTicket(db, org.customers[0]!, { priority: "P1" }, filed);
    const page = db.select().from(onCallPages).where(eq(onCallPages.ticketId, ticketId)).get()!;
    // Week 1 (from 9 March): B primary.
    expect(page.userId).toBe(b.id);
    expect(page.nextActionAt).toEqual(new Date(filed.getTime() + 15 * MIN));
    const [delivery] = db.select().from(webhookDeliveries).all();
    expect(JSON.parse(delivery!.payload)).toMatchObject({
      event: "page",
      data: { ticketId, priority: "P1", level: "primary" },
    });
    acknowledgePage(db, b, page.id, new Date(filed.getTime() + 2 * MIN));
    await runDueJobs(db, new Date(filed.getTime() + 60 * MIN), { jobs: [pageEscalationJob], holder: "t" });
    expect(pagesOf(db, b)).toBe(1);
    expect(pagesOf(db, a)).toBe(0);
  });

  it("raising a P2 to P1 pages; lowering or a P2 filed does not", async () => {
    const db = createTestDb();
    const { a } = americasRota(db);
    const agent = createStaff(db, "agent");
    const org = createOrganization(db, { tier: "enterprise", region: "americas" });
    const now = at("2026-03-04T15:00:00Z");
    const ticketId = await createTicket(db, org.customers[0]!, { priority: "P2" }, now);
    expect(db.select().from(onCallPages).all()).toHaveLength(0);
    await callerFor(db, agent, now).tickets.changePriority({ ticketId, priority: "P1", reason: "Outage widened" });
    expect(db.select().from(onCallPages).where(eq(onCallPages.ticketId, ticketId)).get()).toMatchObject({
      reason: "priority_raised",
      userId: a.id,
    });
  });

  it("a proactive alert detected 20 minutes ago opens a P0 clocked from detection and pages now, as an alert", async () => {
    const db = createTestDb();
    const { a } = americasRota(db);
    const agent = createStaff(db, "agent");
    const org = createOrganization(db, { tier: "enterprise", region: "americas" });
    const now = at("2026-03-04T15:00:00Z");
    const { ticketId } = raiseProactiveAlert(
      db,
      agent,
      {
        organizationId: org.id,
        productArea: "voice_calling",
        description: "Join failures up 40 % in Ohio",
        detectedAt: new Date(now.getTime() - 20 * MIN),
      },
      now,
    );
    expect(db.select().from(onCallPages).where(eq(onCallPages.ticketId, ticketId)).get()).toMatchObject({
      reason: "alert",
      userId: a.id,
      triggeredAt: now,
      nextActionAt: new Date(now.getTime() + 5 * MIN),
    });
  });
});
