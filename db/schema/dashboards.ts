import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { METRICS, PRIORITIES, PRODUCT_AREAS, REGIONS, TICKET_CATEGORIES, type TierCode } from "./enums";
import { users } from "./organizations";
import { tickets } from "./tickets";

const OUTCOMES = ["met", "breached"] as const;

/**
 * What one ticket contributes to the SLA rollups, as last written: the dimensions it was counted
 * under and each target's outcome, month (UTC "YYYY-MM" of the outcome instant) and instant. Each
 * ticket write subtracts this row from the rollups and adds the fresh one, so a change of priority,
 * exclusion or outcome moves the ticket between cells exactly once. Also the indexed fact table the
 * dashboards drill down through and answer per-organization questions from. Tickets outside the
 * SLA have no row.
 */
export const ticketSlaFacts = sqliteTable(
  "ticket_sla_facts",
  {
    ticketId: integer("ticket_id")
      .primaryKey()
      .references(() => tickets.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id").notNull(),
    tierId: integer("tier_id").notNull(),
    region: text("region", { enum: REGIONS }).notNull(),
    priority: text("priority", { enum: PRIORITIES }).notNull(),
    productArea: text("product_area", { enum: PRODUCT_AREAS }).notNull(),
    category: text("category", { enum: TICKET_CATEGORIES }).notNull(),
    excluded: integer("excluded", { mode: "boolean" }).notNull(),
    frOutcome: text("fr_outcome", { enum: OUTCOMES }),
    frMonth: text("fr_month"),
    frAt: integer("fr_at"),
    /** How much of the first-response target was used, as a band index (see server/dashboards/rollup.ts). */
    frBand: integer("fr_band"),
    waOutcome: text("wa_outcome", { enum: OUTCOMES }),
    waMonth: text("wa_month"),
    waAt: integer("wa_at"),
    resOutcome: text("res_outcome", { enum: OUTCOMES }),
    resMonth: text("res_month"),
    resAt: integer("res_at"),
    ratingMonth: text("rating_month"),
    ratingScore: integer("rating_score"),
    /** When the ticket was rated (the instant of `rating_month`), for windows that are not whole months. */
    ratingAt: integer("rating_at"),
  },
  (t) => [
    // One organization's outcomes in a period (reviews, an organization's dashboard, account health),
    // covering: the attainment and breach counts read the index alone, never the table.
    index("ticket_sla_facts_org_fr_cover_idx").on(
      t.organizationId,
      t.frAt,
      t.frOutcome,
      t.excluded,
      t.priority,
      t.frMonth,
      t.tierId,
      t.frBand,
    ),
    index("ticket_sla_facts_org_wa_cover_idx").on(
      t.organizationId,
      t.waAt,
      t.waOutcome,
      t.excluded,
      t.priority,
      t.waMonth,
      t.tierId,
    ),
    index("ticket_sla_facts_org_res_cover_idx").on(
      t.organizationId,
      t.resAt,
      t.resOutcome,
      t.excluded,
      t.priority,
      t.resMonth,
      t.tierId,
    ),
    // One organization's satisfaction ratings in any window (reviews, account health).
    index("ticket_sla_facts_org_rating_idx").on(t.organizationId, t.ratingAt, t.ratingScore),
    index("ticket_sla_facts_fr_idx").on(t.frOutcome, t.frAt),
    index("ticket_sla_facts_wa_idx").on(t.waOutcome, t.waAt),
    index("ticket_sla_facts_res_idx").on(t.resOutcome, t.resAt),
  ],
);

/**
 * Target outcomes per month, metric and the dashboard's filter dimensions (tier, region, priority,
 * product area): a few hundred rows a month whatever the ticket volume. `excluded` counts the
 * outcomes of excluded tickets, kept beside met and breached; band0..band6 count first responses by
 * share of the target used.
 */
export const slaRollups = sqliteTable(
  "sla_rollups",
  {
    metric: text("metric", { enum: METRICS }).notNull(),
    month: text("month").notNull(),
    tierId: integer("tier_id").notNull(),
    region: text("region", { enum: REGIONS }).notNull(),
    priority: text("priority", { enum: PRIORITIES }).notNull(),
    productArea: text("product_area", { enum: PRODUCT_AREAS }).notNull(),
    met: integer("met").notNull().default(0),
    breached: integer("breached").notNull().default(0),
    excluded: integer("excluded").notNull().default(0),
    band0: integer("band0").notNull().default(0),
    band1: integer("band1").notNull().default(0),
    band2: integer("band2").notNull().default(0),
    band3: integer("band3").notNull().default(0),
    band4: integer("band4").notNull().default(0),
    band5: integer("band5").notNull().default(0),
    band6: integer("band6").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.metric, t.month, t.tierId, t.region, t.priority, t.productArea] })],
);

/** Breached targets (excluded tickets left out) per month, metric, dimensions and ticket category. */
export const slaBreachRollups = sqliteTable(
  "sla_breach_rollups",
  {
    metric: text("metric", { enum: METRICS }).notNull(),
    month: text("month").notNull(),
    tierId: integer("tier_id").notNull(),
    region: text("region", { enum: REGIONS }).notNull(),
    priority: text("priority", { enum: PRIORITIES }).notNull(),
    productArea: text("product_area", { enum: PRODUCT_AREAS }).notNull(),
    category: text("category", { enum: TICKET_CATEGORIES }).notNull(),
    breached: integer("breached").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.metric, t.month, t.tierId, t.region, t.priority, t.productArea, t.category] }),
    /** Breaches by area and category for a period read months without a metric: covered here, not by a scan. */
    index("sla_breach_rollups_month_idx").on(t.month, t.productArea, t.category, t.breached),
  ],
);

/** Satisfaction ratings per month of rating and dimensions: how many and the sum of scores. */
export const satisfactionRollups = sqliteTable(
  "satisfaction_rollups",
  {
    month: text("month").notNull(),
    tierId: integer("tier_id").notNull(),
    region: text("region", { enum: REGIONS }).notNull(),
    priority: text("priority", { enum: PRIORITIES }).notNull(),
    productArea: text("product_area", { enum: PRODUCT_AREAS }).notNull(),
    ratings: integer("ratings").notNull().default(0),
    scoreSum: integer("score_sum").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.tierId, t.region, t.priority, t.productArea] })],
);

/**
 * A published quarterly SLA report: the figures frozen when an executive published the quarter,
 * readable by anyone at /reports/sla/<quarter>. Holds no customer names by construction.
 */
export const slaReports = sqliteTable(
  "sla_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    quarter: text("quarter").notNull(),
    snapshot: text("snapshot", { mode: "json" }).$type<SlaReportSnapshot>().notNull(),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
    publishedById: integer("published_by_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex("sla_reports_quarter_unique").on(t.quarter)],
);

export type SlaReportFigures = {
  met: number;
  breached: number;
  excluded: number;
  n: number;
  attainment: number | null;
};
export type SlaReportSnapshot = {
  tiers: {
    code: TierCode;
    availabilityCommitment: number;
    metrics: Record<(typeof METRICS)[number], SlaReportFigures>;
    /** Mean monthly availability over the quarter's months, null when not known. */
    availability: number | null;
  }[];
};
