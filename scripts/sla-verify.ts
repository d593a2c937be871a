/**
 * npm run sla:verify [-- --period=2026-Q3] [-- --now=ISO]
 *
 * Recomputes a period's SLA attainment from every ticket's events (evaluateSla, the slow way) and
 * compares it with the figures the dashboards show (getAttainment from the rollups), per tier,
 * metric and priority, on the database at DATABASE_URL. Periods: a quarter (YYYY-Qn) or a month
 * (YYYY-MM); by default the last completed quarter and the current one. Exit code 2 on any
 * difference, so it can gate a deploy or follow `npm run sla:recompute`.
 */
import { parseArgs } from "node:util";
import { openDb } from "@/server/db";
import { env } from "@/server/env";
import {
  isMonth,
  isQuarter,
  monthPeriod,
  previousPeriod,
  quarterOf,
  quarterPeriod,
  type Period,
} from "@/server/periods/periods";
import { verifyAttainment } from "@/server/dashboards/verify";

function main() {
  const { values } = parseArgs({ options: { period: { type: "string", multiple: true }, now: { type: "string" } } });
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now is not a valid instant: ${values.now}`);
  const thisQuarter = quarterPeriod(quarterOf(now));
  const periods: [string, Period][] = values.period?.length
    ? values.period.map((p) => {
        if (isQuarter(p)) return [p, quarterPeriod(p)];
        if (isMonth(p)) return [p, monthPeriod(p)];
        throw new Error(`--period must be a quarter (2026-Q3) or a month (2026-08): ${p}`);
      })
    : [
        [quarterOf(previousPeriod(thisQuarter).from), previousPeriod(thisQuarter)],
        [quarterOf(now), thisQuarter],
      ];
  const db = openDb(env.databasePath);
  let failed = false;
  for (const [label, p] of periods) {
    const started = Date.now();
    const { cells, mismatches } = verifyAttainment(db, p.from, p.to, now);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (mismatches.length === 0) {
      console.log(`${label}: all ${cells} tier x metric x priority figures match the events (${seconds} s)`);
      continue;
    }
    failed = true;
    console.log(`${label}: ${mismatches.length} of ${cells} figures differ from the events (${seconds} s)`);
    for (const m of mismatches) {
      console.log(
        `  ${m.tierCode} ${m.metric} ${m.priority}: dashboard met ${m.dashboard.met} breached ${m.dashboard.breached} excluded ${m.dashboard.excluded}; events met ${m.events.met} breached ${m.events.breached} excluded ${m.events.excluded}`,
      );
    }
  }
  db.$client.close();
  if (failed) process.exit(2);
}

try {
  main();
} catch (err: unknown) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
