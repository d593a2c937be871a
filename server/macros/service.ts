/**
 * Macros (canned replies): shared ones kept by managers and admins, personal ones kept by each
 * agent for themselves. Everyone who works tickets reads the shared ones and their own; nobody
 * reads or changes another person's personal macro (it "does not exist" for them).
 */
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import { macros } from "@/db/schema";
import type { MacroStatus, TicketCategory } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import { can } from "@/server/auth/permissions";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError, forbidden, notFound, refuseIf } from "@/server/errors";
import { markdownRefusal } from "@/server/kb/markdown-limits";
import { unknownPlaceholders } from "./placeholders";

export type MacroInput = {
  id?: number | null;
  shared: boolean;
  titleEn: string;
  titleZh: string;
  bodyEn: string;
  bodyZh: string;
  setStatus: MacroStatus | null;
  setCategory: TicketCategory | null;
  assignToMe: boolean;
};

const columns = {
  id: macros.id,
  ownerId: macros.ownerId,
  titleEn: macros.titleEn,
  titleZh: macros.titleZh,
  bodyEn: macros.bodyEn,
  bodyZh: macros.bodyZh,
  setStatus: macros.setStatus,
  setCategory: macros.setCategory,
  assignToMe: macros.assignToMe,
  updatedAt: macros.updatedAt,
};

/** The shared macros and the viewer's own, shared first, each group by English title. */
export function listMacros(db: Db, user: SessionUser) {
  return (
    db
      .select(columns)
      .from(macros)
      .where(or(isNull(macros.ownerId), eq(macros.ownerId, user.id)))
      // Shared (no owner) first, said outright: the engines put NULLs at opposite ends (decision 029).
      .orderBy(sql`${macros.ownerId} IS NOT NULL`, asc(macros.titleEn), asc(macros.id))
      .all()
      .map(({ ownerId, ...m }) => ({ ...m, shared: ownerId === null }))
  );
}

/** A macro the user may change: a shared one with `macros.shared`, or their own. */
function findEditable(db: Pick<Db, "select">, user: SessionUser, id: number) {
  const row = db.select().from(macros).where(eq(macros.id, id)).get();
  if (!row || (row.ownerId !== null && row.ownerId !== user.id)) throw notFound("Macro");
  if (row.ownerId === null && !can(user, "macros.shared")) throw forbidden();
  return row;
}

function refuseBody(body: string) {
  refuseIf(markdownRefusal(body, "ticket"));
  const unknown = unknownPlaceholders(body);
  if (unknown.length > 0)
    throw new DomainError(
      "INVALID",
      `Unknown placeholder {{${unknown[0]}}}: use {{customer.name}}, {{ticket.number}} or {{ticket.due}}.`,
      "macros.errors.unknownPlaceholder",
      { name: unknown[0]! },
    );
}

/** Creates or changes a macro; shared ones only with `macros.shared`. Audited with before and after. */
export function saveMacro(db: Db, user: SessionUser, input: MacroInput, now: Date): { id: number } {
  if (input.shared && !can(user, "macros.shared")) throw forbidden();
  refuseBody(input.bodyEn);
  refuseBody(input.bodyZh);
  const values = {
    ownerId: input.shared ? null : user.id,
    titleEn: input.titleEn,
    titleZh: input.titleZh,
    bodyEn: input.bodyEn,
    bodyZh: input.bodyZh,
    setStatus: input.setStatus,
    setCategory: input.setCategory,
    assignToMe: input.assignToMe,
    updatedAt: now,
  };
  return db.transaction(
    (tx) => {
      const before = input.id ? findEditable(tx, user, input.id) : null;
      const id = before
        ? (tx.update(macros).set(values).where(eq(macros.id, before.id)).run(), before.id)
        : tx
            .insert(macros)
            .values({ ...values, createdById: user.id, createdAt: now })
            .returning({ id: macros.id })
            .get().id;
      recordAudit(tx, {
        actorId: user.id,
        action: before ? "macro.update" : "macro.create",
        entity: "macro",
        entityId: String(id),
        detail: { before: before ? { ...before, createdAt: undefined } : null, after: values },
        at: now,
      });
      return { id };
    },
    { behavior: "immediate" },
  );
}

/** Deletes a macro the user may change. */
export function deleteMacro(db: Db, user: SessionUser, input: { id: number }, now: Date): void {
  db.transaction(
    (tx) => {
      const before = findEditable(tx, user, input.id);
      tx.delete(macros)
        .where(and(eq(macros.id, before.id)))
        .run();
      recordAudit(tx, {
        actorId: user.id,
        action: "macro.delete",
        entity: "macro",
        entityId: String(before.id),
        detail: { before: { titleEn: before.titleEn, shared: before.ownerId === null } },
        at: now,
      });
    },
    { behavior: "immediate" },
  );
}
