import { and, asc, count, desc, eq, gte, lt, or, sql } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import type { Db } from "@/server/db";
import { auditTargets, targetKey } from "./targets";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entity: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
  at: Date;
  ip?: string | null;
};

/** Appends to the audit log; callers pass their transaction so the entry commits with the change. */
export function recordAudit(db: Pick<Db, "insert">, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      at: entry.at,
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      detail: entry.detail ?? null,
      ip: entry.ip ?? null,
    })
    .run();
}

export type AuditFilter = { action?: string; actor?: string; from?: Date; to?: Date; page: number; pageSize: number };

/** The LIKE pattern for `text` anywhere, with its own wildcards escaped (for `escape '\\'`). */
function contains(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/**
 * The audit log for administrators, newest first, one page at a time: filtered by action
 * (exact, or a family such as "ticket."), by actor (name or email, or the email a
 * failed sign-in named) and by a time range [from, to). Each entry names what it was about (a
 * ticket's subject, a person's name: one query for the page, server/audit/targets.ts). Also
 * returns the actions present, for the filter menu.
 */
export function listAudit(db: Db, filter: AuditFilter) {
  const conditions = [];
  if (filter.action) {
    conditions.push(
      filter.action.endsWith(".")
        ? sql`${auditLog.action} like ${`${filter.action.replace(/[%_\\]/g, (c) => `\\${c}`)}%`} escape '\\'`
        : eq(auditLog.action, filter.action),
    );
  }
  if (filter.actor) {
    const pattern = contains(filter.actor.trim().toLowerCase());
    conditions.push(
      or(
        sql`lower(${users.email}) like ${pattern} escape '\\'`,
        sql`lower(${users.name}) like ${pattern} escape '\\'`,
        sql`lower(json_extract(${auditLog.detail}, '$.email')) like ${pattern} escape '\\'`,
      )!,
    );
  }
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const total =
    db.select({ n: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId)).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      detail: auditLog.detail,
      ip: auditLog.ip,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .all();
  const actions = db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(asc(auditLog.action))
    .all()
    .map((r) => r.action);
  const targets = auditTargets(db, rows);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      detail: r.detail ? JSON.stringify(r.detail) : null,
      ip: r.ip,
      actor: r.actorEmail ? { name: r.actorName ?? r.actorEmail, email: r.actorEmail } : null,
      target: (r.entityId && targets.get(targetKey(r.entity, r.entityId))) || null,
    })),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
    actions,
  };
}
