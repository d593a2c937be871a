import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ATTACHMENT_KINDS } from "./enums";
import { organizations, users } from "./organizations";
import { comments, tickets } from "./tickets";

const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * A file stored but not yet part of a ticket: the upload endpoint streams it to the attachment store
 * and records it here; filing, a reply or a note claims it (deletes this row and inserts an
 * attachment) in the comment's own transaction. Unclaimed uploads expire (server/attachments/service.ts).
 */
export const uploads = sqliteTable(
  "uploads",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    uploaderId: integer("uploader_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    contentType: text("content_type").notNull(),
    kind: text("kind", { enum: ATTACHMENT_KINDS }).notNull(),
    size: integer("size").notNull(),
    /** The SHA-256 of the content, hex: the key of the file in the store (content-addressed). */
    sha256: text("sha256").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index("uploads_uploader_idx").on(t.uploaderId, t.createdAt), index("uploads_sha_idx").on(t.sha256)],
);

/**
 * A file of a ticket: of its description (no comment) or of one comment. `internal` copies the
 * comment's visibility so a customer's listing never joins comments. A removed (redacted) file keeps
 * its row with who removed it and why; its content is deleted from the store when nothing else uses it.
 */
export const attachments = sqliteTable(
  "attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ticketId: integer("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    commentId: integer("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    uploaderId: integer("uploader_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    contentType: text("content_type").notNull(),
    kind: text("kind", { enum: ATTACHMENT_KINDS }).notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    internal: integer("internal", { mode: "boolean" }).notNull().default(false),
    createdAt: ts("created_at").notNull(),
    removedAt: ts("removed_at"),
    removedById: integer("removed_by_id").references(() => users.id),
    removalReason: text("removal_reason"),
  },
  (t) => [
    index("attachments_ticket_idx").on(t.ticketId, t.createdAt),
    index("attachments_sha_idx").on(t.sha256).where(sql.raw(`"removed_at" is null`)),
  ],
);

/** Settings an administrator changes at run time, one row per key, the value as JSON. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).$type<unknown>().notNull(),
  updatedAt: ts("updated_at").notNull(),
  updatedById: integer("updated_by_id").references(() => users.id),
});
