import { and, asc, count, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { disputes, organizations, tickets, users } from "@/db/schema";
import type { Db } from "@/server/db";

const requesters = alias(users, "dispute_requester");

/**
 * The managers' worklist (issue #22): every open priority dispute and exclusion dispute, oldest
 * first, with its ticket, what is asked and why, in one list like the complaints. Deciding one
 * (tickets.decideDispute) takes it off the list. Reads disputes_status_idx.
 */
export function listOpenDisputes(db: Pick<Db, "select">, input: { kind?: "priority" | "exclusion"; limit: number }) {
  const where = and(eq(disputes.status, "open"), input.kind ? eq(disputes.kind, input.kind) : undefined);
  const items = db
    .select({
      id: disputes.id,
      kind: disputes.kind,
      proposedPriority: disputes.proposedPriority,
      reason: disputes.reason,
      createdAt: disputes.createdAt,
      requestedBy: requesters.name,
      ticketId: tickets.id,
      subject: tickets.subject,
      priority: tickets.priority,
      exclusionReason: tickets.exclusionReason,
      organization: organizations.name,
    })
    .from(disputes)
    .innerJoin(tickets, eq(tickets.id, disputes.ticketId))
    .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
    .innerJoin(requesters, eq(requesters.id, disputes.requestedById))
    .where(where)
    .orderBy(asc(disputes.createdAt), asc(disputes.id))
    .limit(input.limit)
    .all();
  const total = db.select({ n: count() }).from(disputes).where(where).get()!.n;
  return { items, total };
}
