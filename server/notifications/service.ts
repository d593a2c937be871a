import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { incidents, notifications, outbox, tickets } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { perDatabase, type Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { withDeliveryState } from "./delivery";

/**
 * The two reads behind every page's header (its unread count) and the notifications page, prepared
 * once per database: built by Drizzle on each call they cost about 0.5 ms of every page (issue 25).
 */
const notificationReads = perDatabase((db: Db) => ({
  items: db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      ticketId: notifications.ticketId,
      incidentId: notifications.incidentId,
      subject: sql<string | null>`coalesce(${tickets.subject}, ${incidents.title})`,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(tickets, eq(tickets.id, notifications.ticketId))
    .leftJoin(incidents, eq(incidents.id, notifications.incidentId))
    .where(eq(notifications.userId, sql.placeholder("user")))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
  unread: db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder("user")), isNull(notifications.readAt)))
    .prepare(),
}));

/** The signed-in user's own notifications, newest first, with the unread count. */
export function listNotifications(db: Db, user: SessionUser, limit: number) {
  const reads = notificationReads(db);
  const items = reads.items.all({ user: user.id, limit });
  const unread = reads.unread.get({ user: user.id });
  return { items, unread: unread?.n ?? 0 };
}

/** Marks all of the user's notifications read; never touches anybody else's. */
export function markAllRead(db: Db, user: SessionUser, now: Date): { updated: number } {
  const res = db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)))
    .run();
  return { updated: res.changes };
}

/**
 * Marks one of the user's notifications read (opening it, or its own button); already read stays as
 * it was. Anybody else's notification "does not exist".
 */
export function markRead(db: Db, user: SessionUser, id: number, now: Date): { updated: number } {
  return db.transaction(
    (tx) => {
      const row = tx
        .select({ readAt: notifications.readAt })
        .from(notifications)
        .where(and(eq(notifications.id, id), eq(notifications.userId, user.id)))
        .get();
      if (!row) throw notFound("Notification");
      if (row.readAt) return { updated: 0 };
      const res = tx.update(notifications).set({ readAt: now }).where(eq(notifications.id, id)).run();
      return { updated: res.changes };
    },
    { behavior: "immediate" },
  );
}

/**
 * The email outbox, newest first, for admins: without SMTP it is where mail is read; with SMTP each
 * message shows whether it was sent, or failed (attempts and the last error) and awaits a retry.
 */
export function listOutbox(db: Db, limit: number) {
  const rows = db.select().from(outbox).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(limit).all();
  return withDeliveryState(db, rows);
}
