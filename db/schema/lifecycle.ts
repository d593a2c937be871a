import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { KNOWN_ISSUE_STATUSES, PRODUCT_AREAS, SDK_PLATFORMS } from "./enums";
import { organizations, users } from "./organizations";

const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * The SDK support lifecycle (issue #20): one row per platform and release line (`4.5` covers every
 * 4.5.x), with its release date, the end of full support and the end of security fixes, as calendar
 * dates (`YYYY-MM-DD`, the vendor's published dates, not instants).
 */
export const sdkVersions = sqliteTable(
  "sdk_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    platform: text("platform", { enum: SDK_PLATFORMS }).notNull(),
    line: text("line").notNull(),
    releasedOn: text("released_on").notNull(),
    fullSupportUntil: text("full_support_until").notNull(),
    securityUntil: text("security_until").notNull(),
    /** The knowledge base article (slug) that explains the upgrade from this line. */
    guideSlug: text("guide_slug"),
    updatedAt: ts("updated_at").notNull(),
    updatedById: integer("updated_by_id").references(() => users.id),
  },
  (t) => [uniqueIndex("sdk_versions_platform_line_unique").on(t.platform, t.line)],
);

/**
 * A known issue: a confirmed fault, its workaround and its fix status, in both languages; public or
 * shown only to the organizations linked to it. Tickets link to it (`tickets.known_issue_id`).
 */
export const knownIssues = sqliteTable(
  "known_issues",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    titleEn: text("title_en").notNull(),
    titleZh: text("title_zh").notNull(),
    productArea: text("product_area", { enum: PRODUCT_AREAS }).notNull(),
    platforms: text("platforms", { mode: "json" }).$type<string[]>().notNull(),
    /** Affected SDK versions as a semantic-version range (`>=4.2.0 <4.5.1`). */
    affectedVersions: text("affected_versions").notNull(),
    symptomsEn: text("symptoms_en").notNull(),
    symptomsZh: text("symptoms_zh").notNull(),
    workaroundEn: text("workaround_en").notNull().default(""),
    workaroundZh: text("workaround_zh").notNull().default(""),
    status: text("status", { enum: KNOWN_ISSUE_STATUSES }).notNull(),
    fixVersion: text("fix_version"),
    public: integer("public", { mode: "boolean" }).notNull().default(true),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [index("known_issues_public_idx").on(t.public, t.updatedAt).where(sql.raw(`"public" = 1`))],
);

/** Organizations a non-public known issue is shown to. */
export const knownIssueOrganizations = sqliteTable(
  "known_issue_organizations",
  {
    knownIssueId: integer("known_issue_id")
      .notNull()
      .references(() => knownIssues.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.knownIssueId, t.organizationId] })],
);
