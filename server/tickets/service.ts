import { and, asc, desc, eq, gt, inArray, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import {
  articles,
  comments,
  proactiveAlerts,
  knownIssues,
  deflectionEvents,
  disputes,
  organizations,
  satisfactionRatings,
  ticketEvents,
  tickets,
  tiers,
  users,
  watchers,
} from "@/db/schema";
import {
  isOpenStatus,
  OPEN_TICKET_STATUSES,
  SUPPORT_ROLES,
  type ExclusionReason,
  type FaultEnvironment,
  type ProductArea,
  type TicketEventType,
  type TicketStatus,
  type UsersAffected,
} from "@/db/schema/enums";
import { onRequestFiled } from "@/server/requests/on-filed";
import { claimUploads, listTicketAttachments, totalAttachedBytes } from "@/server/attachments/service";
import { recordAudit } from "@/server/audit/service";
import { alertFacts } from "@/server/incidents/alert-facts";
import { orgScope } from "@/server/api/scope";
import type { SessionUser } from "@/server/auth/session";
import { perDatabase, type Db } from "@/server/db";
import {
  DomainError,
  fieldsRefusal,
  noOrganization,
  notFound,
  refuseFields,
  refuseIf,
  type FieldRefusal,
} from "@/server/errors";
import type { RequestRenderBudget } from "@/server/kb/markdown";
import { markdownRefusal } from "@/server/kb/markdown-limits";
import { sdkSupport } from "@/server/lifecycle/service";
import { pageOnCallIfUrgent } from "@/server/on-call/paging-service";
import { enqueueWebhookEvent } from "@/server/webhooks/enqueue";
import { isMoreUrgent, slaRiskState, type Metric, type Priority } from "@/server/sla/evaluate";
import { explainDue } from "@/server/sla/explain";
import { currentTargetVersionId } from "@/server/sla/load";
import { loadTicketSlaInput, refreshTicketSla } from "@/server/sla/service";
import { foldComplaints } from "./complaint";
import { eventChange } from "./event-details";
import { renderTicketMarkdown } from "./render";
import { isOutsideSla } from "./priorities";
import { filingRefusals, isRepeatedTicket, mayRemoveWatcher, priorityRefusal, REPEAT_WINDOW_MS } from "./rules";
import { notifyRole, notifyTicketPeople } from "./notify";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type EventData = Record<string, string | number | boolean | null>;

/** A LIKE pattern matching `text` anywhere, with its own %, _ and backslash escaped (for `escape '\\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/**
 * Loads a ticket the user may see; a ticket of another organization "does not exist" for a
 * customer, so guessing ids reveals nothing.
 */
export function findVisibleTicket(db: Pick<Db, "select">, user: SessionUser, ticketId: number) {
  const row = db
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), orgScope(user, tickets.organizationId)))
    .get();
  if (!row) throw notFound("Ticket");
  return row;
}

/**
 * Appends events to a ticket's log and, in the same transaction, re-derives its stored SLA state,
 * so the log and the state never disagree. Returns the new state.
 */
export function appendTicketEvents(
  tx: Tx,
  ticketId: number,
  events: { type: TicketEventType; at: Date; actorId: number | null; data?: EventData }[],
  now: Date,
  patch: Partial<typeof tickets.$inferInsert> = {},
) {
  if (events.length > 0) {
    const { organizationId } = tx
      .select({ organizationId: tickets.organizationId })
      .from(tickets)
      .where(eq(tickets.id, ticketId))
      .get()!;
    for (const e of events)
      tx.insert(ticketEvents)
        .values({ ticketId, organizationId, at: e.at, type: e.type, actorId: e.actorId, data: e.data ?? null })
        .run();
  }
  tx.update(tickets)
    .set({ ...patch, updatedAt: now })
    .where(eq(tickets.id, ticketId))
    .run();
  return refreshTicketSla(tx, ticketId, now);
}

/** Staff change a ticket's priority with a reason; a security vulnerability never goes below P1. */
export function changePriority(
  db: Db,
  actor: SessionUser,
  input: { ticketId: number; priority: Priority; reason: string },
  now: Date,
) {
  return db.transaction((tx) => {
    const ticket = findVisibleTicket(tx, actor, input.ticketId);
    if (!isOpenStatus(ticket.status))
      throw new DomainError("CONFLICT", "Only an open ticket's priority can change.", "tickets.errors.notOpen");
    refuseIf(priorityRefusal(ticket, input.priority));
    appendTicketEvents(
      tx,
      ticket.id,
      [
        {
          type: "priorityChanged",
          at: now,
          actorId: actor.id,
          data: { priority: input.priority, from: ticket.priority, reason: input.reason },
        },
      ],
      now,
      { priority: input.priority },
    );
    recordAudit(tx, {
      actorId: actor.id,
      action: "ticket.priority",
      entity: "ticket",
      entityId: String(ticket.id),
      detail: { from: ticket.priority, to: input.priority },
      at: now,
    });
    notifyTicketPeople(tx, ticket.id, actor.id, "priority_changed", now, undefined, {
      priority: { from: ticket.priority, to: input.priority },
    });
    if (isMoreUrgent(input.priority, ticket.priority))
      pageOnCallIfUrgent(tx, { id: ticket.id, priority: input.priority }, "priority_raised", now);
  });
}

/** A manager excludes a ticket from SLA figures for one of the four reasons, with a note the customer sees. */
export function excludeTicket(
  db: Db,
  actor: SessionUser,
  input: { ticketId: number; reason: ExclusionReason; note: string },
  now: Date,
) {
  return db.transaction((tx) => {
    const ticket = findVisibleTicket(tx, actor, input.ticketId);
    if (ticket.exclusionReason)
      throw new DomainError("CONFLICT", "This ticket is already excluded.", "tickets.errors.alreadyExcluded");
    if (
      input.reason === "sdk_out_of_support" &&
      sdkSupport(tx, ticket.sdkPlatform, ticket.sdkVersion, now).state !== "unsupported"
    )
      throw new DomainError(
        "INVALID",
        "This ticket's SDK is not past its support window (see the SDK lifecycle).",
        "tickets.errors.sdkSupported",
      );
    appendTicketEvents(
      tx,
      ticket.id,
      [{ type: "excluded", at: now, actorId: actor.id, data: { reason: input.reason, note: input.note } }],
      now,
      { exclusionReason: input.reason, exclusionNote: input.note },
    );
    recordAudit(tx, {
      actorId: actor.id,
      action: "ticket.exclude",
      entity: "ticket",
      entityId: String(ticket.id),
      detail: { reason: input.reason },
      at: now,
    });
    notifyTicketPeople(tx, ticket.id, actor.id, "excluded", now);
  });
}

/** A customer disputes the priority (proposing another) or an exclusion, with a reason. */
export function openDispute(
  db: Db,
  user: SessionUser,
  input: { ticketId: number; kind: "priority" | "exclusion"; proposedPriority?: Priority; reason: string },
  now: Date,
) {
  return db.transaction((tx) => {
    const ticket = findVisibleTicket(tx, user, input.ticketId);
    const pending = tx
      .select({ id: disputes.id })
      .from(disputes)
      .where(and(eq(disputes.ticketId, ticket.id), eq(disputes.kind, input.kind), eq(disputes.status, "open")))
      .get();
    if (pending)
      throw new DomainError(
        "CONFLICT",
        "A dispute of this kind is already waiting for a manager.",
        "tickets.errors.disputePending",
      );
    if (input.kind === "priority") {
      if (!input.proposedPriority)
        throw new DomainError("INVALID", "Choose the priority you propose.", "tickets.errors.proposeRequired");
      refuseIf(priorityRefusal(ticket, input.proposedPriority));
    } else if (!ticket.exclusionReason)
      throw new DomainError("INVALID", "This ticket is not excluded.", "tickets.errors.notExcluded");
    const row = tx
      .insert(disputes)
      .values({
        ticketId: ticket.id,
        kind: input.kind,
        proposedPriority: input.kind === "priority" ? (input.proposedPriority ?? null) : null,
        reason: input.reason,
        requestedById: user.id,
        createdAt: now,
      })
      .returning({ id: disputes.id })
      .get();
    appendTicketEvents(
      tx,
      ticket.id,
      [
        {
          type: "disputeOpened",
          at: now,
          actorId: user.id,
          data: { kind: input.kind, proposed: input.proposedPriority ?? null, disputeId: row.id },
        },
      ],
      now,
    );
    notifyRole(tx, "manager", ticket.id, user.id, "dispute", now);
    return { id: row.id };
  });
}

/**
 * A manager decides a dispute. An upheld priority dispute applies the customer's priority from the
 * ticket's start with no grace (the customer was right all along); an upheld exclusion dispute lifts
 * the exclusion, so the ticket counts again.
 */
export function decideDispute(
  db: Db,
  actor: SessionUser,
  input: { disputeId: number; upheld: boolean; note: string },
  now: Date,
) {
  return db.transaction((tx) => {
    const dispute = tx.select().from(disputes).where(eq(disputes.id, input.disputeId)).get();
    if (!dispute) throw notFound("Dispute");
    if (dispute.status !== "open")
      throw new DomainError("CONFLICT", "This dispute has already been decided.", "tickets.errors.disputeDecided");
    const ticket = findVisibleTicket(tx, actor, dispute.ticketId);
    // A dispute opened before the rules applied to it (or whose ticket changed category since)
    // can be rejected, but never upheld into a priority the ticket may not hold.
    if (input.upheld && dispute.kind === "priority" && dispute.proposedPriority)
      refuseIf(priorityRefusal({ category: ticket.category }, dispute.proposedPriority));
    tx.update(disputes)
      .set({
        status: input.upheld ? "upheld" : "rejected",
        decidedById: actor.id,
        decisionNote: input.note,
        decidedAt: now,
      })
      .where(eq(disputes.id, dispute.id))
      .run();
    const events: Parameters<typeof appendTicketEvents>[2] = [
      {
        type: "disputeDecided",
        at: now,
        actorId: actor.id,
        data: { kind: dispute.kind, upheld: input.upheld, disputeId: dispute.id },
      },
    ];
    let patch: Partial<typeof tickets.$inferInsert> = {};
    if (
      input.upheld &&
      dispute.kind === "priority" &&
      dispute.proposedPriority &&
      dispute.proposedPriority !== ticket.priority
    ) {
      events.push({
        type: "priorityChanged",
        at: now,
        actorId: actor.id,
        data: { priority: dispute.proposedPriority, from: ticket.priority, disputeUpheld: true },
      });
      patch = { priority: dispute.proposedPriority };
    }
    if (input.upheld && dispute.kind === "exclusion") {
      events.push({ type: "exclusionLifted", at: now, actorId: actor.id });
      patch = { exclusionReason: null, exclusionNote: null };
    }
    appendTicketEvents(tx, ticket.id, events, now, patch);
    recordAudit(tx, {
      actorId: actor.id,
      action: "dispute.decide",
      entity: "dispute",
      entityId: String(dispute.id),
      detail: { upheld: input.upheld, kind: dispute.kind },
      at: now,
    });
    notifyTicketPeople(tx, ticket.id, actor.id, "dispute_decided", now);
    if (patch.priority && isMoreUrgent(patch.priority, ticket.priority))
      pageOnCallIfUrgent(tx, { id: ticket.id, priority: patch.priority }, "priority_raised", now);
  });
}

/**
 * Events a customer's timeline leaves out: who the ticket is assigned to, and a page moving past an
 * engineer who did not answer in time (the customer reads that someone on call was paged, and when
 * an engineer took it; how support's escalation ladder went is support's own business).
 */
const STAFF_ONLY_EVENTS: TicketEventType[] = ["assigned", "pageEscalated"];
const complaintPhase = (p: unknown): "raised" | "acknowledged" | "resolved" | null =>
  p === "raised" || p === "acknowledged" || p === "resolved" ? p : null;

/**
 * The ticket page's fixed-shape reads, prepared once per database: Drizzle building them on every
 * view cost about half of tickets.get (issue 25).
 */
const detailReads = perDatabase((db: Db) => {
  const ticket = sql.placeholder("ticket");
  const conversationWhere = (where: SQL | undefined) =>
    db.select().from(comments).where(where).orderBy(asc(comments.createdAt), asc(comments.id)).prepare();
  return {
    org: db
      .select({ name: organizations.name, tierCode: tiers.code, timeZone: organizations.timeZone })
      .from(organizations)
      .innerJoin(tiers, eq(tiers.id, organizations.tierId))
      .where(eq(organizations.id, sql.placeholder("organization")))
      .prepare(),
    requesterLocale: db
      .select({ locale: users.locale })
      .from(users)
      .where(eq(users.id, sql.placeholder("user")))
      .prepare(),
    publicConversation: conversationWhere(and(eq(comments.ticketId, ticket), eq(comments.visibility, "public"))),
    conversation: conversationWhere(eq(comments.ticketId, ticket)),
    events: db
      .select()
      .from(ticketEvents)
      .where(eq(ticketEvents.ticketId, ticket))
      .orderBy(asc(ticketEvents.at), asc(ticketEvents.id))
      .prepare(),
    rating: db
      .select({
        score: satisfactionRatings.score,
        comment: satisfactionRatings.comment,
        createdAt: satisfactionRatings.createdAt,
        userId: satisfactionRatings.userId,
      })
      .from(satisfactionRatings)
      .where(eq(satisfactionRatings.ticketId, ticket))
      .prepare(),
    disputes: db
      .select()
      .from(disputes)
      .where(eq(disputes.ticketId, ticket))
      .orderBy(desc(disputes.createdAt))
      .prepare(),
    watchers: db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(watchers)
      .innerJoin(users, eq(users.id, watchers.userId))
      .where(eq(watchers.ticketId, ticket))
      .orderBy(users.name)
      .prepare(),
  };
});

/**
 * Everything the ticket page shows: the ticket, the conversation (internal notes only for staff),
 * the timeline, disputes, and each SLA metric with status, risk and its "why is it due then?".
 * Texts are rendered within the request's render budget: past it (a conversation of many heavy
 * replies, on a cold cache) the rest show as plain text on this load and render on a later one.
 */
export function getTicketDetail(db: Db, user: SessionUser, ticketId: number, now: Date, request: RequestRenderBudget) {
  const ticket = findVisibleTicket(db, user, ticketId);
  const reads = detailReads(db);
  const org = reads.org.get({ organization: ticket.organizationId })!;
  const isCustomer = user.role === "customer";
  const requester = reads.requesterLocale.get({ user: ticket.requesterId });
  const people = new Map<number, { name: string; staff: boolean }>();
  const loadPeople = (ids: (number | null)[]) => {
    const missing = [...new Set(ids.filter((x): x is number => x !== null && !people.has(x)))];
    if (missing.length === 0) return;
    for (const u of db
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(inArray(users.id, missing))
      .all())
      people.set(u.id, { name: u.name, staff: u.role !== "customer" });
  };
  const conversation = (isCustomer ? reads.publicConversation : reads.conversation).all({ ticket: ticketId });
  const events = reads.events.all({ ticket: ticketId });
  const ratingRow = reads.rating.get({ ticket: ticketId }) ?? null;
  const disputeRows = reads.disputes.all({ ticket: ticketId });
  const watcherRows = reads.watchers.all({ ticket: ticketId });
  loadPeople([
    ticket.requesterId,
    ticket.assigneeId,
    ratingRow?.userId ?? null,
    ...conversation.map((c) => c.authorId),
    ...events.map((e) => e.actorId),
  ]);
  const complaints = foldComplaints(events.filter((e) => e.type === "complaint"));
  // The alerts of a proactive alert's ticket: the first opened it, and its metric and App ID are
  // worded under the description; monitoring's note that it saw the same problem again
  // (server/monitoring/service.ts) is written with its alert, at the same instant: the page words
  // it from the alert's row.
  const alertRows =
    ticket.channel === "monitoring" || conversation.some((c) => c.automatic)
      ? db
          .select({
            alertId: proactiveAlerts.id,
            metric: proactiveAlerts.metric,
            appId: proactiveAlerts.appId,
            detectedAt: proactiveAlerts.detectedAt,
            createdAt: proactiveAlerts.createdAt,
          })
          .from(proactiveAlerts)
          .where(eq(proactiveAlerts.ticketId, ticketId))
          .orderBy(asc(proactiveAlerts.id))
          .all()
      : [];
  const repeatedAlerts = new Map(
    alertRows.map(({ createdAt, alertId, metric, detectedAt }) => [
      createdAt.getTime(),
      { alertId, metric, detectedAt },
    ]),
  );
  const openingAlert = ticket.channel === "monitoring" && alertRows[0] ? alertFacts(alertRows[0]) : null;

  const sla = loadTicketSlaInput(db, ticketId, events);
  // One trace serves both: each explanation carries the metric's outcome (dueAt, achievedAt, status).
  const explanations = explainDue(sla.events, sla.targets, now);
  const metrics = (Object.keys(explanations) as Metric[]).map((metric) => {
    const explanation = explanations[metric]!;
    const outcome = { dueAt: explanation.dueAt, achievedAt: explanation.achievedAt, status: explanation.status };
    const target = sla.targets[explanation.priority][metric];
    const risk = target ? slaRiskState(outcome, target, now) : null;
    return {
      metric,
      ...outcome,
      atRisk: risk?.state === "atRisk",
      remainingMinutes: risk?.remainingMinutes ?? null,
      explanation,
    };
  });

  return {
    ticket: {
      id: ticket.id,
      subject: ticket.subject,
      description: ticket.description,
      descriptionHtml: renderTicketMarkdown(ticket.description, request),
      priority: ticket.priority,
      status: ticket.status,
      productArea: ticket.productArea,
      category: ticket.category,
      channel: ticket.channel,
      alert: openingAlert,
      sdkPlatform: ticket.sdkPlatform,
      sdkVersion: ticket.sdkVersion,
      escalationLevel: ticket.escalationLevel,
      outsideSla: ticket.outsideSla,
      exclusionReason: ticket.exclusionReason,
      exclusionNote: ticket.exclusionNote,
      createdAt: ticket.createdAt,
      resolvedAt: ticket.resolvedAt,
      organization: org.name,
      tier: org.tierCode,
      requester: people.get(ticket.requesterId)?.name ?? "",
      assignee: ticket.assigneeId ? (people.get(ticket.assigneeId)?.name ?? null) : null,
      assigneeId: isCustomer ? null : ticket.assigneeId,
      version: ticket.updatedAt,
      requesterLocale: requester?.locale ?? null,
      knownIssue: linkedKnownIssue(db, ticket.knownIssueId, events),
      sdkSupport: sdkSupport(db, ticket.sdkPlatform, ticket.sdkVersion, now),
      fault: {
        environment: ticket.environment,
        usersAffected: ticket.usersAffected,
        startedAt: ticket.faultStartedAt,
        appId: ticket.appId,
        channelName: ticket.channelName,
        userIds: ticket.userIds,
        reproSteps: ticket.reproSteps,
      },
    },
    attachments: listTicketAttachments(db, ticketId, !isCustomer),
    attachmentBytes: totalAttachedBytes(db, ticketId),
    // Each with whether this viewer may take them off ("Stop watching" for oneself).
    watchers: watcherRows.map((w) => ({
      ...w,
      self: w.id === user.id,
      removable: mayRemoveWatcher(user, ticket, w.id),
    })),
    complaints: complaints.map((c) => ({
      id: c.id,
      reason: c.reason,
      raisedAt: c.raisedAt,
      raisedBy: c.raisedById ? (people.get(c.raisedById)?.name ?? null) : null,
      onBehalf: c.onBehalf,
      status: c.status,
      answers: c.answers.map((a) => ({
        outcome: a.outcome,
        response: a.response,
        at: a.at,
        by: a.byId ? (people.get(a.byId)?.name ?? null) : null,
      })),
    })),
    conversation: conversation.map((c) => ({
      id: c.id,
      repeatedAlert: c.automatic ? (repeatedAlerts.get(c.createdAt.getTime()) ?? null) : null,
      author: people.get(c.authorId)?.name ?? "",
      staff: people.get(c.authorId)?.staff ?? false,
      body: c.body,
      html: renderTicketMarkdown(c.body, request),
      internal: c.visibility === "internal",
      createdAt: c.createdAt,
    })),
    timeline: events
      .filter(
        (e) =>
          !isCustomer ||
          (!STAFF_ONLY_EVENTS.includes(e.type) && !(e.type === "attachmentRemoved" && e.data?.internal === "true")),
      )
      .map((e) => ({
        id: e.id,
        at: e.at,
        type: e.type,
        actor: e.actorId ? (people.get(e.actorId)?.name ?? null) : null,
        byStaff: e.actorId ? (people.get(e.actorId)?.staff ?? false) : false,
        change: eventChange(e.type, e.data),
        disputeUpheld: e.data?.disputeUpheld === true,
        complaintPhase: e.type === "complaint" ? complaintPhase(e.data?.phase) : null,
        fileName: e.type === "attachmentRemoved" && typeof e.data?.name === "string" ? e.data.name : null,
        reason: e.type === "attachmentRemoved" && typeof e.data?.reason === "string" ? e.data.reason : null,
      })),
    disputes: disputeRows.map((d) => ({
      id: d.id,
      kind: d.kind,
      proposedPriority: d.proposedPriority,
      reason: d.reason,
      status: d.status,
      decisionNote: d.decisionNote,
      createdAt: d.createdAt,
      decidedAt: d.decidedAt,
    })),
    metrics,
    // Who rated: a colleague of the requester may have (any customer of the organization can), so
    // the page says "You rated" only to the rater.
    rating: ratingRow
      ? {
          score: ratingRow.score,
          comment: ratingRow.comment,
          createdAt: ratingRow.createdAt,
          by: people.get(ratingRow.userId)?.name ?? null,
          byViewer: ratingRow.userId === user.id,
        }
      : null,
    timeZone: sla.calendar.timeZone,
  };
}

/** The ticket's known issue for its page, with the customer's last verification of the fix since it was fixed. */
function linkedKnownIssue(
  db: Pick<Db, "select">,
  knownIssueId: number | null,
  events: { type: TicketEventType; data: EventData | null }[],
) {
  if (knownIssueId === null) return null;
  const issue = db.select().from(knownIssues).where(eq(knownIssues.id, knownIssueId)).get();
  if (!issue) return null;
  const last = events.filter((e) => e.type === "fixVerified").at(-1);
  const verified =
    issue.status === "fixed" && last && last.data?.version === issue.fixVersion
      ? last.data?.works === true
        ? ("works" as const)
        : ("fails" as const)
      : null;
  return {
    id: issue.id,
    titleEn: issue.titleEn,
    titleZh: issue.titleZh,
    status: issue.status,
    fixVersion: issue.fixVersion,
    workaroundEn: issue.workaroundEn,
    workaroundZh: issue.workaroundZh,
    verified,
  };
}

export type TicketListInput = {
  status?: "open" | "closed" | TicketStatus;
  priority?: Priority;
  productArea?: ProductArea;
  requesterId?: number;
  search?: string;
  /** Newest first (every ticket), or nearest due time first (tickets with a metric still due). */
  sort?: "newest" | "due";
  cursor?: { createdAt: Date; id: number } | { nextDueAt: Date; id: number } | null;
  limit: number;
};

/**
 * A page of tickets the user may see, newest first with keyset pagination on (created_at, id), or
 * by nearest due time on (next_due_at, id) over the tickets that still have a metric due, so a page
 * stays fast however deep the organization's history is.
 */
export function listTickets(db: Db, user: SessionUser, input: TicketListInput) {
  const conds = [orgScope(user, tickets.organizationId)];
  if (input.status === "open") conds.push(inArray(tickets.status, [...OPEN_TICKET_STATUSES]));
  else if (input.status === "closed") conds.push(inArray(tickets.status, ["resolved", "closed"]));
  else if (input.status) conds.push(eq(tickets.status, input.status));
  if (input.priority) conds.push(eq(tickets.priority, input.priority));
  if (input.productArea) conds.push(eq(tickets.productArea, input.productArea));
  if (input.requesterId) conds.push(eq(tickets.requesterId, input.requesterId));
  const byDue = input.sort === "due";
  if (byDue) conds.push(isNotNull(tickets.nextDueAt));
  const q = input.search?.trim();
  if (q) {
    const n = /^#?(\d+)$/.exec(q);
    conds.push(n ? eq(tickets.id, Number(n[1])) : sql`${tickets.subject} like ${containsPattern(q)} escape '\\'`);
  }
  const c = input.cursor;
  if (c && byDue && "nextDueAt" in c)
    conds.push(or(gt(tickets.nextDueAt, c.nextDueAt), and(eq(tickets.nextDueAt, c.nextDueAt), gt(tickets.id, c.id))));
  if (c && !byDue && "createdAt" in c)
    conds.push(or(lt(tickets.createdAt, c.createdAt), and(eq(tickets.createdAt, c.createdAt), lt(tickets.id, c.id))));
  const rows = db
    .select({
      id: tickets.id,
      subject: tickets.subject,
      priority: tickets.priority,
      status: tickets.status,
      productArea: tickets.productArea,
      createdAt: tickets.createdAt,
      nextDueAt: tickets.nextDueAt,
      frStatus: tickets.frStatus,
      waStatus: tickets.waStatus,
      resStatus: tickets.resStatus,
      organization: organizations.name,
      excluded: sql<boolean>`${tickets.exclusionReason} is not null`.mapWith(Boolean),
      outsideSla: tickets.outsideSla,
    })
    .from(tickets)
    .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
    .where(and(...conds))
    .orderBy(...(byDue ? [asc(tickets.nextDueAt), asc(tickets.id)] : [desc(tickets.createdAt), desc(tickets.id)]))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const more = rows.length > input.limit && last;
  return {
    items: page.map((r) => ({ ...r, breached: [r.frStatus, r.waStatus, r.resStatus].includes("breached") })),
    nextCursor: more
      ? byDue && last.nextDueAt
        ? { nextDueAt: last.nextDueAt, id: last.id }
        : { createdAt: last.createdAt, id: last.id }
      : null,
  };
}

export type FileTicketInput = {
  subject: string;
  description: string;
  productArea: (typeof tickets.$inferInsert)["productArea"];
  category: (typeof tickets.$inferInsert)["category"];
  priority: Priority;
  sdkPlatform?: string | null;
  sdkVersion?: string | null;
  channel?: (typeof tickets.$inferInsert)["channel"];
  /** Staff logging a ticket on a customer's behalf name the requester. */
  requesterId?: number;
  /** Colleagues of the requester to copy (CC), by email; each must belong to the ticket's organization. */
  watchers?: string[];
  /** The filer's pending uploads to attach (server/attachments/service.ts). */
  attachmentIds?: number[];
  /** Fault details: where the fault happens, to how many users, since when (all optional). */
  fault?: FaultDetails;
};

export type FaultDetails = {
  environment?: FaultEnvironment | null;
  usersAffected?: UsersAffected | null;
  startedAt?: Date | null;
  appId?: string | null;
  channelName?: string | null;
  userIds?: string | null;
  reproSteps?: string | null;
};

/**
 * Refuses a ticket its requester filed a moment ago (isRepeatedTicket), naming the one filed: six
 * identical tickets.create requests at once filed six tickets. Read inside the filing's write
 * transaction, which holds the write lock from BEGIN on SQLite and PostgreSQL alike (IMMEDIATE,
 * server/db.ts; decision 029), so two requests cannot both pass it. The organization and time range
 * are a range of tickets_org_created_cover_idx: a few rows, about 0.6 ms with 3,000 tickets of the
 * organization in the window.
 */
function refuseRepeatedTicket(
  tx: Tx,
  organizationId: number,
  requesterId: number,
  ticket: { subject: string; description: string },
  now: Date,
) {
  const repeated = tx
    .select({
      id: tickets.id,
      subject: tickets.subject,
      description: tickets.description,
      createdAt: tickets.createdAt,
    })
    .from(tickets)
    .where(
      and(
        eq(tickets.organizationId, organizationId),
        gt(tickets.createdAt, new Date(now.getTime() - REPEAT_WINDOW_MS)),
        lt(tickets.createdAt, new Date(now.getTime() + REPEAT_WINDOW_MS)),
        eq(tickets.requesterId, requesterId),
        // Only rows that could repeat it are read whole: under a flood of filings from one
        // organization (the bench's 300 a second) the range holds thousands of other tickets.
        sql`trim(${tickets.subject}) = ${ticket.subject.trim()}`,
      ),
    )
    .all()
    .find((t) => isRepeatedTicket(t, ticket, now));
  if (repeated)
    throw new DomainError(
      "CONFLICT",
      `This ticket was just filed as #${repeated.id}; it is not filed twice.`,
      "tickets.errors.repeatedTicket",
      { id: repeated.id },
    );
}

/**
 * Files a ticket under the target version in force now for the organization's tier, with its
 * "created" event, stored SLA state and watchers in one transaction. A security vulnerability is
 * never below P1; a custom development request goes to the account manager and is outside the SLA.
 * A description over the ticket Markdown limits is refused with what to fix, and nothing is written;
 * so is a repeat of the ticket its requester filed a moment ago (CONFLICT, naming that ticket).
 */
export function fileTicket(
  db: Db,
  user: SessionUser,
  input: FileTicketInput,
  now: Date,
  /**
   * `page: false` pages nobody; `fromMail` files a received message, whose guard against a repeat is
   * its Message-ID (server/email/inbound.ts): two messages alike are two messages, and refusing the
   * second would only have the sender's server deliver it again later. `fromMonitor` files a signed
   * monitoring alert, guarded by its replay receipt, the monitor's alert id and grouping by metric
   * (server/monitoring/service.ts): two alerts saying the same of two metrics are two problems.
   */
  opts: { page?: boolean; fromMail?: boolean; fromMonitor?: boolean } = {},
): { id: number } {
  // Every problem of the input at once, so one submit shows them all: the rules that need no
  // database now, who may watch once the organization is known; nothing is written while any stands.
  const refused: Record<string, FieldRefusal[]> = filingRefusals(
    { category: input.category, priority: input.priority, startedAt: input.fault?.startedAt },
    now,
  );
  const markdown = markdownRefusal(input.description, "ticket");
  if (markdown) refused.description = [markdown];
  return db.transaction((tx) => {
    let requesterId = user.id;
    let organizationId = user.organizationId;
    if (user.role !== "customer") {
      const requester = input.requesterId
        ? tx.select().from(users).where(eq(users.id, input.requesterId)).get()
        : undefined;
      if (!requester || requester.role !== "customer" || requester.organizationId === null)
        // Without the customer, who may watch is unknown: these refusals are all there are to give.
        throw fieldsRefusal({
          ...refused,
          requesterId: [
            { messageKey: "tickets.errors.requesterRequired", message: "Choose the customer this ticket is for." },
          ],
        })!;
      requesterId = requester.id;
      organizationId = requester.organizationId;
    }
    if (organizationId === null) throw noOrganization();
    if (!opts.fromMail && !opts.fromMonitor) refuseRepeatedTicket(tx, organizationId, requesterId, input, now);
    const org = tx
      .select({ tierId: organizations.tierId, accountManagerId: organizations.accountManagerId })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .get();
    if (!org) throw notFound("Organization");
    const watcherIds: number[] = [];
    const outsiders: string[] = [];
    for (const email of new Set((input.watchers ?? []).map((e) => e.trim().toLowerCase()))) {
      const person = tx
        .select({ id: users.id, organizationId: users.organizationId })
        .from(users)
        .where(sql`lower(${users.email}) = ${email}`)
        .get();
      if (!person || person.organizationId !== organizationId) outsiders.push(email);
      else if (person.id !== requesterId) watcherIds.push(person.id);
    }
    if (outsiders.length > 0)
      refused.watchers = [
        {
          messageKey: "tickets.errors.watcherOrg",
          message: `Watchers must be members of the ticket's organization (${outsiders.join(", ")}).`,
        },
      ];
    refuseFields(refused);
    const version = { id: currentTargetVersionId(tx, org.tierId) };
    const custom = isOutsideSla(input.category);
    const row = tx
      .insert(tickets)
      .values({
        organizationId,
        requesterId,
        subject: input.subject,
        description: input.description,
        productArea: input.productArea,
        category: input.category,
        priority: input.priority,
        status: "new",
        channel: user.role === "customer" ? "portal" : (input.channel ?? "portal"),
        sdkPlatform: input.sdkPlatform ?? null,
        sdkVersion: input.sdkVersion ?? null,
        environment: input.fault?.environment ?? null,
        usersAffected: input.fault?.usersAffected ?? null,
        faultStartedAt: input.fault?.startedAt ?? null,
        appId: input.fault?.appId || null,
        channelName: input.fault?.channelName || null,
        userIds: input.fault?.userIds || null,
        reproSteps: input.fault?.reproSteps || null,
        assigneeId: custom ? org.accountManagerId : null,
        targetVersionId: version.id,
        outsideSla: custom,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: tickets.id })
      .get();
    appendTicketEvents(
      tx,
      row.id,
      [
        {
          type: "created",
          at: now,
          actorId: user.id,
          data: {
            priority: input.priority,
            channel: user.role === "customer" ? "portal" : (input.channel ?? "portal"),
          },
        },
      ],
      now,
    );
    onRequestFiled(tx, { id: row.id, category: input.category, subject: input.subject, organizationId }, now);
    for (const userId of watcherIds)
      tx.insert(watchers).values({ ticketId: row.id, userId }).onConflictDoNothing().run();
    claimUploads(
      tx,
      user,
      input.attachmentIds,
      { ticketId: row.id, organizationId, commentId: null, internal: false },
      now,
    );
    if (user.role === "customer")
      tx.insert(deflectionEvents)
        .values({ userId: user.id, organizationId, kind: "filed", query: input.subject, createdAt: now })
        .run();
    if (user.role !== "customer")
      recordAudit(tx, {
        actorId: user.id,
        action: "ticket.log",
        entity: "ticket",
        entityId: String(row.id),
        detail: { channel: input.channel ?? "portal" },
        at: now,
      });
    // A P0/P1 pages on call; a caller that files on someone's behalf at another instant (a
    // monitoring alert clocked from detection) pages itself (`page: false`).
    if (opts.page !== false)
      pageOnCallIfUrgent(
        tx,
        { id: row.id, priority: input.priority },
        input.channel === "email" ? "email" : "filed",
        now,
      );
    enqueueWebhookEvent(
      tx,
      "ticket_created",
      {
        ticketId: row.id,
        organizationId,
        priority: input.priority,
        productArea: input.productArea,
        subject: input.subject,
      },
      now,
    );
    return { id: row.id };
  });
}

/** Customers a staff member can log a ticket for (phone, email, chat), by name, email or organization. */
export function searchRequesters(db: Db, query: string, limit: number) {
  const q = containsPattern(query.trim().toLowerCase());
  return db
    .select({ id: users.id, name: users.name, email: users.email, organization: organizations.name })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        eq(users.role, "customer"),
        or(
          sql`lower(${users.name}) like ${q} escape '\\'`,
          sql`lower(${users.email}) like ${q} escape '\\'`,
          sql`lower(${organizations.name}) like ${q} escape '\\'`,
        ),
      ),
    )
    .orderBy(organizations.name, users.name)
    .limit(limit)
    .all();
}

/** The members of the customer's own organization (requester filter, watchers), by name. */
export function listColleagues(db: Db, user: SessionUser) {
  if (user.organizationId === null) return [];
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.organizationId, user.organizationId), eq(users.role, "customer")))
    .orderBy(users.name)
    .all();
}

/** searchAssignees' read, prepared once per database: the queue asks for 100 assignees on every view (issue 25). */
const assigneeRead = perDatabase((db: Db) => {
  const q = sql.placeholder("q");
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(
      and(
        inArray(users.role, [...SUPPORT_ROLES]),
        or(sql`lower(${users.name}) like ${q} escape '\\'`, sql`lower(${users.email}) like ${q} escape '\\'`),
      ),
    )
    .orderBy(users.name)
    .limit(sql.placeholder("limit"))
    .prepare();
});

/** Support staff (agents, experts, managers) a ticket can be assigned to, by name or email, with their role. */
export function searchAssignees(db: Db, query: string, limit: number) {
  return assigneeRead(db).all({ q: containsPattern(query.trim().toLowerCase()), limit }) as {
    id: number;
    name: string;
    email: string;
    role: (typeof SUPPORT_ROLES)[number];
  }[];
}

/**
 * Deflection: a knowledge base suggestion opened while filing, or the form left without filing.
 * With "filed" the rate is suggestions opened or forms abandoned over all filing attempts.
 */
export function recordDeflection(
  db: Db,
  user: SessionUser,
  input: { kind: "suggestion_opened" | "abandoned"; articleId?: number | null; query?: string | null },
  now: Date,
) {
  if (user.organizationId === null) throw noOrganization();
  // A suggestion names a real article; a made-up id would count a deflection that never happened.
  if (
    input.articleId != null &&
    !db.select({ id: articles.id }).from(articles).where(eq(articles.id, input.articleId)).get()
  )
    throw notFound("Article");
  db.insert(deflectionEvents)
    .values({
      userId: user.id,
      organizationId: user.organizationId,
      kind: input.kind,
      articleId: input.articleId ?? null,
      query: input.query ?? null,
      createdAt: now,
    })
    .run();
}
