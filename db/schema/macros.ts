import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { MACRO_STATUSES, TICKET_CATEGORIES } from "./enums";
import { users } from "./organizations";

const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * Macros (canned replies) of the ticket page: shared ones (no owner, kept by managers and admins)
 * and personal ones (one agent's). The body is written in both languages; the placeholders
 * ({{customer.name}}, {{ticket.number}}, {{ticket.due}}) are filled in when applied. A macro may
 * also set the ticket's status, its category or assign it to whoever applies it; never its
 * priority, which takes a reason.
 */
export const macros = sqliteTable(
  "macros",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The agent whose personal macro this is; null for a shared macro. */
    ownerId: integer("owner_id").references(() => users.id),
    titleEn: text("title_en").notNull(),
    titleZh: text("title_zh").notNull(),
    bodyEn: text("body_en").notNull(),
    bodyZh: text("body_zh").notNull(),
    setStatus: text("set_status", { enum: MACRO_STATUSES }),
    setCategory: text("set_category", { enum: TICKET_CATEGORIES }),
    assignToMe: integer("assign_to_me", { mode: "boolean" }).notNull().default(false),
    createdById: integer("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [index("macros_owner_idx").on(t.ownerId)],
);
