import { auditLog } from "@/db/schema";
import type { Db } from "@/server/db";

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
