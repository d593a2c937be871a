/**
 * Outgoing webhooks: admins register endpoints per event kind; the delivery job sends each queued
 * event (./enqueue.ts) signed (./rules.ts), claims it in the database first so no two workers send
 * it, records the response, retries with backoff, and disables an endpoint whose deliveries keep
 * failing, telling the admins in-app and by email.
 */
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, isNull, lte, or, sql } from "drizzle-orm";
import { notifications, users, webhookDeliveries, webhooks } from "@/db/schema";
import type { WebhookEvent } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { notFound, refuseIf } from "@/server/errors";
import { portalLink } from "@/server/identity/mail";
import { queueOnCallMail } from "@/server/on-call/mail";
import {
  DISABLE_AFTER_FAILURES,
  type DestinationRules,
  nextAttemptAt,
  notedRefusal,
  refusalNote,
  signatureHeader,
  webhookUrlRefusal,
} from "./rules";
import { checkedAddresses, DestinationRefused, postTo, resolveHost, type Resolve } from "./send";

/** How long a worker's claim on a delivery lasts (longer than the request timeout). */
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
/** How much of a response body is kept in the delivery log. */
const RESPONSE_KEEP = 2000;
const BATCH = 50;

const urlRules = (): DestinationRules => ({
  portalHost: env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).hostname : null,
  allowLoopbackHttp: env.WEBHOOKS_ALLOW_LOOPBACK_HTTP === "1",
  allowPrivateNetworks: env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS === "1",
});

const newSecret = () => randomBytes(32).toString("base64url");

export type SaveWebhookInput = { id?: number; name: string; url: string; events: WebhookEvent[]; active: boolean };

/** Creates (with a new signing secret, shown once) or updates a webhook. */
export function saveWebhook(db: Db, actor: SessionUser, input: SaveWebhookInput, now: Date) {
  return db.transaction((tx) => {
    if (input.id) {
      const old = tx.select().from(webhooks).where(eq(webhooks.id, input.id)).get();
      if (!old) throw notFound("Webhook");
      // A webhook being switched off keeps its address unchecked: one the rules now refuse (private
      // networks no longer allowed) must still be disabled, not only deleted with its delivery log.
      if (input.active || input.url !== old.url) refuseIf(webhookUrlRefusal(input.url, urlRules()));
      const after = {
        name: input.name,
        url: input.url,
        events: input.events,
        active: input.active,
        // Enabling again starts the failure count afresh.
        ...(input.active && !old.active ? { consecutiveFailures: 0, disabledAt: null } : {}),
        updatedAt: now,
      };
      tx.update(webhooks).set(after).where(eq(webhooks.id, old.id)).run();
      recordAudit(tx, {
        actorId: actor.id,
        action: "webhook.update",
        entity: "webhook",
        entityId: String(old.id),
        detail: {
          before: { name: old.name, url: old.url, events: old.events, active: old.active },
          after: { name: input.name, url: input.url, events: input.events, active: input.active },
        },
        at: now,
      });
      return { id: old.id, secret: null };
    }
    refuseIf(webhookUrlRefusal(input.url, urlRules()));
    const secret = newSecret();
    const row = tx
      .insert(webhooks)
      .values({
        name: input.name,
        url: input.url,
        secret,
        events: input.events,
        active: input.active,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: webhooks.id })
      .get();
    recordAudit(tx, {
      actorId: actor.id,
      action: "webhook.create",
      entity: "webhook",
      entityId: String(row.id),
      detail: { before: null, after: { name: input.name, url: input.url, events: input.events } },
      at: now,
    });
    return { id: row.id, secret };
  });
}

/**
 * Gives a webhook a new signing secret, answered once (a leaked secret no longer means deleting the
 * webhook and its delivery log). Every delivery sent from now on, retries of earlier events too, is
 * signed with the new one: the signature is made when a delivery is sent.
 */
export function rotateWebhookSecret(db: Db, actor: SessionUser, id: number, now: Date): { secret: string } {
  return db.transaction((tx) => {
    const old = tx.select({ id: webhooks.id, name: webhooks.name }).from(webhooks).where(eq(webhooks.id, id)).get();
    if (!old) throw notFound("Webhook");
    const secret = newSecret();
    tx.update(webhooks).set({ secret, updatedAt: now }).where(eq(webhooks.id, old.id)).run();
    recordAudit(tx, {
      actorId: actor.id,
      action: "webhook.rotateSecret",
      entity: "webhook",
      entityId: String(old.id),
      detail: { name: old.name },
      at: now,
    });
    return { secret };
  });
}

/** Deletes a webhook and its delivery log. */
export function deleteWebhook(db: Db, actor: SessionUser, id: number, now: Date) {
  return db.transaction((tx) => {
    const old = tx.select().from(webhooks).where(eq(webhooks.id, id)).get();
    if (!old) throw notFound("Webhook");
    tx.delete(webhooks).where(eq(webhooks.id, id)).run();
    recordAudit(tx, {
      actorId: actor.id,
      action: "webhook.delete",
      entity: "webhook",
      entityId: String(id),
      detail: { before: { name: old.name, url: old.url, events: old.events }, after: null },
      at: now,
    });
    return { ok: true as const };
  });
}

/** Every webhook (never its secret) with its latest deliveries. */
export function listWebhooks(db: Pick<Db, "select">) {
  return db
    .select()
    .from(webhooks)
    .orderBy(asc(webhooks.name))
    .all()
    .map((w) => ({
      id: w.id,
      name: w.name,
      url: w.url,
      events: w.events,
      active: w.active,
      consecutiveFailures: w.consecutiveFailures,
      disabledAt: w.disabledAt,
      deliveries: db
        .select({
          id: webhookDeliveries.id,
          event: webhookDeliveries.event,
          status: webhookDeliveries.status,
          attempts: webhookDeliveries.attempts,
          responseStatus: webhookDeliveries.responseStatus,
          responseBody: webhookDeliveries.responseBody,
          error: webhookDeliveries.error,
          createdAt: webhookDeliveries.createdAt,
          lastAttemptAt: webhookDeliveries.lastAttemptAt,
          nextAttemptAt: webhookDeliveries.nextAttemptAt,
        })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.webhookId, w.id))
        .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
        .limit(20)
        .all()
        .map((d) => ({
          ...d,
          // A disabled webhook's waiting deliveries are not attempted again (they are logged as not sent).
          nextAttemptAt: d.status === "pending" && w.active ? d.nextAttemptAt : null,
          refusal: notedRefusal(d.error),
        })),
    }));
}

/**
 * One delivery pass (the `webhooks.deliver` job): claims due deliveries and sends them side by side,
 * recording each outcome. They are sent together because the scheduler runs its jobs one after
 * another in a process: sent one by one, a receiver that never answers held the pass for a timeout
 * per queued delivery (fifty of them: over eight minutes), and with it a P0 page's escalation and
 * every other job. Each is checked again before it is sent (the URL, as when saving, and every
 * address its name resolves to now) and sent to the checked address (./send.ts); a refused
 * destination or a failed lookup is a failed attempt, retried like any other. `resolve` and
 * `timeoutMs` for tests. Returns how many were attempted.
 */
export async function deliverWebhooks(
  db: Db,
  now: () => Date,
  resolve: Resolve = resolveHost,
  timeoutMs = TIMEOUT_MS,
): Promise<number> {
  const at = now();
  const due = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.nextAttemptAt, at),
        or(isNull(webhookDeliveries.leaseUntil), lte(webhookDeliveries.leaseUntil, at)),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(BATCH)
    .all();
  const claimed = due.map(({ id }) => claimDelivery(db, id, at)).filter((c) => c !== null);
  const sent = await Promise.all(claimed.map((c) => attemptDelivery(db, c, now, resolve, timeoutMs)));
  return sent.filter(Boolean).length;
}

type Claimed = { d: typeof webhookDeliveries.$inferSelect; hook: typeof webhooks.$inferSelect };

/** Takes a due delivery for this pass (a lease longer than its request), or null when another worker has it. */
function claimDelivery(db: Db, id: number, at: Date): Claimed | null {
  return db.transaction((tx) => {
    const d = tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get();
    if (!d || d.status !== "pending" || (d.leaseUntil && d.leaseUntil > at)) return null;
    const hook = tx.select().from(webhooks).where(eq(webhooks.id, d.webhookId)).get();
    if (!hook) return null;
    tx.update(webhookDeliveries)
      .set({ leaseUntil: new Date(at.getTime() + LEASE_MS) })
      .where(eq(webhookDeliveries.id, id))
      .run();
    return { d, hook };
  });
}

/** Sends one claimed delivery and records the outcome; false when its webhook was disabled meanwhile. */
async function attemptDelivery(
  db: Db,
  { d, hook }: Claimed,
  now: () => Date,
  resolve: Resolve,
  timeoutMs: number,
): Promise<boolean> {
  if (!hook.active) {
    db.update(webhookDeliveries)
      // Noted as a message key, so the log reads it in the admin's language (notedRefusal).
      .set({ status: "failed", error: "webhooks.errors.notSent", leaseUntil: null, nextAttemptAt: null })
      .where(eq(webhookDeliveries.id, d.id))
      .run();
    return false;
  }
  const sentAt = now();
  let ok = false;
  let status: number | null = null;
  let body: string | null = null;
  let error: string | null = null;
  try {
    const rules = urlRules();
    const refusal = webhookUrlRefusal(hook.url, rules);
    if (refusal) throw new DestinationRefused(refusal);
    const url = new URL(hook.url);
    const res = await postTo(url, await checkedAddresses(url, rules, resolve), {
      headers: {
        "content-type": "application/json",
        "user-agent": "Attain-Webhooks/1",
        "x-attain-event": d.event,
        "x-attain-delivery": String(d.id),
        "x-attain-signature": signatureHeader(hook.secret, d.payload, sentAt),
      },
      body: d.payload,
      timeoutMs,
      keep: RESPONSE_KEEP,
    });
    status = res.status;
    body = res.body;
    ok = res.status >= 200 && res.status < 300;
    if (!ok) error = `HTTP ${res.status}`;
  } catch (err) {
    error =
      err instanceof DestinationRefused
        ? refusalNote(err.refusal)
        : (err instanceof Error ? err.message : String(err)).slice(0, 500);
  }
  recordAttempt(db, { delivery: d, hook, ok, status, body, error }, sentAt);
  return true;
}

function recordAttempt(
  db: Db,
  r: {
    delivery: typeof webhookDeliveries.$inferSelect;
    hook: typeof webhooks.$inferSelect;
    ok: boolean;
    status: number | null;
    body: string | null;
    error: string | null;
  },
  at: Date,
): void {
  db.transaction((tx) => {
    const attempts = r.delivery.attempts + 1;
    const retryAt = r.ok ? null : nextAttemptAt(attempts, at);
    const status = r.ok ? "delivered" : retryAt ? "pending" : "failed";
    tx.update(webhookDeliveries)
      .set({
        status,
        attempts,
        lastAttemptAt: at,
        nextAttemptAt: retryAt,
        leaseUntil: null,
        responseStatus: r.status,
        responseBody: r.body,
        error: r.error,
        deliveredAt: r.ok ? at : null,
      })
      .where(eq(webhookDeliveries.id, r.delivery.id))
      .run();
    if (r.ok) {
      tx.update(webhooks).set({ consecutiveFailures: 0 }).where(eq(webhooks.id, r.hook.id)).run();
      return;
    }
    if (status !== "failed") return;
    const hook = tx
      .update(webhooks)
      .set({ consecutiveFailures: sql`${webhooks.consecutiveFailures} + 1` })
      .where(eq(webhooks.id, r.hook.id))
      .returning()
      .get();
    // No row: the webhook was deleted while this attempt was under way.
    if (hook?.active && hook.consecutiveFailures >= DISABLE_AFTER_FAILURES) disable(tx, hook, at);
  });
}

function disable(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], hook: typeof webhooks.$inferSelect, at: Date) {
  tx.update(webhooks).set({ active: false, disabledAt: at, updatedAt: at }).where(eq(webhooks.id, hook.id)).run();
  recordAudit(tx, {
    actorId: null,
    action: "webhook.disabled",
    entity: "webhook",
    entityId: String(hook.id),
    detail: { before: { active: true }, after: { active: false }, failures: hook.consecutiveFailures },
    at,
  });
  const admins = tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true)))
    .all();
  for (const a of admins) {
    tx.insert(notifications).values({ userId: a.id, ticketId: null, kind: "webhook_disabled", createdAt: at }).run();
    queueOnCallMail(
      tx,
      a.email,
      "webhookDisabled",
      a.locale,
      { name: hook.name, url: hook.url, failures: hook.consecutiveFailures, link: portalLink("/admin/webhooks") },
      at,
    );
  }
}
