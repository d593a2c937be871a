import { and, eq, inArray, ne } from "drizzle-orm";
import { notifications, outbox, tickets, users, watchers } from "@/db/schema";
import type { NotificationKind } from "@/db/schema/enums";
import type { Db } from "@/server/db";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Tells the requester and watchers of a ticket (never the actor) that something happened, in the
 * same transaction as the change: an in-app notification each, and an email in the outbox, which
 * is sent through SMTP when SMTP_URL is set and otherwise readable by admins in the portal.
 */
export function notifyTicketPeople(tx: Tx, ticketId: number, actorId: number, kind: NotificationKind, now: Date): void {
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
  notifyUsers(tx, ids, { ticketId, kind, subject: `[#${ticketId}] ${ticket.subject}`, now });
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
export function notifyStaff(tx: Tx, ids: number[], ticketId: number, kind: NotificationKind, now: Date): void {
  const ticket = tx.select({ subject: tickets.subject }).from(tickets).where(eq(tickets.id, ticketId)).get();
  notifyUsers(tx, ids, { ticketId, kind, subject: `[#${ticketId}] ${ticket?.subject ?? ""}`, now });
}

function notifyUsers(
  tx: Tx,
  ids: number[],
  n: { ticketId: number; kind: NotificationKind; subject: string; now: Date },
): void {
  if (ids.length === 0) return;
  const people = tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ids)).all();
  for (const p of people) {
    tx.insert(notifications).values({ userId: p.id, ticketId: n.ticketId, kind: n.kind, createdAt: n.now }).run();
    tx.insert(outbox)
      .values({
        to: p.email,
        subject: n.subject,
        body: `Ticket #${n.ticketId}: ${n.kind.replace(/_/g, " ")}.`,
        createdAt: n.now,
      })
      .run();
  }
}
