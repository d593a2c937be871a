/**
 * The inbound monitoring endpoint (issue 19, decision 028): the vendor's monitoring posts a signed
 * anomaly alert; it opens a P0 or P1 ticket for the organization, clocked from detection, pages on
 * call and tells the customer (server/incidents/alerts.ts). A second alert about the same problem
 * (organization, product area and metric within GROUP_WINDOW_MS, its ticket still open) is added to
 * the first one's ticket instead. Admins create and rotate the signing key.
 */
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, lte, ne, or } from "drizzle-orm";
import {
  comments,
  monitoringKeys,
  monitoringReceipts,
  organizations,
  proactiveAlerts,
  tickets,
  users,
} from "@/db/schema";
import { OPEN_TICKET_STATUSES, type Priority } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { MAX_DETECTION_AGE_MS, openProactiveAlert } from "@/server/incidents/alerts";
import { isMoreUrgent } from "@/server/sla/evaluate";
import { changePriority } from "@/server/tickets/service";
import { groupWindow, RECEIPT_KEEP_MS, ROTATION_GRACE_MS, ZMonitoringAlert, type MonitoringAlert } from "./rules";
import { checkSignature } from "@/server/webhooks/rules";

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

/**
 * Ends every previous key at once, leaving only the current one: after a leak, rotating alone would
 * leave the leaked key working for its grace period. Returns how many keys ended (0: none was live).
 */
export function endPreviousKeys(db: Db, actor: SessionUser, now: Date): { ended: number } {
  return db.transaction((tx) => {
    const ended = tx
      .delete(monitoringKeys)
      .where(isNotNull(monitoringKeys.expiresAt))
      .returning({ id: monitoringKeys.id, expiresAt: monitoringKeys.expiresAt })
      .all()
      .filter((k) => k.expiresAt! >= now).length;
    if (ended > 0)
      recordAudit(tx, {
        actorId: actor.id,
        action: "monitoring.endPreviousKeys",
        entity: "monitoring_key",
        entityId: "previous",
        detail: { ended },
        at: now,
      });
    return { ended };
  });
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

const USER_COLUMNS = {
  id: users.id,
  role: users.role,
  organizationId: users.organizationId,
  name: users.name,
  email: users.email,
};

/**
 * Whom an alert is raised in the name of: the staff member who made the key that signed it while
 * they are still active staff, else the longest-standing active admin (the key belongs to the
 * installation, not to a person who left). Null: nobody to act for.
 */
function actingFor(db: Pick<Db, "select">, ownerId: number): SessionUser | null {
  return (
    db
      .select(USER_COLUMNS)
      .from(users)
      .where(and(eq(users.id, ownerId), eq(users.active, true), ne(users.role, "customer")))
      .get() ??
    db
      .select(USER_COLUMNS)
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true)))
      .orderBy(asc(users.id))
      .limit(1)
      .get() ??
    null
  );
}

/**
 * One signed alert: checks the signature against the live keys, validates the body, resolves the
 * organization, then, in one immediate transaction (so two workers receiving the same alert at once
 * take turns), refuses a replayed signature, answers a repeated `alertId` with its first result, and
 * opens the alert's ticket or groups it with an open one. The receipt is written with the ticket, so
 * a failure leaves nothing behind and a replay never opens a second ticket.
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

  let organizationId = alert.organizationId ?? null;
  if (organizationId === null) {
    const apps = organizationsOfApp(db, alert.appId!);
    if (apps.length === 0) return refuse(404, "unknownApp", { appId: alert.appId! });
    if (apps.length > 1) return refuse(422, "ambiguousApp", { appId: alert.appId! });
    organizationId = apps[0]!;
  }
  if (!db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).get())
    return refuse(404, "unknownOrganization");
  const signer = keys.find((k) => k.expiresAt === null) ?? keys[0]!;
  const actor = actingFor(db, signer.createdById);
  if (!actor) return refuse(401, "notConfigured");
  const orgId = organizationId;

  try {
    return db.transaction(
      (tx) => {
        if (tx.select().from(monitoringReceipts).where(eq(monitoringReceipts.signature, check.v1)).get())
          return refuse(409, "replay");
        // The monitor's own id: the same alert sent again (a retry with a fresh signature) is the same alert.
        const seen = alert.alertId ? alertWithExternalId(tx, orgId, alert.alertId) : null;
        if (seen) return { status: 200, ...seen, duplicate: true } as const;

        tx.delete(monitoringReceipts)
          .where(lt(monitoringReceipts.receivedAt, new Date(now.getTime() - RECEIPT_KEEP_MS)))
          .run();
        const open = openProblem(tx, orgId, alert, detectedAt);
        const result = open
          ? { ...addToProblem(db, actor, open, orgId, alert, detectedAt, now), grouped: true }
          : { ...openAlert(db, actor, orgId, alert, detectedAt, now), grouped: false };
        tx.insert(monitoringReceipts).values({ signature: check.v1, alertId: result.alertId, receivedAt: now }).run();
        return { status: result.grouped ? 200 : 201, ...result, duplicate: false } as const;
      },
      { behavior: "immediate" },
    );
  } catch (e) {
    if (e instanceof DomainError && e.code === "INVALID" && e.messageKey)
      return refuse(422, e.messageKey.split(".").pop()!);
    throw e;
  }
}

/** A new problem: its ticket, page and the customer told, as a staff member's alert (openProactiveAlert). */
function openAlert(
  db: Db,
  actor: SessionUser,
  organizationId: number,
  alert: MonitoringAlert,
  detectedAt: Date,
  now: Date,
) {
  // Called with `db`: better-sqlite3 makes its transaction a savepoint of the caller's.
  const opened = openProactiveAlert(
    db,
    actor,
    {
      organizationId,
      productArea: alert.productArea,
      description: alert.description ?? "",
      detectedAt,
      priority: alert.priority,
      source: "monitoring",
      metric: alert.metric,
      appId: alert.appId ?? null,
      externalId: alert.alertId ?? null,
    },
    now,
  );
  return { alertId: opened.id, ticketId: opened.ticketId };
}

/**
 * The same problem again: an alert row pointing at the open ticket and an internal note on its
 * timeline; no new ticket and no new page, unless this alert is more urgent than the ticket (a P0
 * for a P1 problem), which raises the ticket's priority as staff would (and that pages).
 */
function addToProblem(
  db: Db,
  actor: SessionUser,
  open: { ticketId: number; priority: Priority },
  organizationId: number,
  alert: MonitoringAlert,
  detectedAt: Date,
  now: Date,
) {
  const row = db
    .insert(proactiveAlerts)
    .values({
      organizationId,
      productArea: alert.productArea,
      detectedAt,
      description: alert.description ?? "",
      ticketId: open.ticketId,
      raisedById: actor.id,
      source: "monitoring",
      metric: alert.metric,
      appId: alert.appId ?? null,
      externalId: alert.alertId ?? null,
      createdAt: now,
    })
    .returning({ id: proactiveAlerts.id })
    .get();
  db.insert(comments)
    .values({
      ticketId: open.ticketId,
      authorId: actor.id,
      // What the monitor said; the ticket page introduces it in the reader's language, with the
      // alert's number, metric and detection time read from its row (getTicket, decision 043).
      body: alert.description ?? "",
      visibility: "internal",
      automatic: true,
      createdAt: now,
    })
    .run();
  db.update(tickets).set({ updatedAt: now }).where(eq(tickets.id, open.ticketId)).run();
  if (isMoreUrgent(alert.priority, open.priority))
    changePriority(
      db,
      actor,
      {
        ticketId: open.ticketId,
        priority: alert.priority,
        reason: `Monitoring reported the same problem at ${alert.priority} (alert ${row.id}).`,
      },
      now,
    );
  return { alertId: row.id, ticketId: open.ticketId };
}

/** The alert a monitor already sent with this id, with its ticket and whether it was grouped, or null. */
function alertWithExternalId(tx: Pick<Db, "select">, organizationId: number, externalId: string) {
  const seen = tx
    .select({ id: proactiveAlerts.id, ticketId: proactiveAlerts.ticketId })
    .from(proactiveAlerts)
    .where(and(eq(proactiveAlerts.organizationId, organizationId), eq(proactiveAlerts.externalId, externalId)))
    .orderBy(asc(proactiveAlerts.id))
    .limit(1)
    .get();
  if (!seen?.ticketId) return null;
  const earlier = tx
    .select({ id: proactiveAlerts.id })
    .from(proactiveAlerts)
    .where(and(eq(proactiveAlerts.ticketId, seen.ticketId), lt(proactiveAlerts.id, seen.id)))
    .limit(1)
    .get();
  return { alertId: seen.id, ticketId: seen.ticketId, grouped: earlier !== undefined };
}

/**
 * The organizations whose tickets name this App ID (at most two: one is the answer, two is
 * ambiguous). App IDs are typed by customers on their tickets, so an App ID named by two
 * organizations is refused rather than guessed: an alert about one customer's traffic must never
 * open a ticket in another's.
 */
function organizationsOfApp(db: Db, appId: string): number[] {
  return db
    .selectDistinct({ organizationId: tickets.organizationId })
    .from(tickets)
    .where(eq(tickets.appId, appId))
    .limit(2)
    .all()
    .map((r) => r.organizationId);
}

/** An earlier alert about the same problem whose ticket is still open, or null. */
function openProblem(
  tx: Pick<Db, "select">,
  organizationId: number,
  alert: MonitoringAlert,
  detectedAt: Date,
): { ticketId: number; priority: Priority } | null {
  const window = groupWindow(detectedAt);
  const row = tx
    .select({ ticketId: proactiveAlerts.ticketId, status: tickets.status, priority: tickets.priority })
    .from(proactiveAlerts)
    .innerJoin(tickets, eq(tickets.id, proactiveAlerts.ticketId))
    .where(
      and(
        eq(proactiveAlerts.organizationId, organizationId),
        eq(proactiveAlerts.productArea, alert.productArea),
        eq(proactiveAlerts.metric, alert.metric),
        gte(proactiveAlerts.detectedAt, window.from),
        lte(proactiveAlerts.detectedAt, window.to),
      ),
    )
    .orderBy(desc(proactiveAlerts.detectedAt))
    .limit(1)
    .get();
  if (!row?.ticketId || !(OPEN_TICKET_STATUSES as readonly string[]).includes(row.status)) return null;
  return { ticketId: row.ticketId, priority: row.priority };
}
