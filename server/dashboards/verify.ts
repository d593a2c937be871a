import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "@/db/schema";
import type { TierCode } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import type { BusinessCalendar } from "@/server/sla/clock";
import { evaluateSla, METRICS, PRIORITIES, type Metric, type Priority, type SlaTargets } from "@/server/sla/evaluate";
import { toSlaEvents, type StoredEvent } from "@/server/sla/events";
import { loadCalendar, loadTargets } from "@/server/sla/load";
import { figures, getAttainment, type Figures } from "./attainment";

type Counts = { met: number; breached: number; excluded: number };
export type BruteForce = Map<string, Counts>;

const key = (tier: TierCode, metric: Metric, priority: Priority) => `${tier}|${metric}|${priority}`;

/**
 * Attainment counts per tier, metric and priority computed the slow way: every ticket's events
 * through evaluateSla at `now`, then docs/DOMAIN.md's rule applied to each outcome (met when achieved in
 * [from, to), breached when its due time is in it, excluded tickets beside, outside-SLA ignored).
 * Shares nothing with the rollups but the evaluation itself, which is what makes it a check.
 */
export function bruteForceAttainment(sqlite: Database.Database, from: Date, to: Date, now: Date): BruteForce {
  const db = drizzle(sqlite, { schema });
  const calendars = new Map<number, BusinessCalendar>();
  const cache = new Map<string, SlaTargets>();
  const targetsFor = (versionId: number, calendarId: number) => {
    const k = `${versionId}:${calendarId}`;
    let t = cache.get(k);
    if (!t) {
      let c = calendars.get(calendarId);
      if (!c) calendars.set(calendarId, (c = loadCalendar(db, calendarId)));
      cache.set(k, (t = loadTargets(db, versionId, c)));
    }
    return t;
  };
  const out: BruteForce = new Map();
  const select = sqlite
    .prepare(
      `SELECT t.id, t.target_version_id, o.calendar_id, tr.code, t.priority, t.exclusion_reason, t.outside_sla, e.at, e.type, e.data
         FROM tickets t
         JOIN organizations o ON o.id = t.organization_id
         JOIN tiers tr ON tr.id = o.tier_id
         LEFT JOIN ticket_events e ON e.ticket_id = t.id
        WHERE t.id >= ? AND t.id < ?
        ORDER BY t.id, e.at, e.id`,
    )
    .raw(true);
  type Row = [
    number,
    number,
    number,
    TierCode,
    Priority,
    string | null,
    number,
    number | null,
    string | null,
    string | null,
  ];
  const bounds = sqlite
    .prepare(`SELECT coalesce(min(id), 0) AS lo, coalesce(max(id), -1) AS hi FROM tickets`)
    .get() as { lo: number; hi: number };
  let current: Row | null = null;
  let events: StoredEvent[] = [];
  const finish = () => {
    if (!current || current[6] === 1) return;
    const outcomes = evaluateSla(toSlaEvents(events), targetsFor(current[1], current[2]), now);
    for (const metric of METRICS) {
      const o = outcomes[metric];
      if (!o) continue;
      const at = o.status === "met" ? o.achievedAt : o.status === "breached" ? o.dueAt : null;
      if (!at || at < from || at >= to) continue;
      const k = key(current[3], metric, current[4]);
      const c = out.get(k) ?? { met: 0, breached: 0, excluded: 0 };
      if (current[5] !== null) c.excluded++;
      else if (o.status === "met") c.met++;
      else c.breached++;
      out.set(k, c);
    }
  };
  for (let lo = bounds.lo; lo <= bounds.hi; lo += 20_000) {
    for (const r of select.iterate(lo, lo + 20_000) as IterableIterator<Row>) {
      if (!current || current[0] !== r[0]) {
        finish();
        current = r;
        events = [];
      }
      if (r[7] !== null && r[8] !== null)
        events.push({
          at: new Date(r[7]),
          type: r[8],
          data: r[9] === null ? null : (JSON.parse(r[9]) as StoredEvent["data"]),
        });
    }
  }
  finish();
  return out;
}

export type VerifyMismatch = {
  tierCode: TierCode;
  metric: Metric;
  priority: Priority;
  dashboard: Figures;
  events: Figures;
};

/**
 * `npm run sla:verify`: compares the dashboard's attainment (getAttainment, from the rollups, at
 * `now`) with the brute-force recomputation from events, per tier, metric and priority. An empty
 * list means every figure on /sla for the period is what the events say.
 */
export function verifyAttainment(
  db: Db,
  from: Date,
  to: Date,
  now: Date,
): { cells: number; mismatches: VerifyMismatch[] } {
  const brute = bruteForceAttainment(db.$client, from, to, now);
  const mismatches: VerifyMismatch[] = [];
  let cells = 0;
  for (const { code } of db.select({ code: schema.tiers.code }).from(schema.tiers).all()) {
    const dash = getAttainment(db, { from, to, tierCode: code, now });
    for (const metric of METRICS) {
      for (const priority of PRIORITIES) {
        cells++;
        const b = brute.get(key(code, metric, priority)) ?? { met: 0, breached: 0, excluded: 0 };
        const d = dash.byMetricPriority[metric][priority];
        if (d.met !== b.met || d.breached !== b.breached || d.excluded !== b.excluded) {
          mismatches.push({
            tierCode: code,
            metric,
            priority,
            dashboard: d,
            events: figures(b.met, b.breached, b.excluded),
          });
        }
      }
    }
  }
  return { cells, mismatches };
}
