/**
 * Queues an event for every active webhook that subscribed to its kind, inside the caller's
 * transaction (a rolled-back change sends nothing). The delivery job (./service.ts) sends them.
 */
import { eq } from "drizzle-orm";
import { webhookDeliveries, webhooks } from "@/db/schema";
import type { WebhookEvent } from "@/db/schema/enums";
import type { Db } from "@/server/db";

type Writer = Pick<Db, "select" | "insert">;

/** Queues `data` as event `event` for each subscribed webhook; returns how many deliveries were queued. */
export function enqueueWebhookEvent(tx: Writer, event: WebhookEvent, data: Record<string, unknown>, now: Date): number {
  const hooks = tx
    .select({ id: webhooks.id, events: webhooks.events })
    .from(webhooks)
    .where(eq(webhooks.active, true))
    .all()
    .filter((h) => h.events.includes(event));
  for (const h of hooks) {
    const payload = JSON.stringify({ event, occurredAt: now.toISOString(), data });
    tx.insert(webhookDeliveries)
      .values({ webhookId: h.id, event, payload, status: "pending", nextAttemptAt: now, createdAt: now })
      .run();
  }
  return hooks.length;
}
