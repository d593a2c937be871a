/**
 * Feature requests and custom development requests (issue #20). A feature request is a ticket of
 * category `feature_request`, outside the bug SLA, with its own acknowledgement target, votes from
 * customers of any organization and a roadmap status set by staff; the public roadmap shows its
 * public title and note only, never who asked. A custom development request goes to the account
 * manager of its organization, who scopes it (estimate, quote reference, decision) on its timeline.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { customDevelopmentScopes, featureRequests, featureVotes, organizations, tickets, users } from "@/db/schema";
import type { FeatureStatus, ScopeDecision } from "@/db/schema/enums";
import { assertCanManageOrganization } from "@/server/accounts/access";
import { orgScope } from "@/server/api/scope";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import { cachedRead } from "@/server/cache/read-cache";
import type { Db } from "@/server/db";
import { DomainError, notFound } from "@/server/errors";
import { loadCalendar } from "@/server/sla/load";
import { notifyStaff } from "@/server/tickets/notify";
import { appendTicketEvents } from "@/server/tickets/service";
import { featureAckDueAt, ROADMAP_COLUMNS, takesVotes } from "./rules";

export type FeatureRequestSummary = {
  ticketId: number;
  title: string;
  status: FeatureStatus;
  publicNote: string | null;
  votes: number;
  organizations: number;
};

/**
 * A ticket reclassified away from feature request keeps its row (votes, status), unseen until it
 * is a feature request again.
 */
const STILL_FEATURE = eq(tickets.category, "feature_request");

function summaries(db: Pick<Db, "select">): FeatureRequestSummary[] {
  return db
    .select({
      ticketId: featureRequests.ticketId,
      title: featureRequests.publicTitle,
      status: featureRequests.status,
      publicNote: featureRequests.publicNote,
      votes: sql<number>`count(${featureVotes.userId})`,
      organizations: sql<number>`count(distinct ${featureVotes.organizationId})`,
    })
    .from(featureRequests)
    .innerJoin(tickets, and(eq(tickets.id, featureRequests.ticketId), STILL_FEATURE))
    .leftJoin(featureVotes, eq(featureVotes.ticketId, featureRequests.ticketId))
    .groupBy(featureRequests.ticketId)
    .all()
    .sort((a, b) => b.votes - a.votes || b.ticketId - a.ticketId);
}

/**
 * The public roadmap: planned, under review and shipped requests with their vote counts, by public
 * title and note only (no organization, no requester). Declined requests are not shown.
 */
export function roadmap(db: Db): Record<(typeof ROADMAP_COLUMNS)[number], FeatureRequestSummary[]> {
  const all = summaries(db);
  return {
    planned: all.filter((r) => r.status === "planned"),
    under_review: all.filter((r) => r.status === "under_review"),
    shipped: all.filter((r) => r.status === "shipped"),
  };
}

/**
 * The signed-in list: every feature request with its votes; for a customer whether they voted and
 * which are their organization's own (those link to the ticket); for staff the same, linked always.
 */
export function listFeatureRequests(db: Db, user: SessionUser) {
  const all = summaries(db);
  const mine = new Set(
    db
      .select({ id: featureVotes.ticketId })
      .from(featureVotes)
      .where(eq(featureVotes.userId, user.id))
      .all()
      .map((v) => v.id),
  );
  const own = new Set(
    db
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.category, "feature_request"), orgScope(user, tickets.organizationId)))
      .all()
      .map((t) => t.id),
  );
  return all.map((r) => ({ ...r, voted: mine.has(r.ticketId), own: own.has(r.ticketId) }));
}

/**
 * A customer votes for a feature request, once: a second vote is refused with a translated message
 * and changes nothing. Shipped and declined requests take no votes.
 */
export function voteForFeature(db: Db, user: SessionUser, ticketId: number, now: Date): { votes: number } {
  if (user.role !== "customer" || user.organizationId === null)
    throw new DomainError("FORBIDDEN", "Only customers vote for feature requests.", "requests.errors.customersVote");
  const organizationId = user.organizationId;
  return db.transaction(
    (tx) => {
      const fr = tx
        .select({ status: featureRequests.status })
        .from(featureRequests)
        .innerJoin(tickets, and(eq(tickets.id, featureRequests.ticketId), STILL_FEATURE))
        .where(eq(featureRequests.ticketId, ticketId))
        .get();
      if (!fr) throw notFound("Feature request");
      if (!takesVotes(fr.status))
        throw new DomainError("CONFLICT", "This feature request no longer takes votes.", "requests.errors.closed");
      const done = tx
        .insert(featureVotes)
        .values({ ticketId, userId: user.id, organizationId, createdAt: now })
        .onConflictDoNothing()
        .run();
      if (done.changes === 0)
        throw new DomainError(
          "CONFLICT",
          "You have already voted for this feature request.",
          "requests.errors.votedTwice",
        );
      recordAudit(tx, {
        actorId: user.id,
        action: "feature.vote",
        entity: "ticket",
        entityId: String(ticketId),
        detail: { organizationId },
        at: now,
      });
      const n = tx
        .select({ n: sql<number>`count(*)` })
        .from(featureVotes)
        .where(eq(featureVotes.ticketId, ticketId))
        .get();
      return { votes: n?.n ?? 0 };
    },
    { behavior: "immediate" },
  );
}

/** A ticket the user may read (a customer: their organization's), else "not found". */
function visibleTicket(db: Pick<Db, "select">, user: SessionUser, ticketId: number): void {
  const t = db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), orgScope(user, tickets.organizationId)))
    .get();
  if (!t) throw notFound("Ticket");
}

/** A feature request as its ticket page shows it: status, note, acknowledgement target, votes per organization. */
export function featureRequestForTicket(db: Db, user: SessionUser, ticketId: number) {
  visibleTicket(db, user, ticketId);
  const fr = db
    .select({ fr: featureRequests, organizationId: tickets.organizationId })
    .from(featureRequests)
    .innerJoin(tickets, eq(tickets.id, featureRequests.ticketId))
    .where(and(eq(featureRequests.ticketId, ticketId), STILL_FEATURE, orgScope(user, tickets.organizationId)))
    .get();
  if (!fr) return null;
  const perOrg = db
    .select({ name: organizations.name, organizationId: featureVotes.organizationId, n: sql<number>`count(*)` })
    .from(featureVotes)
    .innerJoin(organizations, eq(organizations.id, featureVotes.organizationId))
    .where(eq(featureVotes.ticketId, ticketId))
    .groupBy(featureVotes.organizationId, organizations.name)
    .all();
  const staff = user.role !== "customer";
  return {
    status: fr.fr.status,
    publicTitle: fr.fr.publicTitle,
    publicNote: fr.fr.publicNote,
    ackDays: fr.fr.ackDays,
    ackDueAt: fr.fr.ackDueAt,
    votes: perOrg.reduce((s, r) => s + r.n, 0),
    // Customers see their own organization's count; staff see every organization's.
    byOrganization: perOrg
      .filter((r) => staff || r.organizationId === user.organizationId)
      .map((r) => ({ organization: r.name, votes: r.n })),
  };
}

/**
 * Staff set a feature request's roadmap status with an optional public note (and public title, and
 * acknowledgement target): on the ticket's timeline, audited, and every voter and the requester told.
 */
export function setFeatureStatus(
  db: Db,
  user: SessionUser,
  input: {
    ticketId: number;
    status: FeatureStatus;
    publicNote?: string | null;
    publicTitle?: string;
    ackDays?: number;
  },
  now: Date,
): void {
  db.transaction(
    (tx) => {
      const fr = tx
        .select({
          fr: featureRequests,
          calendarId: organizations.calendarId,
          createdAt: tickets.createdAt,
          requesterId: tickets.requesterId,
        })
        .from(featureRequests)
        .innerJoin(tickets, eq(tickets.id, featureRequests.ticketId))
        .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
        .where(and(eq(featureRequests.ticketId, input.ticketId), STILL_FEATURE))
        .get();
      if (!fr) throw notFound("Feature request");
      const before = fr.fr;
      const publicNote = input.publicNote === undefined ? before.publicNote : input.publicNote?.trim() || null;
      const publicTitle = input.publicTitle?.trim() || before.publicTitle;
      const ackDays = input.ackDays ?? before.ackDays;
      const ackDueAt =
        ackDays === before.ackDays
          ? before.ackDueAt
          : featureAckDueAt(fr.createdAt, ackDays, loadCalendar(tx, fr.calendarId));
      if (
        before.status === input.status &&
        before.publicNote === publicNote &&
        before.publicTitle === publicTitle &&
        before.ackDays === ackDays
      )
        return;
      tx.update(featureRequests)
        .set({
          status: input.status,
          publicNote,
          publicTitle,
          ackDays,
          ackDueAt,
          updatedAt: now,
          acknowledgedAt: before.acknowledgedAt ?? now,
        })
        .where(eq(featureRequests.ticketId, input.ticketId))
        .run();
      if (before.status !== input.status)
        appendTicketEvents(
          tx,
          input.ticketId,
          [
            {
              type: "featureStatusChanged",
              at: now,
              actorId: user.id,
              data: { from: before.status, to: input.status, note: publicNote },
            },
          ],
          now,
        );
      recordAudit(tx, {
        actorId: user.id,
        action: "feature.status",
        entity: "ticket",
        entityId: String(input.ticketId),
        detail: {
          before: {
            status: before.status,
            publicNote: before.publicNote,
            publicTitle: before.publicTitle,
            ackDays: before.ackDays,
          },
          after: { status: input.status, publicNote, publicTitle, ackDays },
        },
        at: now,
      });
      if (before.status !== input.status) {
        const voters = tx
          .select({ id: featureVotes.userId })
          .from(featureVotes)
          .where(eq(featureVotes.ticketId, input.ticketId))
          .all()
          .map((v) => v.id);
        const told = [...new Set([fr.requesterId, ...voters])].filter((id) => id !== user.id);
        notifyStaff(tx, told, input.ticketId, "feature_request_status", now);
      }
    },
    { behavior: "immediate" },
  );
}

/** A custom development request's scoping for its ticket page; null for other tickets. */
export function scopeForTicket(db: Db, user: SessionUser, ticketId: number) {
  const row = db
    .select({ category: tickets.category, scope: customDevelopmentScopes, am: users.name })
    .from(tickets)
    .leftJoin(customDevelopmentScopes, eq(customDevelopmentScopes.ticketId, tickets.id))
    .leftJoin(organizations, eq(organizations.id, tickets.organizationId))
    .leftJoin(users, eq(users.id, organizations.accountManagerId))
    .where(and(eq(tickets.id, ticketId), orgScope(user, tickets.organizationId)))
    .get();
  if (!row) throw notFound("Ticket");
  if (row.category !== "custom_development") return null;
  return {
    accountManager: row.am,
    estimateDays: row.scope?.estimateDays ?? null,
    quoteReference: row.scope?.quoteReference ?? null,
    decision: row.scope?.decision ?? null,
    updatedAt: row.scope?.updatedAt ?? null,
  };
}

/**
 * The account manager of the organization (or a manager or admin) scopes a custom development
 * request: estimate in days, the quote's reference, the decision. Each change is a `scoped` event
 * on the ticket's timeline and in the audit log with before and after; an unchanged form writes nothing.
 */
export function scopeCustomDevelopment(
  db: Db,
  user: SessionUser,
  input: {
    ticketId: number;
    estimateDays: number | null;
    quoteReference: string | null;
    decision: ScopeDecision | null;
  },
  now: Date,
): void {
  db.transaction(
    (tx) => {
      const ticket = tx
        .select({ id: tickets.id, category: tickets.category, organizationId: tickets.organizationId })
        .from(tickets)
        .where(eq(tickets.id, input.ticketId))
        .get();
      if (!ticket) throw notFound("Ticket");
      assertCanManageOrganization(tx, user, ticket.organizationId);
      if (ticket.category !== "custom_development")
        throw new DomainError("INVALID", "Only a custom development request is scoped.", "requests.errors.notCustom");
      const prev = tx
        .select()
        .from(customDevelopmentScopes)
        .where(eq(customDevelopmentScopes.ticketId, ticket.id))
        .get();
      const before = {
        estimateDays: prev?.estimateDays ?? null,
        quoteReference: prev?.quoteReference ?? null,
        decision: prev?.decision ?? null,
      };
      const after = {
        estimateDays: input.estimateDays,
        quoteReference: input.quoteReference?.trim() || null,
        decision: input.decision,
      };
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      tx.insert(customDevelopmentScopes)
        .values({ ticketId: ticket.id, ...after, updatedAt: now, updatedById: user.id })
        .onConflictDoUpdate({
          target: customDevelopmentScopes.ticketId,
          set: { ...after, updatedAt: now, updatedById: user.id },
        })
        .run();
      appendTicketEvents(tx, ticket.id, [{ type: "scoped", at: now, actorId: user.id, data: { ...after } }], now);
      recordAudit(tx, {
        actorId: user.id,
        action: "customDevelopment.scope",
        entity: "ticket",
        entityId: String(ticket.id),
        detail: { before, after },
        at: now,
      });
    },
    { behavior: "immediate" },
  );
}

/** The custom development requests a queue considers: the newest this many (past them, the list says so). */
export const CUSTOM_QUEUE_MAX = 200;

/**
 * Custom development requests of some organizations (the account manager's queue): of the newest
 * CUSTOM_QUEUE_MAX, those awaiting a decision first, each group newest first, cut to `limit`, and
 * how many there are of those newest.
 */
export function customDevelopmentQueue(db: Db, user: SessionUser, limit = CUSTOM_QUEUE_MAX) {
  // Held by the read cache until the next write: the portfolio shows it on every view, and sorting
  // a portfolio's requests cost about 1.6 ms of each (issue 25).
  return cachedRead(
    db,
    "requests.customQueue",
    { user: user.id, role: user.role, limit },
    () => readCustomDevelopmentQueue(db, user, limit),
    { readOnly: true },
  );
}

function readCustomDevelopmentQueue(db: Db, user: SessionUser, limit: number) {
  const orgIds =
    user.role === "account_manager"
      ? db
          .select({ id: organizations.id })
          .from(organizations)
          .where(eq(organizations.accountManagerId, user.id))
          .all()
          .map((o) => o.id)
      : null;
  if (orgIds && orgIds.length === 0) return { items: [], total: 0 };
  // The newest are chosen from the index alone, then only the rows shown are read. Sorting the
  // whole rows of every request of the portfolio (3,309 for the bench's account manager at 1M
  // tickets) took 5.0 ms per portfolio view; choosing by index, then reading 200 rows, 0.6 ms; and
  // the portfolio's card shows 20 of them.
  const newest = db
    .select({ id: tickets.id })
    .from(tickets)
    .where(
      and(
        // Written as a constant, so that SQLite sees the custom development requests' partial index
        // (tickets_custom_dev_idx, organization and creation) applies: a few rows per organization
        // instead of every ticket of the portfolio.
        sql`${tickets.category} = 'custom_development'`,
        orgIds ? inArray(tickets.organizationId, orgIds) : undefined,
      ),
    )
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(CUSTOM_QUEUE_MAX);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(newest.as("newest"))
      .get()?.n ?? 0;
  const items = db
    .select({
      ticketId: tickets.id,
      subject: tickets.subject,
      organization: organizations.name,
      status: tickets.status,
      createdAt: tickets.createdAt,
      decision: customDevelopmentScopes.decision,
      estimateDays: customDevelopmentScopes.estimateDays,
    })
    .from(tickets)
    .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
    .leftJoin(customDevelopmentScopes, eq(customDevelopmentScopes.ticketId, tickets.id))
    .where(inArray(tickets.id, newest))
    .orderBy(sql`${customDevelopmentScopes.decision} is not null`, desc(tickets.createdAt), desc(tickets.id))
    .limit(limit)
    .all();
  return { items, total };
}
