/**
 * Attachments: uploads streamed to the store, claimed by a ticket, a reply or a note in that write's
 * own transaction, read exactly as the ticket is, and removed (redacted) by staff with a reason kept
 * on the timeline and in the audit log. Types come from file-types.ts, sizes from limits.ts.
 */
import type { Readable } from "node:stream";
import { and, count, eq, gte, inArray, isNull, lt, sql, sum } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { attachments, settings, tickets, uploads, users } from "@/db/schema";
import type { AttachmentKind } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError, notFound, refuseIf } from "@/server/errors";
import { decideFileType, fileNameProblem, isRefusal } from "./file-types";
import {
  DEFAULT_LIMITS,
  fileSizeRefusal,
  MAX_FILES_PER_MESSAGE,
  MAX_PENDING_UPLOADS,
  ticketTotalRefusal,
  UPLOAD_TTL_MS,
  ZAttachmentLimits,
  type AttachmentLimits,
} from "./limits";
import { FileTooLargeError, type AttachmentStore, type StagedFile } from "./store";
import { attachmentStoreFor } from "./store-for";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Bytes of a file's beginning kept for sniffing its type (the library reads at most this much). */
const HEAD_BYTES = 64 * 1024;
const LIMITS_KEY = "attachments.limits";

export function getAttachmentLimits(db: Pick<Db, "select">): AttachmentLimits {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, LIMITS_KEY)).get();
  const parsed = row ? ZAttachmentLimits.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : { ...DEFAULT_LIMITS };
}

/** An administrator sets the limits (audited with before and after). */
export function setAttachmentLimits(db: Db, actor: SessionUser, limits: AttachmentLimits, now: Date): void {
  db.transaction(
    (tx) => {
      const before = getAttachmentLimits(tx);
      tx.insert(settings)
        .values({ key: LIMITS_KEY, value: limits, updatedAt: now, updatedById: actor.id })
        .onConflictDoUpdate({ target: settings.key, set: { value: limits, updatedAt: now, updatedById: actor.id } })
        .run();
      recordAudit(tx, {
        actorId: actor.id,
        action: "attachments.limits",
        entity: "settings",
        entityId: LIMITS_KEY,
        detail: { before, after: limits },
        at: now,
      });
    },
    { behavior: "immediate" },
  );
}

export type UploadSummary = { id: number; name: string; size: number; kind: AttachmentKind; contentType: string };

/**
 * Receives one file: refuses a bad name or a declared size over the limit before reading a byte,
 * streams it into the store (giving up past the limit), checks that as many bytes arrived as were
 * declared (an upload cut off midway is refused), decides its type from its content, and records it
 * as the user's pending upload. Whatever is refused leaves nothing behind.
 */
export async function receiveUpload(
  db: Db,
  store: AttachmentStore,
  user: SessionUser,
  source: AsyncIterable<Uint8Array> | Readable,
  file: { name: string; declaredSize: number | null },
  now: Date,
): Promise<UploadSummary> {
  const name = file.name.normalize("NFC").trim();
  refuseIf(fileNameProblem(name));
  const limits = getAttachmentLimits(db);
  if (file.declaredSize !== null) refuseIf(fileSizeRefusal(file.declaredSize, limits));
  const pending = db.select({ n: count() }).from(uploads).where(eq(uploads.uploaderId, user.id)).get()!.n;
  if (pending >= MAX_PENDING_UPLOADS)
    throw new DomainError(
      "CONFLICT",
      `You have ${MAX_PENDING_UPLOADS} files waiting to be sent; send or remove some first.`,
      "attachments.errors.tooManyPending",
      { max: MAX_PENDING_UPLOADS },
    );
  let staged;
  try {
    staged = await store.stage(source, { maxBytes: limits.maxFileBytes, headBytes: HEAD_BYTES });
  } catch (e) {
    if (e instanceof FileTooLargeError) refuseIf(fileSizeRefusal(limits.maxFileBytes + 1, limits));
    throw new DomainError(
      "INVALID",
      "The upload was interrupted; nothing was saved. Try again.",
      "attachments.errors.interrupted",
    );
  }
  try {
    if (file.declaredSize !== null && staged.size !== file.declaredSize)
      throw new DomainError(
        "INVALID",
        "The upload was interrupted; nothing was saved. Try again.",
        "attachments.errors.interrupted",
      );
    const detected = (await fileTypeFromBuffer(staged.head))?.ext;
    const type = decideFileType(name, staged.size, detected, staged.head);
    if (isRefusal(type)) refuseIf(type);
    const decided = type as Exclude<typeof type, { messageKey: string }>;
    try {
      return recordUpload(db, store, user, staged, name, decided, now);
    } catch (e) {
      removeContentIfUnused(db, store, [staged.sha256]);
      throw e;
    }
  } finally {
    store.discard(staged);
  }
}

function recordUpload(
  db: Db,
  store: AttachmentStore,
  user: SessionUser,
  staged: StagedFile,
  name: string,
  decided: { kind: AttachmentKind; contentType: string },
  now: Date,
): UploadSummary {
  return db.transaction(
    (tx) => {
      const twin = tx
        .select({ id: uploads.id })
        .from(uploads)
        .where(and(eq(uploads.uploaderId, user.id), eq(uploads.sha256, staged.sha256)))
        .get();
      if (twin)
        throw new DomainError("CONFLICT", "You have already added this file.", "attachments.errors.duplicateUpload");
      store.commit(staged);
      const row = tx
        .insert(uploads)
        .values({
          uploaderId: user.id,
          name,
          contentType: decided.contentType,
          kind: decided.kind,
          size: staged.size,
          sha256: staged.sha256,
          createdAt: now,
        })
        .returning({ id: uploads.id })
        .get();
      return { id: row.id, name, size: staged.size, kind: decided.kind, contentType: decided.contentType };
    },
    { behavior: "immediate" },
  );
}

/**
 * Makes the user's pending uploads files of a ticket, inside the transaction that writes the ticket
 * or the comment they belong to: refused (and so nothing at all written) when an upload is not the
 * user's or has expired, when a file is already on the ticket, or when they would take the ticket
 * past its total.
 */
export function claimUploads(
  tx: Tx,
  user: SessionUser,
  uploadIds: readonly number[] | undefined,
  target: { ticketId: number; organizationId: number; commentId: number | null; internal: boolean },
  now: Date,
): number {
  const ids = [...new Set(uploadIds ?? [])];
  if (ids.length === 0) return 0;
  if (ids.length > MAX_FILES_PER_MESSAGE)
    throw new DomainError(
      "INVALID",
      `Attach at most ${MAX_FILES_PER_MESSAGE} files at once.`,
      "attachments.errors.tooManyFiles",
      { max: MAX_FILES_PER_MESSAGE },
    );
  const rows = tx
    .select()
    .from(uploads)
    .where(
      and(
        inArray(uploads.id, ids),
        eq(uploads.uploaderId, user.id),
        // expired and not yet swept is expired all the same
        gte(uploads.createdAt, new Date(now.getTime() - UPLOAD_TTL_MS)),
      ),
    )
    .all();
  if (rows.length !== ids.length)
    throw new DomainError(
      "INVALID",
      "A file is no longer waiting to be sent (it expired or was removed); add it again.",
      "attachments.errors.uploadMissing",
    );
  const onTicket = tx
    .select({ sha256: attachments.sha256, name: attachments.name })
    .from(attachments)
    .where(and(eq(attachments.ticketId, target.ticketId), isNull(attachments.removedAt)))
    .all();
  const seen = new Set(onTicket.map((a) => a.sha256));
  for (const r of rows) {
    if (seen.has(r.sha256))
      throw new DomainError(
        "CONFLICT",
        `${r.name} is already attached to this ticket.`,
        "attachments.errors.duplicateOnTicket",
        { name: r.name },
      );
    seen.add(r.sha256);
  }
  const current = totalAttachedBytes(tx, target.ticketId);
  refuseIf(
    ticketTotalRefusal(
      current,
      rows.reduce((s, r) => s + r.size, 0),
      getAttachmentLimits(tx),
    ),
  );
  for (const r of rows)
    tx.insert(attachments)
      .values({
        ticketId: target.ticketId,
        commentId: target.commentId,
        organizationId: target.organizationId,
        uploaderId: user.id,
        name: r.name,
        contentType: r.contentType,
        kind: r.kind,
        size: r.size,
        sha256: r.sha256,
        internal: target.internal,
        createdAt: now,
      })
      .run();
  tx.delete(uploads).where(inArray(uploads.id, ids)).run();
  return rows.length;
}

/** Bytes of a ticket's files that are not removed. */
export function totalAttachedBytes(db: Pick<Db, "select">, ticketId: number): number {
  const row = db
    .select({ total: sum(attachments.size) })
    .from(attachments)
    .where(and(eq(attachments.ticketId, ticketId), isNull(attachments.removedAt)))
    .get();
  return Number(row?.total ?? 0);
}

export type TicketAttachment = {
  id: number;
  commentId: number | null;
  name: string;
  size: number;
  kind: AttachmentKind;
  contentType: string;
  internal: boolean;
  uploader: string;
  createdAt: Date;
  removed: { by: string | null; reason: string; at: Date } | null;
};

/** A ticket's files for its page: a customer never sees those of internal notes. */
export function listTicketAttachments(db: Pick<Db, "select">, ticketId: number, includeInternal: boolean) {
  const remover = sql<
    string | null
  >`(select ${users.name} from ${users} where ${users.id} = ${attachments.removedById})`;
  const rows = db
    .select({
      id: attachments.id,
      commentId: attachments.commentId,
      name: attachments.name,
      size: attachments.size,
      kind: attachments.kind,
      contentType: attachments.contentType,
      internal: attachments.internal,
      uploader: users.name,
      createdAt: attachments.createdAt,
      removedAt: attachments.removedAt,
      removalReason: attachments.removalReason,
      removedBy: remover,
    })
    .from(attachments)
    .innerJoin(users, eq(users.id, attachments.uploaderId))
    .where(
      includeInternal
        ? eq(attachments.ticketId, ticketId)
        : and(eq(attachments.ticketId, ticketId), eq(attachments.internal, false)),
    )
    .orderBy(attachments.createdAt, attachments.id)
    .all();
  return rows.map(({ removedAt, removalReason, removedBy, ...r }): TicketAttachment => ({
    ...r,
    removed: removedAt ? { by: removedBy, reason: removalReason ?? "", at: removedAt } : null,
  }));
}

/**
 * An attachment the user may download: on a ticket they may read, not of an internal note for a
 * customer, not removed. Anything else "does not exist", so guessing ids reveals nothing.
 */
export function findReadableAttachment(db: Pick<Db, "select">, user: SessionUser, attachmentId: number) {
  const row = db
    .select({
      id: attachments.id,
      name: attachments.name,
      size: attachments.size,
      kind: attachments.kind,
      contentType: attachments.contentType,
      sha256: attachments.sha256,
      internal: attachments.internal,
      removedAt: attachments.removedAt,
      organizationId: tickets.organizationId,
    })
    .from(attachments)
    .innerJoin(tickets, eq(tickets.id, attachments.ticketId))
    .where(eq(attachments.id, attachmentId))
    .get();
  const customer = user.role === "customer";
  if (
    !row ||
    row.removedAt ||
    (customer && (row.internal || user.organizationId === null || row.organizationId !== user.organizationId))
  )
    throw notFound("Attachment");
  return row;
}

/** A pending upload of the user's, for its preview before sending. */
export function findOwnUpload(db: Pick<Db, "select">, user: SessionUser, uploadId: number) {
  const row = db
    .select()
    .from(uploads)
    .where(and(eq(uploads.id, uploadId), eq(uploads.uploaderId, user.id)))
    .get();
  if (!row) throw notFound("Upload");
  return row;
}

/** Deletes a file's content when no attachment and no upload uses it any more (inside the write lock). */
function removeContentIfUnused(db: Db, store: AttachmentStore, sha256s: readonly string[]): void {
  if (sha256s.length === 0) return;
  db.transaction(
    (tx) => {
      for (const sha of new Set(sha256s)) {
        const used =
          tx
            .select({ id: attachments.id })
            .from(attachments)
            .where(and(eq(attachments.sha256, sha), isNull(attachments.removedAt)))
            .get() ?? tx.select({ id: uploads.id }).from(uploads).where(eq(uploads.sha256, sha)).get();
        if (!used) store.remove(sha);
      }
    },
    { behavior: "immediate" },
  );
}

/** The user removes one of their own files before sending it. */
export function discardUpload(db: Db, store: AttachmentStore, user: SessionUser, uploadId: number): void {
  const row = findOwnUpload(db, user, uploadId);
  db.delete(uploads).where(eq(uploads.id, row.id)).run();
  removeContentIfUnused(db, store, [row.sha256]);
}

/**
 * Staff remove (redact) a file: its row stays, saying who removed it and why, on the ticket's
 * timeline and in the audit log; its content is deleted unless another attachment holds the same.
 */
export function removeAttachment(
  db: Db,
  store: AttachmentStore,
  actor: SessionUser,
  input: { attachmentId: number; reason: string },
  now: Date,
  appendEvent: (tx: Tx, ticketId: number, data: Record<string, string>) => void,
): void {
  const sha = db.transaction(
    (tx) => {
      const row = tx.select().from(attachments).where(eq(attachments.id, input.attachmentId)).get();
      if (!row) throw notFound("Attachment");
      if (row.removedAt)
        throw new DomainError("CONFLICT", "This file was already removed.", "attachments.errors.alreadyRemoved");
      tx.update(attachments)
        .set({ removedAt: now, removedById: actor.id, removalReason: input.reason })
        .where(eq(attachments.id, row.id))
        .run();
      appendEvent(tx, row.ticketId, { name: row.name, reason: input.reason, internal: String(row.internal) });
      recordAudit(tx, {
        actorId: actor.id,
        action: "attachment.remove",
        entity: "ticket",
        entityId: String(row.ticketId),
        detail: { attachmentId: row.id, name: row.name, reason: input.reason },
        at: now,
      });
      return row.sha256;
    },
    { behavior: "immediate" },
  );
  removeContentIfUnused(db, store, [sha]);
}

/**
 * Deletes uploads nobody sent within the time allowed, and temporary files a dead process left;
 * bounded per call. Returns how many uploads were deleted.
 */
export function sweepExpiredUploads(db: Db, store: AttachmentStore, now: Date, limit = 200): number {
  const cutoff = new Date(now.getTime() - UPLOAD_TTL_MS);
  const expired = db
    .select({ id: uploads.id, sha256: uploads.sha256 })
    .from(uploads)
    .where(lt(uploads.createdAt, cutoff))
    .limit(limit)
    .all();
  if (expired.length > 0) {
    db.delete(uploads)
      .where(
        inArray(
          uploads.id,
          expired.map((e) => e.id),
        ),
      )
      .run();
    removeContentIfUnused(
      db,
      store,
      expired.map((e) => e.sha256),
    );
  }
  store.sweepTemporary(60 * 60 * 1000, now);
  return expired.length;
}

/** The organization and visibility a claim on a ticket needs, for the reply and filing services. */
export function ticketOrganization(tx: Pick<Db, "select">, ticketId: number): number {
  const row = tx.select({ organizationId: tickets.organizationId }).from(tickets).where(eq(tickets.id, ticketId)).get();
  if (!row) throw notFound("Ticket");
  return row.organizationId;
}

/** The scheduler's pass (server/scheduler/jobs.ts): unsent uploads past their day, and dead temporary files. */
export const attachmentSweepJob = {
  name: "attachments.sweep",
  everyMs: 15 * 60_000,
  run: (db: Db, now: Date) => {
    sweepExpiredUploads(db, attachmentStoreFor(db), now);
  },
};
