import { z } from "zod";
import { ATTACHMENT_KINDS } from "@/db/schema/enums";
import { MAX_FILES_PER_MESSAGE, ZAttachmentLimits } from "@/server/attachments/limits";
import {
  discardUpload,
  findReadableAttachment,
  getAttachmentLimits,
  removeAttachment,
  setAttachmentLimits,
} from "@/server/attachments/service";
import { attachmentStoreFor } from "@/server/attachments/store-for";
import { readTextView } from "@/server/attachments/text-view";
import { DomainError } from "@/server/errors";
import { appendTicketEvents } from "@/server/tickets/service";
import { createTRPCRouter, permittedProcedure } from "../trpc";
import { ZId, ZReason } from "./tickets/schemas";

const ZLine = z.object({ number: z.number(), text: z.string() });

/** Ticket files: limits, reading a text log in the page, discarding an unsent upload, removal by staff. */
export const attachmentsRouter = createTRPCRouter({
  /** The limits the upload control checks before a file is sent. */
  limits: permittedProcedure("attachments.limits")
    .input(z.void())
    .output(z.object({ maxFileBytes: z.number(), maxTicketBytes: z.number(), maxFiles: z.number() }))
    .query(({ ctx }) => ({ ...getAttachmentLimits(ctx.db), maxFiles: MAX_FILES_PER_MESSAGE })),
  setLimits: permittedProcedure("admin.settings")
    .input(ZAttachmentLimits)
    .output(z.void())
    .mutation(({ ctx, input }) => setAttachmentLimits(ctx.db, ctx.user, input, ctx.now())),
  /** A text log's first lines and, with a query, its matching lines (bounded work). */
  text: permittedProcedure("attachments.read")
    .input(z.object({ id: ZId, query: z.string().trim().max(200).nullish() }))
    .output(
      z.object({
        name: z.string(),
        kind: z.enum(ATTACHMENT_KINDS),
        lines: z.array(ZLine),
        more: z.boolean(),
        matches: z.array(ZLine).nullable(),
        partial: z.boolean(),
        scannedBytes: z.number(),
        totalBytes: z.number(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const file = findReadableAttachment(ctx.db, ctx.user, input.id);
      if (file.kind !== "text")
        throw new DomainError("INVALID", "Only text files can be read in the page.", "attachments.errors.notViewable");
      const store = attachmentStoreFor(ctx.db);
      const view = await readTextView(() => store.read(file.sha256), file.size, input.query ?? null);
      return { name: file.name, kind: file.kind, ...view };
    }),
  /** The user removes a file of theirs before sending it. */
  discard: permittedProcedure("tickets.work")
    .input(z.object({ uploadId: ZId }))
    .output(z.void())
    .mutation(({ ctx, input }) => discardUpload(ctx.db, attachmentStoreFor(ctx.db), ctx.user, input.uploadId)),
  /** Staff remove (redact) a file, saying why; the timeline and the audit log keep who and why. */
  remove: permittedProcedure("attachments.redact")
    .input(z.object({ attachmentId: ZId, reason: ZReason }))
    .output(z.void())
    .mutation(({ ctx, input }) => {
      const now = ctx.now();
      removeAttachment(ctx.db, attachmentStoreFor(ctx.db), ctx.user, input, now, (tx, ticketId, data) => {
        appendTicketEvents(tx, ticketId, [{ type: "attachmentRemoved", at: now, actorId: ctx.user.id, data }], now);
      });
    }),
});
