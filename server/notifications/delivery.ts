/**
 * Delivers the outbox through SMTP. Outbox rows are written inside the ticket write's transaction;
 * delivery runs only after that commit (never inside a transaction, since sending is slow and may
 * fail), records every attempt in the audit log (entity "outbox": who was mailed, when, the error),
 * and marks a row sent only once the server accepted it. A failed row stays in the outbox and is
 * retried on a later pass (see retry.ts), so no message is lost when the mail server is down.
 * Several server processes deliver from one database (scripts/serve.mjs): each claims a message in
 * the database before sending it (a lease row in rate_counters), so no message is sent twice; a
 * claim left by a worker that died runs out after DELIVERY_LEASE_MS and the message is retried.
 */
import { and, asc, eq, gt, gte, inArray, isNull, sql } from "drizzle-orm";
import { auditLog, outbox, rateCounters } from "@/db/schema";
import { recordAudit } from "@/server/audit/service";
import type { Db } from "@/server/db";
import {
  DELIVERY_LEASE_MS,
  DELIVERY_WINDOW_MS,
  deliveryLeaseKey,
  deliveryStatus,
  isDeliveryDue,
  nextAttemptAt,
  type DeliveryState,
  type DeliveryStatus,
} from "./retry";

/** What delivery needs of a mail transport (nodemailer's `Transporter` has it). */
export type MailTransport = {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html?: string;
    messageId?: string;
    inReplyTo?: string;
    references?: string;
    replyTo?: string;
    headers?: Record<string, string>;
  }): Promise<unknown>;
};

/**
 * The message a transport sends for an outbox row: its text, its HTML part when it has one, and its
 * threading headers (server/email/compose.ts), so a retry sends the same Message-ID again.
 */
export function outboxMessage(
  row: { to: string; subject: string; body: string; html: string | null; headers: Record<string, string> | null },
  from: string,
): Parameters<MailTransport["sendMail"]>[0] {
  const {
    "Message-ID": messageId,
    "In-Reply-To": inReplyTo,
    References: references,
    "Reply-To": replyTo,
    ...rest
  } = row.headers ?? {};
  return {
    from,
    to: row.to,
    subject: row.subject,
    text: row.body,
    ...(row.html ? { html: row.html } : {}),
    ...(messageId ? { messageId } : {}),
    ...(inReplyTo ? { inReplyTo } : {}),
    ...(references ? { references } : {}),
    ...(replyTo ? { replyTo } : {}),
    ...(Object.keys(rest).length > 0 ? { headers: rest } : {}),
  };
}

export type OutboxAttempts = { attempts: number; lastAttemptAt: Date | null; lastError: string | null };
const BATCH = 200;

/**
 * Each message's delivery attempts, read from the audit log. Attempts happen after the message was
 * written, so the search starts at the oldest message's creation (the audit log's time index).
 */
export function loadAttempts(
  db: Pick<Db, "select">,
  rows: { id: number; createdAt: Date }[],
): Map<number, OutboxAttempts> {
  const result = new Map<number, OutboxAttempts>();
  if (rows.length === 0) return result;
  const since = new Date(Math.min(...rows.map((r) => r.createdAt.getTime())));
  const entries = db
    .select({ entityId: auditLog.entityId, action: auditLog.action, at: auditLog.at, detail: auditLog.detail })
    .from(auditLog)
    .where(
      and(
        gte(auditLog.at, since),
        eq(auditLog.entity, "outbox"),
        inArray(
          auditLog.entityId,
          rows.map((r) => String(r.id)),
        ),
      ),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id))
    .all();
  for (const e of entries) {
    const id = Number(e.entityId);
    const cur = result.get(id) ?? { attempts: 0, lastAttemptAt: null, lastError: null };
    cur.attempts += 1;
    cur.lastAttemptAt = e.at;
    cur.lastError = e.action === "email.failed" && typeof e.detail?.error === "string" ? e.detail.error : null;
    result.set(id, cur);
  }
  return result;
}

/** An outbox row with its delivery state, as the admin's outbox page shows it. */
export function withDeliveryState<T extends { id: number; createdAt: Date; sentAt: Date | null }>(
  db: Pick<Db, "select">,
  rows: T[],
): (T & DeliveryState & { status: DeliveryStatus; nextAttemptAt: Date | null })[] {
  const attempts = loadAttempts(db, rows);
  return rows.map((r) => {
    const state = { ...r, ...(attempts.get(r.id) ?? { attempts: 0, lastAttemptAt: null, lastError: null }) };
    return { ...state, status: deliveryStatus(state), nextAttemptAt: nextAttemptAt(state) };
  });
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
const NO_ATTEMPTS: OutboxAttempts = { attempts: 0, lastAttemptAt: null, lastError: null };

/**
 * The outcome of trying to claim one message: `claimed` (this pass sends it; `generation` names the
 * claim), `held` (another worker is sending it until `until`), or `skip` with its state as of now
 * (sent meanwhile, or no longer due because another worker just tried it).
 */
type Claim =
  | { kind: "claimed"; generation: number; state: DeliveryState }
  | { kind: "held"; until: Date }
  | { kind: "skip"; state: DeliveryState };

/**
 * Claims a message for one send, atomically across processes: in one IMMEDIATE transaction (it
 * holds SQLite's write lock, so claims of two workers are serialized) the message's state is read
 * again and, when it is still unsent and due, a lease row is written unless a live one exists.
 */
function claimMessage(db: Db, row: { id: number; createdAt: Date }, at: Date): Claim {
  return db.transaction(
    (tx): Claim => {
      const current = tx.select({ sentAt: outbox.sentAt }).from(outbox).where(eq(outbox.id, row.id)).get();
      const state: DeliveryState = {
        sentAt: current ? current.sentAt : at,
        ...(loadAttempts(tx, [row]).get(row.id) ?? NO_ATTEMPTS),
      };
      if (!current || !isDeliveryDue({ ...state, createdAt: row.createdAt }, at)) return { kind: "skip", state };
      const until = new Date(at.getTime() + DELIVERY_LEASE_MS);
      const [lease] = tx
        .insert(rateCounters)
        .values({ key: deliveryLeaseKey(row.id), windowStart: at, count: 1, blockedUntil: until })
        .onConflictDoUpdate({
          target: rateCounters.key,
          set: { windowStart: at, count: sql`${rateCounters.count} + 1`, blockedUntil: until },
          setWhere: sql`coalesce(${rateCounters.blockedUntil}, 0) <= ${at.getTime()}`,
        })
        .returning({ count: rateCounters.count })
        .all();
      if (lease) return { kind: "claimed", generation: lease.count, state };
      const held = tx
        .select({ until: rateCounters.blockedUntil })
        .from(rateCounters)
        .where(eq(rateCounters.key, deliveryLeaseKey(row.id)))
        .get();
      return { kind: "held", until: held?.until ?? until };
    },
    { behavior: "immediate" },
  );
}

/** Ends this pass's claim (not a later one taken after ours ran out). */
function releaseClaim(tx: Tx, outboxId: number, generation: number): void {
  tx.delete(rateCounters)
    .where(and(eq(rateCounters.key, deliveryLeaseKey(outboxId)), eq(rateCounters.count, generation)))
    .run();
}

/** The lowest outbox id a pass still needs to look at, per database (rows below it are sent, given up, or too old). */
const lowWater = new WeakMap<object, number>();

export type DeliveryPass = { sent: number; failed: number; retryAt: Date | null };

/**
 * One delivery pass: every unsent message of the last day whose next attempt is due is claimed and
 * sent, one at a time; each attempt is recorded (audit "email.sent" or "email.failed" with the
 * error and the attempt number) and a success sets `sent_at`. A message another worker is sending
 * is left to it. Returns when the earliest retry (or another worker's claim) falls due.
 */
export async function deliverOutbox(
  db: Db,
  transport: MailTransport,
  opts: { now: () => Date; from: string },
): Promise<DeliveryPass> {
  const start = opts.now();
  const after = lowWater.get(db) ?? 0;
  const rows = db
    .select()
    .from(outbox)
    .where(
      and(
        gt(outbox.id, after),
        isNull(outbox.sentAt),
        gte(outbox.createdAt, new Date(start.getTime() - DELIVERY_WINDOW_MS)),
      ),
    )
    .orderBy(asc(outbox.id))
    .limit(BATCH)
    .all();
  const attempts = loadAttempts(db, rows);
  const result: DeliveryPass = { sent: 0, failed: 0, retryAt: null };
  let firstOpen: number | null = null;
  const retryAt = (at: Date) => {
    if (!result.retryAt || at < result.retryAt) result.retryAt = at;
  };
  for (const row of rows) {
    let state = { createdAt: row.createdAt, sentAt: row.sentAt, ...(attempts.get(row.id) ?? NO_ATTEMPTS) };
    if (isDeliveryDue(state, start)) {
      const claim = claimMessage(db, row, opts.now());
      if (claim.kind === "held") {
        firstOpen ??= row.id;
        retryAt(claim.until);
        continue;
      }
      state = { ...state, ...claim.state };
      if (claim.kind === "claimed") {
        const attempt = state.attempts + 1;
        try {
          await transport.sendMail(outboxMessage(row, opts.from));
          const at = opts.now();
          db.transaction((tx) => {
            tx.update(outbox)
              .set({ sentAt: at })
              .where(and(eq(outbox.id, row.id), isNull(outbox.sentAt)))
              .run();
            recordAudit(tx, {
              actorId: null,
              action: "email.sent",
              entity: "outbox",
              entityId: String(row.id),
              detail: { attempt, to: row.to },
              at,
            });
            releaseClaim(tx, row.id, claim.generation);
          });
          result.sent += 1;
          continue;
        } catch (err) {
          const at = opts.now();
          const error = (err instanceof Error ? err.message : String(err)).slice(0, 500) || "unknown error";
          db.transaction((tx) => {
            recordAudit(tx, {
              actorId: null,
              action: "email.failed",
              entity: "outbox",
              entityId: String(row.id),
              detail: { attempt, to: row.to, error },
              at,
            });
            releaseClaim(tx, row.id, claim.generation);
          });
          result.failed += 1;
          state.attempts = attempt;
          state.lastAttemptAt = at;
        }
      }
    }
    const next = nextAttemptAt(state);
    if (next) {
      firstOpen ??= row.id;
      retryAt(next);
    }
  }
  const last = rows[rows.length - 1];
  if (firstOpen !== null) lowWater.set(db, firstOpen - 1);
  else if (last) lowWater.set(db, last.id);
  return result;
}
