/**
 * The ticket page's one save: the properties panel and the reply box together, in one
 * transaction. Each change is made by the action that owns its rules (assignment, priority with
 * its reason, escalation, waiting, workaround, resolution, reply), nested in the transaction, so a
 * refusal of any part leaves the ticket as it was. A save made on a ticket someone else changed
 * since the page loaded it (its `updatedAt`, the version) is refused and changes nothing.
 */
import { eq } from "drizzle-orm";
import { tickets } from "@/db/schema";
import type { RESOLUTION_KINDS } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError, refuseIf } from "@/server/errors";
import { onRequestFiled } from "@/server/requests/on-filed";
import { notifyTicketPeople } from "./notify";
import { assignTicket, escalateTicket, recordWorkaround, replyToTicket, resolveTicket, setWaiting } from "./actions";
import { isOutsideSla } from "./priorities";
import { appendTicketEvents, changePriority, findVisibleTicket } from "./service";
import { changedProperties, statusTakesPublicReply, updateRefusal, type TicketProperties } from "./workspace";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type UpdateTicketInput = {
  ticketId: number;
  /** The ticket's `updatedAt` when the page loaded it. */
  version: Date;
  properties?: Partial<TicketProperties>;
  priorityReason?: string;
  escalationReason?: string;
  resolutionKind?: (typeof RESOLUTION_KINDS)[number];
  reply?: { body: string; internal: boolean; attachmentIds?: number[] };
};

/**
 * Saves the properties panel and the reply in one transaction; returns whether anything changed
 * and the ticket's new version. Nothing changed and no reply: nothing is written at all.
 */
export function updateTicket(
  db: Db,
  user: SessionUser,
  input: UpdateTicketInput,
  now: Date,
): { changed: boolean; version: Date } {
  return db.transaction(
    (tx) => {
      const ticket = findVisibleTicket(tx, user, input.ticketId);
      if (ticket.updatedAt.getTime() !== input.version.getTime())
        throw new DomainError(
          "CONFLICT",
          "Someone else changed this ticket since you opened it. Nothing was saved: reload it to see their change.",
          "tickets.errors.stale",
        );
      const changes = changedProperties(ticket, input.properties ?? {});
      const body = input.reply?.body.trim() ?? "";
      const reply = input.reply && body ? { ...input.reply, body } : null;
      if (Object.keys(changes).length === 0 && !reply) return { changed: false, version: ticket.updatedAt };
      refuseIf(
        updateRefusal(ticket, changes, {
          priorityReason: input.priorityReason,
          escalationReason: input.escalationReason,
          publicReply: !!reply && !reply.internal,
        }),
      );
      // Each action opens its own (nested, savepoint) transaction on this one.
      const inner = tx as unknown as Db;
      const id = ticket.id;
      if (changes.assigneeId !== undefined)
        assignTicket(inner, user, { ticketId: id, assigneeId: changes.assigneeId }, now);
      if (changes.category || changes.productArea) classifyTicket(tx, user, ticket, changes, now);
      if (changes.priority)
        changePriority(
          inner,
          user,
          { ticketId: id, priority: changes.priority, reason: input.priorityReason!.trim() },
          now,
        );
      if (changes.escalationLevel)
        escalateTicket(inner, user, { ticketId: id, reason: input.escalationReason!.trim() }, now);
      if (changes.status === "open") setWaiting(inner, user, { ticketId: id, waiting: false }, now);
      if (reply && statusTakesPublicReply(changes.status)) {
        const message = { ticketId: id, body: reply.body, attachmentIds: reply.attachmentIds };
        if (changes.status === "resolved")
          resolveTicket(inner, user, { ...message, kind: input.resolutionKind ?? "answer" }, now);
        else recordWorkaround(inner, user, message, now);
      } else if (reply) replyToTicket(inner, user, { ticketId: id, ...reply }, now);
      if (changes.status === "pending_customer") setWaiting(inner, user, { ticketId: id, waiting: true }, now);
      const after = tx.select({ updatedAt: tickets.updatedAt }).from(tickets).where(eq(tickets.id, id)).get()!;
      return { changed: true, version: after.updatedAt };
    },
    { behavior: "immediate" },
  );
}

/**
 * Category and product area: recorded on the timeline with their previous values, and audited. A
 * category moving a ticket out of the bug SLA (feature request, custom development) or back sets it
 * as filing in that category does: the outside-SLA flag (the clocks are re-derived from the log
 * with no targets, or the tier's from the filing again), the feature request's roadmap row and
 * acknowledgement target, the account manager told of custom development.
 */
function classifyTicket(
  tx: Tx,
  user: SessionUser,
  ticket: Pick<TicketProperties, "category" | "productArea"> & { id: number; subject: string; organizationId: number },
  changes: Partial<TicketProperties>,
  now: Date,
) {
  const events: Parameters<typeof appendTicketEvents>[2] = [];
  if (changes.category)
    events.push({
      type: "categoryChanged",
      at: now,
      actorId: user.id,
      data: { from: ticket.category, to: changes.category },
    });
  if (changes.productArea)
    events.push({
      type: "productAreaChanged",
      at: now,
      actorId: user.id,
      data: { from: ticket.productArea, to: changes.productArea },
    });
  appendTicketEvents(tx, ticket.id, events, now, {
    ...(changes.category ? { category: changes.category, outsideSla: isOutsideSla(changes.category) } : {}),
    ...(changes.productArea ? { productArea: changes.productArea } : {}),
  });
  if (changes.category && changes.category !== ticket.category)
    onRequestFiled(
      tx,
      { id: ticket.id, category: changes.category, subject: ticket.subject, organizationId: ticket.organizationId },
      now,
    );
  recordAudit(tx, {
    actorId: user.id,
    action: "ticket.classify",
    entity: "ticket",
    entityId: String(ticket.id),
    detail: {
      before: { category: ticket.category, productArea: ticket.productArea },
      after: { category: changes.category ?? ticket.category, productArea: changes.productArea ?? ticket.productArea },
    },
    at: now,
  });
  notifyTicketPeople(tx, ticket.id, user.id, "status_changed", now);
}
