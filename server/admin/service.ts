import { eq, sql } from "drizzle-orm";
import { calendars, holidays, targets, targetVersions, tiers } from "@/db/schema";
import type { Db } from "@/server/db";
import { currentTargetVersionId } from "@/server/accounts/service";

/** Every tier with its current target version and matrix, as the admin sees it. */
export function getTierMatrix(db: Db) {
  return db
    .select()
    .from(tiers)
    .orderBy(tiers.rank)
    .all()
    .map((tier) => {
      const versionId = currentTargetVersionId(db, tier.id);
      const version = db.select().from(targetVersions).where(eq(targetVersions.id, versionId)).get()!;
      const cells = db
        .select({ priority: targets.priority, metric: targets.metric, minutes: targets.minutes, calendarMode: targets.calendarMode })
        .from(targets)
        .where(eq(targets.versionId, versionId))
        .all();
      return {
        code: tier.code,
        channels: tier.channels,
        availabilityCommitment: tier.availabilityCommitment,
        creditSchedule: tier.creditSchedule,
        version: version.version,
        versionCreatedAt: version.createdAt,
        cells,
      };
    });
}

/** The support calendars with their weekly hours and holiday counts. */
export function listCalendars(db: Db) {
  return db
    .select({
      id: calendars.id,
      code: calendars.code,
      name: calendars.name,
      timeZone: calendars.timeZone,
      hours: calendars.hours,
      holidays: sql<number>`(select count(*) from ${holidays} where ${holidays.calendarId} = ${calendars.id})`,
    })
    .from(calendars)
    .orderBy(calendars.id)
    .all();
}
