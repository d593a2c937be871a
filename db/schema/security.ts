import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./organizations";

/**
 * Signed-in sessions, kept on the server so that signing out, deactivating a user or changing
 * their role ends them at once: the session cookie only names a row here, and a request whose row
 * is revoked, expired or whose user changed is treated as signed out.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    /** What the user sees in their list of sessions: the browser and address it started from, and how. */
    userAgent: text("user_agent"),
    ip: text("ip"),
    method: text("method", { enum: ["password", "sso"] })
      .notNull()
      .default("password"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Fixed-window counters shared by every server process (sign-in throttling, anonymous writes):
 * one row per key, incremented atomically by SQLite, so several workers count together and
 * parallel requests cannot all pass a limit at once. `strikes` and `blockedUntil` carry a backoff.
 */
export const rateCounters = sqliteTable("rate_counters", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start", { mode: "timestamp_ms" }).notNull(),
  count: integer("count").notNull().default(0),
  strikes: integer("strikes").notNull().default(0),
  blockedUntil: integer("blocked_until", { mode: "timestamp_ms" }),
});
