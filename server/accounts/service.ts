import { and, eq, inArray, or, sql } from "drizzle-orm";
import { calendars, organizations, targets, tickets, tiers, users } from "@/db/schema";
import { OPEN_TICKET_STATUSES } from "@/db/schema/enums";
import { perDatabase, type Db } from "@/server/db";
import { currentTargetVersionQuery, TARGET_CELL } from "@/server/sla/load";
import { commitmentTerms } from "@/server/availability/availability";
import { notFound } from "@/server/errors";
import { isWebLink } from "@/server/organizations/rules";

/**
 * The overview's five reads, prepared once per database: each costs SQLite about 0.05 ms, and
 * building and preparing its statement on every call cost Drizzle about 0.25 ms more (issue 25).
 */
const overviewReads = perDatabase((db: Db) => {
  const id = sql.placeholder("id");
  return {
    org: db
      .select({ org: organizations, tier: tiers, calendar: calendars })
      .from(organizations)
      .innerJoin(tiers, eq(tiers.id, organizations.tierId))
      .innerJoin(calendars, eq(calendars.id, organizations.calendarId))
      .where(eq(organizations.id, id))
      .prepare(),
    targets: db
      .select(TARGET_CELL)
      .from(targets)
      .where(eq(targets.versionId, currentTargetVersionQuery(db, sql.placeholder("tierId"))))
      .prepare(),
    team: db
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
      .where(or(eq(users.id, sql.placeholder("am")), eq(users.id, sql.placeholder("tam"))))
      .orderBy(users.id)
      .prepare(),
    open: db
      .select({ n: sql<number>`count(*)` })
      .from(tickets)
      .where(and(eq(tickets.organizationId, id), inArray(tickets.status, [...OPEN_TICKET_STATUSES])))
      .prepare(),
  };
});

/**
 * An organization as its customers and staff see it: tier, entitlements (channels, coverage,
 * targets, availability commitment), contract, account team and open ticket count.
 */
export function getOrganizationOverview(db: Db, organizationId: number, now: Date) {
  const reads = overviewReads(db);
  const org = reads.org.get({ id: organizationId });
  if (!org) throw notFound("Organization");
  const cells = reads.targets.all({ tierId: org.tier.id });
  const am = org.org.accountManagerId;
  const tam = org.org.technicalAccountManagerId;
  const team = am === null && tam === null ? [] : reads.team.all({ am, tam });
  const open = reads.open.get({ id: organizationId });
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
