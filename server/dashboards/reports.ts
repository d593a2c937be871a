import { asc, desc, eq } from "drizzle-orm";
import { slaReports, tiers, type SlaReportSnapshot } from "@/db/schema";
import { recordAudit } from "@/server/audit/service";
import { tierAvailability } from "@/server/availability/service";
import type { Db } from "@/server/db";
import { DomainError, notFound } from "@/server/errors";
import { getAttainment } from "./attainment";
import { isQuarter, monthsBetween, quarterPeriod } from "@/server/periods/periods";

/**
 * The figures a published quarterly SLA report shows: attainment per tier and metric and mean
 * monthly availability per tier. Aggregates over tiers only, so no customer is named or
 * identifiable, as vendors publish on their websites.
 */
export function buildSlaReportSnapshot(db: Db, quarter: string, now: Date): SlaReportSnapshot {
  const { from, to } = quarterPeriod(quarter);
  const months = monthsBetween(from, to);
  const availability = tierAvailability(db, months, now);
  return {
    tiers: db
      .select({ code: tiers.code, commitment: tiers.availabilityCommitment })
      .from(tiers)
      .orderBy(asc(tiers.rank))
      .all()
      .map((t) => {
        const rows = availability.filter((a) => a.tierCode === t.code && a.organizations > 0);
        return {
          code: t.code,
          availabilityCommitment: t.commitment,
          metrics: getAttainment(db, { from, to, tierCode: t.code, now }).byMetric,
          availability: rows.length > 0 ? rows.reduce((s, r) => s + r.availability, 0) / rows.length : null,
        };
      }),
  };
}

function validQuarter(quarter: string, now: Date) {
  if (!isQuarter(quarter))
    throw new DomainError("INVALID", `"${quarter}" is not a quarter (YYYY-Qn).`, "sla.errors.badQuarter");
  if (quarterPeriod(quarter).to > now)
    throw new DomainError("INVALID", "Only a quarter that has ended can be published.", "sla.errors.quarterNotEnded");
}

/**
 * An executive publishes a quarter: its figures are frozen as they stand now and become readable
 * by anyone at /reports/sla/<quarter>. Publishing again replaces the snapshot with fresh figures.
 * @throws DomainError INVALID for a malformed quarter or one that has not ended.
 */
export function publishSlaReport(db: Db, actorId: number, quarter: string, now: Date) {
  validQuarter(quarter, now);
  // better-sqlite3 is synchronous on one connection: no write can land between this read and the insert.
  const snapshot = buildSlaReportSnapshot(db, quarter, now);
  return db.transaction((tx) => {
    tx.insert(slaReports)
      .values({ quarter, snapshot, publishedAt: now, publishedById: actorId })
      .onConflictDoUpdate({ target: slaReports.quarter, set: { snapshot, publishedAt: now, publishedById: actorId } })
      .run();
    recordAudit(tx, { actorId, action: "sla_report.publish", entity: "sla_report", entityId: quarter, at: now });
    return { quarter, publishedAt: now };
  });
}

/** Withdraws a published quarter; its public page is then not found. */
export function unpublishSlaReport(db: Db, actorId: number, quarter: string, now: Date) {
  return db.transaction((tx) => {
    const gone = tx.delete(slaReports).where(eq(slaReports.quarter, quarter)).returning({ id: slaReports.id }).all();
    if (gone.length === 0) throw notFound("Report");
    recordAudit(tx, { actorId, action: "sla_report.unpublish", entity: "sla_report", entityId: quarter, at: now });
    return { quarter };
  });
}

/** Published quarters, newest first. */
export function listSlaReports(db: Db) {
  return db
    .select({ quarter: slaReports.quarter, publishedAt: slaReports.publishedAt })
    .from(slaReports)
    .orderBy(desc(slaReports.quarter))
    .all();
}

/**
 * A published report for anyone, signed in or not.
 * @throws DomainError NOT_FOUND when the quarter is malformed or not published.
 */
export function getPublishedSlaReport(db: Db, quarter: string) {
  const row = isQuarter(quarter)
    ? db.select().from(slaReports).where(eq(slaReports.quarter, quarter)).get()
    : undefined;
  if (!row) throw notFound("Report");
  return { quarter: row.quarter, publishedAt: row.publishedAt, tiers: row.snapshot.tiers };
}
