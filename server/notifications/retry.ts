/**
 * When an outbox message is delivered through SMTP, and when it is retried after a failure. Pure:
 * the delivery service reads each message's attempts (recorded in the audit log) and asks here.
 */

/** After this many failed attempts a message stays in the outbox as failed and is not retried. */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** Messages older than this are no longer picked up by a delivery pass (they stay readable in the outbox). */
export const DELIVERY_WINDOW_MS = 24 * 3_600_000;

/**
 * How long a worker's claim on a message lasts. A worker claims a message in the database before
 * sending it, so no two workers send it; if the worker dies mid-send, the claim runs out and another
 * worker retries the message. Longer than one send may take (the SMTP timeouts in mailer.ts).
 */
export const DELIVERY_LEASE_MS = 5 * 60_000;
/** The rate_counters key prefix of delivery claims (one row per message being sent). */
export const DELIVERY_LEASE_PREFIX = "outbox-lease:";

/** The lease row's key of one outbox message. */
export const deliveryLeaseKey = (outboxId: number): string => `${DELIVERY_LEASE_PREFIX}${outboxId}`;

export type DeliveryState = {
  sentAt: Date | null;
  attempts: number;
  lastAttemptAt: Date | null;
  lastError: string | null;
};
export type DeliveryStatus = "sent" | "pending" | "failed";

/** Sent once delivered; failed once an attempt failed (whether or not a retry is still coming); else pending. */
export function deliveryStatus(s: DeliveryState): DeliveryStatus {
  if (s.sentAt) return "sent";
  return s.attempts > 0 ? "failed" : "pending";
}

/**
 * When the next attempt may run: at once for a message never tried, then after 1, 2, 4, 8 minutes
 * (doubling from the last attempt), so a mail server that is down for a moment is not hammered and
 * one that is down for long is given up on after MAX_DELIVERY_ATTEMPTS. Null: never again.
 */
export function nextAttemptAt(s: DeliveryState & { createdAt: Date }): Date | null {
  if (s.sentAt || s.attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  if (s.attempts === 0 || !s.lastAttemptAt) return s.createdAt;
  return new Date(s.lastAttemptAt.getTime() + 60_000 * 2 ** (s.attempts - 1));
}

/** True when a delivery pass at `now` should try this message. */
export function isDeliveryDue(s: DeliveryState & { createdAt: Date }, now: Date): boolean {
  const next = nextAttemptAt(s);
  return (
    next !== null && next.getTime() <= now.getTime() && now.getTime() - s.createdAt.getTime() <= DELIVERY_WINDOW_MS
  );
}
