/**
 * The email channel's scheduled jobs (server/scheduler): the daily digest, and polling the IMAP
 * mailbox when IMAP_URL is set.
 */
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { notifications, outbox, tickets, users } from "@/db/schema";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { portalLink } from "@/server/identity/mail";
import { scheduleOutboxDelivery } from "@/server/notifications/mailer";
import type { ScheduledJob } from "@/server/scheduler/service";
import { composeDigest } from "./compose";
import { pollImap } from "./imap";
import { chosenDeliveries, preferencesLink } from "./outbound";
import { deliveryFor } from "./preferences";

const DAY_MS = 24 * 3_600_000;
const DIGEST_HEADER = "X-Attain-Digest";

/**
 * One digest pass over the notifications of (since, now]: each person with any of them set to the
 * digest gets one mail listing them. A pass run again for the same period (a crash before the
 * watermark was written) finds its digest already queued (its header names person and period) and
 * queues nothing twice. Returns how many digests were queued.
 */
export function sendDigests(db: Db, now: Date, since: Date | null): number {
  const from = since ?? new Date(now.getTime() - DAY_MS);
  const rows = db
    .select({
      userId: notifications.userId,
      kind: notifications.kind,
      ticketId: notifications.ticketId,
      subject: tickets.subject,
      role: users.role,
      email: users.email,
      locale: users.locale,
      active: sql<number>`${users.deactivatedAt} is null`,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(tickets, eq(tickets.id, notifications.ticketId))
    .where(and(gt(notifications.createdAt, from), lte(notifications.createdAt, now)))
    .orderBy(notifications.createdAt, notifications.id)
    .all();
  const byUser = new Map<number, typeof rows>();
  for (const r of rows) if (r.active) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
  let queued = 0;
  db.transaction(
    (tx) => {
      for (const [userId, items] of byUser) {
        const chosen = chosenDeliveries(tx, userId);
        const digest = items.filter((i) => deliveryFor(i.role, i.kind, chosen) === "digest");
        if (digest.length === 0) continue;
        const mark = `${userId}:${from.getTime()}`;
        const done = tx
          .select({ id: outbox.id })
          .from(outbox)
          .where(sql`json_extract(${outbox.headers}, '$."${sql.raw(DIGEST_HEADER)}"') = ${mark}`)
          .get();
        if (done) continue;
        const mail = composeDigest({
          locale: items[0]!.locale,
          items: digest.map((i) => ({
            kind: i.kind,
            ticketId: i.ticketId,
            subject: i.subject,
            link: portalLink(i.ticketId ? `/tickets/${i.ticketId}` : "/notifications"),
          })),
          preferencesLink: preferencesLink(),
        });
        tx.insert(outbox)
          .values({
            to: items[0]!.email,
            subject: mail.subject,
            body: mail.text,
            html: mail.html,
            headers: { ...mail.headers, [DIGEST_HEADER]: mark },
            createdAt: now,
          })
          .run();
        queued += 1;
      }
    },
    { behavior: "immediate" },
  );
  if (queued > 0) scheduleOutboxDelivery(db, () => new Date());
  return queued;
}

export const digestJob: ScheduledJob = {
  name: "email.digest",
  everyMs: DAY_MS,
  run: (db, now, ctx) => {
    sendDigests(db, now, ctx.since);
  },
};

/** Polls the IMAP mailbox every minute (nothing without IMAP_URL). */
export const imapPollJob: ScheduledJob = {
  name: "email.imap-poll",
  everyMs: 60_000,
  leaseMs: 10 * 60_000,
  run: async (db, now) => {
    if (env.IMAP_URL) await pollImap(db, env.IMAP_URL, () => new Date(now));
  },
};
