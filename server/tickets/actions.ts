/**
 * The ticket actions of customers and support staff. Each runs in one transaction: it appends the
 * ticket's events, rewrites its stored SLA state (appendTicketEvents), writes comments, audit entries
 * and notifications, or changes nothing at all. A comment's text over the ticket Markdown limits
 * (server/kb/markdown-limits.ts) is refused, with what to fix, before anything is written.
 */
import { and, desc, eq } from "drizzle-orm";
import { comments, satisfactionRatings, ticketEvents, users, watchers } from "@/db/schema";
import { isOpenStatus, SUPPORT_ROLES, type TicketStatus } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError, refuseIf } from "@/server/errors";
import { claimUploads } from "@/server/attachments/service";
import { markdownRefusal } from "@/server/kb/markdown-limits";
import { notifyRole, notifyStaff, notifyTicketPeople } from "./notify";
import { isRepeatedEscalation, isRepeatedPost, mayRemoveWatcher, reopenRefusal } from "./rules";
import { appendTicketEvents, findVisibleTicket } from "./service";
import { l2AssigneeFor } from "./escalation-routes";
import { nextEscalationLevel } from "./workspace";

type TicketEventInput = Parameters<typeof appendTicketEvents>[2][number];
type Tx = Parameters<typeof appendTicketEvents>[0];

const isStaff = (u: SessionUser) => u.role !== "customer";

/** Back from waiting on the customer: a ticket whose workaround was given keeps saying so. */
function statusAfterWaiting(ticket: { waAchievedAt: Date | null }): TicketStatus {
  return ticket.waAchievedAt ? "workaround_provided" : "open";
}

/**
 * Refuses a message identical to the author's last one on the ticket a few seconds ago: a double
 * click, or a retried request, posts one reply (issue #22: a workaround recorded twice had posted two).
 */
function refuseRepeat(tx: Tx, ticketId: number, authorId: number, body: string, now: Date) {
  const last = tx
    .select({ body: comments.body, createdAt: comments.createdAt })
    .from(comments)
    .where(and(eq(comments.ticketId, ticketId), eq(comments.authorId, authorId)))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .get();
  if (isRepeatedPost(last, body, now))
    throw new DomainError("CONFLICT", "This message was just sent; it is not sent twice.", "tickets.errors.repeated");
}

/**
 * Refuses an escalation the same person made of the ticket a few seconds ago (isRepeatedEscalation):
 * a second click would escalate twice, on from L2 to the manager (L3). Read inside the escalation's
 * write transaction, which holds the write lock from BEGIN on SQLite and PostgreSQL alike (decision 029).
 */
function refuseRepeatedEscalation(tx: Tx, ticketId: number, actorId: number, now: Date) {
  const last = tx
    .select({ at: ticketEvents.at })
    .from(ticketEvents)
    .where(
      and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.type, "escalated"), eq(ticketEvents.actorId, actorId)),
    )
    .orderBy(desc(ticketEvents.at), desc(ticketEvents.id))
    .get();
  if (isRepeatedEscalation(last?.at, now))
    throw new DomainError(
      "CONFLICT",
      "This ticket was just escalated; it is not escalated twice.",
      "tickets.errors.escalatedJustNow",
    );
}

function requireOpen(status: TicketStatus) {
  if (!isOpenStatus(status))
    throw new DomainError("CONFLICT", "This ticket is resolved; reopen it first.", "tickets.errors.notOpen");
}

/**
 * A reply. Staff's first public reply achieves first response (an automatic acknowledgement never
 * does); a customer's reply to a ticket waiting on them resumes the clocks. Internal notes are
 * staff-only and move no clock.
 */
export function replyToTicket(
  db: Db,
  user: SessionUser,
  input: { ticketId: number; body: string; internal?: boolean; attachmentIds?: number[] },
  now: Date,
) {
  refuseIf(markdownRefusal(input.body, "ticket"));
  return db.transaction((tx) => {
    const ticket = findVisibleTicket(tx, user, input.ticketId);
    const internal = input.internal === true;
    if (internal && !isStaff(user))
      throw new DomainError("FORBIDDEN", "Only staff can write internal notes.", "errors.forbidden");
    if (!internal) requireOpen(ticket.status);
    refuseRepeat(tx, ticket.id, user.id, input.body, now);
    writeComment(tx, user, ticket, input, internal, now);
    if (internal) {
      recordAudit(tx, {
        actorId: user.id,
        action: "ticket.note",
        entity: "ticket",
        entityId: String(ticket.id),
        at: now,
      });
      return;
    }
    if (isStaff(user)) {
      appendTicketEvents(tx, ticket.id, [{ type: "staffReplied", at: now, actorId: user.id }], now, {
        status: ticket.status === "new" ? "open" : ticket.status,
        assigneeId: ticket.assigneeId ?? user.id,
      });
      recordAudit(tx, {
        actorId: user.id,
        action: "ticket.reply",
        entity: "ticket",
        entityId: String(ticket.id),
        at: now,
      });
    } else {
      const resume = ticket.status === "pending_customer";
      appendTicketEvents(
        tx,
        ticket.id,
        [
          { type: "replied", at: now, actorId: user.id },
          ...(resume ? [{ type: "resumed" as const, at: now, actorId: user.id }] : []),
        ],
        now,
        resume ? { status: statusAfterWaiting(ticket) } : {},
      );
      if (ticket.assigneeId)
        notifyStaff(tx, [ticket.assigneeId], ticket.id, "customer_reply", now, { author: user.name, text: input.body });
    }
    notifyTicketPeople(tx, ticket.id, user.id, "reply", now, input.body);
  });
}

/** Staff set a ticket to wait on the customer (pausing workaround and resolution) or back to open. */
export function setWaiting(db: Db, user: SessionUser, input: { ticketId: number; waiting: boolean }, now: Date) {
  return db.transaction((tx) => {
    const ticket = findVisibleTicket(tx, user, input.ticketId);
    requireOpen(ticket.status);
    if (input.waiting === (ticket.status === "pending_customer"))
      throw new DomainError("CONFLICT", "The ticket already has this status.", "tickets.errors.sameStatus");
    const status = input.waiting ? "pending_customer" : statusAfterWaiting(ticket);
    appendTicketEvents(
      tx,
      ticket.id,
      [{ type: input.waiting ? "paused" : "resumed", at: now, actorId: user.id }],
      now,
      { status },
    );
    recordAudit(tx, {
      actorId: user.id,
      action: "ticket.status",
      entity: "ticket",
      entityId: String(ticket.id),
      detail: { waiting: input.waiting },
      at: now,
    });
    notifyTicketPeople(tx, ticket.id, user.id, "status_changed", now, undefined, { status });
  });
}

/** A message on the ticket (public, or an internal note) with the files uploaded for it. */
function writeComment(
  tx: Tx,
  user: SessionUser,
  ticket: { id: number; organizationId: number },
  input: { body: string; attachmentIds?: number[] },
  internal: boolean,
  now: Date,
) {
  const comment = tx
    .insert(comments)
    .values({
      ticketId: ticket.id,
      authorId: user.id,
      body: input.body,
      visibility: internal ? "internal" : "public",
      createdAt: now,
    })
    .returning({ id: comments.id })
    .get();
  claimUploads(
    tx,
    user,
    input.attachmentIds,
    { ticketId: ticket.id, organizationId: ticket.organizationId, commentId: comment.id, internal },
    now,
  );
}

/** Staff record that service is restored by a temporary measure, with the public explanation. */
export function recordWorkaround(
  db: Db,
  user: SessionUser,
  input: { ticketId: number; body: string; attachmentIds?: number[] },
  now: Date,
) {
  refuseIf(markdownRefusal(input.body, "ticket"));
  return db.transaction((tx) => {
    const ticket = findVisibleTicket(tx, user, input.ticketId);
    requireOpen(ticket.status);
    refuseRepeat(tx, ticket.id, user.id, input.body, now);
    writeComment(tx, user, ticket, input, false, now);
    const events: TicketEventInput[] = [
      ...(ticket.status === "pending_customer" ? [{ type: "resumed" as const, at: now, actorId: user.id }] : []),
      { type: "staffReplied", at: now, actorId: user.id },
      { type: "workaround", at: now, actorId: user.id },
    ];
    appendTicketEvents(tx, ticket.id, events, now, { status: "workaround_provided" });
    recordAudit(tx, {
      actorId: user.id,
      action: "ticket.workaround",
      entity: "ticket",
      entityId: String(ticket.id),
      at: now,
    });
    notifyTicketPeople(tx, ticket.id, user.id, "workaround", now, input.body);
  });
}

/** Staff resolve with a fix, an answer, or "not a defect"; the customer is then asked for a rating. */
export function resolveTicket(
  db: Db,
  user: SessionUser,
  input: { ticketId: number; kind: "fix" | "answer" | "not_a_defect"; body: string; attachmentIds?: number[] },
  now: Date,
) {
  refuseIf(markdownRefusal(input.body, "ticket"));
  return db.transaction((tx) => {
    const ticket = findVisibleTicket(tx, user, input.ticketId);
    requireOpen(ticket.status);
    refuseRepeat(tx, ticket.id, user.id, input.body, now);
    writeComment(tx, user, ticket, input, false, now);
    const events: TicketEventInput[] = [
      ...(ticket.status === "pending_customer" ? [{ type: "resumed" as const, at: now, actorId: user.id }] : []),
      { type: "staffReplied", at: now, actorId: user.id },
      { type: "resolved", at: now, actorId: user.id, data: { kind: input.kind } },
    ];
    appendTicketEvents(tx, ticket.id, events, now, { status: "resolved", resolvedAt: now, resolutionKind: input.kind });
    recordAudit(tx, {
      actorId: user.id,
      action: "ticket.resolve",
      entity: "ticket",
      entityId: String(ticket.id),
      detail: { kind: input.kind },
      at: now,
    });
    notifyTicketPeople(tx, ticket.id, user.id, "resolved", now, input.body);
  });
}

/**
 * The customer reopens a resolved ticket within 14 days of its resolution (in the portal, or by
 * answering its mail, whose files come along); the assignee is told.
 */
export function reopenTicket(
  db: Db,
  user: SessionUser,
  input: { ticketId: number; reason: string; attachmentIds?: number[] },
  now: Date,
) {
  refuseIf(markdownRefusal(input.reason, "ticket"));
  return db.transaction((tx) => {
    const ticket = findVisibleTicket(tx, user, input.ticketId);
    refuseIf(reopenRefusal(ticket, now), "CONFLICT");
    writeComment(tx, user, ticket, { body: input.reason, attachmentIds: input.attachmentIds }, false, now);
    appendTicketEvents(tx, ticket.id, [{ type: "reopened", at: now, actorId: user.id }], now, {
      status: "open",
      resolvedAt: null,
      resolutionKind: null,
    });
    // The public explanation goes with the mail, as a reply's text does.
    notifyTicketPeople(tx, ticket.id, user.id, "reopened", now, input.reason);
    if (ticket.assigneeId)
      notifyStaff(tx, [ticket.assigneeId], ticket.id, "reopened", now, { author: user.name, text: input.reason });
  });
}

/**
 * Staff assign a ticket to a support engineer, expert or manager (themselves or another), or
 * unassign it; a new assignee other than the actor is notified. Customers and other staff roles
 * cannot hold tickets.
 */
export function assignTicket(
  db: Db,
  user: SessionUser,
  input: { ticketId: number; assigneeId: number | null },
  now: Date,
) {
  return db.transaction((tx) => {
    const ticket = findVisibleTicket(tx, user, input.ticketId);
    if (input.assigneeId !== null) {
      const assignee = tx.select({ role: users.role }).from(users).where(eq(users.id, input.assigneeId)).get();
      if (!assignee || !(SUPPORT_ROLES as readonly string[]).includes(assignee.role))
        throw new DomainError(
          "INVALID",
          "Tickets can be assigned to support staff only.",
          "tickets.errors.assigneeStaff",
        );
    }
    // Assigning to whoever already holds the ticket (a double submit, two people clicking at once) changes nothing.
    if (input.assigneeId === ticket.assigneeId) return;
    appendTicketEvents(
      tx,
      ticket.id,
      [{ type: "assigned", at: now, actorId: user.id, data: { assigneeId: input.assigneeId } }],
      now,
      { assigneeId: input.assigneeId },
    );
    recordAudit(tx, {
      actorId: user.id,
      action: "ticket.assign",
      entity: "ticket",
      entityId: String(ticket.id),
      detail: { assigneeId: input.assigneeId },
      at: now,
    });
    if (input.assigneeId !== null && input.assigneeId !== user.id)
      notifyStaff(tx, [input.assigneeId], ticket.id, "assigned", now);
  });
}

/**
 * Escalation L1 → L2 (expert) → L3 (manager), by staff or at a customer's request with a reason;
 * recorded on the timeline and the organization's engagements are left to the account team.
 */
export function escalateTicket(db: Db, user: SessionUser, input: { ticketId: number; reason: string }, now: Date) {
  refuseIf(markdownRefusal(input.reason, "ticket"));
  return db.transaction((tx) => {
    const ticket = findVisibleTicket(tx, user, input.ticketId);
    requireOpen(ticket.status);
    refuseRepeatedEscalation(tx, ticket.id, user.id, now);
    const next = nextEscalationLevel(ticket.escalationLevel);
    if (!next)
      throw new DomainError(
        "CONFLICT",
        "This ticket is already with the customer service manager (L3).",
        "tickets.errors.topLevel",
      );
    tx.insert(comments)
      .values({
        ticketId: ticket.id,
        authorId: user.id,
        body: input.reason,
        visibility: isStaff(user) ? "internal" : "public",
        createdAt: now,
      })
      .run();
    // L2 goes to someone: the area's on-call engineer or least-loaded expert (escalation-route.ts).
    const route = next === "L2" ? l2AssigneeFor(tx, ticket, now) : null;
    const assigneeId = route?.assigneeId ?? ticket.assigneeId;
    const events: TicketEventInput[] = [
      { type: "escalated", at: now, actorId: user.id, data: { level: next, requestedByCustomer: !isStaff(user) } },
    ];
    if (assigneeId !== ticket.assigneeId)
      events.push({ type: "assigned", at: now, actorId: user.id, data: { assigneeId } });
    appendTicketEvents(tx, ticket.id, events, now, { escalationLevel: next, assigneeId });
    recordAudit(tx, {
      actorId: user.id,
      action: "ticket.escalate",
      entity: "ticket",
      entityId: String(ticket.id),
      detail: {
        before: { level: ticket.escalationLevel, assigneeId: ticket.assigneeId },
        after: { level: next, assigneeId },
        ...(route ? { route: route.reason } : {}),
      },
      at: now,
    });
    notifyTicketPeople(tx, ticket.id, user.id, "escalated", now);
    if (route?.assigneeId != null && route.assigneeId !== user.id)
      notifyStaff(tx, [route.assigneeId], ticket.id, "assigned", now);
    else if (!route?.assigneeId)
      notifyRole(tx, next === "L3" ? "manager" : "expert", ticket.id, user.id, "escalated", now);
  });
}

/** After resolution the customer rates satisfaction 1-5 with a comment, once. */
export function rateTicket(
  db: Db,
  user: SessionUser,
  input: { ticketId: number; score: number; comment?: string | null },
  now: Date,
) {
  return db.transaction((tx) => {
    const ticket = findVisibleTicket(tx, user, input.ticketId);
    if (ticket.status !== "resolved" && ticket.status !== "closed")
      throw new DomainError("CONFLICT", "A ticket can be rated once it is resolved.", "tickets.errors.notResolved");
    const existing = tx
      .select({ id: satisfactionRatings.id })
      .from(satisfactionRatings)
      .where(eq(satisfactionRatings.ticketId, ticket.id))
      .get();
    if (existing)
      throw new DomainError("CONFLICT", "This ticket has already been rated.", "tickets.errors.alreadyRated");
    tx.insert(satisfactionRatings)
      .values({
        ticketId: ticket.id,
        userId: user.id,
        score: input.score,
        comment: input.comment ?? null,
        createdAt: now,
      })
      .run();
    appendTicketEvents(
      tx,
      ticket.id,
      [{ type: "rated", at: now, actorId: user.id, data: { score: input.score } }],
      now,
    );
  });
}

/** Adds a colleague from the same organization as a watcher (CC), by email. */
export function addWatcher(db: Db, user: SessionUser, input: { ticketId: number; email: string }, now: Date) {
  return db.transaction((tx) => {
    const ticket = findVisibleTicket(tx, user, input.ticketId);
    const person = tx
      .select({ id: users.id, organizationId: users.organizationId })
      .from(users)
      .where(eq(users.email, input.email.toLowerCase()))
      .get();
    if (!person || person.organizationId !== ticket.organizationId)
      throw new DomainError(
        "INVALID",
        "Watchers must be members of the ticket's organization.",
        "tickets.errors.watcherOrg",
      );
    const exists = tx
      .select()
      .from(watchers)
      .where(and(eq(watchers.ticketId, ticket.id), eq(watchers.userId, person.id)))
      .get();
    if (!exists) tx.insert(watchers).values({ ticketId: ticket.id, userId: person.id }).run();
    recordAudit(tx, {
      actorId: user.id,
      action: "ticket.watch",
      entity: "ticket",
      entityId: String(ticket.id),
      detail: { watcher: person.id },
      at: now,
    });
  });
}

/**
 * Takes a watcher (CC) off a ticket: they are told of it no longer. Allowed to the watcher themself,
 * the requester, the organization's customer administrator and support staff (mayRemoveWatcher);
 * audited as adding is. Someone who no longer watches (a second click) is no change and no entry.
 */
export function removeWatcher(db: Db, user: SessionUser, input: { ticketId: number; userId: number }, now: Date) {
  return db.transaction((tx) => {
    const ticket = findVisibleTicket(tx, user, input.ticketId);
    if (!mayRemoveWatcher(user, ticket, input.userId))
      throw new DomainError(
        "FORBIDDEN",
        "Only the watcher, the requester, your organization's customer administrator or support staff can remove a watcher.",
        "tickets.errors.watcherRemove",
      );
    const watching = and(eq(watchers.ticketId, ticket.id), eq(watchers.userId, input.userId));
    // Someone not watching is no change, and no write: on PostgreSQL even a DELETE of no row bumps
    // the data version (decision 029), which would empty every read cache for nothing.
    if (!tx.select({ userId: watchers.userId }).from(watchers).where(watching).get()) return;
    tx.delete(watchers).where(watching).run();
    recordAudit(tx, {
      actorId: user.id,
      action: "ticket.unwatch",
      entity: "ticket",
      entityId: String(ticket.id),
      detail: { watcher: input.userId },
      at: now,
    });
  });
}
