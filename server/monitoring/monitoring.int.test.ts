import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import {
  comments,
  monitoringReceipts,
  notifications,
  onCallPages,
  outbox,
  proactiveAlerts,
  rotaMembers,
  rotas,
  ticketEvents,
  tickets,
  users,
} from "@/db/schema";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff, createStaffTeam, createTicket } from "@/server/testing/factories";
import { signatureHeader } from "@/server/webhooks/rules";
import { handleMonitoringAlert } from "./http";
import { MAX_BODY_BYTES } from "./rules";

const db = createTestDb();
afterAll(() => db.$client.close());
const MIN = 60_000;
const T0 = TEST_ANCHOR;
const at = (minutes: number) => new Date(T0.getTime() + minutes * MIN);
const team = createStaffTeam(db);
const org = createOrganization(db, { tier: "enterprise", region: "americas", customers: 2 });
const basic = createOrganization(db, { tier: "basic", region: "americas", customers: 1 });
db.update(users).set({ orgAdmin: true }).where(eq(users.id, org.customers[0]!.id)).run();
db.update(users).set({ orgAdmin: true }).where(eq(users.id, org.customers[1]!.id)).run();

// A rota for the organization's region, so the alert's P0 pages someone.
const rota = db
  .insert(rotas)
  .values({
    name: "Americas monitoring duty",
    region: "americas",
    productArea: null,
    timeZone: "America/New_York",
    kind: "weekly",
    startDate: "2026-01-05",
    managerId: team.manager.id,
    createdAt: T0,
    updatedAt: T0,
  })
  .onConflictDoNothing()
  .returning({ id: rotas.id })
  .get();
if (rota) db.insert(rotaMembers).values({ rotaId: rota.id, position: 0, userId: team.agent.id }).run();

type Post = { body?: string; signature?: string | null; now?: Date; contentType?: string; lang?: string };

/** Posts an alert the way the monitoring would, signed with `secret` at `signedAt` unless told otherwise. */
async function post(secret: string | null, alert: unknown, o: Post & { signedAt?: Date } = {}) {
  const body = o.body ?? JSON.stringify(alert);
  const headers: Record<string, string> = { "content-type": o.contentType ?? "application/json" };
  if (o.lang) headers["accept-language"] = o.lang;
  const signature =
    o.signature !== undefined ? o.signature : secret ? signatureHeader(secret, body, o.signedAt ?? o.now ?? T0) : null;
  if (signature) headers["x-attain-signature"] = signature;
  const res = await handleMonitoringAlert(
    new Request("http://127.0.0.1/api/monitoring/alerts", { method: "POST", headers, body }),
    db,
    () => o.now ?? T0,
  );
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { error?: { message: string } } };
}

const alert = (over: Record<string, unknown> = {}) => ({
  organizationId: org.id,
  productArea: "voice_calling",
  metric: "audio_packet_loss",
  priority: "P0",
  detectedAt: at(-4).toISOString(),
  description: "Packet loss above 8 % in EU Central.",
  ...over,
});

const count = (table: typeof proactiveAlerts | typeof tickets | typeof monitoringReceipts) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n;

describe("[MONITORING] the signed inbound alert endpoint", () => {
  let secret = "";
  let firstTicket = 0;

  it("refuses every alert until an admin creates a key, and only an admin may", async () => {
    const before = count(tickets);
    const res = await post("whsec_guess", alert());
    expect(res.status).toBe(401);
    expect(res.json.error?.message).toMatch(/not set up/);
    await expect(callerFor(db, team.manager, T0).monitoring.rotate()).rejects.toMatchObject({ code: "FORBIDDEN" });
    secret = (await callerFor(db, team.admin, T0).monitoring.rotate()).secret;
    expect(secret).toMatch(/^whsec_/);
    expect(await callerFor(db, team.admin, T0).monitoring.status()).toMatchObject({
      current: { createdBy: team.admin.name },
      previous: null,
      lastAlertAt: null,
    });
    expect(count(tickets)).toBe(before);
  });

  it("a signed P0 alert opens a ticket clocked from detection, from monitoring, and pages the primary on call", async () => {
    const res = await post(secret, alert({ alertId: "mon-1" }));
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const ticketId = res.json.ticketId as number;
    firstTicket = ticketId;
    const ticket = db.select().from(tickets).where(eq(tickets.id, ticketId)).get()!;
    expect(ticket).toMatchObject({ priority: "P0", channel: "monitoring", organizationId: org.id });
    expect(ticket.requesterId).toBe(org.customers[0]!.id);
    expect(ticket.createdAt.getTime()).toBe(at(-4).getTime());
    // What the monitor said, and nothing in English besides: the metric has its own column, and
    // every page words it in the reader's language (decision 043).
    expect(ticket).toMatchObject({
      subject: "Packet loss above 8 % in EU Central.",
      description: "Packet loss above 8 % in EU Central.",
    });
    const row = db
      .select()
      .from(proactiveAlerts)
      .where(eq(proactiveAlerts.id, res.json.alertId as number))
      .get()!;
    expect(row).toMatchObject({
      source: "monitoring",
      metric: "audio_packet_loss",
      externalId: "mon-1",
      description: "Packet loss above 8 % in EU Central.",
    });
    const customer = callerFor(db, org.customers[0]!, T0);
    const seen = await customer.tickets.get({ id: ticketId });
    expect(seen.ticket.alert).toEqual({ metric: "audio_packet_loss", appId: null });
    expect(seen.ticket.descriptionHtml).not.toContain("Metric");
    expect((await customer.alerts.mine()).find((a) => a.ticketId === ticketId)).toMatchObject({
      description: "Packet loss above 8 % in EU Central.",
      metric: "audio_packet_loss",
      appId: null,
    });
    expect(
      (await customer.accounts.timeline({ organizationId: org.id })).find((e) => e.ticketId === ticketId),
    ).toMatchObject({
      kind: "proactive_alert",
      title: "Packet loss above 8 % in EU Central.",
      alert: { metric: "audio_packet_loss", appId: null },
    });
    const page = db.select().from(onCallPages).where(eq(onCallPages.ticketId, ticketId)).get();
    expect(page?.userId).toBe(team.agent.id);
    // The customer is told, in the portal and by email.
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.ticketId, ticketId), eq(notifications.userId, org.customers[0]!.id)))
        .all()
        .map((n) => n.kind),
    ).toEqual(["proactive_alert"]);
    // So is the organization's other customer administrator, who follows the ticket from now on.
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.ticketId, ticketId), eq(notifications.userId, org.customers[1]!.id)))
        .all()
        .map((n) => n.kind),
    ).toEqual(["proactive_alert"]);
    expect(
      db
        .select()
        .from(outbox)
        .where(eq(outbox.ticketId, ticketId))
        .all()
        .map((m) => m.to),
    ).toContain(org.customers[0]!.email);
  });

  it("unsigned, wrongly signed and stale alerts are refused with a reason, and write nothing", async () => {
    const before = [count(tickets), count(proactiveAlerts), count(monitoringReceipts)];
    const unsigned = await post(null, alert());
    expect(unsigned.status).toBe(401);
    expect(unsigned.json.error?.message).toMatch(/missing or malformed/);
    const wrong = await post("whsec_not-the-key", alert());
    expect(wrong.status).toBe(401);
    expect(wrong.json.error?.message).toMatch(/does not match/);
    const stale = await post(secret, alert(), { signedAt: at(-6) });
    expect(stale.status).toBe(401);
    expect(stale.json.error?.message).toMatch(/more than 5 minutes/);
    const zh = await post(null, alert(), { lang: "zh-CN,zh;q=0.9" });
    expect(zh.json.error?.message).toMatch(/请为告警签名/);
    expect([count(tickets), count(proactiveAlerts), count(monitoringReceipts)]).toEqual(before);
  });

  it("the same signed request sent again is a replay: refused, no second ticket", async () => {
    const body = JSON.stringify(alert({ metric: "join_failures", productArea: "video_calling" }));
    const signature = signatureHeader(secret, body, T0);
    const first = await post(secret, null, { body, signature });
    expect(first.status).toBe(201);
    const before = count(tickets);
    const again = await post(secret, null, { body, signature, now: at(1) });
    expect(again.status).toBe(409);
    expect(again.json.error?.message).toMatch(/already received/);
    expect(count(tickets)).toBe(before);
  });

  it("a retry with the monitor's own id returns the same ticket; the same problem within 30 minutes is grouped", async () => {
    const before = count(tickets);
    const retry = await post(secret, alert({ alertId: "mon-1" }), { now: at(1), signedAt: at(1) });
    expect(retry.status).toBe(200);
    expect(retry.json).toMatchObject({ ticketId: firstTicket, duplicate: true });
    const later = await post(secret, alert({ alertId: "mon-2", detectedAt: at(10).toISOString() }), {
      now: at(12),
      signedAt: at(12),
    });
    expect(later.status).toBe(200);
    expect(later.json).toMatchObject({ ticketId: firstTicket, grouped: true });
    expect(count(tickets)).toBe(before);
    const note = db.select().from(comments).where(eq(comments.ticketId, firstTicket)).all();
    // The note stores what the monitor said; the page words the rest from the alert, in the reader's language.
    expect(note.filter((c) => c.automatic).map((c) => ({ visibility: c.visibility, body: c.body }))).toEqual([
      { visibility: "internal", body: "Packet loss above 8 % in EU Central." },
    ]);
    const seen = await callerFor(db, team.agent, at(13)).tickets.get({ id: firstTicket });
    expect(seen.conversation.find((c) => c.repeatedAlert)?.repeatedAlert).toEqual({
      alertId: later.json.alertId,
      metric: "audio_packet_loss",
      detectedAt: at(10),
    });
    // Another metric is another problem.
    const other = await post(secret, alert({ metric: "cpu_spike", detectedAt: at(10).toISOString() }), {
      now: at(12),
      signedAt: at(12),
    });
    expect(other.status).toBe(201);
    expect(other.json.ticketId).not.toBe(firstTicket);
  });

  it("after a rotation the old key works for a day, then not; the new key works at once", async () => {
    const old = secret;
    secret = (await callerFor(db, team.admin, at(20)).monitoring.rotate()).secret;
    const status = await callerFor(db, team.admin, at(20)).monitoring.status();
    expect(status.previous?.expiresAt.getTime()).toBe(at(20 + 24 * 60).getTime());
    const withOld = await post(old, alert({ metric: "m1" }), { now: at(21), signedAt: at(21) });
    expect(withOld.status).toBe(201);
    const expired = await post(old, alert({ metric: "m2", detectedAt: at(20 + 24 * 60 + 1).toISOString() }), {
      now: at(20 + 24 * 60 + 2),
      signedAt: at(20 + 24 * 60 + 2),
    });
    expect(expired.status).toBe(401);
    const withNew = await post(secret, alert({ metric: "m3", detectedAt: at(25).toISOString() }), {
      now: at(26),
      signedAt: at(26),
    });
    expect(withNew.status).toBe(201);
  });

  it("after a leak, an admin ends the previous key at once: it is refused from then on", async () => {
    const leaked = secret;
    secret = (await callerFor(db, team.admin, at(27)).monitoring.rotate()).secret;
    const during = await post(leaked, alert({ metric: "leak-1", detectedAt: at(27).toISOString() }), {
      now: at(28),
      signedAt: at(28),
    });
    expect(during.status).toBe(201);
    await expect(callerFor(db, team.manager, at(28)).monitoring.endPrevious()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Both keys still in their grace end: the one just rotated out and the one rotated out at 20 minutes.
    expect(await callerFor(db, team.admin, at(28)).monitoring.endPrevious()).toEqual({ ended: 2 });
    expect((await callerFor(db, team.admin, at(28)).monitoring.status()).previous).toBeNull();
    const after = await post(leaked, alert({ metric: "leak-2", detectedAt: at(28).toISOString() }), {
      now: at(29),
      signedAt: at(29),
    });
    expect(after.status).toBe(401);
    expect(after.json.error?.message).toMatch(/does not match/);
    const current = await post(secret, alert({ metric: "leak-3", detectedAt: at(28).toISOString() }), {
      now: at(29),
      signedAt: at(29),
    });
    expect(current.status).toBe(201);
    expect(await callerFor(db, team.admin, at(29)).monitoring.endPrevious()).toEqual({ ended: 0 });
  });

  it("bad bodies are refused with what to fix, and write nothing", async () => {
    const before = [count(tickets), count(proactiveAlerts), count(monitoringReceipts)];
    const cases: [unknown, number, RegExp][] = [
      [alert({ priority: "P2" }), 400, /priority is missing or not valid/],
      [alert({ organizationId: undefined }), 400, /missing or not valid/],
      [alert({ organizationId: undefined, appId: "no-such-app" }), 404, /App ID no-such-app/],
      [alert({ organizationId: 99_999_999 }), 404, /no organization with this number/],
      [alert({ detectedAt: at(35).toISOString() }), 422, /future/],
      [alert({ detectedAt: at(-8 * 24 * 60).toISOString() }), 422, /last 7 days/],
      [alert({ organizationId: basic.id }), 422, /Enterprise tier only/],
      [alert({ extra: 1 }), 400, /missing or not valid/],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(secret, body, { now: at(30), signedAt: at(30) });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.json.error?.message).toMatch(message);
    }
    const notJson = await post(secret, null, { body: "{nope", now: at(30), signedAt: at(30) });
    expect(notJson.status).toBe(400);
    const big = await post(secret, null, { body: "x".repeat(MAX_BODY_BYTES + 1), now: at(30) });
    expect(big.status).toBe(413);
    const form = await post(secret, alert(), { contentType: "text/plain", now: at(30) });
    expect(form.status).toBe(415);
    expect([count(tickets), count(proactiveAlerts), count(monitoringReceipts)]).toEqual(before);
  });

  it("a P0 about a P1 problem raises its ticket to P0 and pages again; a later P1 is only added", async () => {
    const first = await post(secret, alert({ metric: "jitter", priority: "P1", detectedAt: at(38).toISOString() }), {
      now: at(40),
      signedAt: at(40),
    });
    expect(first.status).toBe(201);
    const ticketId = first.json.ticketId as number;
    expect(db.select().from(tickets).where(eq(tickets.id, ticketId)).get()?.priority).toBe("P1");
    const pages = () => db.select().from(onCallPages).where(eq(onCallPages.ticketId, ticketId)).all();
    expect(pages().map((p) => p.reason)).toEqual(["alert"]);
    // The on-call engineer acknowledges; then monitoring sees the same problem get worse.
    db.update(onCallPages)
      .set({ acknowledgedAt: at(41) })
      .where(eq(onCallPages.ticketId, ticketId))
      .run();
    const worse = await post(
      secret,
      alert({ metric: "jitter", priority: "P0", alertId: "mon-g2", detectedAt: at(45).toISOString() }),
      { now: at(46), signedAt: at(46) },
    );
    expect(worse.json).toMatchObject({ ticketId, grouped: true, duplicate: false });
    expect(db.select().from(tickets).where(eq(tickets.id, ticketId)).get()?.priority).toBe("P0");
    const raised = db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.type, "priorityChanged")))
      .all();
    expect(raised.map((e) => e.data)).toMatchObject([{ from: "P1", priority: "P0" }]);
    expect(pages().map((p) => p.reason)).toEqual(["alert", "priority_raised"]);
    db.update(onCallPages)
      .set({ acknowledgedAt: at(47) })
      .where(eq(onCallPages.ticketId, ticketId))
      .run();
    const again = await post(secret, alert({ metric: "jitter", priority: "P1", detectedAt: at(48).toISOString() }), {
      now: at(49),
      signedAt: at(49),
    });
    expect(again.json).toMatchObject({ ticketId, grouped: true });
    expect(db.select().from(tickets).where(eq(tickets.id, ticketId)).get()?.priority).toBe("P0");
    expect(pages()).toHaveLength(2);
    // The monitor retrying its grouped alert hears the same answer: that ticket, grouped.
    const retry = await post(
      secret,
      alert({ metric: "jitter", priority: "P0", alertId: "mon-g2", detectedAt: at(45).toISOString() }),
      { now: at(50), signedAt: at(50) },
    );
    expect(retry).toMatchObject({
      status: 200,
      json: { ticketId, alertId: worse.json.alertId, grouped: true, duplicate: true },
    });
  });

  it("an App ID finds the one organization whose tickets name it; one named by two organizations is refused", async () => {
    await createTicket(db, org.customers[0]!, { fault: { appId: "nimbus-live-app" } }, at(50));
    const found = await post(
      secret,
      alert({ organizationId: undefined, appId: "nimbus-live-app", metric: "a1", description: undefined }),
      { now: at(51), signedAt: at(51) },
    );
    expect(found.status, JSON.stringify(found.json)).toBe(201);
    // A monitor that said nothing: its ticket is named by the metric as written, and its App ID is
    // worded by the page from the alert's row.
    expect(
      db
        .select()
        .from(tickets)
        .where(eq(tickets.id, found.json.ticketId as number))
        .get(),
    ).toMatchObject({ organizationId: org.id, subject: "a1", description: "" });
    expect(
      (await callerFor(db, team.agent, at(51)).tickets.get({ id: found.json.ticketId as number })).ticket.alert,
    ).toEqual({ metric: "a1", appId: "nimbus-live-app" });
    // Another organization's customer names the same App ID on a ticket of theirs: the alert must
    // not be guessed into either organization.
    await createTicket(db, basic.customers[0]!, { fault: { appId: "nimbus-live-app" } }, at(52));
    const before = [count(tickets), count(proactiveAlerts), count(monitoringReceipts)];
    const ambiguous = await post(secret, alert({ organizationId: undefined, appId: "nimbus-live-app", metric: "a2" }), {
      now: at(53),
      signedAt: at(53),
    });
    expect(ambiguous.status).toBe(422);
    expect(ambiguous.json.error?.message).toMatch(/more than one organization: send organizationId/);
    expect([count(tickets), count(proactiveAlerts), count(monitoringReceipts)]).toEqual(before);
  });

  it("when the admin who made the key is deactivated, alerts still open, in another active admin's name", async () => {
    const other = createStaff(db, "admin");
    db.update(users).set({ active: false }).where(eq(users.id, team.admin.id)).run();
    try {
      const res = await post(secret, alert({ metric: "after-leaver" }), { now: at(55), signedAt: at(55) });
      expect(res.status).toBe(201);
      const row = db
        .select()
        .from(proactiveAlerts)
        .where(eq(proactiveAlerts.id, res.json.alertId as number))
        .get()!;
      expect(row.raisedById).not.toBe(team.admin.id);
      const actor = db.select().from(users).where(eq(users.id, row.raisedById)).get()!;
      expect(actor).toMatchObject({ role: "admin", active: true });
      expect(actor.id).toBeLessThanOrEqual(other.id);
    } finally {
      db.update(users).set({ active: true }).where(eq(users.id, team.admin.id)).run();
    }
  });

  it("the alert's ticket timeline records it was filed through monitoring", () => {
    const created = db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, firstTicket), eq(ticketEvents.type, "created")))
      .get();
    expect(created).toBeTruthy();
  });
});
