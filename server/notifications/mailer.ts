/**
 * The SMTP side of the outbox: configured by SMTP_URL (server/env.ts); without it there is no
 * transport and messages simply stay in the outbox, where admins read them. Delivery passes run
 * after the write that produced the mail has committed, one at a time per process; a failed
 * message schedules a retry pass for when its next attempt falls due. Each server process (worker)
 * runs its own passes; delivery.ts claims every message in the database first, so workers never
 * send one twice, and each worker runs one pass when it starts (instrumentation.ts), which picks up
 * the retries and the claims of a worker that died.
 */
import nodemailer from "nodemailer";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { getDb } from "@/server/db";
import { deliverOutbox, type MailTransport } from "./delivery";

let transport: MailTransport | null | undefined;

/** The SMTP transport, or null when SMTP_URL is not set. */
export function smtpTransport(): MailTransport | null {
  // The timeouts bound one send well inside a delivery claim (DELIVERY_LEASE_MS in retry.ts).
  if (transport === undefined)
    transport = env.SMTP_URL
      ? nodemailer.createTransport({
          url: env.SMTP_URL,
          connectionTimeout: 30_000,
          greetingTimeout: 30_000,
          socketTimeout: 60_000,
        })
      : null;
  return transport;
}

export const smtpConfigured = (): boolean => Boolean(env.SMTP_URL);

let running: Promise<void> | null = null;
let again = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * Starts a delivery pass once the current call stack (and with it the caller's committed
 * transaction) is done. Calls while a pass runs fold into one more pass afterwards.
 */
export function scheduleOutboxDelivery(db: Db, now: () => Date): void {
  const tr = smtpTransport();
  if (!tr) return;
  if (running) {
    again = true;
    return;
  }
  running = new Promise<void>((resolve) => setImmediate(resolve))
    .then(async () => {
      do {
        again = false;
        const pass = await deliverOutbox(db, tr, { now, from: env.MAIL_FROM });
        if (pass.retryAt) {
          if (retryTimer) clearTimeout(retryTimer);
          retryTimer = setTimeout(
            () => scheduleOutboxDelivery(db, now),
            Math.max(1000, pass.retryAt.getTime() - now().getTime()),
          );
          retryTimer.unref();
        }
      } while (again);
    })
    .catch((err: unknown) => console.error("outbox delivery failed", err))
    .finally(() => {
      running = null;
    });
}

/** Runs the result of a committed write, then starts delivering any mail it queued. */
export function deliveringMail<T>(ctx: { db: Db; now: () => Date }, write: () => T): T {
  const result = write();
  scheduleOutboxDelivery(ctx.db, ctx.now);
  return result;
}

/** A delivery pass when a server process starts (instrumentation.ts); nothing without SMTP_URL. */
export function deliverOnStart(): void {
  if (smtpConfigured()) scheduleOutboxDelivery(getDb(), () => new Date());
}
