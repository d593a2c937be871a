import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  ACTION_SIDES,
  ACTION_STATUSES,
  ENGAGEMENT_KINDS,
  MEETING_CHANNELS,
  MEETING_STATUSES,
  REVIEW_STATUSES,
} from "./enums";
import { organizations, users } from "./organizations";

const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

/** Meetings, trainings, check-ins, reviews and the like on an organization's timeline. */
export const engagements = sqliteTable(
  "engagements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    kind: text("kind", { enum: ENGAGEMENT_KINDS }).notNull(),
    at: ts("at").notNull(),
    /** The calendar day the user picked ("YYYY-MM-DD"), shown as is in every time zone (issue #22). */
    day: text("day"),
    /** What the person who logged it wrote; empty for an entry the portal writes (see `reviewId`). */
    title: text("title").notNull(),
    notes: text("notes").notNull().default(""),
    createdById: integer("created_by_id").references(() => users.id),
    /**
     * The review whose sharing this entry records: each reader sees "Service review <quarter> shared"
     * in their own language (components/accounts/timeline.tsx), so no English sentence is stored.
     */
    reviewId: integer("review_id").references((): AnySQLiteColumn => reviews.id),
  },
  (t) => [index("engagements_org_idx").on(t.organizationId, t.at)],
);

export const meetingRequests = sqliteTable(
  "meeting_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    requestedById: integer("requested_by_id")
      .notNull()
      .references(() => users.id),
    topic: text("topic").notNull(),
    preferredTimes: text("preferred_times").notNull(),
    channel: text("channel", { enum: MEETING_CHANNELS }).notNull(),
    status: text("status", { enum: MEETING_STATUSES }).notNull().default("requested"),
    response: text("response"),
    createdAt: ts("created_at").notNull(),
    answeredAt: ts("answered_at"),
  },
  (t) => [index("meeting_requests_org_idx").on(t.organizationId, t.createdAt)],
);

/** A quarterly service review; `snapshot` freezes the figures at generation. */
export const reviews = sqliteTable(
  "reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    quarter: text("quarter").notNull(),
    status: text("status", { enum: REVIEW_STATUSES }).notNull().default("draft"),
    snapshot: text("snapshot", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    narrative: text("narrative").notNull().default(""),
    generatedAt: ts("generated_at").notNull(),
    generatedById: integer("generated_by_id").references(() => users.id),
    sharedAt: ts("shared_at"),
    acknowledgedAt: ts("acknowledged_at"),
    acknowledgedById: integer("acknowledged_by_id").references(() => users.id),
  },
  (t) => [uniqueIndex("reviews_org_quarter_uq").on(t.organizationId, t.quarter)],
);

export const actionItems = sqliteTable(
  "action_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reviewId: integer("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    side: text("side", { enum: ACTION_SIDES }).notNull(),
    owner: text("owner").notNull(),
    dueDate: text("due_date").notNull(),
    status: text("status", { enum: ACTION_STATUSES }).notNull().default("open"),
    carriedFromId: integer("carried_from_id"),
  },
  (t) => [index("action_items_review_idx").on(t.reviewId)],
);
