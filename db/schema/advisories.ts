import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ADVISORY_SEVERITIES, ADVISORY_STATUSES, SDK_PLATFORMS, type ProductArea } from "./enums";
import { organizations, users } from "./organizations";

const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

/** One affected SDK platform of an advisory: the range of versions hit and the version that fixes it. */
export type AdvisoryAffected = { platform: (typeof SDK_PLATFORMS)[number]; range: string; fixedVersion: string | null };

/**
 * A security advisory (issue #20): a vulnerability in both languages, the product areas and SDK
 * version ranges it affects, its CVSS v3.1 vector with the base score and severity computed from it,
 * the fixed versions and upgrade steps. Publishing sets its fix deadline (by severity) and notifies
 * the organizations on affected versions (`advisory_organizations`).
 */
export const securityAdvisories = sqliteTable(
  "security_advisories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    titleEn: text("title_en").notNull(),
    titleZh: text("title_zh").notNull(),
    bodyEn: text("body_en").notNull(),
    bodyZh: text("body_zh").notNull(),
    productAreas: text("product_areas", { mode: "json" }).$type<ProductArea[]>().notNull(),
    affected: text("affected", { mode: "json" }).$type<AdvisoryAffected[]>().notNull(),
    cvssVector: text("cvss_vector").notNull(),
    cvssScore: real("cvss_score").notNull(),
    severity: text("severity", { enum: ADVISORY_SEVERITIES }).notNull(),
    upgradeStepsEn: text("upgrade_steps_en").notNull().default(""),
    upgradeStepsZh: text("upgrade_steps_zh").notNull().default(""),
    status: text("status", { enum: ADVISORY_STATUSES }).notNull().default("draft"),
    publishedAt: ts("published_at"),
    fixDueAt: ts("fix_due_at"),
    createdById: integer("created_by_id").references(() => users.id),
    publishedById: integer("published_by_id").references(() => users.id),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [index("security_advisories_status_idx").on(t.status, t.publishedAt)],
);

/**
 * The organizations an advisory was sent to when it was published (on an affected version then), and
 * their acknowledgement: one per organization, by any of its customer users (who and when kept).
 */
export const advisoryOrganizations = sqliteTable(
  "advisory_organizations",
  {
    advisoryId: integer("advisory_id")
      .notNull()
      .references(() => securityAdvisories.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    notifiedAt: ts("notified_at").notNull(),
    acknowledgedAt: ts("acknowledged_at"),
    acknowledgedById: integer("acknowledged_by_id").references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.advisoryId, t.organizationId] }),
    index("advisory_organizations_org_idx").on(t.organizationId, t.acknowledgedAt),
  ],
);

/** The SDK versions an organization declares it ships (beside those its tickets report). */
export const organizationSdks = sqliteTable(
  "organization_sdks",
  {
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    platform: text("platform", { enum: SDK_PLATFORMS }).notNull(),
    version: text("version").notNull(),
    declaredAt: ts("declared_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.platform, t.version] })],
);
