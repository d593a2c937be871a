/**
 * Staff's side of received mail: the unmatched list (mail from addresses of nobody we know), where
 * an agent opens a ticket for a customer from a message or discards it; the log of what became of
 * recent mail; the original message as a download. And everyone's notification preferences.
 */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { inboundMail, notificationPreferences, outbox, users } from "@/db/schema";
import { NOTIFICATION_TOPICS, type NotificationDelivery, type NotificationTopic } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError, notFound } from "@/server/errors";
import { scheduleOutboxDelivery } from "@/server/notifications/mailer";
import {
  discardUnclaimed,
  mailFilesNote,
  mailMarkdown,
  notYetOnTicket,
  openTicketFromMail,
  parseMail,
  ticketSubject,
  uploadMailFiles,
} from "./inbound";
import { chosenDeliveries, queueAcknowledgement } from "./outbound";
import { defaultDelivery, topicsFor } from "./preferences";

const PREVIEW_CHARS = 600;

/** Unmatched mail, oldest first (the order to work it in), with a preview of each message's text. */
export async function listUnmatched(db: Db, limit: number) {
  const rows = db
    .select({
      id: inboundMail.id,
      receivedAt: inboundMail.receivedAt,
      fromAddress: inboundMail.fromAddress,
      fromName: inboundMail.fromName,
      subject: inboundMail.subject,
      size: inboundMail.size,
      raw: inboundMail.raw,
    })
    .from(inboundMail)
    .where(eq(inboundMail.outcome, "unmatched"))
    .orderBy(inboundMail.receivedAt, inboundMail.id)
    .limit(limit)
    .all();
  return Promise.all(
    rows.map(async ({ raw, ...r }) => {
      const parsed = raw ? await parseMail(raw) : null;
      const text = parsed ? mailMarkdown(parsed, false) : "";
      return { ...r, preview: text.slice(0, PREVIEW_CHARS) };
    }),
  );
}

/** The most recent received mail and what became of it (ticket, comment, held, ignored and why). */
export function listRecentMail(db: Db, limit: number) {
  return db
    .select({
      id: inboundMail.id,
      receivedAt: inboundMail.receivedAt,
      via: inboundMail.via,
      fromAddress: inboundMail.fromAddress,
      subject: inboundMail.subject,
      outcome: inboundMail.outcome,
      reason: inboundMail.reason,
      ticketId: inboundMail.ticketId,
      hasOriginal: sql<number>`${inboundMail.raw} is not null`.mapWith(Boolean),
    })
    .from(inboundMail)
    .orderBy(desc(inboundMail.receivedAt), desc(inboundMail.id))
    .limit(limit)
    .all();
}

/** The original message (for staff), or null when there is none (discarded, or no such message). */
export function originalMessage(db: Pick<Db, "select">, id: number): { raw: Buffer; subject: string } | null {
  const row = db
    .select({ raw: inboundMail.raw, subject: inboundMail.subject })
    .from(inboundMail)
    .where(eq(inboundMail.id, id))
    .get();
  return row?.raw ? { raw: row.raw, subject: row.subject } : null;
}

function unmatchedRow(db: Pick<Db, "select">, id: number) {
  const row = db.select().from(inboundMail).where(eq(inboundMail.id, id)).get();
  if (!row) throw notFound("Message");
  if (row.outcome !== "unmatched")
    throw new DomainError(
      "CONFLICT",
      "This message was already attached or discarded.",
      "emailChannel.errors.notUnmatched",
    );
  return row;
}

/**
 * Opens a ticket from an unmatched message for the customer an agent names: filed by the agent on
 * the customer's behalf (channel email, clocked from the message's arrival), with the message's
 * files, and acknowledged to the customer. The message is marked attached, in the same transaction.
 */
export async function attachUnmatched(
  db: Db,
  staff: SessionUser,
  input: { id: number; requesterEmail: string },
  now: Date,
): Promise<{ ticketId: number }> {
  const row = unmatchedRow(db, input.id);
  const requester = db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${input.requesterEmail.trim().toLowerCase()}`, isNull(users.deactivatedAt)))
    .get();
  if (!requester || requester.role !== "customer" || requester.organizationId === null)
    throw new DomainError(
      "INVALID",
      "No customer account has this email address.",
      "emailChannel.errors.requesterUnknown",
    );
  const parsed = row.raw ? await parseMail(row.raw) : null;
  const mail = parsed ?? { subject: row.subject, text: "", html: false as const, attachments: [] };
  const files = await uploadMailFiles(db, staff, { attachments: parsed?.attachments ?? [] }, now);
  const requesterUser: SessionUser = {
    id: requester.id,
    role: requester.role,
    organizationId: requester.organizationId,
    name: requester.name,
    email: requester.email,
  };
  let ticketId: number;
  try {
    ticketId = db.transaction(
      (tx) => {
        unmatchedRow(tx, input.id);
        const fresh = notYetOnTicket(tx, null, files);
        const id = openTicketFromMail(
          tx,
          requesterUser,
          mail,
          { ids: fresh.ids, note: (refused) => mailFilesNote(requester.locale, fresh, refused) },
          row.receivedAt,
          staff,
        );
        tx.update(inboundMail)
          .set({
            outcome: "attached",
            ticketId: id,
            organizationId: requester.organizationId,
            handledById: staff.id,
            handledAt: now,
          })
          .where(eq(inboundMail.id, input.id))
          .run();
        queueAcknowledgement(tx, requester, { id, subject: ticketSubject(mail.subject) }, null, now);
        recordAudit(tx, {
          actorId: staff.id,
          action: "email.attach",
          entity: "inbound_mail",
          entityId: String(input.id),
          detail: {
            before: { outcome: "unmatched" },
            after: { outcome: "attached", ticketId: id, requesterId: requester.id },
          },
          at: now,
        });
        return id;
      },
      { behavior: "immediate" },
    );
  } finally {
    // The staff member's copies of the mail's files that the ticket did not take (or all, if it failed).
    discardUnclaimed(db, staff, files.ids);
  }
  scheduleOutboxDelivery(db, () => new Date());
  return { ticketId };
}

/** Discards an unmatched message: it stays in the log as discarded, its content is deleted. */
export function discardUnmatched(db: Db, staff: SessionUser, id: number, now: Date): void {
  db.transaction(
    (tx) => {
      const row = unmatchedRow(tx, id);
      tx.update(inboundMail)
        .set({ outcome: "discarded", raw: null, handledById: staff.id, handledAt: now })
        .where(eq(inboundMail.id, id))
        .run();
      recordAudit(tx, {
        actorId: staff.id,
        action: "email.discard",
        entity: "inbound_mail",
        entityId: String(id),
        detail: {
          before: { outcome: "unmatched", from: row.fromAddress, subject: row.subject },
          after: { outcome: "discarded" },
        },
        at: now,
      });
    },
    { behavior: "immediate" },
  );
}

/** A person's delivery for every topic: their choice, else their role's default. */
export function getPreferences(db: Pick<Db, "select">, user: SessionUser) {
  const chosen = chosenDeliveries(db, user.id);
  return topicsFor(user.role, NOTIFICATION_TOPICS).map((topic) => ({
    topic,
    delivery: chosen[topic] ?? defaultDelivery(user.role, topic),
    isDefault: chosen[topic] === undefined,
  }));
}

/** Saves a person's choices (only their own), audited with before and after. */
export function setPreferences(
  db: Db,
  user: SessionUser,
  choices: { topic: NotificationTopic; delivery: NotificationDelivery }[],
  now: Date,
): void {
  db.transaction(
    (tx) => {
      const before = chosenDeliveries(tx, user.id);
      for (const c of choices)
        tx.insert(notificationPreferences)
          .values({ userId: user.id, topic: c.topic, delivery: c.delivery, updatedAt: now })
          .onConflictDoUpdate({
            target: [notificationPreferences.userId, notificationPreferences.topic],
            set: { delivery: c.delivery, updatedAt: now },
          })
          .run();
      recordAudit(tx, {
        actorId: user.id,
        action: "notifications.preferences",
        entity: "user",
        entityId: String(user.id),
        detail: { before, after: chosenDeliveries(tx, user.id) },
        at: now,
      });
    },
    { behavior: "immediate" },
  );
}

/**
 * An administrator sends a message that failed again: a copy is queued (same recipient, text, HTML
 * and threading headers, so it threads where the original would have) and delivered at once; the
 * failed original stays in the outbox with its attempts, and the audit log links the two.
 */
export function retryOutboxMessage(db: Db, admin: SessionUser, id: number, now: Date): { id: number } {
  const copy = db.transaction(
    (tx) => {
      const row = tx.select().from(outbox).where(eq(outbox.id, id)).get();
      if (!row) throw notFound("Message");
      if (row.sentAt)
        throw new DomainError("CONFLICT", "This message was already sent.", "emailChannel.errors.alreadySent");
      const { id: newId } = tx
        .insert(outbox)
        .values({
          to: row.to,
          subject: row.subject,
          body: row.body,
          html: row.html,
          headers: row.headers,
          ticketId: row.ticketId,
          createdAt: now,
        })
        .returning({ id: outbox.id })
        .get();
      recordAudit(tx, {
        actorId: admin.id,
        action: "email.retry",
        entity: "outbox_message",
        entityId: String(id),
        detail: { before: { id }, after: { id: newId }, to: row.to },
        at: now,
      });
      return { id: newId };
    },
    { behavior: "immediate" },
  );
  scheduleOutboxDelivery(db, () => new Date());
  return copy;
}
