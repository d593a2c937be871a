import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { LOCALES, REGIONS, ROLES } from "./enums";
import { calendars, tiers } from "./sla";

export const organizations = sqliteTable(
  "organizations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    tierId: integer("tier_id")
      .notNull()
      .references(() => tiers.id),
    region: text("region", { enum: REGIONS }).notNull(),
    calendarId: integer("calendar_id")
      .notNull()
      .references(() => calendars.id),
    timeZone: text("time_zone").notNull(),
    contractStart: text("contract_start").notNull(),
    contractEnd: text("contract_end").notNull(),
    monthlyFeeCents: integer("monthly_fee_cents").notNull().default(0),
    accountManagerId: integer("account_manager_id"),
    technicalAccountManagerId: integer("technical_account_manager_id"),
    /**
     * The organization's own availability commitment (percent), when its contract differs from its
     * tier's; null reads the tier's.
     */
    availabilityCommitment: real("availability_commitment"),
    /** Channel details the customer pages show: a hotline (null reads the tier's), support address, chat, group. */
    hotline: text("hotline"),
    supportEmail: text("support_email"),
    chatHandle: text("chat_handle"),
    groupLink: text("group_link"),
    /**
     * Service credits the contract grants for missed support targets (null: none, the default):
     * `percentPerBreach` % of the monthly fee for each breached, not excluded target of the listed
     * priorities in a month, at most `capPercent` % a month.
     */
    supportCreditTerms: text("support_credit_terms", { mode: "json" }).$type<{
      percentPerBreach: number;
      capPercent: number;
      priorities: ("P0" | "P1" | "P2" | "P3")[];
    }>(),
    /** Customers of this organization must sign in through its identity provider (passwords refused). */
    ssoRequired: integer("sso_required", { mode: "boolean" }).notNull().default(false),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("organizations_slug_unique").on(t.slug),
    index("organizations_am_idx").on(t.accountManagerId),
    // With organizations_am_idx, a portfolio (account manager or TAM) is read by MULTI-INDEX OR
    // instead of a scan of every organization (issue 25: four scans of 5,000 rows per portfolio view).
    index("organizations_tam_idx").on(t.technicalAccountManagerId),
  ],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    organizationId: integer("organization_id").references(() => organizations.id),
    locale: text("locale", { enum: LOCALES }),
    timeZone: text("time_zone").notNull().default("UTC"),
    title: text("title"),
    phone: text("phone"),
    chatHandle: text("chat_handle"),
    workingHours: text("working_hours"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    /** A customer who administers their own organization's people (the customer administrator). */
    orgAdmin: integer("org_admin", { mode: "boolean" }).notNull().default(false),
    /** When the user was deactivated (null while active); their history stays. */
    deactivatedAt: integer("deactivated_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    lastSignInAt: integer("last_sign_in_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    index("users_org_idx").on(t.organizationId),
    // Staff by name (the assignee pickers): about 100 of the 19,000 users at scale, read without a scan.
    index("users_role_name_idx").on(t.role, t.name),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type User = typeof users.$inferSelect;
