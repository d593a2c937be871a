/**
 * Complaints about how a ticket is handled: raised by a customer (or by staff on their behalf), they
 * go to the customer service managers outside the queue (an in-app notification each, and the
 * managers' complaints list), are recorded as ticket events and in the audit log, and are answered
 * by a manager with a response the customer reads on the ticket page.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { organizations, ticketEvents, tickets, users, watchers } from "@/db/schema";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError, notFound } from "@/server/errors";
import {
  answerRefusal,
  foldComplaints,
  type ComplaintEvent,
  type ComplaintOutcome,
  type ComplaintStatus,
} from "./complaint";
import { notifyRole, notifyStaff } from "./notify";
import { appendTicketEvents, findVisibleTicket } from "./service";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The complaint events of one ticket or of all tickets. The type is written as a literal so that a
 * partial index on complaint events (ticket_events where type = 'complaint') serves the managers' list.
 */
function complaintEvents(db: Pick<Db, "select">, ticketId?: number): ComplaintEvent[] {
  return db
    .select({
      id: ticketEvents.id,
      ticketId: ticketEvents.ticketId,
      at: ticketEvents.at,
      actorId: ticketEvents.actorId,
      data: ticketEvents.data,
    })
    .from(ticketEvents)
    .where(
      and(
        sql.raw(`"ticket_events"."type" = 'complaint'`),
        ticketId === undefined ? undefined : eq(ticketEvents.ticketId, ticketId),
      ),
    )
    .orderBy(asc(ticketEvents.at), asc(ticketEvents.id))
    .all();
}

/**
 * Raises a complaint with a reason. One complaint per ticket is with the managers at a time; a
 * staff member raising it records that it was on the customer's behalf.
 */
export function raiseComplaint(
  db: Db,
  user: SessionUser,
  input: { ticketId: number; reason: string },
  now: Date,
): { id: number } {
  return db.transaction((tx) => {
    const ticket = findVisibleTicket(tx, user, input.ticketId);
    if (foldComplaints(complaintEvents(tx, ticket.id)).some((c) => c.status !== "resolved"))
      throw new DomainError(
        "CONFLICT",
        "A complaint about this ticket is already with a manager.",
        "tickets.errors.complaintPending",
      );
    const onBehalf = user.role !== "customer";
    const row = tx
      .insert(ticketEvents)
      .values({
        ticketId: ticket.id,
        organizationId: ticket.organizationId,
        at: now,
        type: "complaint",
        actorId: user.id,
        data: { phase: "raised", reason: input.reason, onBehalf },
      })
      .returning({ id: ticketEvents.id })
      .get();
    appendTicketEvents(tx, ticket.id, [], now);
    recordAudit(tx, {
      actorId: user.id,
      action: "ticket.complaint",
      entity: "ticket",
      entityId: String(ticket.id),
      detail: { complaintId: row.id, onBehalf },
      at: now,
    });
    notifyRole(tx, "manager", ticket.id, user.id, "complaint", now);
    return { id: row.id };
  });
}

/**
 * A manager acknowledges or resolves a complaint with a response the customer sees. The requester,
 * the watchers and whoever raised it are told; a resolved complaint takes no further answers.
 */
export function answerComplaint(
  db: Db,
  manager: SessionUser,
  input: { complaintId: number; outcome: ComplaintOutcome; response: string },
  now: Date,
): void {
  db.transaction((tx) => {
    const raised = tx
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.id, input.complaintId), eq(ticketEvents.type, "complaint")))
      .get();
    if (!raised || raised.data?.phase !== "raised") throw notFound("Complaint");
    const ticket = findVisibleTicket(tx, manager, raised.ticketId);
    const complaint = foldComplaints(complaintEvents(tx, ticket.id)).find((c) => c.id === raised.id)!;
    const refusal = answerRefusal(complaint.status, input.outcome);
    if (refusal === "resolved")
      throw new DomainError(
        "CONFLICT",
        "This complaint has already been resolved.",
        "tickets.errors.complaintResolved",
      );
    if (refusal === "acknowledged")
      throw new DomainError(
        "CONFLICT",
        "This complaint has already been acknowledged; resolve it when you can.",
        "tickets.errors.complaintAcknowledged",
      );
    appendTicketEvents(
      tx,
      ticket.id,
      [
        {
          type: "complaint",
          at: now,
          actorId: manager.id,
          data: { phase: input.outcome, complaintId: raised.id, response: input.response },
        },
      ],
      now,
    );
    recordAudit(tx, {
      actorId: manager.id,
      action: "complaint.answer",
      entity: "ticket",
      entityId: String(ticket.id),
      detail: { complaintId: raised.id, outcome: input.outcome },
      at: now,
    });
    notifyComplaintPeople(tx, ticket.id, [ticket.requesterId, raised.actorId], manager.id, now);
  });
}

function notifyComplaintPeople(tx: Tx, ticketId: number, people: (number | null)[], actorId: number, now: Date) {
  const watcherIds = tx
    .select({ userId: watchers.userId })
    .from(watchers)
    .where(eq(watchers.ticketId, ticketId))
    .all()
    .map((w) => w.userId);
  const ids = [...new Set([...people, ...watcherIds])].filter((id): id is number => id !== null && id !== actorId);
  notifyStaff(tx, ids, ticketId, "complaint_answered", now);
}

export type ComplaintView = {
  id: number;
  ticketId: number;
  reason: string;
  raisedAt: Date;
  raisedBy: string | null;
  onBehalf: boolean;
  status: ComplaintStatus;
  answers: { outcome: ComplaintOutcome; response: string; at: Date; by: string | null }[];
};

function withNames(db: Pick<Db, "select">, complaints: ReturnType<typeof foldComplaints>): ComplaintView[] {
  const ids = [
    ...new Set(
      complaints.flatMap((c) => [c.raisedById, ...c.answers.map((a) => a.byId)]).filter((x): x is number => x !== null),
    ),
  ];
  const names = new Map(
    ids.length
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, ids))
          .all()
          .map((u) => [u.id, u.name])
      : [],
  );
  return complaints.map((c) => ({
    id: c.id,
    ticketId: c.ticketId,
    reason: c.reason,
    raisedAt: c.raisedAt,
    raisedBy: c.raisedById ? (names.get(c.raisedById) ?? null) : null,
    onBehalf: c.onBehalf,
    status: c.status,
    answers: c.answers.map((a) => ({
      outcome: a.outcome,
      response: a.response,
      at: a.at,
      by: a.byId ? (names.get(a.byId) ?? null) : null,
    })),
  }));
}

/** The complaints about one ticket the user may see (the ticket page), newest first. */
export function ticketComplaints(db: Db, user: SessionUser, ticketId: number): ComplaintView[] {
  const ticket = findVisibleTicket(db, user, ticketId);
  return withNames(db, foldComplaints(complaintEvents(db, ticket.id)));
}

/**
 * The managers' complaints list: the ones still waiting for an answer or a resolution ("active"),
 * the resolved ones, or all; newest first, with the ticket and its organization.
 */
export function listComplaints(db: Db, input: { status: "active" | "resolved" | "all"; limit: number }) {
  const folded = foldComplaints(complaintEvents(db)).filter(
    (c) => input.status === "all" || (input.status === "resolved" ? c.status === "resolved" : c.status !== "resolved"),
  );
  const page = withNames(db, folded.slice(0, input.limit));
  const ticketIds = [...new Set(page.map((c) => c.ticketId))];
  const info = new Map(
    ticketIds.length
      ? db
          .select({
            id: tickets.id,
            subject: tickets.subject,
            priority: tickets.priority,
            status: tickets.status,
            organization: organizations.name,
          })
          .from(tickets)
          .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
          .where(inArray(tickets.id, ticketIds))
          .all()
          .map((t) => [t.id, t])
      : [],
  );
  return {
    total: folded.length,
    items: page.map((c) => {
      const t = info.get(c.ticketId)!;
      return { ...c, subject: t.subject, priority: t.priority, ticketStatus: t.status, organization: t.organization };
    }),
  };
}
