import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  CHANNELS,
  COMMENT_VISIBILITIES,
  DISPUTE_KINDS,
  DISPUTE_STATUSES,
  ESCALATION_LEVELS,
  EXCLUSION_REASONS,
  FAULT_ENVIRONMENTS,
  OPEN_STATUS_SQL_LIST,
  PRIORITIES,
  PRODUCT_AREAS,
  RESOLUTION_KINDS,
  SLA_STATUSES,
  TICKET_CATEGORIES,
  TICKET_EVENT_TYPES,
  TICKET_STATUSES,
  USERS_AFFECTED,
} from "./enums";
import { organizations, users } from "./organizations";
import { targetVersions } from "./sla";

const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * Tickets with a metric still due that count toward the SLA: the partial index of the queue. Only
 * open tickets have a due metric, so status is not part of the index; queries add `+status in (...)`,
 * whose unary plus keeps SQLite from choosing a status index and sorting every open ticket instead.
 */
export const DUE_UNDER_SLA = `"next_due_at" is not null and "outside_sla" = 0`;
export const OPEN_UNDER_SLA = `${DUE_UNDER_SLA} and +"status" in (${OPEN_STATUS_SQL_LIST})`;

/**
 * Tickets with a breached target: the partial index a service review reads its breach list from
 * (subject, priority, due and achieved times) without visiting one table page per breach. Queries
 * repeat it literally so SQLite can use the index.
 */
export const HAS_BREACH = `("fr_status" = 'breached' or "wa_status" = 'breached' or "res_status" = 'breached')`;

/**
 * A ticket, with its SLA state stored beside it (due, achieved and status per metric) so that
 * lists and dashboards read columns; the state is rewritten from the event log in every write.
 */
export const tickets = sqliteTable(
  "tickets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    requesterId: integer("requester_id")
      .notNull()
      .references(() => users.id),
    subject: text("subject").notNull(),
    description: text("description").notNull(),
    productArea: text("product_area", { enum: PRODUCT_AREAS }).notNull(),
    category: text("category", { enum: TICKET_CATEGORIES }).notNull(),
    priority: text("priority", { enum: PRIORITIES }).notNull(),
    status: text("status", { enum: TICKET_STATUSES }).notNull(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    sdkPlatform: text("sdk_platform"),
    sdkVersion: text("sdk_version"),
    assigneeId: integer("assignee_id").references(() => users.id),
    escalationLevel: text("escalation_level", { enum: ESCALATION_LEVELS }).notNull().default("L1"),
    targetVersionId: integer("target_version_id")
      .notNull()
      .references(() => targetVersions.id),
    outsideSla: integer("outside_sla", { mode: "boolean" }).notNull().default(false),
    exclusionReason: text("exclusion_reason", { enum: EXCLUSION_REASONS }),
    exclusionNote: text("exclusion_note"),
    resolutionKind: text("resolution_kind", { enum: RESOLUTION_KINDS }),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    resolvedAt: ts("resolved_at"),
    frDueAt: ts("fr_due_at"),
    frAchievedAt: ts("fr_achieved_at"),
    frStatus: text("fr_status", { enum: SLA_STATUSES }),
    waDueAt: ts("wa_due_at"),
    waAchievedAt: ts("wa_achieved_at"),
    waStatus: text("wa_status", { enum: SLA_STATUSES }),
    resDueAt: ts("res_due_at"),
    resAchievedAt: ts("res_achieved_at"),
    resStatus: text("res_status", { enum: SLA_STATUSES }),
    /** The nearest due time of any metric not yet achieved; the queue orders by it. */
    nextDueAt: ts("next_due_at"),
    // Fault details (issue #17): the facts an engineer needs to locate the fault; all optional.
    environment: text("environment", { enum: FAULT_ENVIRONMENTS }),
    usersAffected: text("users_affected", { enum: USERS_AFFECTED }),
    faultStartedAt: ts("fault_started_at"),
    appId: text("app_id"),
    channelName: text("channel_name"),
    userIds: text("user_ids"),
    reproSteps: text("repro_steps"),
    /** The known issue this ticket is an instance of (issue #20); `known_issues.id`, no foreign key (tables are declared apart). */
    knownIssueId: integer("known_issue_id"),
  },
  (t) => [
    index("tickets_org_created_cover_idx").on(t.organizationId, t.createdAt, t.priority, t.productArea, t.category),
    // Priority last: the account health count of open P0/P1 tickets reads this index alone.
    index("tickets_org_status_priority_idx").on(t.organizationId, t.status, t.createdAt, t.priority),
    /**
     * The staff queue: tickets under the SLA by nearest due time; queries repeat DUE_UNDER_SLA literally
     * so SQLite can use it. Status is in it so the queue's count (open ones only) never reads the table.
     */
    index("tickets_open_due_idx").on(t.nextDueAt, t.id, t.status).where(sql.raw(DUE_UNDER_SLA)),
    /**
     * The queue's urgency order (issue #22): one ordered range per priority, merged by
     * server/tickets/queue-order.ts; the age and last-update orders read their own partial indexes.
     */
    index("tickets_queue_priority_idx").on(t.priority, t.nextDueAt, t.id, t.status).where(sql.raw(DUE_UNDER_SLA)),
    index("tickets_queue_created_idx").on(t.createdAt, t.id, t.status).where(sql.raw(DUE_UNDER_SLA)),
    index("tickets_queue_updated_idx").on(t.updatedAt, t.id, t.status).where(sql.raw(DUE_UNDER_SLA)),
    index("tickets_org_breached_idx")
      .on(
        t.organizationId,
        t.id,
        t.subject,
        t.priority,
        t.frDueAt,
        t.frAchievedAt,
        t.waDueAt,
        t.waAchievedAt,
        t.resDueAt,
        t.resAchievedAt,
      )
      .where(sql.raw(HAS_BREACH)),
    /**
     * An organization's tickets by nearest due time (the ticket list sorted by due, the customer's
     * home): an ordered range per organization instead of sorting all its open tickets (issue 25).
     */
    index("tickets_org_due_idx")
      .on(t.organizationId, t.nextDueAt, t.id, t.status)
      .where(sql.raw(`"next_due_at" is not null`)),
    /**
     * Custom development requests per organization, newest first (the account team's queue of them on
     * the portfolio): a few rows per organization instead of every ticket of the portfolio (issue 25).
     */
    index("tickets_custom_dev_idx")
      .on(t.organizationId, t.createdAt)
      .where(sql.raw(`"category" = 'custom_development'`)),
    index("tickets_assignee_idx").on(t.assigneeId, t.status),
    index("tickets_created_idx").on(t.createdAt),
    /** Every ticket of one App ID, newest first (the staff queue's App ID search). */
    index("tickets_known_issue_idx").on(t.knownIssueId).where(sql.raw(`"known_issue_id" is not null`)),
    index("tickets_app_idx").on(t.appId, t.createdAt).where(sql.raw(`"app_id" is not null`)),
    /** Covers the staff home's open-tickets-by-priority counts without touching the table. */
    index("tickets_open_counts_idx").on(t.status, t.priority, t.nextDueAt, t.assigneeId),
    /** Covers the tier overview's 90-day first-response attainment. */
    index("tickets_attainment_idx").on(
      t.createdAt,
      t.organizationId,
      t.status,
      t.frStatus,
      t.exclusionReason,
      t.outsideSla,
    ),
  ],
);

/** The append-only event log every SLA figure is derived from. */
export const ticketEvents = sqliteTable(
  "ticket_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ticketId: integer("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    /**
     * The ticket's organization (a ticket never changes organization), copied onto each event so an
     * organization's escalations are read by index, not by visiting each of its tickets.
     */
    organizationId: integer("organization_id").notNull(),
    at: ts("at").notNull(),
    type: text("type", { enum: TICKET_EVENT_TYPES }).notNull(),
    actorId: integer("actor_id").references(() => users.id),
    data: text("data", { mode: "json" }).$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [
    index("ticket_events_ticket_idx").on(t.ticketId, t.at),
    /** The managers' complaints list (server/tickets/complaints.ts) reads complaint events by time. */
    index("ticket_events_complaint_idx").on(t.at, t.id).where(sql.raw(`"type" = 'complaint'`)),
    // An organization's escalations by time (account health, the engagements timeline).
    index("ticket_events_org_escalated_idx").on(t.organizationId, t.at).where(sql.raw(`"type" = 'escalated'`)),
  ],
);

export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ticketId: integer("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    visibility: text("visibility", { enum: COMMENT_VISIBILITIES }).notNull(),
    automatic: integer("automatic", { mode: "boolean" }).notNull().default(false),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index("comments_ticket_idx").on(t.ticketId, t.createdAt)],
);

export const watchers = sqliteTable(
  "watchers",
  {
    ticketId: integer("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.userId] }), index("watchers_user_idx").on(t.userId)],
);

/** A customer's dispute of a priority or of an exclusion, decided by a manager. */
export const disputes = sqliteTable(
  "disputes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ticketId: integer("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: DISPUTE_KINDS }).notNull(),
    proposedPriority: text("proposed_priority", { enum: PRIORITIES }),
    reason: text("reason").notNull(),
    requestedById: integer("requested_by_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: DISPUTE_STATUSES }).notNull().default("open"),
    decidedById: integer("decided_by_id").references(() => users.id),
    decisionNote: text("decision_note"),
    createdAt: ts("created_at").notNull(),
    decidedAt: ts("decided_at"),
  },
  (t) => [index("disputes_ticket_idx").on(t.ticketId), index("disputes_status_idx").on(t.status, t.createdAt)],
);

export const satisfactionRatings = sqliteTable(
  "satisfaction_ratings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ticketId: integer("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    score: integer("score").notNull(),
    comment: text("comment"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [uniqueIndex("satisfaction_ticket_unique").on(t.ticketId)],
);

/** Email that would go out through SMTP; kept here when SMTP is not configured. */
export const outbox = sqliteTable("outbox", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  createdAt: ts("created_at").notNull(),
  sentAt: ts("sent_at"),
  /** The HTML part beside the plain text (issue #18); null: text only. */
  html: text("html"),
  /** Threading and routing headers (Message-ID, In-Reply-To, References, Reply-To, ...). */
  headers: text("headers", { mode: "json" }).$type<Record<string, string>>(),
  /** The ticket a notification mail is about (its thread), when there is one. */
  ticketId: integer("ticket_id"),
});

/** Knowledge base deflection: a suggestion opened while filing, or a form left without filing. */
export const deflectionEvents = sqliteTable(
  "deflection_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    kind: text("kind", { enum: ["suggestion_opened", "abandoned", "filed"] }).notNull(),
    articleId: integer("article_id"),
    query: text("query"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index("deflection_org_idx").on(t.organizationId, t.createdAt)],
);

export type Ticket = typeof tickets.$inferSelect;
export type TicketEvent = typeof ticketEvents.$inferSelect;
