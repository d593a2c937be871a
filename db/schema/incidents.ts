import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ACTION_STATUSES, INCIDENT_SEVERITIES, PRODUCT_AREAS, REGIONS } from "./enums";
import { organizations, users } from "./organizations";
import { tickets } from "./tickets";

const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

/** An outage or a maintenance window; availability and service credits are computed from these. */
export const incidents = sqliteTable(
  "incidents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    title: text("title").notNull(),
    productArea: text("product_area", { enum: PRODUCT_AREAS }).notNull(),
    regions: text("regions", { mode: "json" }).$type<(typeof REGIONS)[number][]>().notNull(),
    severity: text("severity", { enum: INCIDENT_SEVERITIES }).notNull(),
    startedAt: ts("started_at").notNull(),
    endedAt: ts("ended_at"),
    planned: integer("planned", { mode: "boolean" }).notNull().default(false),
    announcedAt: ts("announced_at"),
    allOrganizations: integer("all_organizations", { mode: "boolean" }).notNull().default(true),
    summary: text("summary").notNull(),
    rootCause: text("root_cause"),
    reviewTimeline: text("review_timeline"),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index("incidents_started_idx").on(t.startedAt)],
);

export const incidentOrganizations = sqliteTable(
  "incident_organizations",
  {
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.organizationId] }),
    index("incident_orgs_org_idx").on(t.organizationId),
  ],
);

export const incidentUpdates = sqliteTable(
  "incident_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    at: ts("at").notNull(),
    body: text("body").notNull(),
  },
  (t) => [index("incident_updates_incident_idx").on(t.incidentId, t.at)],
);

export const preventionActions = sqliteTable("prevention_actions", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  incidentId: integer("incident_id")
    .notNull()
    .references(() => incidents.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  owner: text("owner").notNull(),
  dueDate: text("due_date").notNull(),
  status: text("status", { enum: ACTION_STATUSES }).notNull(),
});

/** An anomaly the vendor detected on an Enterprise customer's traffic; it opens a P0 ticket. */
export const proactiveAlerts = sqliteTable(
  "proactive_alerts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    productArea: text("product_area", { enum: PRODUCT_AREAS }).notNull(),
    detectedAt: ts("detected_at").notNull(),
    description: text("description").notNull(),
    ticketId: integer("ticket_id").references(() => tickets.id),
    /** Staff raising it by hand, or the monitoring owner's key (decision 028) for a signed alert. */
    raisedById: integer("raised_by_id")
      .notNull()
      .references(() => users.id),
    /** Where it came from: a staff member's form, or the signed monitoring endpoint. */
    source: text("source", { enum: ["staff", "monitoring"] })
      .notNull()
      .default("staff"),
    /** Monitoring alerts: the metric that moved, the App ID it was seen on, the monitor's own id. */
    metric: text("metric"),
    appId: text("app_id"),
    externalId: text("external_id"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    index("proactive_alerts_org_idx").on(t.organizationId, t.detectedAt),
    index("proactive_alerts_external_idx").on(t.organizationId, t.externalId),
    // The ticket page reads the alerts of its ticket (what monitoring said, worded for the reader).
    index("proactive_alerts_ticket_idx").on(t.ticketId),
  ],
);

/**
 * A customer user's subscription to incident and maintenance notices (decision 027): the product
 * areas and regions they want to hear about, and which of the two kinds. No row: their role's
 * default (customer administrators everything, members nothing).
 */
export const incidentSubscriptions = sqliteTable("incident_subscriptions", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  productAreas: text("product_areas", { mode: "json" }).$type<(typeof PRODUCT_AREAS)[number][]>().notNull(),
  regions: text("regions", { mode: "json" }).$type<(typeof REGIONS)[number][]>().notNull(),
  incidents: integer("incidents", { mode: "boolean" }).notNull(),
  maintenance: integer("maintenance", { mode: "boolean" }).notNull(),
  updatedAt: ts("updated_at").notNull(),
});

/**
 * The one-hour reminder of a planned maintenance window: due at `dueAt`, sent once (`sentAt` set in
 * the same transaction as the notices). The scheduler reads only unsent rows that are due (partial index).
 */
export const maintenanceReminders = sqliteTable(
  "maintenance_reminders",
  {
    incidentId: integer("incident_id")
      .primaryKey()
      .references(() => incidents.id, { onDelete: "cascade" }),
    dueAt: ts("due_at").notNull(),
    sentAt: ts("sent_at"),
    recipients: integer("recipients"),
  },
  (t) => [index("maintenance_reminders_due_idx").on(t.dueAt).where(sql.raw(`"sent_at" is null`))],
);
