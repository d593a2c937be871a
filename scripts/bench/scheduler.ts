/**
 * The scheduler's cost at scale (issue 19): the on-call jobs that read tickets (at-risk and breach
 * warnings, page re-pages and escalations) run pass after pass, one simulated minute apart, on the
 * dataset itself, as the scheduler runs them in the server. Reports the time of a pass, how many
 * tickets a pass reads against how many are open with a running target, and each query's plan.
 */
import type Database from "better-sqlite3";
import { OPEN_STATUS_SQL_LIST } from "@/db/schema/enums";
import { openDb } from "@/server/db";
import { duePagesQuery, escalateDuePages } from "@/server/on-call/paging-service";
import { atRiskPercent } from "@/server/on-call/settings";
import { dueTargetsQuery, warnDueTargets } from "@/server/on-call/warnings-service";
import { riskThresholds } from "@/server/sla/risk-thresholds";
import { percentile } from "./stats";

export type SchedulerResult = {
  /** Simulated minutes run after the first (catch-up) pass. */
  passes: number;
  firstPassMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  warningsSent: number;
  /** Tickets the warning query returned for one minute's window (it reads up to the at-risk horizon). */
  rowsRead: number;
  /** Open tickets with a running target (the partial index's rows). */
  openDue: number;
  plans: { name: string; plan: string[] }[];
};

const MINUTE_MS = 60_000;

function planOf(sqlite: Database.Database, query: { toSQL(): { sql: string; params: unknown[] } }): string[] {
  const { sql, params } = query.toSQL();
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}

/**
 * `passes` minutes of the warning and escalation jobs from `start`, each pass's `since` the last
 * one's `now`, as the scheduler's watermark gives them. Writes what the jobs write (warnings).
 */
export function schedulerBenchmark(file: string, start: Date, passes = 30): SchedulerResult {
  const db = openDb(file);
  try {
    const sqlite = db.$client;
    const pass = (now: Date, since: Date) => {
      const t0 = performance.now();
      const sent = warnDueTargets(db, now, since) + escalateDuePages(db, now);
      return { ms: performance.now() - t0, sent };
    };
    const first = pass(start, new Date(start.getTime() - MINUTE_MS));
    let sent = first.sent;
    const times: number[] = [];
    for (let i = 1; i <= passes; i++) {
      const now = new Date(start.getTime() + i * MINUTE_MS);
      const r = pass(now, new Date(now.getTime() - MINUTE_MS));
      times.push(r.ms);
      sent += r.sent;
    }
    const { horizon } = riskThresholds(db, start, atRiskPercent(db));
    const warnings = dueTargetsQuery(db, start.getTime() - MINUTE_MS, horizon);
    const escalations = duePagesQuery(db, start);
    const openDue = (
      sqlite
        .prepare(
          `SELECT count(*) AS n FROM tickets WHERE next_due_at IS NOT NULL AND outside_sla = 0 AND status IN (${OPEN_STATUS_SQL_LIST})`,
        )
        .get() as { n: number }
    ).n;
    const sorted = [...times].sort((a, b) => a - b);
    return {
      passes,
      firstPassMs: first.ms,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      maxMs: sorted[sorted.length - 1] ?? NaN,
      warningsSent: sent,
      rowsRead: warnings.all().length,
      openDue,
      plans: [
        { name: "at-risk and breach warnings", plan: planOf(sqlite, warnings) },
        { name: "re-pages and escalations", plan: planOf(sqlite, escalations) },
      ],
    };
  } finally {
    db.$client.close();
  }
}
