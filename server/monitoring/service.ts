/**
 * The inbound monitoring endpoint (issue 19, decision 028): the vendor's monitoring posts a signed
 * anomaly alert; it opens a P0 or P1 ticket for the organization, clocked from detection, pages on
 * call and tells the customer (server/incidents/alerts.ts). A second alert about the same problem
 * (organization, product area and metric within GROUP_WINDOW_MS, its ticket still open) is added to
 * the first one's ticket instead. Admins create and rotate the signing key.
 */
import { randomBytes } from "node:crypto";
import { and, desc, eq, gte, isNull, lt, lte, or } from "drizzle-orm";
import {
  comments,
  monitoringKeys,
  monitoringReceipts,
  organizations,
  proactiveAlerts,
  tickets,
  users,
} from "@/db/schema";
import { OPEN_TICKET_STATUSES } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { MAX_DETECTION_AGE_MS, openProactiveAlert } from "@/server/incidents/alerts";
import {
  GROUP_WINDOW_MS,
  RECEIPT_KEEP_MS,
  ROTATION_GRACE_MS,
  checkSignature,
  ZMonitoringAlert,
  type MonitoringAlert,
} from "./rules";

/** What the admin page shows of the keys (never a secret, apart from once, when it is made). */
export function keyStatus(db: Db, now: Date) {
  const rows = db
    .select({
      id: monitoringKeys.id,
      createdAt: monitoringKeys.createdAt,
      expiresAt: monitoringKeys.expiresAt,
      createdBy: users.name,
    })
    .from(monitoringKeys)
    .innerJoin(users, eq(users.id, monitoringKeys.createdById))
    .where(or(isNull(monitoringKeys.expiresAt), gte(monitoringKeys.expiresAt, now)))
    .orderBy(desc(monitoringKeys.id))
    .all();
  const current = rows.find((r) => r.expiresAt === null) ?? null;
  const previous = rows.find((r) => r.expiresAt !== null) ?? null;
  const received = db
    .select({ at: proactiveAlerts.createdAt })
    .from(proactiveAlerts)
    .where(eq(proactiveAlerts.source, "monitoring"))
    .orderBy(desc(proactiveAlerts.id))
    .limit(1)
    .get();
  return {
    current: current && { createdAt: current.createdAt, createdBy: current.createdBy },
    previous: previous && { createdAt: previous.createdAt, expiresAt: previous.expiresAt! },
    lastAlertAt: received?.at ?? null,
  };
}

/**
 * A new signing key, made current; the current one (if any) keeps working for ROTATION_GRACE_MS.
 * Returns the new secret: the only time it is shown.
 */
export function rotateKey(db: Db, actor: SessionUser, now: Date): { secret: string } {
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  db.transaction((tx) => {
    // A key already expiring keeps its expiry; one expiring later than the new grace is cut to it.
    tx.update(monitoringKeys)
      .set({ expiresAt: new Date(now.getTime() + ROTATION_GRACE_MS) })
      .where(isNull(monitoringKeys.expiresAt))
      .run();
    tx.delete(monitoringKeys).where(lt(monitoringKeys.expiresAt, now)).run();
    const row = tx
      .insert(monitoringKeys)
      .values({ secret, createdById: actor.id, createdAt: now, expiresAt: null })
      .returning({ id: monitoringKeys.id })
      .get();
    recordAudit(tx, {
      actorId: actor.id,
      action: "monitoring.rotateKey",
      entity: "monitoring_key",
      entityId: String(row.id),
      detail: {},
      at: now,
    });
  });
  return { secret };
}

export type ReceiveOutcome =
  | { status: 201 | 200; alertId: number; ticketId: number; grouped: boolean; duplicate: boolean }
  /** `code` names the refusal; its message is `monitoring.refusals.<code>` in the caller's language. */
  | { status: 400 | 401 | 404 | 409 | 422; code: string; values?: Record<string, string> };

const refuse = (status: 400 | 401 | 404 | 409 | 422, key: string, values?: Record<string, string>): ReceiveOutcome => ({
  status,
  code: key,
  values,
});

/** The key holder an alert is raised in the name of: the admin who made the key that signed it. */
function keyOwner(db: Db, ownerId: number): SessionUser | null {
  const u = db
    .select({
      id: users.id,
      role: users.role,
      organizationId: users.organizationId,
      name: users.name,
      email: users.email,
    })
    .from(users)
    .where(eq(users.id, ownerId))
    .get();
  return u ?? null;
}

/**
 * One signed alert: checks the signature against the live keys, refuses a replay, validates the
 * body, resolves the organization, then opens the alert's ticket or groups it with an open one.
 * Everything is written in one transaction with the receipt, so a failure leaves nothing behind.
 */
export function receiveAlert(db: Db, body: string, signature: string | null, now: Date): ReceiveOutcome {
  const keys = db
    .select()
    .from(monitoringKeys)
    .where(or(isNull(monitoringKeys.expiresAt), gte(monitoringKeys.expiresAt, now)))
    .all();
  if (keys.length === 0) return refuse(401, "notConfigured");
  const check = checkSignature(
    signature,
    body,
    keys.map((k) => k.secret),
    now,
  );
  if (!check.ok) return refuse(401, check.reason);
  if (db.select().from(monitoringReceipts).where(eq(monitoringReceipts.signature, check.v1)).get())
    return refuse(409, "replay");

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return refuse(400, "notJson");
  }
  const parsed = ZMonitoringAlert.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse(400, "invalid", { field: issue?.path.join(".") || "body" });
  }
  const alert = parsed.data;
  const detectedAt = new Date(alert.detectedAt);
  if (detectedAt.getTime() > now.getTime()) return refuse(422, "futureDetection");
  if (now.getTime() - detectedAt.getTime() > MAX_DETECTION_AGE_MS) return refuse(422, "oldDetection");

  const organizationId = alert.organizationId ?? organizationOfApp(db, alert.appId!);
  if (organizationId === null) return refuse(404, "unknownApp", { appId: alert.appId! });
  if (!db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).get())
    return refuse(404, "unknownOrganization");
  const signer = keys.find((k) => k.expiresAt === null) ?? keys[0]!;
  const owner = keyOwner(db, signer.createdById);
  if (!owner) return refuse(401, "notConfigured");

  // The monitor's own id: the same alert sent again (a retry with a fresh signature) is the same alert.
  if (alert.alertId) {
    const seen = db
      .select({ id: proactiveAlerts.id, ticketId: proactiveAlerts.ticketId })
      .from(proactiveAlerts)
      .where(and(eq(proactiveAlerts.organizationId, organizationId), eq(proactiveAlerts.externalId, alert.alertId)))
      .get();
    if (seen?.ticketId)
      return { status: 200, alertId: seen.id, ticketId: seen.ticketId, grouped: false, duplicate: true };
  }

  try {
    return db.transaction((tx) => {
      tx.delete(monitoringReceipts)
        .where(lt(monitoringReceipts.receivedAt, new Date(now.getTime() - RECEIPT_KEEP_MS)))
        .run();
      const open = openProblem(tx, organizationId, alert, detectedAt);
      let result: { alertId: number; ticketId: number; grouped: boolean };
      if (open) {
        const row = tx
          .insert(proactiveAlerts)
          .values({
            organizationId,
            productArea: alert.productArea,
            detectedAt,
            description: describe(alert),
            ticketId: open.ticketId,
            raisedById: owner.id,
            source: "monitoring",
            metric: alert.metric,
            appId: alert.appId ?? null,
            externalId: alert.alertId ?? null,
            createdAt: now,
          })
          .returning({ id: proactiveAlerts.id })
          .get();
        tx.insert(comments)
          .values({
            ticketId: open.ticketId,
            authorId: owner.id,
            body: `Monitoring detected the same problem again at ${detectedAt.toISOString()} (alert ${row.id}, ${alert.metric}).${alert.description ? `\n\n${alert.description}` : ""}`,
            visibility: "internal",
            automatic: true,
            createdAt: now,
          })
          .run();
        tx.update(tickets).set({ updatedAt: now }).where(eq(tickets.id, open.ticketId)).run();
        result = { alertId: row.id, ticketId: open.ticketId, grouped: true };
      } else {
        // Called with `db`: better-sqlite3 makes its transaction a savepoint of this one.
        const opened = openProactiveAlert(
          db,
          owner,
          {
            organizationId,
            productArea: alert.productArea,
            description: describe(alert),
            detectedAt,
            priority: alert.priority,
            source: "monitoring",
            metric: alert.metric,
            appId: alert.appId ?? null,
            externalId: alert.alertId ?? null,
          },
          now,
        );
        result = { alertId: opened.id, ticketId: opened.ticketId, grouped: false };
      }
      tx.insert(monitoringReceipts).values({ signature: check.v1, alertId: result.alertId, receivedAt: now }).run();
      return { status: result.grouped ? 200 : 201, ...result, duplicate: false } as ReceiveOutcome;
    });
  } catch (e) {
    if (e instanceof DomainError && e.code === "INVALID" && e.messageKey)
      return refuse(422, e.messageKey.split(".").pop()!);
    throw e;
  }
}

/** The organization whose tickets name this App ID most recently, or null. */
function organizationOfApp(db: Db, appId: string): number | null {
  const row = db
    .select({ organizationId: tickets.organizationId })
    .from(tickets)
    .where(eq(tickets.appId, appId))
    .orderBy(desc(tickets.createdAt))
    .limit(1)
    .get();
  return row?.organizationId ?? null;
}

/** An earlier alert about the same problem whose ticket is still open, or null. */
function openProblem(
  tx: Pick<Db, "select">,
  organizationId: number,
  alert: MonitoringAlert,
  detectedAt: Date,
): { ticketId: number } | null {
  const row = tx
    .select({ ticketId: proactiveAlerts.ticketId, status: tickets.status })
    .from(proactiveAlerts)
    .innerJoin(tickets, eq(tickets.id, proactiveAlerts.ticketId))
    .where(
      and(
        eq(proactiveAlerts.organizationId, organizationId),
        eq(proactiveAlerts.productArea, alert.productArea),
        eq(proactiveAlerts.metric, alert.metric),
        gte(proactiveAlerts.detectedAt, new Date(detectedAt.getTime() - GROUP_WINDOW_MS)),
        lte(proactiveAlerts.detectedAt, new Date(detectedAt.getTime() + GROUP_WINDOW_MS)),
      ),
    )
    .orderBy(desc(proactiveAlerts.detectedAt))
    .limit(1)
    .get();
  if (!row?.ticketId || !(OPEN_TICKET_STATUSES as readonly string[]).includes(row.status)) return null;
  return { ticketId: row.ticketId };
}

/** The alert in words for the ticket: what the monitor said first (the subject's line), then the metric and App ID. */
function describe(a: MonitoringAlert): string {
  const facts = [`Metric: ${a.metric}`, ...(a.appId ? [`App ID: ${a.appId}`] : [])];
  return a.description ? [a.description, "", ...facts].join("\n") : facts.join("\n");
}
