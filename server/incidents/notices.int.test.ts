import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  auditLog,
  incidentSubscriptions,
  maintenanceReminders,
  notifications,
  scheduledJobs,
  users,
} from "@/db/schema";
import { openDb } from "@/server/db";
import { deliverOutbox } from "@/server/notifications/delivery";
import { runDueJobs } from "@/server/scheduler/service";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createCustomer, createOrganization, createStaff } from "@/server/testing/factories";
import { startSmtpCatcher } from "@/server/testing/smtp-catcher";
import { verifySignature } from "@/server/webhooks/rules";
import { deliverWebhooks, saveWebhook } from "@/server/webhooks/service";
import { maintenanceReminderJob } from "./jobs";

vi.hoisted(() => {
  process.env.WEBHOOKS_ALLOW_LOOPBACK_HTTP = "1";
});

const HOUR = 3_600_000;
const T0 = TEST_ANCHOR;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

const db = createTestDb();
let catcher: Awaited<ReturnType<typeof startSmtpCatcher>>;
beforeAll(async () => {
  catcher = await startSmtpCatcher();
});
afterAll(async () => {
  await catcher.close();
  db.$client.close();
});

/** One delivery pass through the catcher; the mails it received, parsed, for the given addresses. */
async function deliver(now: Date, to: string[]) {
  const before = catcher.caught.length;
  await deliverOutbox(db, nodemailer.createTransport(`smtp://127.0.0.1:${catcher.port}`), {
    now: () => now,
    from: "Attain Support <support@attain.test>",
  });
  const mails = await Promise.all(
    catcher.caught.slice(before).map(async (c) => ({ to: c.to[0]!, mail: await simpleParser(c.raw) })),
  );
  return mails.filter((m) => to.includes(m.to));
}

// Nimbus-like customer organization in the Americas: an administrator reading Chinese in Shanghai
// (subscribed by default), a member who opts in to video calling, a member who never subscribes.
const org = createOrganization(db, { tier: "enterprise", region: "americas", customers: 0 });
const admin = createCustomer(db, org, T0, { locale: "zh", timeZone: "Asia/Shanghai" });
db.update(users).set({ orgAdmin: true }).where(eq(users.id, admin.id)).run();
const member = createCustomer(db, org, T0, { locale: "en", timeZone: "America/New_York" });
const bystander = createCustomer(db, org, T0);
// Another organization in the same region, not affected (its administrator must hear nothing).
const other = createOrganization(db, { tier: "enterprise", region: "americas", customers: 0 });
const otherAdmin = createCustomer(db, other, T0);
db.update(users).set({ orgAdmin: true }).where(eq(users.id, otherAdmin.id)).run();
const agent = createStaff(db, "agent");
const everyone = [admin, member, bystander, otherAdmin].map((p) => p.email);

const incident = (over: Record<string, unknown> = {}) => ({
  title: "Video calls fail to connect",
  productArea: "video_calling" as const,
  regions: ["americas" as const],
  severity: "major" as const,
  startedAt: at(-0.25),
  endedAt: null,
  planned: false,
  announcedAt: null,
  allOrganizations: false,
  organizationIds: [org.id],
  summary: "Some video calls in the Americas fail to connect; we are rerouting traffic.",
  ...over,
});

const kindCount = (userId: number, kind: string) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), sql`${notifications.kind} = ${kind}`))
    .get()!.n;

describe("[NOTICES] customers told proactively", () => {
  it("a member opts in for video calling; staff cannot subscribe", async () => {
    const saved = await callerFor(db, member, T0).incidents.subscribe({
      productAreas: ["video_calling", "video_calling"],
      regions: ["americas"],
      incidents: true,
      maintenance: true,
    });
    expect(saved).toEqual({
      productAreas: ["video_calling"],
      regions: ["americas"],
      incidents: true,
      maintenance: true,
      isDefault: false,
      subscribed: true,
    });
    expect(await callerFor(db, admin, T0).incidents.subscription()).toMatchObject({ isDefault: true, incidents: true });
    expect(await callerFor(db, bystander, T0).incidents.subscription()).toMatchObject({
      isDefault: true,
      incidents: false,
      productAreas: [],
    });
    await expect(callerFor(db, agent, T0).incidents.subscription()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("declaring an incident mails the subscribed customers through SMTP in their language and zone, and nobody else", async () => {
    const { id, notified } = await callerFor(db, agent, T0).incidents.create(incident());
    expect(notified).toBe(2);
    const mails = await deliver(T0, everyone);
    expect(mails.map((m) => m.to).sort()).toEqual([admin.email, member.email].sort());
    const zh = mails.find((m) => m.to === admin.email)!.mail;
    expect(zh.subject).toBe("【故障】Video calls fail to connect");
    expect(zh.text).toContain("开始时间：");
    expect(zh.text).toContain("(Asia/Shanghai)");
    expect(zh.text).toContain(`/incidents/${id}`);
    const en = mails.find((m) => m.to === member.email)!.mail;
    expect(en.subject).toBe("[Incident] Video calls fail to connect");
    expect(en.text).toContain("(America/New_York)");
    expect(kindCount(admin.id, "incident_declared")).toBe(1);
    expect(kindCount(bystander.id, "incident_declared")).toBe(0);
    expect(kindCount(otherAdmin.id, "incident_declared")).toBe(0);
    // The in-app notice names the incident and opens its page (which the customer may read).
    const inApp = await callerFor(db, member, T0).notifications.list({ limit: 10 });
    expect(inApp.items.find((n) => n.kind === "incident_declared")).toMatchObject({
      incidentId: id,
      ticketId: null,
      subject: "Video calls fail to connect",
    });
    expect((await callerFor(db, member, T0).incidents.get({ id })).id).toBe(id);

    // An update reaches the same people, with its text.
    await callerFor(db, agent, at(0.5)).incidents.addUpdate({ incidentId: id, body: "Traffic rerouted; recovering." });
    const updates = await deliver(at(0.5), everyone);
    expect(updates.map((m) => m.to).sort()).toEqual([admin.email, member.email].sort());
    expect(updates.find((m) => m.to === member.email)!.mail.text).toContain("Latest update: Traffic rerouted");
  });

  it("a member who narrows the subscription to another area hears nothing about video calling", async () => {
    await callerFor(db, member, T0).incidents.subscribe({
      productAreas: ["voice_calling"],
      regions: ["americas"],
      incidents: true,
      maintenance: true,
    });
    const { notified } = await callerFor(db, agent, T0).incidents.create(incident({ title: "Video degraded again" }));
    expect(notified).toBe(1);
    expect((await deliver(T0, everyone)).map((m) => m.to)).toEqual([admin.email]);
  });

  it("planned maintenance is announced when declared, flagged under 72 hours, and reminded once an hour before, across a restart", async () => {
    const maintenance = incident({
      title: "Media server upgrade",
      planned: true,
      announcedAt: T0,
      startedAt: at(96),
      endedAt: at(98),
      severity: "minor",
    });
    const { id, shortNotice } = await callerFor(db, agent, T0).incidents.create(maintenance);
    expect(shortNotice).toBe(false);
    const announced = await deliver(T0, everyone);
    expect(announced.map((m) => m.to)).toEqual([admin.email]);
    expect(announced[0]!.mail.subject).toBe("【计划维护】Media server upgrade");

    const short = await callerFor(db, agent, T0).incidents.create({
      ...maintenance,
      title: "Urgent patch",
      startedAt: at(10),
      endedAt: at(11),
    });
    expect(short.shortNotice).toBe(true);
    expect((await deliver(T0, everyone))[0]!.mail.text).toContain("不足 72 小时");

    const jobs = [maintenanceReminderJob];
    const reminders = () => kindCount(admin.id, "maintenance_reminder");
    await runDueJobs(db, at(9 - 1 / 60), { jobs });
    expect(reminders()).toBe(0);
    await runDueJobs(db, at(9), { jobs }); // the urgent patch starts at +10 h
    expect(reminders()).toBe(1);
    expect((await deliver(at(9), everyone)).map((m) => m.mail.subject)).toEqual(["【一小时后维护】Urgent patch"]);
    await runDueJobs(db, at(95 - 1 / 60), { jobs });
    expect(reminders()).toBe(1);
    await runDueJobs(db, at(95), { jobs });
    expect(reminders()).toBe(2);
    const mail = await deliver(at(95), everyone);
    expect(mail.map((m) => m.mail.subject)).toEqual(["【一小时后维护】Media server upgrade"]);
    expect(mail[0]!.mail.text).toContain("一小时后开始");

    // A restart: a new connection, a new process holder, and even a lost watermark send nothing again.
    const restarted = openDb(db.$client.name);
    restarted.delete(scheduledJobs).where(eq(scheduledJobs.name, maintenanceReminderJob.name)).run();
    await runDueJobs(restarted, at(95 + 1 / 30), { jobs, holder: "restarted-worker" });
    await runDueJobs(restarted, at(95.5), { jobs, holder: "restarted-worker" });
    restarted.$client.close();
    expect(reminders()).toBe(2);
    const row = db.select().from(maintenanceReminders).where(eq(maintenanceReminders.incidentId, id)).get()!;
    expect(row.sentAt).toEqual(at(95));
    expect(row.recipients).toBe(1);
  });

  it("correcting the times of an incident long over tells nobody", async () => {
    const past = incident({ title: "Old outage", startedAt: at(-50), endedAt: at(-49) });
    const { id } = await callerFor(db, agent, T0).incidents.create(past);
    await deliver(T0, everyone);
    await callerFor(db, agent, T0).incidents.update({ id, ...past, endedAt: at(-48) });
    expect(await deliver(T0, everyone)).toEqual([]);
    expect(kindCount(admin.id, "incident_updated")).toBe(1); // the earlier test's update only
  });

  it("declaring and updating an incident sends signed 'incident' webhook deliveries", async () => {
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const { secret } = saveWebhook(
        db,
        createStaff(db, "admin"),
        { name: "Status chat", url, events: ["incident"], active: true },
        T0,
      );
      const { id } = await callerFor(db, agent, T0).incidents.create(incident({ title: "Login latency" }));
      await callerFor(db, agent, at(1)).incidents.end({ incidentId: id, body: "Resolved after a rollback." });
      const now = new Date();
      expect(await deliverWebhooks(db, () => now)).toBe(2);
      expect(received).toHaveLength(2);
      for (const r of received) {
        expect(r.headers["x-attain-event"]).toBe("incident");
        expect(verifySignature(secret!, r.body, String(r.headers["x-attain-signature"]), new Date())).toBe(true);
      }
      expect(received.map((r) => JSON.parse(r.body).data.action)).toEqual(["declared", "ended"]);
      expect(JSON.parse(received[1]!.body).data).toMatchObject({
        incidentId: id,
        kind: "outage",
        title: "Login latency",
      });
    } finally {
      server.close();
    }
  });
});

describe("[NOTICES] saving a subscription that asks for nothing", () => {
  // Kept apart from the organizations above, so what these people choose changes no count there.
  const own = createOrganization(db, { tier: "enterprise", region: "emea", customers: 0 });
  const lead = createCustomer(db, own, T0);
  db.update(users).set({ orgAdmin: true }).where(eq(users.id, lead.id)).run();
  const stored = () =>
    db
      .select({
        productAreas: incidentSubscriptions.productAreas,
        regions: incidentSubscriptions.regions,
        incidents: incidentSubscriptions.incidents,
        maintenance: incidentSubscriptions.maintenance,
      })
      .from(incidentSubscriptions)
      .where(eq(incidentSubscriptions.userId, lead.id))
      .get() ?? null;
  const audited = () =>
    db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "user"), eq(auditLog.entityId, String(lead.id))))
      .all()
      .map((a) => a.action);

  it("a kind without a product area or a region is refused with what to choose, and nothing is saved", async () => {
    const api = callerFor(db, lead, T0);
    for (const choice of [
      { productAreas: [], regions: ["emea" as const], incidents: true, maintenance: false },
      { productAreas: ["voice_calling" as const], regions: [], incidents: false, maintenance: true },
    ])
      await expect(api.incidents.subscribe(choice)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message:
          "Choose at least one product area and one region to be told about, or untick incidents and maintenance to unsubscribe.",
        cause: { messageKey: "incidents.errors.subscriptionScope" },
      });
    expect(stored()).toBeNull();
    expect(audited()).toEqual([]);
    // Still the administrator's default: subscribed to everything.
    expect(await api.incidents.subscription()).toMatchObject({ isDefault: true, subscribed: true });
  });

  it("ticking neither incidents nor maintenance unsubscribes: nothing is stored, the answer says unsubscribed, and no notice reaches them", async () => {
    const api = callerFor(db, lead, T0);
    const answer = await api.incidents.subscribe({
      productAreas: ["voice_calling"],
      regions: ["emea"],
      incidents: false,
      maintenance: false,
    });
    const nothing = { productAreas: [], regions: [], incidents: false, maintenance: false };
    expect(answer).toEqual({ ...nothing, isDefault: false, subscribed: false });
    expect(stored()).toEqual(nothing);
    expect(audited()).toEqual(["incident.unsubscribe"]);
    const { notified } = await callerFor(db, agent, T0).incidents.create(
      incident({
        title: "EMEA voice outage",
        productArea: "voice_calling",
        regions: ["emea"],
        organizationIds: [own.id],
      }),
    );
    expect(notified).toBe(0);
    expect(kindCount(lead.id, "incident_declared")).toBe(0);

    // Subscribing again is a subscription, audited as one.
    expect(
      await api.incidents.subscribe({
        productAreas: ["voice_calling"],
        regions: ["emea"],
        incidents: true,
        maintenance: false,
      }),
    ).toMatchObject({ subscribed: true });
    expect(audited()).toEqual(["incident.unsubscribe", "incident.subscribe"]);
  });
});
