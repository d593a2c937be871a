import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { INBOUND_MAIL_OUTCOMES, NOTIFICATION_DELIVERIES, NOTIFICATION_TOPICS } from "./enums";
import { organizations, users } from "./organizations";
import { tickets } from "./tickets";

const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * Every message the portal received (SMTP listener or IMAP mailbox), with what became of it: a
 * ticket, a comment, held as unmatched until an agent attaches or discards it, or ignored (an
 * auto-reply, a bounce, list traffic, a duplicate Message-ID) with the reason. The original message
 * is kept (`raw`) so staff can download it whole, whatever was trimmed from the comment.
 */
export const inboundMail = sqliteTable(
  "inbound_mail",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    receivedAt: ts("received_at").notNull(),
    via: text("via", { enum: ["smtp", "imap"] }).notNull(),
    messageId: text("message_id"),
    envelopeFrom: text("envelope_from"),
    fromAddress: text("from_address"),
    fromName: text("from_name"),
    recipients: text("recipients").notNull(),
    subject: text("subject").notNull(),
    size: integer("size").notNull(),
    outcome: text("outcome", { enum: INBOUND_MAIL_OUTCOMES }).notNull(),
    /** Why it was ignored or held (auto_reply, bounce, list, duplicate, unknown_sender, ...). */
    reason: text("reason"),
    ticketId: integer("ticket_id").references(() => tickets.id, { onDelete: "set null" }),
    commentId: integer("comment_id"),
    senderId: integer("sender_id").references(() => users.id),
    organizationId: integer("organization_id").references(() => organizations.id),
    /** Who attached or discarded an unmatched message, and when. */
    handledById: integer("handled_by_id").references(() => users.id),
    handledAt: ts("handled_at"),
    raw: blob("raw", { mode: "buffer" }),
  },
  (t) => [
    index("inbound_mail_message_id_idx").on(t.messageId).where(sql.raw(`"message_id" is not null`)),
    index("inbound_mail_outcome_idx").on(t.outcome, t.receivedAt),
    index("inbound_mail_ticket_idx").on(t.ticketId).where(sql.raw(`"ticket_id" is not null`)),
  ],
);

/** How a person wants each topic of notification: in the portal only, by email, or in a daily digest. */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    topic: text("topic", { enum: NOTIFICATION_TOPICS }).notNull(),
    delivery: text("delivery", { enum: NOTIFICATION_DELIVERIES }).notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topic] })],
);
