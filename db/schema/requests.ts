import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { FEATURE_STATUSES, SCOPE_DECISIONS } from "./enums";
import { organizations, users } from "./organizations";
import { tickets } from "./tickets";

const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * A feature request (issue #20): a ticket of category `feature_request`, outside the bug SLA, with its
 * own acknowledgement target (business days, settable per request), its roadmap status set by staff
 * with an optional public note, and the title the public roadmap shows (never an organization's name).
 */
export const featureRequests = sqliteTable(
  "feature_requests",
  {
    ticketId: integer("ticket_id")
      .primaryKey()
      .references(() => tickets.id, { onDelete: "cascade" }),
    status: text("status", { enum: FEATURE_STATUSES }).notNull().default("under_review"),
    publicTitle: text("public_title").notNull(),
    publicNote: text("public_note"),
    ackDays: integer("ack_days").notNull().default(5),
    ackDueAt: ts("ack_due_at").notNull(),
    acknowledgedAt: ts("acknowledged_at"),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [index("feature_requests_status_idx").on(t.status)],
);

/** One vote per customer per feature request; the organization is kept to count votes per organization. */
export const featureVotes = sqliteTable(
  "feature_votes",
  {
    ticketId: integer("ticket_id")
      .notNull()
      .references(() => featureRequests.ticketId, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.userId] }), index("feature_votes_org_idx").on(t.organizationId)],
);

/**
 * The account manager's scoping of a custom development request (issue #20): estimate in days, the
 * quote's reference and the decision. Each change is also a `scoped` event on the ticket's timeline.
 */
export const customDevelopmentScopes = sqliteTable("custom_development_scopes", {
  ticketId: integer("ticket_id")
    .primaryKey()
    .references(() => tickets.id, { onDelete: "cascade" }),
  estimateDays: integer("estimate_days"),
  quoteReference: text("quote_reference"),
  decision: text("decision", { enum: SCOPE_DECISIONS }),
  updatedAt: ts("updated_at").notNull(),
  updatedById: integer("updated_by_id").references(() => users.id),
});
