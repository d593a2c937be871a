import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CALENDAR_MODES, METRICS, PRIORITIES, REGIONS, TIER_CHANNELS, TIER_CODES } from "./enums";

/** A service tier: what a customer's contract entitles it to. */
export const tiers = sqliteTable(
  "tiers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code", { enum: TIER_CODES }).notNull(),
    rank: integer("rank").notNull(),
    channels: text("channels", { mode: "json" }).$type<(typeof TIER_CHANNELS)[number][]>().notNull(),
    namedContacts: text("named_contacts", { enum: ["none", "am", "am_tam"] }).notNull(),
    reviewCadence: text("review_cadence", { enum: ["none", "quarterly", "quarterly_monthly"] }).notNull(),
    proactiveAlerts: integer("proactive_alerts", { mode: "boolean" }).notNull(),
    availabilityCommitment: real("availability_commitment").notNull(),
    /** Credit schedule: the percentage of the monthly fee owed below each availability threshold. */
    creditSchedule: text("credit_schedule", { mode: "json" }).$type<{ below: number; percent: number }[]>().notNull(),
    hotline: text("hotline"),
  },
  (t) => [uniqueIndex("tiers_code_unique").on(t.code)],
);

/** Business hours: weekly opening hours in a time zone, plus holidays (table below). */
export const calendars = sqliteTable(
  "calendars",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    region: text("region", { enum: REGIONS }),
    timeZone: text("time_zone").notNull(),
    hours: text("hours", { mode: "json" })
      .$type<{ day: 0 | 1 | 2 | 3 | 4 | 5 | 6; start: string; end: string }[]>()
      .notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("calendars_code_unique").on(t.code)],
);

export const holidays = sqliteTable(
  "holidays",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    calendarId: integer("calendar_id")
      .notNull()
      .references(() => calendars.id, { onDelete: "cascade" }),
    date: text("date").notNull(),
    name: text("name").notNull(),
    source: text("source").notNull(),
  },
  (t) => [uniqueIndex("holidays_calendar_date_unique").on(t.calendarId, t.date)],
);

/** Targets are versioned per tier: a ticket keeps the version in force when it was filed. */
export const targetVersions = sqliteTable(
  "target_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tierId: integer("tier_id")
      .notNull()
      .references(() => tiers.id),
    version: integer("version").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    createdById: integer("created_by_id"),
    note: text("note"),
  },
  (t) => [
    uniqueIndex("target_versions_tier_version_unique").on(t.tierId, t.version),
    index("target_versions_tier_idx").on(t.tierId, t.createdAt),
  ],
);

/** One cell of the target matrix: tier version x priority x metric, with the calendar it runs on. */
export const targets = sqliteTable(
  "targets",
  {
    versionId: integer("version_id")
      .notNull()
      .references(() => targetVersions.id, { onDelete: "cascade" }),
    priority: text("priority", { enum: PRIORITIES }).notNull(),
    metric: text("metric", { enum: METRICS }).notNull(),
    minutes: integer("minutes").notNull(),
    calendarMode: text("calendar_mode", { enum: CALENDAR_MODES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.priority, t.metric] })],
);

export type Tier = typeof tiers.$inferSelect;
export type CalendarRow = typeof calendars.$inferSelect;
export type TargetRow = typeof targets.$inferSelect;
