import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ESCALATION_ROUTE_MODES, PRODUCT_AREAS, QUEUE_SORTS } from "./enums";
import { organizations, users } from "./organizations";

const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * Saved views of the staff queue (issue #22): a personal view (one agent's) or a shared one (made
 * by a manager, offered to every support engineer). `columns` and `filters` are JSON checked by
 * server/tickets/queue-views.ts on every read and write; an unknown key is dropped, never trusted.
 */
export const queueViews = sqliteTable(
  "queue_views",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    shared: integer("shared", { mode: "boolean" }).notNull().default(false),
    columns: text("columns", { mode: "json" }).$type<string[]>().notNull(),
    filters: text("filters", { mode: "json" }).$type<Record<string, string | number>>().notNull(),
    sort: text("sort", { enum: QUEUE_SORTS }).notNull().default("urgency"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [index("queue_views_owner_idx").on(t.ownerId), index("queue_views_shared_idx").on(t.shared)],
);

/**
 * Where escalating a ticket of one product area to L2 goes (issue #22): to the on-call engineer of
 * the area's rota, or to the least-loaded of the area's experts. An area without a route sends
 * L2 to the least-loaded expert of all.
 */
export const escalationRoutes = sqliteTable("escalation_routes", {
  productArea: text("product_area", { enum: PRODUCT_AREAS }).primaryKey(),
  mode: text("mode", { enum: ESCALATION_ROUTE_MODES }).notNull(),
  updatedById: integer("updated_by_id")
    .notNull()
    .references(() => users.id),
  updatedAt: ts("updated_at").notNull(),
});

/** The experts of a product area: who an L2 escalation may be assigned to. */
export const escalationRouteExperts = sqliteTable(
  "escalation_route_experts",
  {
    productArea: text("product_area", { enum: PRODUCT_AREAS }).notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.productArea, t.userId] })],
);

/**
 * An account manager's follow-up task for one organization, due on a local calendar day: `dueOn`
 * is a date-only "YYYY-MM-DD" that no time zone shifts.
 */
export const followUps = sqliteTable(
  "follow_ups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    title: text("title").notNull(),
    dueOn: text("due_on").notNull(),
    createdById: integer("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: ts("created_at").notNull(),
    completedAt: ts("completed_at"),
    completedById: integer("completed_by_id").references(() => users.id),
  },
  (t) => [index("follow_ups_org_idx").on(t.organizationId, t.completedAt, t.dueOn)],
);
