import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { NOTIFICATION_KINDS } from "./enums";
import { incidents } from "./incidents";
import { users } from "./organizations";
import { tickets } from "./tickets";

const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

/** In-app notifications: about a ticket, an incident or maintenance, or the person's account. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    ticketId: integer("ticket_id").references(() => tickets.id, { onDelete: "cascade" }),
    /** The incident or maintenance a notice is about (its link opens the incident's page). */
    incidentId: integer("incident_id").references(() => incidents.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    createdAt: ts("created_at").notNull(),
    readAt: ts("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);
