import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { proactiveAlerts } from "./incidents";
import { users } from "./organizations";

const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * The signing keys of the inbound monitoring endpoint (decision 028). The current key has no
 * `expires_at`; rotating gives the previous one an expiry a day ahead, so the monitoring can switch
 * over without a gap. Alerts signed with a key are raised in the name of the admin who created it.
 */
export const monitoringKeys = sqliteTable("monitoring_keys", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  secret: text("secret").notNull(),
  createdById: integer("created_by_id")
    .notNull()
    .references(() => users.id),
  createdAt: ts("created_at").notNull(),
  expiresAt: ts("expires_at"),
});

/**
 * Each signature the endpoint accepted, kept past the signature's tolerance: the same signed request
 * sent again (a replay) is refused, however quickly it comes back.
 */
export const monitoringReceipts = sqliteTable(
  "monitoring_receipts",
  {
    signature: text("signature").primaryKey(),
    alertId: integer("alert_id").references(() => proactiveAlerts.id),
    receivedAt: ts("received_at").notNull(),
  },
  (t) => [index("monitoring_receipts_received_idx").on(t.receivedAt)],
);
