import { and, desc, eq, lte, sql } from "drizzle-orm";
import { engagements, proactiveAlerts, reviews, ticketEvents, tickets, users } from "@/db/schema";
import type { ENGAGEMENT_KINDS } from "@/db/schema/enums";
import type { SessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/service";
import { perDatabase, type Db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { alertFacts, type AlertFacts } from "@/server/incidents/alert-facts";
import { instantOfDay } from "./engagement-day";
import { assertCanManageOrganization, assertCanReadOrganization } from "./access";
import type { NewEngagement } from "./inputs";

export type { NewEngagement } from "./inputs";

export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export type TimelineEntry = {
  /** Stable across sources: "e12" engagement, "a3" proactive alert, "x45" escalation event, "c7" custom development request. */
  key: string;
  kind: EngagementKind;
  at: Date;
  /** A logged engagement's picked day ("YYYY-MM-DD"); null for timed entries (server/accounts/engagement-day.ts). */
  day: string | null;
  title: string;
  notes: string;
  by: string | null;
  ticketId: number | null;
  level: string | null;
  automatic: boolean;
  /** The review whose sharing the entry records (its title is empty: the reader's language names it). */
  review: { id: number; quarter: string } | null;
  /** A monitoring alert's metric and App ID (its title is only what was said): the reader's language words them. */
  alert: AlertFacts | null;
};

/**
 * The timeline's four reads, prepared once per database (placeholders: organization, now in epoch
 * milliseconds, limit): Drizzle building them on every view cost most of the organization page's
 * timeline (issue 25).
 */
const timelineReads = perDatabase((db: Db) => {
  const organization = sql.placeholder("organization");
  const now = sql.placeholder("now");
  const limit = sql.placeholder("limit");
  return {
    logged: db
      .select({
        id: engagements.id,
        kind: engagements.kind,
        at: engagements.at,
        day: engagements.day,
        title: engagements.title,
        notes: engagements.notes,
        by: users.name,
        createdById: engagements.createdById,
        reviewId: reviews.id,
        quarter: reviews.quarter,
      })
      .from(engagements)
      .leftJoin(users, eq(users.id, engagements.createdById))
      .leftJoin(reviews, eq(reviews.id, engagements.reviewId))
      .where(eq(engagements.organizationId, organization))
      .orderBy(desc(engagements.at), desc(engagements.id))
      .limit(limit)
      .prepare(),
    alerts: db
      .select({
        id: proactiveAlerts.id,
        at: proactiveAlerts.detectedAt,
        description: proactiveAlerts.description,
        metric: proactiveAlerts.metric,
        appId: proactiveAlerts.appId,
        productArea: proactiveAlerts.productArea,
        ticketId: proactiveAlerts.ticketId,
        by: users.name,
      })
      .from(proactiveAlerts)
      .leftJoin(users, eq(users.id, proactiveAlerts.raisedById))
      .where(and(eq(proactiveAlerts.organizationId, organization), lte(proactiveAlerts.detectedAt, now)))
      .orderBy(desc(proactiveAlerts.detectedAt))
      .limit(limit)
      .prepare(),
    escalations: db
      .select({
        id: ticketEvents.id,
        at: ticketEvents.at,
        data: ticketEvents.data,
        ticketId: tickets.id,
        subject: tickets.subject,
        by: users.name,
      })
      .from(ticketEvents)
      .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
      .leftJoin(users, eq(users.id, ticketEvents.actorId))
      .where(
        and(
          eq(ticketEvents.organizationId, organization),
          eq(ticketEvents.type, "escalated"),
          lte(ticketEvents.at, now),
        ),
      )
      .orderBy(desc(ticketEvents.at))
      .limit(limit)
      .prepare(),
    customRequests: db
      .select({ id: tickets.id, at: tickets.createdAt, subject: tickets.subject, by: users.name })
      .from(tickets)
      .leftJoin(users, eq(users.id, tickets.requesterId))
      .where(
        and(
          eq(tickets.organizationId, organization),
          eq(tickets.category, "custom_development"),
          lte(tickets.createdAt, now),
        ),
      )
      .orderBy(desc(tickets.createdAt))
      .limit(limit)
      .prepare(),
  };
});

/**
 * An organization's timeline, newest first: engagements staff logged (and the review entries
 * written when a review is shared), proactive alerts raised on its traffic, and escalations of
 * its tickets read from the ticket event log (the log stays the one record of an escalation).
 * Logged entries may lie ahead (a planned meeting); alerts and escalations only up to `now`.
 * At most `limit` entries.
 */
export function getTimeline(
  db: Db,
  user: SessionUser,
  organizationId: number,
  now: Date,
  limit = 100,
): TimelineEntry[] {
  assertCanReadOrganization(user, organizationId);
  const reads = timelineReads(db);
  const at = { organization: organizationId, now: now.getTime(), limit };
  const logged = reads.logged.all(at);
  const alerts = reads.alerts.all(at);
  const escalations = reads.escalations.all(at);
  // Custom development requests reach the account team: each is on the timeline from its filing.
  const customRequests = reads.customRequests.all(at);
  const entries: TimelineEntry[] = [
    ...logged.map((e) => ({
      key: `e${e.id}`,
      kind: e.kind,
      at: e.at,
      day: e.day,
      title: e.title,
      notes: e.notes,
      by: e.by,
      ticketId: null,
      level: null,
      automatic: e.createdById === null,
      review: e.reviewId !== null && e.quarter !== null ? { id: e.reviewId, quarter: e.quarter } : null,
      alert: null,
    })),
    ...alerts.map((a) => ({
      key: `a${a.id}`,
      kind: "proactive_alert" as const,
      at: a.at,
      day: null,
      title: a.description,
      notes: a.productArea,
      by: a.by,
      ticketId: a.ticketId,
      level: null,
      automatic: true,
      review: null,
      alert: alertFacts(a),
    })),
    ...escalations.map((x) => ({
      key: `x${x.id}`,
      kind: "escalation" as const,
      at: x.at,
      day: null,
      title: x.subject,
      notes: "",
      by: x.by,
      ticketId: x.ticketId,
      level: typeof x.data?.level === "string" ? x.data.level : null,
      automatic: true,
      review: null,
      alert: null,
    })),
    ...customRequests.map((c) => ({
      key: `c${c.id}`,
      kind: "custom_development" as const,
      at: c.at,
      day: null,
      title: c.subject,
      notes: "",
      by: c.by,
      ticketId: c.id,
      level: null,
      automatic: true,
      review: null,
      alert: null,
    })),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime() || a.key.localeCompare(b.key)).slice(0, limit);
}

/**
 * Logs a meeting, training, check-in or review on the timeline. Proactive alerts and escalations
 * are not logged by hand: they come from their own records. An entry may not be more than a year
 * in the future (a typo, not a plan).
 */
export function addEngagement(db: Db, user: SessionUser, input: NewEngagement, now: Date): { id: number } {
  assertCanManageOrganization(db, user, input.organizationId);
  if (input.at.getTime() > now.getTime() + 366 * 86_400_000) {
    throw new DomainError("INVALID", "The date is more than a year ahead.", "accounts.errors.dateTooFar");
  }
  return db.transaction((tx) => {
    const row = tx
      .insert(engagements)
      .values({
        organizationId: input.organizationId,
        kind: input.kind,
        at: input.day ? instantOfDay(input.day) : input.at,
        day: input.day ?? null,
        title: input.title.trim(),
        notes: input.notes.trim(),
        createdById: user.id,
      })
      .returning({ id: engagements.id })
      .get();
    recordAudit(tx, {
      actorId: user.id,
      action: "engagement.add",
      entity: "organization",
      entityId: String(input.organizationId),
      detail: { engagementId: row.id, kind: input.kind },
      at: now,
    });
    return row;
  });
}
