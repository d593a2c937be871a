/**
 * Notification mail as each person wants it (preferences.ts): queued in the outbox inside the
 * caller's transaction, threaded into its ticket (addresses.ts) and composed in the recipient's
 * language with text and HTML parts (compose.ts). Delivery runs after commit (server/notifications).
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { notificationPreferences, outbox } from "@/db/schema";
import type { Locale, NotificationDelivery, NotificationKind, NotificationTopic, Role } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import { portalLink } from "@/server/identity/mail";
import { replyAddress, ticketMessageId, ticketRootMessageId } from "./addresses";
import {
  composeAcknowledgement,
  composeTicketMail,
  type ComposedMail,
  type MailThread,
  type TicketChange,
} from "./compose";
import { mailConfig } from "./config";
import { deliveryFor } from "./preferences";

type Tx = Pick<Db, "select" | "insert">;

export type MailRecipient = { id: number; email: string; role: Role; locale: Locale | null };

/** A person's chosen deliveries (topics they never chose are absent). */
export function chosenDeliveries(db: Pick<Db, "select">, userId: number) {
  const chosen: Partial<Record<NotificationTopic, NotificationDelivery>> = {};
  for (const p of db
    .select({ topic: notificationPreferences.topic, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId))
    .all())
    chosen[p.topic] = p.delivery;
  return chosen;
}

/** The link in every mail to the recipient's notification settings. */
export const preferencesLink = (): string => portalLink("/account#notifications");

/** The thread of a new mail about a ticket: its own id, the ticket's root id, and the reply address. */
export function newThread(ticketId: number, now: Date): MailThread {
  const c = mailConfig();
  const unique = `${now.getTime().toString(36)}.${randomBytes(6).toString("hex")}`;
  return {
    messageId: ticketMessageId(ticketId, c.key, c.domain, unique),
    rootId: ticketRootMessageId(ticketId, c.key, c.domain),
    replyTo: replyAddress(c.supportAddresses[0]!, ticketId, c.key),
  };
}

function queue(tx: Tx, to: string, mail: ComposedMail, ticketId: number | null, now: Date): void {
  tx.insert(outbox)
    .values({
      to,
      subject: mail.subject,
      body: mail.text,
      html: mail.html,
      headers: mail.headers,
      ticketId,
      createdAt: now,
    })
    .run();
}

/**
 * Queues the mail of a ticket notification when the recipient gets this kind by email (not when
 * they chose the portal only or the digest). Returns whether a mail was queued.
 */
export function queueTicketNotificationMail(
  tx: Tx,
  recipient: MailRecipient,
  n: {
    kind: NotificationKind;
    ticket: { id: number; subject: string };
    comment?: { author: string; text: string } | null;
    change?: TicketChange | null;
  },
  now: Date,
): boolean {
  if (deliveryFor(recipient.role, n.kind, chosenDeliveries(tx, recipient.id)) !== "email") return false;
  const mail = composeTicketMail({
    locale: recipient.locale,
    kind: n.kind,
    ticket: n.ticket,
    comment: n.comment,
    change: n.change,
    ticketLink: portalLink(`/tickets/${n.ticket.id}`),
    preferencesLink: preferencesLink(),
    thread: newThread(n.ticket.id, now),
  });
  queue(tx, recipient.email, mail, n.ticket.id, now);
  return true;
}

/** Queues the acknowledgement of a ticket opened by email, answering the customer's own message. */
export function queueAcknowledgement(
  tx: Tx,
  recipient: MailRecipient,
  ticket: { id: number; subject: string },
  inReplyTo: string | null,
  now: Date,
): void {
  const mail = composeAcknowledgement({
    locale: recipient.locale,
    ticket,
    inReplyTo,
    ticketLink: portalLink(`/tickets/${ticket.id}`),
    preferencesLink: preferencesLink(),
    thread: newThread(ticket.id, now),
  });
  queue(tx, recipient.email, mail, ticket.id, now);
}
