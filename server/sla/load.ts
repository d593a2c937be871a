/**
 * Loads the SLA engine's inputs (a calendar with its holidays, a version's target matrix) as the
 * pure modules' plain data. Read by the SLA service, the rollups, the queue and the dashboards alike,
 * so it depends on none of them.
 */
import { desc, eq, type Placeholder } from "drizzle-orm";
import { calendars, holidays, targets, targetVersions } from "@/db/schema";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { BusinessCalendar } from "./clock";
import type { SlaTargets } from "./evaluate";
import { buildSlaTargets } from "./targets";

/** Loads a calendar with its holidays as the clock module's plain data. */
/** A target cell as the pages show it: the columns of `targets` that a tier's table reads. */
export const TARGET_CELL = {
  priority: targets.priority,
  metric: targets.metric,
  minutes: targets.minutes,
  calendarMode: targets.calendarMode,
};

export function loadCalendar(db: Pick<Db, "select">, calendarId: number): BusinessCalendar {
  const row = db.select().from(calendars).where(eq(calendars.id, calendarId)).get();
  if (!row) throw notFound("Calendar");
  const days = db.select({ date: holidays.date }).from(holidays).where(eq(holidays.calendarId, calendarId)).all();
  return { timeZone: row.timeZone, hours: row.hours, holidays: days.map((d) => d.date) };
}

/** The target matrix of a version, on the given business calendar. */
export function loadTargets(db: Pick<Db, "select">, versionId: number, business: BusinessCalendar): SlaTargets {
  const cells = db.select().from(targets).where(eq(targets.versionId, versionId)).all();
  return buildSlaTargets(cells, business);
}

/**
 * The query for a tier's current target version (its newest), as a statement to run or a subquery;
 * the tier is a number or a placeholder of a prepared statement.
 */
export function currentTargetVersionQuery(db: Pick<Db, "select">, tierId: number | Placeholder) {
  return db
    .select({ id: targetVersions.id })
    .from(targetVersions)
    .where(eq(targetVersions.tierId, tierId))
    .orderBy(desc(targetVersions.version))
    .limit(1);
}

/**
 * Which target version applies: a new ticket is filed under its tier's latest version, and a filed
 * ticket keeps the version it was filed under (tickets.target_version_id), so an edit of the matrix
 * never moves an existing ticket's targets. The tier pages and account overviews show this version.
 */
export function currentTargetVersionId(db: Pick<Db, "select">, tierId: number): number {
  const row = currentTargetVersionQuery(db, tierId).get();
  if (!row) throw notFound("Target version");
  return row.id;
}
