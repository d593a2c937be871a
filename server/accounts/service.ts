import { and, eq, inArray, sql } from "drizzle-orm";
import { calendars, organizations, targets, tickets, tiers, users } from "@/db/schema";
import { OPEN_TICKET_STATUSES } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import { commitmentTerms } from "@/server/availability/availability";
import { notFound } from "@/server/errors";
import { currentTargetVersionId } from "@/server/sla/load";
import { isWebLink } from "@/server/organizations/rules";

/**
 * An organization as its customers and staff see it: tier, entitlements (channels, coverage,
 * targets, availability commitment), contract, account team and open ticket count.
 */
export function getOrganizationOverview(db: Db, organizationId: number, now: Date) {
  const org = db
    .select({ org: organizations, tier: tiers, calendar: calendars })
    .from(organizations)
    .innerJoin(tiers, eq(tiers.id, organizations.tierId))
    .innerJoin(calendars, eq(calendars.id, organizations.calendarId))
    .where(eq(organizations.id, organizationId))
    .get();
  if (!org) throw notFound("Organization");
  const versionId = currentTargetVersionId(db, org.tier.id);
  const cells = db
    .select({
      priority: targets.priority,
      metric: targets.metric,
      minutes: targets.minutes,
      calendarMode: targets.calendarMode,
    })
    .from(targets)
    .where(eq(targets.versionId, versionId))
    .all();
  const teamIds = [org.org.accountManagerId, org.org.technicalAccountManagerId].filter((x): x is number => x !== null);
  const team = teamIds.length
    ? db
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          title: users.title,
          phone: users.phone,
          chatHandle: users.chatHandle,
          timeZone: users.timeZone,
          workingHours: users.workingHours,
        })
        .from(users)
        .where(inArray(users.id, teamIds))
        .all()
    : [];
  const open = db
    .select({ n: sql<number>`count(*)` })
    .from(tickets)
    .where(and(eq(tickets.organizationId, organizationId), inArray(tickets.status, [...OPEN_TICKET_STATUSES])))
    .get();
  const end = new Date(`${org.org.contractEnd}T00:00:00Z`);
  return {
    id: org.org.id,
    name: org.org.name,
    region: org.org.region,
    timeZone: org.org.timeZone,
    contractStart: org.org.contractStart,
    contractEnd: org.org.contractEnd,
    daysToRenewal: Math.ceil((end.getTime() - now.getTime()) / 86_400_000),
    tier: {
      code: org.tier.code,
      channels: org.tier.channels,
      namedContacts: org.tier.namedContacts,
      reviewCadence: org.tier.reviewCadence,
      proactiveAlerts: org.tier.proactiveAlerts,
      availabilityCommitment: org.tier.availabilityCommitment,
      hotline: org.tier.hotline,
    },
    /** The commitment this organization is held to: its contract's own, else its tier's. */
    availabilityCommitment: commitmentTerms(org.org.availabilityCommitment, org.tier).availabilityCommitment,
    /** How the customer reaches support: the organization's own hotline (else the tier's), email, chat and group. */
    contact: {
      hotline: org.org.hotline ?? org.tier.hotline,
      supportEmail: org.org.supportEmail,
      chatHandle: org.org.chatHandle,
      groupLink: org.org.groupLink !== null && isWebLink(org.org.groupLink) ? org.org.groupLink : null,
    },
    calendar: { name: org.calendar.name, timeZone: org.calendar.timeZone, hours: org.calendar.hours },
    targets: cells,
    team: team.map((m) => ({
      ...m,
      role: m.id === org.org.technicalAccountManagerId ? ("tam" as const) : ("am" as const),
    })),
    openTickets: open?.n ?? 0,
  };
}
