/**
 * npm run sla:recompute [-- --check] [-- --now=ISO]
 *
 * Re-derives every ticket's SLA state from its event log (server/sla/recompute.ts) on the database
 * at DATABASE_URL, at the current time unless --now is given, and compares it with the stored
 * columns. Differences fall in two kinds:
 *
 * - aged: what the passage of time changes on its own since the state was written: an open metric
 *   that was running or paused is now breached, or a paused metric's due time moved later. Stored
 *   state is evaluated when a ticket is written, so these accumulate between writes on any healthy
 *   database; they are reported and refreshed, never counted as drift.
 * - drift: anything that could not have changed with time: due or achieved times, the met/breached
 *   outcome of an achieved metric, a metric appearing or vanishing, an inconsistent nextDueAt. On a
 *   healthy database it is zero; anything else is a bug in whatever wrote the ticket.
 *
 * By default both kinds are rewritten from the events (the log is the truth) and the SLA dashboards'
 * rollups are rebuilt from the result (also how a database migrated from before them gets them).
 * With --check nothing is written, and the exit code is 2 when there is drift, so it can gate a
 * deploy or a test run.
 */
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { recomputeAll } from "@/server/sla/recompute";
import { env } from "@/server/env";

function main() {
  const { values } = parseArgs({ options: { check: { type: "boolean", default: false }, now: { type: "string" } } });
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now is not a valid instant: ${values.now}`);
  const sqlite = new Database(env.databasePath, { fileMustExist: true });
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  const tty = process.stderr.isTTY;
  let last = 0;
  console.log(
    `Recomputing SLA state of ${env.databasePath} at ${now.toISOString()}${values.check ? " (check only)" : ""}`,
  );
  const report = recomputeAll(sqlite, {
    now,
    fix: !values.check,
    onProgress: ({ done, total, elapsedMs }) => {
      if (Date.now() - last < 1000 && done < total) return;
      last = Date.now();
      const rate = done / Math.max(0.001, elapsedMs / 1000);
      const eta = rate > 0 ? (total - done) / rate : 0;
      const line = `  ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} tickets (${((100 * done) / Math.max(1, total)).toFixed(1)}%)  ${Math.round(rate).toLocaleString("en-US")} tickets/s  ETA ${eta.toFixed(0)} s`;
      if (tty) process.stderr.write(`\r${line}`);
      else console.error(line);
    },
  });
  if (tty) process.stderr.write("\n");
  sqlite.close();
  console.log(
    `${report.tickets.toLocaleString("en-US")} tickets (${report.events.toLocaleString("en-US")} events) in ${report.seconds.toFixed(1)} s (${Math.round(report.tickets / Math.max(0.001, report.seconds)).toLocaleString("en-US")} tickets/s): ` +
      `${report.drift} drift, ${report.aged} aged, ${report.same} unchanged; ${report.fixed} rewritten`,
  );
  for (const s of report.samples.filter((x) => x.change === "drift").slice(0, 10))
    console.log(`  drift: ticket ${s.ticketId} (${s.columns.join(", ")})`);
  if (values.check && report.drift > 0) process.exit(2);
}

try {
  main();
} catch (err: unknown) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
