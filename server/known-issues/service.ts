/**
 * Known issues: staff record a confirmed fault with its workaround and fix status in both languages,
 * link tickets to it (only tickets of organizations that may see it), and when it becomes "fixed in
 * X" every linked ticket's requester and watchers are told, in the same transaction; the customer
 * then verifies the fix on their ticket.
 */
import { and, desc, eq, inArray, notInArray, or, sql } from "drizzle-orm";
import { knownIssueOrganizations, knownIssues, organizations, tickets } from "@/db/schema";
import type { KnownIssueStatus, ProductArea } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError, notFound, refuseIf } from "@/server/errors";
import { notifyTicketPeople } from "@/server/tickets/notify";
import { appendTicketEvents, containsPattern, findVisibleTicket } from "@/server/tickets/service";
import { canSeeIssue, fixVersionProblem, rangeProblem } from "./rules";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** At most this many issues in one list page. */
export const KNOWN_ISSUES_PAGE = 50;

function organizationIdsOf(db: Pick<Db, "select">, issueIds: number[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  if (issueIds.length === 0) return map;
  for (const r of db
    .select()
    .from(knownIssueOrganizations)
    .where(inArray(knownIssueOrganizations.knownIssueId, issueIds))
    .all())
    map.set(r.knownIssueId, [...(map.get(r.knownIssueId) ?? []), r.organizationId]);
  return map;
}

/** The issues a visitor or user may see, newest change first, optionally searched (both languages) and by status. */
export function listKnownIssues(
  db: Pick<Db, "select">,
  user: SessionUser | null,
  input: { q?: string | null; status?: KnownIssueStatus | null },
) {
  const conds = [];
  const q = input.q?.trim();
  if (q) {
    const p = containsPattern(q);
    conds.push(
      or(
        sql`${knownIssues.titleEn} like ${p} escape '\\'`,
        sql`${knownIssues.titleZh} like ${p} escape '\\'`,
        sql`${knownIssues.symptomsEn} like ${p} escape '\\'`,
        sql`${knownIssues.symptomsZh} like ${p} escape '\\'`,
      ),
    );
  }
  if (input.status) conds.push(eq(knownIssues.status, input.status));
  if (!user || user.role === "customer") {
    const own = user?.organizationId ?? -1;
    conds.push(
      or(
        eq(knownIssues.public, true),
        sql`${knownIssues.id} in (select known_issue_id from known_issue_organizations where organization_id = ${own})`,
      ),
    );
  }
  const rows = db
    .select()
    .from(knownIssues)
    .where(and(...conds))
    .orderBy(desc(knownIssues.updatedAt), desc(knownIssues.id))
    .limit(KNOWN_ISSUES_PAGE)
    .all();
  return rows.map(present);
}

function present(r: typeof knownIssues.$inferSelect) {
  return {
    id: r.id,
    titleEn: r.titleEn,
    titleZh: r.titleZh,
    productArea: r.productArea,
    platforms: r.platforms,
    affectedVersions: r.affectedVersions,
    symptomsEn: r.symptomsEn,
    symptomsZh: r.symptomsZh,
    workaroundEn: r.workaroundEn,
    workaroundZh: r.workaroundZh,
    status: r.status,
    fixVersion: r.fixVersion,
    public: r.public,
    updatedAt: r.updatedAt,
  };
}

/** One issue; one the user may not see "does not exist". Staff also get its organizations and linked tickets. */
export function getKnownIssue(db: Pick<Db, "select">, user: SessionUser | null, id: number) {
  const row = db.select().from(knownIssues).where(eq(knownIssues.id, id)).get();
  const orgIds = organizationIdsOf(db, [id]).get(id) ?? [];
  if (!row || !canSeeIssue({ public: row.public, organizationIds: orgIds }, user)) throw notFound("Known issue");
  const staff = user !== null && user.role !== "customer";
  return {
    ...present(row),
    organizations: staff
      ? db
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(inArray(organizations.id, orgIds.length > 0 ? orgIds : [-1]))
          .all()
      : [],
    tickets: staff
      ? db
          .select({
            id: tickets.id,
            subject: tickets.subject,
            status: tickets.status,
            organization: organizations.name,
          })
          .from(tickets)
          .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
          .where(eq(tickets.knownIssueId, id))
          .orderBy(desc(tickets.id))
          .limit(200)
          .all()
      : [],
  };
}

export type KnownIssueInput = {
  id?: number;
  titleEn: string;
  titleZh: string;
  productArea: ProductArea;
  platforms: string[];
  affectedVersions: string;
  symptomsEn: string;
  symptomsZh: string;
  workaroundEn: string;
  workaroundZh: string;
  status: KnownIssueStatus;
  fixVersion: string | null;
  public: boolean;
  organizationIds: number[];
};

/**
 * Staff create or change an issue. Becoming "fixed" tells every linked ticket's requester and
 * watchers (in-app and by mail), in the same transaction; the change is audited with before and after.
 */
export function saveKnownIssue(db: Db, actor: SessionUser, input: KnownIssueInput, now: Date): { id: number } {
  refuseIf(rangeProblem(input.affectedVersions));
  refuseIf(fixVersionProblem(input.status, input.fixVersion));
  return db.transaction(
    (tx) => {
      const before = input.id ? tx.select().from(knownIssues).where(eq(knownIssues.id, input.id)).get() : undefined;
      if (input.id && !before) throw notFound("Known issue");
      const values = {
        titleEn: input.titleEn,
        titleZh: input.titleZh,
        productArea: input.productArea,
        platforms: input.platforms,
        affectedVersions: input.affectedVersions.trim(),
        symptomsEn: input.symptomsEn,
        symptomsZh: input.symptomsZh,
        workaroundEn: input.workaroundEn,
        workaroundZh: input.workaroundZh,
        status: input.status,
        fixVersion: input.fixVersion?.trim() || null,
        public: input.public,
        updatedAt: now,
      };
      const id = before
        ? (tx.update(knownIssues).set(values).where(eq(knownIssues.id, before.id)).run(), before.id)
        : tx
            .insert(knownIssues)
            .values({ ...values, createdById: actor.id, createdAt: now })
            .returning({ id: knownIssues.id })
            .get().id;
      const orgIds = [...new Set(input.organizationIds)];
      if (orgIds.length > 0) {
        const found = tx
          .select({ id: organizations.id })
          .from(organizations)
          .where(inArray(organizations.id, orgIds))
          .all().length;
        if (found !== orgIds.length) throw notFound("Organization");
      }
      tx.delete(knownIssueOrganizations).where(eq(knownIssueOrganizations.knownIssueId, id)).run();
      for (const organizationId of orgIds)
        tx.insert(knownIssueOrganizations).values({ knownIssueId: id, organizationId }).run();
      if (!input.public) refuseLinkedElsewhere(tx, id, orgIds);
      recordAudit(tx, {
        actorId: actor.id,
        action: before ? "knownIssue.update" : "knownIssue.create",
        entity: "known_issue",
        entityId: String(id),
        detail: {
          before: before ? { status: before.status, fixVersion: before.fixVersion, public: before.public } : null,
          after: { status: values.status, fixVersion: values.fixVersion, public: values.public },
        },
        at: now,
      });
      if (values.status === "fixed" && before?.status !== "fixed") {
        const linked = tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.knownIssueId, id)).all();
        for (const t of linked) notifyTicketPeople(tx, t.id, actor.id, "known_issue_fixed", now);
      }
      return { id };
    },
    { behavior: "immediate" },
  );
}

/** Limiting an issue to some organizations may not hide it from a ticket already linked to it. */
function refuseLinkedElsewhere(tx: Tx, issueId: number, orgIds: number[]) {
  const outside = tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(
      and(
        eq(tickets.knownIssueId, issueId),
        orgIds.length > 0 ? notInArray(tickets.organizationId, orgIds) : undefined,
      ),
    )
    .get();
  if (outside)
    throw new DomainError(
      "CONFLICT",
      `Ticket #${outside.id} is linked to this issue and its organization would no longer see it; add the organization or unlink the ticket.`,
      "knownIssues.errors.linkedOutside",
      { ticket: outside.id },
    );
}

/** Staff link a ticket to an issue (or unlink it with null); an issue the ticket's organization cannot see is refused. */
export function linkTicket(
  db: Db,
  actor: SessionUser,
  input: { ticketId: number; knownIssueId: number | null },
  now: Date,
) {
  db.transaction(
    (tx) => {
      const ticket = findVisibleTicket(tx, actor, input.ticketId);
      if (input.knownIssueId !== null) {
        const issue = tx.select().from(knownIssues).where(eq(knownIssues.id, input.knownIssueId)).get();
        if (!issue) throw notFound("Known issue");
        const orgIds = organizationIdsOf(tx, [issue.id]).get(issue.id) ?? [];
        if (!issue.public && !orgIds.includes(ticket.organizationId))
          throw new DomainError(
            "INVALID",
            "This known issue is not shown to the ticket's organization; make it public or add the organization first.",
            "knownIssues.errors.notVisible",
          );
      }
      if (ticket.knownIssueId === input.knownIssueId) return;
      appendTicketEvents(
        tx,
        ticket.id,
        [
          {
            type: input.knownIssueId === null ? "knownIssueUnlinked" : "knownIssueLinked",
            at: now,
            actorId: actor.id,
            data: { knownIssueId: input.knownIssueId ?? ticket.knownIssueId },
          },
        ],
        now,
        { knownIssueId: input.knownIssueId },
      );
      recordAudit(tx, {
        actorId: actor.id,
        action: "ticket.knownIssue",
        entity: "ticket",
        entityId: String(ticket.id),
        detail: { from: ticket.knownIssueId, to: input.knownIssueId },
        at: now,
      });
    },
    { behavior: "immediate" },
  );
}

/** The customer confirms the fix of their ticket's known issue works (once; only when it is fixed). */
export function verifyFix(db: Db, user: SessionUser, input: { ticketId: number; works: boolean }, now: Date) {
  db.transaction(
    (tx) => {
      const ticket = findVisibleTicket(tx, user, input.ticketId);
      const issue = ticket.knownIssueId
        ? tx.select().from(knownIssues).where(eq(knownIssues.id, ticket.knownIssueId)).get()
        : undefined;
      if (!issue || issue.status !== "fixed")
        throw new DomainError("CONFLICT", "There is no fix to verify on this ticket yet.", "knownIssues.errors.noFix");
      appendTicketEvents(
        tx,
        ticket.id,
        [{ type: "fixVerified", at: now, actorId: user.id, data: { works: input.works, version: issue.fixVersion } }],
        now,
      );
      recordAudit(tx, {
        actorId: user.id,
        action: "ticket.verifyFix",
        entity: "ticket",
        entityId: String(ticket.id),
        detail: { works: input.works, knownIssueId: issue.id },
        at: now,
      });
    },
    { behavior: "immediate" },
  );
}
