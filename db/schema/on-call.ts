import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import {
  METRICS,
  ON_CALL_ROLES,
  PAGE_EVENT_KINDS,
  PAGE_LEVELS,
  PAGE_REASONS,
  PRIORITIES,
  PRODUCT_AREAS,
  REGIONS,
  ROTA_KINDS,
  ROTA_SHIFT_KINDS,
  SLA_WARNING_KINDS,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENTS,
} from "./enums";
import { users } from "./organizations";
import { tickets } from "./tickets";

const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * A duty rota for a support region and, optionally, one product area (a rota for the area wins over
 * the region's general one). Weekly rotas hand over every week at a local weekday and time in the
 * rota's zone, going round `rota_members` in order (primary this week, the next member secondary);
 * custom rotas list their shifts in `rota_shifts`. Overrides (holidays, swaps) apply to both.
 */
export const rotas = sqliteTable(
  "rotas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    region: text("region", { enum: REGIONS }).notNull(),
    productArea: text("product_area", { enum: PRODUCT_AREAS }),
    timeZone: text("time_zone").notNull(),
    kind: text("kind", { enum: ROTA_KINDS }).notNull(),
    /** Weekly rotas: ISO weekday (1 Monday .. 7 Sunday) and local "HH:mm" of the handover. */
    handoverWeekday: integer("handover_weekday").notNull().default(1),
    handoverTime: text("handover_time").notNull().default("09:00"),
    /** Weekly rotas: the local date ("YYYY-MM-DD") of the first handover, when member 0 starts. */
    startDate: text("start_date").notNull(),
    managerId: integer("manager_id")
      .notNull()
      .references(() => users.id),
    /** Minutes a page waits for acknowledgement before it re-pages, then escalates. */
    ackMinutesP0: integer("ack_minutes_p0").notNull().default(5),
    ackMinutesP1: integer("ack_minutes_p1").notNull().default(15),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  // One rota per region and area (null area: the region's general rota), checked by the service.
  (t) => [index("rotas_scope_idx").on(t.region, t.productArea)],
);

/** The weekly rotation's order. */
export const rotaMembers = sqliteTable(
  "rota_members",
  {
    rotaId: integer("rota_id")
      .notNull()
      .references(() => rotas.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.rotaId, t.position] })],
);

/** A custom rota's shifts and every rota's overrides, as instants (entered in the rota's zone). */
export const rotaShifts = sqliteTable(
  "rota_shifts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    rotaId: integer("rota_id")
      .notNull()
      .references(() => rotas.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ROTA_SHIFT_KINDS }).notNull(),
    role: text("role", { enum: ON_CALL_ROLES }).notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    startsAt: ts("starts_at").notNull(),
    endsAt: ts("ends_at").notNull(),
    note: text("note"),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index("rota_shifts_rota_idx").on(t.rotaId, t.endsAt, t.startsAt)],
);

/**
 * A page: a P0/P1 ticket that needs a person now. `userId` is whom it reaches at `level`; until it
 * is acknowledged, `nextActionAt` says when the escalation job re-pages or escalates it (the
 * partial index makes that job read only pages that are due).
 */
export const onCallPages = sqliteTable(
  "on_call_pages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ticketId: integer("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    rotaId: integer("rota_id").references(() => rotas.id, { onDelete: "set null" }),
    priority: text("priority", { enum: PRIORITIES }).notNull(),
    reason: text("reason", { enum: PAGE_REASONS }).notNull(),
    level: text("level", { enum: PAGE_LEVELS }).notNull(),
    userId: integer("user_id").references(() => users.id),
    /** Pages sent at the current level (1 = first, 2 = re-paged). */
    attempts: integer("attempts").notNull().default(0),
    triggeredAt: ts("triggered_at").notNull(),
    lastPagedAt: ts("last_paged_at"),
    nextActionAt: ts("next_action_at"),
    acknowledgedAt: ts("acknowledged_at"),
    acknowledgedById: integer("acknowledged_by_id").references(() => users.id),
  },
  (t) => [
    index("on_call_pages_ticket_idx").on(t.ticketId),
    index("on_call_pages_due_idx")
      .on(t.nextActionAt)
      .where(sql.raw(`"acknowledged_at" is null and "next_action_at" is not null`)),
    index("on_call_pages_user_open_idx").on(t.userId).where(sql.raw(`"acknowledged_at" is null`)),
    index("on_call_pages_triggered_idx").on(t.triggeredAt),
  ],
);

/** The paging log: every page sent, re-sent, escalated and acknowledged, with its latency. */
export const onCallPageEvents = sqliteTable(
  "on_call_page_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pageId: integer("page_id")
      .notNull()
      .references(() => onCallPages.id, { onDelete: "cascade" }),
    ticketId: integer("ticket_id").notNull(),
    at: ts("at").notNull(),
    kind: text("kind", { enum: PAGE_EVENT_KINDS }).notNull(),
    level: text("level", { enum: PAGE_LEVELS }).notNull(),
    userId: integer("user_id").references(() => users.id),
    /** Milliseconds from the page's trigger (the ticket's filing or raise) to this event. */
    latencyMs: integer("latency_ms").notNull(),
  },
  (t) => [index("on_call_page_events_at_idx").on(t.at), index("on_call_page_events_page_idx").on(t.pageId)],
);

/** Warnings given (at risk, breached), one per ticket, metric and due time: never twice for one target. */
export const slaWarnings = sqliteTable(
  "sla_warnings",
  {
    ticketId: integer("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    metric: text("metric", { enum: METRICS }).notNull(),
    kind: text("kind", { enum: SLA_WARNING_KINDS }).notNull(),
    dueAt: ts("due_at").notNull(),
    userId: integer("user_id").references(() => users.id),
    warnedAt: ts("warned_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.metric, t.kind, t.dueAt] })],
);

/** On-call settings, one row per key (`at_risk_percent`). */
export const onCallSettings = sqliteTable("on_call_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: ts("updated_at").notNull(),
});

/** An admin's outgoing webhook: an HTTPS endpoint, the events it wants, and its signing secret. */
export const webhooks = sqliteTable("webhooks", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  url: text("url").notNull(),
  secret: text("secret").notNull(),
  events: text("events", { mode: "json" }).$type<(typeof WEBHOOK_EVENTS)[number][]>().notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  /** Deliveries that failed in a row; at the limit the webhook is disabled and the admin told. */
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  disabledAt: ts("disabled_at"),
  createdById: integer("created_by_id").references(() => users.id),
  createdAt: ts("created_at").notNull(),
  updatedAt: ts("updated_at").notNull(),
});

/** One event sent (or to be sent) to one webhook, with its attempts and the last response. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    webhookId: integer("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    event: text("event", { enum: WEBHOOK_EVENTS }).notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at"),
    /** A worker's claim while it sends (the lease runs out if the worker dies). */
    leaseUntil: ts("lease_until"),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    error: text("error"),
    createdAt: ts("created_at").notNull(),
    lastAttemptAt: ts("last_attempt_at"),
    deliveredAt: ts("delivered_at"),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql.raw(`"status" = 'pending'`)),
    index("webhook_deliveries_hook_idx").on(t.webhookId, t.createdAt),
  ],
);
