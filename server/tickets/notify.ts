import { and, eq, inArray, ne } from "drizzle-orm";
import { notifications, tickets, users, watchers } from "@/db/schema";
import type { NotificationKind } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import type { TicketChange } from "@/server/email/compose";
import { queueTicketNotificationMail } from "@/server/email/outbound";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Tells the requester and watchers of a ticket (never the actor) that something happened, in the
 * same transaction as the change: an in-app notification each, and an email in the outbox for those
 * who get this kind by email (server/email/preferences.ts), threaded into the ticket, carrying the
 * comment's text when there is one and the new status or priority a change set (in words); sent
 * through SMTP when SMTP_URL is set, else readable by admins.
 */
export function notifyTicketPeople(
  tx: Tx,
  ticketId: number,
  actorId: number,
  kind: NotificationKind,
  now: Date,
  comment?: string,
  change?: TicketChange,
): void {
  const ticket = tx
    .select({ requesterId: tickets.requesterId, subject: tickets.subject })
    .from(tickets)
    .where(eq(tickets.id, ticketId))
    .get();
  if (!ticket) return;
  const watcherIds = tx
    .select({ userId: watchers.userId })
    .from(watchers)
    .where(eq(watchers.ticketId, ticketId))
    .all()
    .map((w) => w.userId);
  const ids = [...new Set([ticket.requesterId, ...watcherIds])].filter((id) => id !== actorId);
  const author = comment
    ? tx.select({ name: users.name }).from(users).where(eq(users.id, actorId)).get()?.name
    : undefined;
  notifyUsers(tx, ids, {
    ticketId,
    kind,
    subject: ticket.subject,
    comment: comment && author ? { author, text: comment } : null,
    change,
    now,
  });
}

/** Tells everyone of a staff role: experts for L2 escalations; managers for L3, complaints and disputes. */
export function notifyRole(
  tx: Tx,
  role: "expert" | "manager",
  ticketId: number,
  actorId: number,
  kind: NotificationKind,
  now: Date,
): void {
  const ids = tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, role), ne(users.id, actorId)))
    .all()
    .map((u) => u.id);
  notifyStaff(tx, ids, ticketId, kind, now);
}

/** Tells the given staff members (e.g. the assignee when the customer answers). */
export function notifyStaff(
  tx: Tx,
  ids: number[],
  ticketId: number,
  kind: NotificationKind,
  now: Date,
  comment?: { author: string; text: string },
): void {
  const ticket = tx.select({ subject: tickets.subject }).from(tickets).where(eq(tickets.id, ticketId)).get();
  notifyUsers(tx, ids, { ticketId, kind, subject: ticket?.subject ?? "", comment, now });
}

function notifyUsers(
  tx: Tx,
  ids: number[],
  n: {
    ticketId: number;
    kind: NotificationKind;
    subject: string;
    comment?: { author: string; text: string } | null;
    change?: TicketChange;
    now: Date;
  },
): void {
  if (ids.length === 0) return;
  const people = tx
    .select({ id: users.id, email: users.email, role: users.role, locale: users.locale })
    .from(users)
    .where(inArray(users.id, ids))
    .all();
  for (const p of people) {
    tx.insert(notifications).values({ userId: p.id, ticketId: n.ticketId, kind: n.kind, createdAt: n.now }).run();
    queueTicketNotificationMail(
      tx,
      p,
      { kind: n.kind, ticket: { id: n.ticketId, subject: n.subject }, comment: n.comment, change: n.change },
      n.now,
    );
  }
}
