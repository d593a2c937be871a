/**
 * At-risk thresholds for every target version, calendar and priority at `now`, and the raw target
 * columns of a ticket row: what the executive's "at risk now" count and the warnings job both read,
 * so each scans only tickets due before the furthest threshold (the queue's partial index).
 */
import { sql } from "drizzle-orm";
import { calendars, targetVersions, tickets } from "@/db/schema";
import { METRICS, PRIORITIES, type Priority } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import { loadCalendar, loadTargets } from "./load";
import { riskThreshold } from "./risk";

/** Per `${versionId}|${calendarId}|${priority}`: one threshold per metric (undefined without a target). */
export type RiskThresholds = { map: Map<string, (number | undefined)[]>; horizon: number };

export const thresholdKey = (versionId: number, calendarId: number, priority: Priority) =>
  `${versionId}|${calendarId}|${priority}`;

/** The thresholds at `now` for a share of `percent` % left, and the furthest of them (at least `now`). */
export function riskThresholds(db: Db, now: Date, percent?: number): RiskThresholds {
  const map = new Map<string, (number | undefined)[]>();
  let horizon = now.getTime();
  const versions = db.select({ id: targetVersions.id }).from(targetVersions).all();
  for (const { id: calendarId } of db.select({ id: calendars.id }).from(calendars).all()) {
    const calendar = loadCalendar(db, calendarId);
    for (const { id: versionId } of versions) {
      const targets = loadTargets(db, versionId, calendar);
      for (const p of PRIORITIES) {
        const th = METRICS.map((m) => {
          const target = targets[p][m];
          return target ? riskThreshold(now, target, percent).getTime() : undefined;
        });
        for (const x of th) if (x !== undefined) horizon = Math.max(horizon, x);
        map.set(thresholdKey(versionId, calendarId, p), th);
      }
    }
  }
  return { map, horizon };
}

/** A ticket's three targets as raw numbers (no Date mapping: tens of thousands of rows at scale). */
export const RAW_TARGET_COLUMNS = {
  v: tickets.targetVersionId,
  p: tickets.priority,
  fs: tickets.frStatus,
  fa: sql<number | null>`${tickets.frAchievedAt}`,
  fd: sql<number | null>`${tickets.frDueAt}`,
  ws: tickets.waStatus,
  wa: sql<number | null>`${tickets.waAchievedAt}`,
  wd: sql<number | null>`${tickets.waDueAt}`,
  rs: tickets.resStatus,
  ra: sql<number | null>`${tickets.resAchievedAt}`,
  rd: sql<number | null>`${tickets.resDueAt}`,
};
