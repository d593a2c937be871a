import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * One row per scheduled job (server/scheduler): how far it has run (`runUpTo`, the watermark a
 * restart resumes from, so nothing runs twice and downtime is caught up in the next pass) and which
 * server process holds it now (`leaseHolder` until `leaseExpiresAt`; a lease taken in an IMMEDIATE
 * transaction, so exactly one of the cluster's workers runs a job at a time, and a worker that dies
 * mid-run lets another take over once its lease runs out).
 */
export const scheduledJobs = sqliteTable("scheduled_jobs", {
  name: text("name").primaryKey(),
  /** The `now` of the last pass that finished; the next pass is due `everyMs` later. Null: never run. */
  runUpTo: integer("run_up_to", { mode: "timestamp_ms" }),
  leaseHolder: text("lease_holder"),
  leaseExpiresAt: integer("lease_expires_at", { mode: "timestamp_ms" }),
  lastStartedAt: integer("last_started_at", { mode: "timestamp_ms" }),
  lastFinishedAt: integer("last_finished_at", { mode: "timestamp_ms" }),
  lastDurationMs: integer("last_duration_ms"),
  lastError: text("last_error"),
  runs: integer("runs").notNull().default(0),
  failures: integer("failures").notNull().default(0),
});
