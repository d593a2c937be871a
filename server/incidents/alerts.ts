import { and, asc, desc, eq, gte } from "drizzle-orm";
import { organizations, proactiveAlerts, tickets, tiers, users, watchers } from "@/db/schema";
import type { ProductArea } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError, notFound } from "@/server/errors";
import { pageOnCallIfUrgent } from "@/server/on-call/paging-service";
import { notifyTicketPeople } from "@/server/tickets/notify";
import { appendTicketEvents, fileTicket } from "@/server/tickets/service";
import { can } from "@/server/auth/permissions";

/** How far back a detection may be recorded: an alert is about something happening now. */
export const MAX_DETECTION_AGE_MS = 7 * 86_400_000;

export type RaiseAlertInput = {
  organizationId: number;
  productArea: ProductArea;
  description: string;
  detectedAt: Date;
};

/** An alert from staff or from the signed monitoring endpoint (server/monitoring/service.ts). */
export type OpenAlertInput = RaiseAlertInput & {
  priority: "P0" | "P1";
  source: "staff" | "monitoring";
  metric?: string | null;
  appId?: string | null;
  externalId?: string | null;
};

/**
 * Staff raise a proactive alert for an Enterprise organization: the alert and a P0 ticket for that
 * organization are written in one transaction, the ticket created at the detection time so its SLA
 * clock starts when the vendor noticed, before the customer reports anything. The ticket came in
 * through monitoring (its channel); its requester is the organization's customer administrator
 * (without one, its longest-standing contact), who is notified as usual.
 * @throws DomainError INVALID when the tier has no proactive alerts, the detection is in the future
 * or more than 7 days old, or the organization has no customer contact; NOT_FOUND for an unknown one.
 */
export function raiseProactiveAlert(
  db: Db,
  actor: SessionUser,
  input: RaiseAlertInput,
  now: Date,
): { id: number; ticketId: number } {
  if (!can(actor, "alerts.raise"))
    throw new DomainError("FORBIDDEN", "You do not have permission to do this.", "errors.forbidden");
  return openProactiveAlert(db, actor, { ...input, priority: "P0", source: "staff" }, now);
}

/**
 * The alert and its ticket, as raiseProactiveAlert describes, at the given priority, raised in the
 * name of `actor` (the staff member, or the owner of the monitoring key). Callers check who may.
 */
export function openProactiveAlert(
  db: Db,
  actor: SessionUser,
  input: OpenAlertInput,
  now: Date,
): { id: number; ticketId: number } {
  if (input.detectedAt.getTime() > now.getTime())
    throw new DomainError("INVALID", "The detection time cannot be in the future.", "alerts.errors.futureDetection");
  if (now.getTime() - input.detectedAt.getTime() > MAX_DETECTION_AGE_MS)
    throw new DomainError(
      "INVALID",
      "The detection time must be within the last 7 days.",
      "alerts.errors.oldDetection",
    );
  const org = db
    .select({ id: organizations.id, name: organizations.name, proactiveAlerts: tiers.proactiveAlerts })
    .from(organizations)
    .innerJoin(tiers, eq(tiers.id, organizations.tierId))
    .where(eq(organizations.id, input.organizationId))
    .get();
  if (!org) throw notFound("Organization");
  if (!org.proactiveAlerts)
    throw new DomainError(
      "INVALID",
      "Proactive alerts are part of the Enterprise tier only.",
      "alerts.errors.notEntitled",
    );
  // The ticket's requester is the organization's customer administrator, its designated contact
  // (the longest-standing one when it has several); only without one, its longest-standing contact.
  const contact = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, org.id), eq(users.role, "customer"), eq(users.active, true)))
    .orderBy(desc(users.orgAdmin), asc(users.createdAt), asc(users.id))
    .limit(1)
    .get();
  if (!contact)
    throw new DomainError(
      "INVALID",
      "This organization has no customer contact to open the ticket for.",
      "alerts.errors.noContact",
    );

  // better-sqlite3 turns fileTicket's own transaction into a savepoint of this one: all or nothing.
  return db.transaction((tx) => {
    // What the alert says, as its author or monitor wrote it: the ticket page names it a proactive
    // alert and says monitoring found it, with the alert's metric and App ID from its row, in each
    // reader's language (channel "monitoring", decision 043). A monitor that said nothing is named
    // by its metric, as written.
    const ticket = fileTicket(
      db,
      actor,
      {
        subject: (input.description.split("\n")[0]!.trim() || (input.metric ?? "")).slice(0, 160),
        description: input.description,
        productArea: input.productArea,
        category: "performance",
        priority: input.priority,
        requesterId: contact.id,
        channel: "monitoring",
      },
      input.detectedAt,
      { page: false, fromMonitor: input.source === "monitoring" },
    );
    // The ticket was written as of detection; bring its stored SLA state up to now.
    appendTicketEvents(tx, ticket.id, [], now);
    pageOnCallIfUrgent(tx, { id: ticket.id, priority: input.priority }, "alert", now);
    // The customer hears of it before they notice, in the portal and by email: the requester and
    // the organization's other customer administrators, who follow the ticket from now on.
    const admins = tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.organizationId, org.id),
          eq(users.role, "customer"),
          eq(users.orgAdmin, true),
          eq(users.active, true),
        ),
      )
      .all()
      .filter((u) => u.id !== contact.id);
    if (admins.length > 0)
      tx.insert(watchers)
        .values(admins.map((u) => ({ ticketId: ticket.id, userId: u.id })))
        .onConflictDoNothing()
        .run();
    notifyTicketPeople(tx, ticket.id, actor.id, "proactive_alert", now);
    const alert = tx
      .insert(proactiveAlerts)
      .values({
        organizationId: org.id,
        productArea: input.productArea,
        detectedAt: input.detectedAt,
        description: input.description,
        ticketId: ticket.id,
        raisedById: actor.id,
        source: input.source,
        metric: input.metric ?? null,
        appId: input.appId ?? null,
        externalId: input.externalId ?? null,
        createdAt: now,
      })
      .returning({ id: proactiveAlerts.id })
      .get();
    recordAudit(tx, {
      actorId: actor.id,
      action: "proactiveAlert.raise",
      entity: "proactive_alert",
      entityId: String(alert.id),
      detail: { organizationId: org.id, ticketId: ticket.id, source: input.source },
      at: now,
    });
    return { id: alert.id, ticketId: ticket.id };
  });
}

/**
 * An organization's proactive alerts, newest detection first, with the ticket each opened and its
 * status. A monitoring alert's metric and App ID come apart from its description, which holds only
 * what was said: pages word them in the reader's language. `since` limits how far back (the customer's home shows the last 90 days).
 * Callers enforce tenancy: customers get only their own organization.
 */
export function listProactiveAlerts(db: Db, organizationId: number, opts: { since?: Date; limit: number }) {
  return db
    .select({
      id: proactiveAlerts.id,
      productArea: proactiveAlerts.productArea,
      detectedAt: proactiveAlerts.detectedAt,
      description: proactiveAlerts.description,
      metric: proactiveAlerts.metric,
      appId: proactiveAlerts.appId,
      ticketId: proactiveAlerts.ticketId,
      ticketStatus: tickets.status,
      raisedBy: users.name,
    })
    .from(proactiveAlerts)
    .leftJoin(tickets, eq(tickets.id, proactiveAlerts.ticketId))
    .innerJoin(users, eq(users.id, proactiveAlerts.raisedById))
    .where(
      and(
        eq(proactiveAlerts.organizationId, organizationId),
        opts.since ? gte(proactiveAlerts.detectedAt, opts.since) : undefined,
      ),
    )
    .orderBy(desc(proactiveAlerts.detectedAt), desc(proactiveAlerts.id))
    .limit(opts.limit)
    .all();
}
