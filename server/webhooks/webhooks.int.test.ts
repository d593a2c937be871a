import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditLog, notifications, users, webhookDeliveries, webhooks } from "@/db/schema";
import { translatedRefusal } from "@/server/i18n/refusals";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createStaff } from "@/server/testing/factories";
import { enqueueWebhookEvent } from "./enqueue";
import { verifySignature } from "./rules";
import { deliverWebhooks, saveWebhook } from "./service";
import type { Resolve } from "./send";

vi.hoisted(() => {
  process.env.WEBHOOKS_ALLOW_LOOPBACK_HTTP = "1";
});

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A receiver on 127.0.0.1 answering with `status`, keeping what it received and counting connections. */
async function receiver(status: number) {
  const received: Received[] = [];
  const connections = { count: 0 };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "boom");
    });
  });
  server.on("connection", () => (connections.count += 1));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push(server);
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/hook`, port, received, connections };
}
const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

const T0 = new Date("2026-03-02T10:00:00Z");

describe("outgoing webhooks", () => {
  it("a page event reaches a receiver on 127.0.0.1 signed with the webhook's secret, fresh, and is logged delivered", async () => {
    const db = createTestDb();
    const admin = createStaff(db, "admin");
    const r = await receiver(200);
    const { id, secret } = saveWebhook(db, admin, { name: "Pager", url: r.url, events: ["page"], active: true }, T0);
    db.transaction((tx) => {
      enqueueWebhookEvent(tx, "page", { ticketId: 7, priority: "P0" }, T0);
      enqueueWebhookEvent(tx, "breach", { ticketId: 7 }, T0); // not subscribed
    });
    // The receiver checks against the real clock: sign "now".
    const now = new Date();
    expect(await deliverWebhooks(db, () => now)).toBe(1);
    expect(r.received).toHaveLength(1);
    const got = r.received[0]!;
    expect(got.headers["x-attain-event"]).toBe("page");
    expect(verifySignature(secret!, got.body, String(got.headers["x-attain-signature"]), new Date())).toBe(true);
    expect(verifySignature("wrong-secret", got.body, String(got.headers["x-attain-signature"]), new Date())).toBe(
      false,
    );
    expect(JSON.parse(got.body)).toMatchObject({ event: "page", data: { ticketId: 7, priority: "P0" } });
    expect(db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id)).get()).toMatchObject({
      status: "delivered",
      attempts: 1,
      responseStatus: 200,
      responseBody: "ok",
    });
    expect(await deliverWebhooks(db, () => new Date(now.getTime() + 60_000))).toBe(0);
  });

  it("a failing endpoint is retried with backoff, each delivery given up after 5 attempts, and after 3 the webhook is disabled and the admins told", async () => {
    const db = createTestDb();
    const admin = createStaff(db, "admin");
    const r = await receiver(500);
    const { id } = saveWebhook(db, admin, { name: "Flaky", url: r.url, events: ["at_risk"], active: true }, T0);
    db.transaction((tx) => {
      for (let i = 0; i < 3; i++) enqueueWebhookEvent(tx, "at_risk", { ticketId: i }, T0);
    });
    let t = T0.getTime();
    expect(await deliverWebhooks(db, () => new Date(t))).toBe(3);
    // Not again before the first backoff (1 minute).
    expect(await deliverWebhooks(db, () => new Date(t + 59_000))).toBe(0);
    for (const wait of [1, 2, 4, 8]) {
      t += wait * 60_000;
      expect(await deliverWebhooks(db, () => new Date(t))).toBe(3);
    }
    expect(r.received).toHaveLength(15);
    const log = db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id)).all();
    expect(log.map((d) => [d.status, d.attempts, d.responseStatus])).toEqual([
      ["failed", 5, 500],
      ["failed", 5, 500],
      ["failed", 5, 500],
    ]);
    expect(db.select().from(webhooks).where(eq(webhooks.id, id)).get()).toMatchObject({
      active: false,
      consecutiveFailures: 3,
    });
    const adminNotes = db
      .select({ kind: notifications.kind })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(eq(users.id, admin.id))
      .all();
    expect(adminNotes).toContainEqual({ kind: "webhook_disabled" });
  });

  it("a receiver that never answers holds a pass for one timeout, not one per queued delivery (the scheduler's other jobs, a page's escalation among them, wait for the pass)", async () => {
    const db = createTestDb();
    const admin = createStaff(db, "admin");
    const silent = http.createServer(() => undefined); // reads the request, never answers
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    servers.push(silent);
    const port = (silent.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}/hook`;
    saveWebhook(db, admin, { name: "Hangs", url, events: ["incident"], active: true }, T0);
    db.transaction((tx) => {
      for (let i = 0; i < 6; i++) enqueueWebhookEvent(tx, "incident", { incidentId: i }, T0);
    });
    const started = Date.now();
    expect(await deliverWebhooks(db, () => T0, undefined, 400)).toBe(6);
    // One by one this took 6 x 400 ms.
    expect(Date.now() - started).toBeLessThan(1500);
    expect(
      db
        .select()
        .from(webhookDeliveries)
        .all()
        .map((d) => [d.status, d.attempts, d.error]),
    ).toEqual(Array(6).fill(["pending", 1, "no answer within 400 ms"]));
    silent.closeAllConnections();
  });

  it("an admin rotates a leaked signing secret: the new one is shown once, and the delivery already waiting is signed with it, not the old", async () => {
    const db = createTestDb();
    const admin = createStaff(db, "admin");
    const r = await receiver(200);
    const caller = callerFor(db, admin, T0);
    const { id, secret: old } = await caller.webhooks.save({
      name: "Pager",
      url: r.url,
      events: ["page"],
      active: true,
    });
    db.transaction((tx) => enqueueWebhookEvent(tx, "page", { ticketId: 7 }, T0));
    const { secret } = await caller.webhooks.rotateSecret({ id });
    expect(secret).not.toBe(old);
    expect(secret).toHaveLength(old!.length);
    await expect(caller.webhooks.rotateSecret({ id: id + 100 })).rejects.toThrow(/not found|does not exist/i);

    const now = new Date();
    expect(await deliverWebhooks(db, () => now)).toBe(1);
    const got = r.received[0]!;
    const signature = String(got.headers["x-attain-signature"]);
    expect(verifySignature(secret, got.body, signature, new Date())).toBe(true);
    expect(verifySignature(old!, got.body, signature, new Date())).toBe(false);
    expect(JSON.stringify(await caller.webhooks.list())).not.toContain(secret);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "webhook.rotateSecret")).all()).toHaveLength(1);
  });

  it("an event waiting when the admin disables the webhook is not sent, and the log says so in the admin's language", async () => {
    const db = createTestDb();
    const admin = createStaff(db, "admin");
    const r = await receiver(200);
    const caller = callerFor(db, admin, T0);
    const hook = { name: "Pager", url: r.url, events: ["page" as const] };
    const { id } = await caller.webhooks.save({ ...hook, active: true });
    db.transaction((tx) => enqueueWebhookEvent(tx, "page", { ticketId: 7 }, T0));
    await caller.webhooks.save({ ...hook, id, active: false });
    expect(await deliverWebhooks(db, () => T0)).toBe(0);
    expect(r.received).toHaveLength(0);
    const [logged] = (await caller.webhooks.list())[0]!.deliveries;
    expect(logged).toMatchObject({ status: "failed", refusal: { messageKey: "webhooks.errors.notSent" } });
    expect(translatedRefusal("zh", logged!.refusal!.messageKey)).toBe("未发送：该 Webhook 已停用。");
  });

  it("a webhook whose saved address the rules now refuse can still be disabled, and its waiting deliveries show no next attempt", async () => {
    const db = createTestDb();
    const admin = createStaff(db, "admin");
    const caller = callerFor(db, admin, T0);
    const r = await receiver(500);
    const { id } = saveWebhook(db, admin, { name: "Old", url: r.url, events: ["page"], active: true }, T0);
    const refused = `https://[::ffff:127.0.0.1]:${r.port}/hook`;
    db.update(webhooks).set({ url: refused }).where(eq(webhooks.id, id)).run();
    db.transaction((tx) => enqueueWebhookEvent(tx, "page", { ticketId: 7 }, T0));
    expect(await deliverWebhooks(db, () => T0)).toBe(1);
    expect((await caller.webhooks.list())[0]!.deliveries[0]!.nextAttemptAt).not.toBeNull();
    // Switching it off keeps the address as it is; switching it on, or a new address, is checked.
    await caller.webhooks.save({ id, name: "Old", url: refused, events: ["page"], active: false });
    const [listed] = await caller.webhooks.list();
    expect(listed).toMatchObject({ active: false });
    expect(listed!.deliveries[0]).toMatchObject({ status: "pending", nextAttemptAt: null });
    await expect(
      caller.webhooks.save({ id, name: "Old", url: refused, events: ["page"], active: true }),
    ).rejects.toThrow();
    await expect(
      caller.webhooks.save({ id, name: "Old", url: "https://[::1]/hook", events: ["page"], active: false }),
    ).rejects.toThrow();
  });

  it("a webhook deleted while its delivery's last attempt is under way ends the pass cleanly", async () => {
    const db = createTestDb();
    const admin = createStaff(db, "admin");
    let id = 0;
    const deleting = http.createServer((_req, res) => {
      db.delete(webhooks).where(eq(webhooks.id, id)).run();
      res.writeHead(500).end("boom");
    });
    await new Promise<void>((r) => deleting.listen(0, "127.0.0.1", r));
    servers.push(deleting);
    const url = `http://127.0.0.1:${(deleting.address() as AddressInfo).port}/hook`;
    id = saveWebhook(db, admin, { name: "Gone", url, events: ["page"], active: true }, T0).id;
    db.transaction((tx) => enqueueWebhookEvent(tx, "page", { ticketId: 7 }, T0));
    db.update(webhookDeliveries).set({ attempts: 4 }).where(eq(webhookDeliveries.webhookId, id)).run(); // the last try
    await expect(deliverWebhooks(db, () => T0)).resolves.toBe(1);
    expect(db.select().from(webhooks).all()).toEqual([]);
  });

  it("a non-https URL or one pointing at the server itself is refused and nothing is saved", () => {
    const db = createTestDb();
    const admin = createStaff(db, "admin");
    const before = db.select().from(webhooks).all().length;
    expect(() =>
      saveWebhook(db, admin, { name: "x", url: "http://hooks.example/x", events: ["page"], active: true }, T0),
    ).toThrow(/HTTPS/);
    expect(() =>
      saveWebhook(db, admin, { name: "x", url: "https://localhost/x", events: ["page"], active: true }, T0),
    ).toThrow(/this server/);
    expect(db.select().from(webhooks).all()).toHaveLength(before);
  });

  it("an admin saving a webhook to loopback in IPv4-mapped IPv6 form, or to the cloud metadata address, is refused with a sentence in their language, and nothing is saved", async () => {
    const db = createTestDb();
    const admin = createStaff(db, "admin");
    const before = db.select().from(webhooks).all().length;
    const refusal = async (url: string) => {
      const err: unknown = await callerFor(db, admin)
        .webhooks.save({ name: "Sneaky", url, events: ["page"], active: true })
        .then(
          () => null,
          (e: unknown) => e,
        );
      const cause = (err as { code?: string; cause?: { messageKey?: string; values?: Record<string, string> } }) ?? {};
      return { code: cause.code, messageKey: cause.cause?.messageKey, values: cause.cause?.values };
    };
    expect(await refusal("https://[::ffff:127.0.0.1]:3411/api/monitoring/alerts")).toEqual({
      code: "BAD_REQUEST",
      messageKey: "webhooks.errors.self",
      values: undefined,
    });
    expect(await refusal("https://2130706433/x")).toMatchObject({ messageKey: "webhooks.errors.self" });
    const metadata = await refusal("https://169.254.169.254/latest");
    expect(metadata).toMatchObject({ messageKey: "webhooks.errors.linkLocal", values: { address: "169.254.169.254" } });
    expect(translatedRefusal("zh", metadata.messageKey!, metadata.values)).toContain("链路本地地址（169.254.169.254）");
    expect(await refusal("https://10.0.0.5/hook")).toMatchObject({ messageKey: "webhooks.errors.private" });
    expect(db.select().from(webhooks).all()).toHaveLength(before);
  });

  it("a delivery to a name that now resolves to loopback is not sent: the attempt fails, is retried, and the log says why", async () => {
    const db = createTestDb();
    const admin = createStaff(db, "admin");
    const r = await receiver(200);
    // The name was public when saved; its DNS now answers a public address and this server's own.
    const { id } = saveWebhook(
      db,
      admin,
      { name: "Rebound", url: `https://hooks.example:${r.port}/hook`, events: ["page"], active: true },
      T0,
    );
    db.transaction((tx) => enqueueWebhookEvent(tx, "page", { ticketId: 7 }, T0));
    const asked: string[] = [];
    const rebound: Resolve = (host) => {
      asked.push(host);
      return Promise.resolve([
        { address: "93.184.216.34", family: 4 },
        { address: "127.0.0.1", family: 4 },
      ]);
    };
    expect(await deliverWebhooks(db, () => T0, rebound)).toBe(1);
    expect(asked).toEqual(["hooks.example"]);
    expect(r.connections.count).toBe(0);
    expect(db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id)).get()).toMatchObject({
      status: "pending",
      attempts: 1,
      error: "webhooks.errors.self",
      nextAttemptAt: new Date(T0.getTime() + 60_000),
    });
    const [listed] = await callerFor(db, admin).webhooks.list();
    expect(listed!.deliveries[0]!.refusal).toEqual({ messageKey: "webhooks.errors.self", values: null });
  });

  it("a webhook saved before loopback in IPv6 form was refused is refused when sending, without a connection", async () => {
    const db = createTestDb();
    const admin = createStaff(db, "admin");
    const r = await receiver(200);
    const { id } = saveWebhook(db, admin, { name: "Old", url: r.url, events: ["page"], active: true }, T0);
    db.update(webhooks)
      .set({ url: `https://[::ffff:127.0.0.1]:${r.port}/hook` })
      .where(eq(webhooks.id, id))
      .run();
    db.transaction((tx) => enqueueWebhookEvent(tx, "page", { ticketId: 7 }, T0));
    expect(await deliverWebhooks(db, () => T0)).toBe(1);
    expect(r.connections.count).toBe(0);
    expect(db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id)).get()).toMatchObject({
      status: "pending",
      error: "webhooks.errors.self",
    });
  });

  it("a name that does not resolve is a failed attempt, retried with the usual backoff, never sent as allowed", async () => {
    const db = createTestDb();
    const admin = createStaff(db, "admin");
    const { id } = saveWebhook(
      db,
      admin,
      { name: "Gone", url: "https://gone.example/hook", events: ["page"], active: true },
      T0,
    );
    db.transaction((tx) => enqueueWebhookEvent(tx, "page", { ticketId: 7 }, T0));
    const unresolvable: Resolve = (host) =>
      Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" }));
    expect(await deliverWebhooks(db, () => T0, unresolvable)).toBe(1);
    expect(db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id)).get()).toMatchObject({
      status: "pending",
      attempts: 1,
      error: "getaddrinfo ENOTFOUND gone.example",
      nextAttemptAt: new Date(T0.getTime() + 60_000),
    });
    expect(await deliverWebhooks(db, () => new Date(T0.getTime() + 60_000), unresolvable)).toBe(1);
    expect(db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id)).get()).toMatchObject({
      attempts: 2,
    });
  });
});
