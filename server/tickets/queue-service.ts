/**
 * The queue's writes (issue #22): taking the next ticket, bulk actions on selected rows, and saved
 * views. Each runs in one transaction and is audited.
 */
import { and, asc, eq, or } from "drizzle-orm";
import { queueViews, users } from "@/db/schema";
import { SUPPORT_ROLES, type QueueSort } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import { can } from "@/server/auth/permissions";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError, notFound } from "@/server/errors";
import { assignTicket, replyToTicket, setWaiting } from "./actions";
import { mostUrgentUnassigned } from "./queue";
import { cleanView, type QueueViewSettings } from "./queue-views";

/**
 * "Next ticket": takes (assigns to the caller) the most urgent unassigned open ticket of the queue,
 * other than the one being left, in one immediate transaction so two agents pressing at once take
 * two different tickets. Null when none is waiting.
 */
export function takeNextTicket(db: Db, user: SessionUser, input: { after?: number | null }, now: Date) {
  return db.transaction(
    (tx) => {
      const next = mostUrgentUnassigned(tx, input.after ?? null, now);
      if (!next) return null;
      assignTicket(tx as unknown as Db, user, { ticketId: next.id, assigneeId: user.id }, now);
      return next;
    },
    { behavior: "immediate" },
  );
}

export type BulkAction =
  | { kind: "assign"; assigneeId: number | null }
  | { kind: "status"; status: "open" | "pending_customer" }
  | { kind: "note"; body: string };

/**
 * One action on every selected ticket, all in one transaction: any refusal (a ticket resolved
 * meanwhile, a ticket already waiting) changes none of them and says which ticket. Each ticket's
 * change is audited as if done one by one, and the bulk action once with the ticket numbers.
 */
export function bulkAction(db: Db, user: SessionUser, input: { ticketIds: number[]; action: BulkAction }, now: Date) {
  const ids = [...new Set(input.ticketIds)];
  return db.transaction(
    (tx) => {
      const asDb = tx as unknown as Db;
      for (const ticketId of ids) {
        try {
          const a = input.action;
          if (a.kind === "assign") assignTicket(asDb, user, { ticketId, assigneeId: a.assigneeId }, now);
          else if (a.kind === "status")
            setWaiting(asDb, user, { ticketId, waiting: a.status === "pending_customer" }, now);
          else replyToTicket(asDb, user, { ticketId, body: a.body, internal: true }, now);
        } catch (e) {
          if (e instanceof DomainError)
            throw new DomainError(
              e.code,
              `Ticket #${ticketId}: ${e.message}`,
              "queue.errors.bulkTicket",
              { id: ticketId, reason: e.message },
              e.messageKey ? { reason: { messageKey: e.messageKey, values: e.values } } : undefined,
            );
          throw e;
        }
      }
      recordAudit(tx, {
        actorId: user.id,
        action: "tickets.bulk",
        entity: "ticket",
        entityId: null,
        detail: { ticketIds: ids, action: input.action.kind, ...bulkDetail(input.action) },
        at: now,
      });
      return { changed: ids.length };
    },
    { behavior: "immediate" },
  );
}

const bulkDetail = (a: BulkAction) =>
  a.kind === "assign" ? { assigneeId: a.assigneeId } : a.kind === "status" ? { status: a.status } : {};

/** The views a support engineer may pick: their own and every shared one, shared first, by name. */
export function listQueueViews(db: Pick<Db, "select">, user: SessionUser) {
  return db
    .select({
      id: queueViews.id,
      name: queueViews.name,
      shared: queueViews.shared,
      ownerId: queueViews.ownerId,
      ownerName: users.name,
      columns: queueViews.columns,
      filters: queueViews.filters,
      sort: queueViews.sort,
    })
    .from(queueViews)
    .innerJoin(users, eq(users.id, queueViews.ownerId))
    .where(or(eq(queueViews.ownerId, user.id), eq(queueViews.shared, true)))
    .orderBy(asc(queueViews.shared), asc(queueViews.name), asc(queueViews.id))
    .all()
    .map((v) => ({
      ...v,
      ...cleanView(v),
      mayEdit: v.ownerId === user.id || (v.shared && can(user, "tickets.manage")),
    }));
}

/** Only a manager shares a view; a view is changed or deleted by its owner (a shared one by any manager). */
function refuseEdit(user: SessionUser, view: { ownerId: number; shared: boolean }) {
  if (view.ownerId !== user.id && !(view.shared && can(user, "tickets.manage")))
    throw new DomainError("FORBIDDEN", "Only its owner or a manager can change this view.", "queue.errors.notYours");
}

/** Creates or updates a saved view; a colleague named in its assignee filter must be support staff. */
export function saveQueueView(
  db: Db,
  user: SessionUser,
  input: {
    id?: number | null;
    name: string;
    shared: boolean;
    columns: string[];
    filters: Record<string, unknown>;
    sort: QueueSort;
  },
  now: Date,
) {
  if (input.shared && !can(user, "tickets.manage"))
    throw new DomainError("FORBIDDEN", "Only managers share views with everyone.", "queue.errors.shareManagers");
  const settings: QueueViewSettings = cleanView(input);
  return db.transaction(
    (tx) => {
      if (typeof settings.filters.assignee === "number") {
        const colleague = tx
          .select({ role: users.role })
          .from(users)
          .where(eq(users.id, settings.filters.assignee))
          .get();
        if (!colleague || !(SUPPORT_ROLES as readonly string[]).includes(colleague.role))
          throw new DomainError("INVALID", "Choose a colleague in support.", "queue.errors.colleague");
      }
      const values = {
        name: input.name,
        shared: input.shared,
        columns: settings.columns,
        filters: settings.filters as Record<string, string | number>,
        sort: settings.sort,
        updatedAt: now,
      };
      let id: number;
      let before: unknown = null;
      if (input.id) {
        const view = tx.select().from(queueViews).where(eq(queueViews.id, input.id)).get();
        if (!view || (view.ownerId !== user.id && !view.shared)) throw notFound("View");
        refuseEdit(user, view);
        before = {
          name: view.name,
          shared: view.shared,
          columns: view.columns,
          filters: view.filters,
          sort: view.sort,
        };
        tx.update(queueViews).set(values).where(eq(queueViews.id, view.id)).run();
        id = view.id;
      } else {
        id = tx
          .insert(queueViews)
          .values({ ...values, ownerId: user.id, createdAt: now })
          .returning({ id: queueViews.id })
          .get().id;
      }
      recordAudit(tx, {
        actorId: user.id,
        action: input.id ? "queueView.update" : "queueView.create",
        entity: "queue_view",
        entityId: String(id),
        detail: {
          before,
          after: {
            name: values.name,
            shared: values.shared,
            columns: values.columns,
            filters: values.filters,
            sort: values.sort,
          },
        },
        at: now,
      });
      return { id };
    },
    { behavior: "immediate" },
  );
}

/** Deletes a saved view (its owner's, or a shared one by a manager). */
export function deleteQueueView(db: Db, user: SessionUser, id: number, now: Date) {
  return db.transaction(
    (tx) => {
      const view = tx
        .select()
        .from(queueViews)
        .where(and(eq(queueViews.id, id), or(eq(queueViews.ownerId, user.id), eq(queueViews.shared, true))))
        .get();
      if (!view) throw notFound("View");
      refuseEdit(user, view);
      tx.delete(queueViews).where(eq(queueViews.id, id)).run();
      recordAudit(tx, {
        actorId: user.id,
        action: "queueView.delete",
        entity: "queue_view",
        entityId: String(id),
        detail: { before: { name: view.name, shared: view.shared } },
        at: now,
      });
      return { ok: true as const };
    },
    { behavior: "immediate" },
  );
}
