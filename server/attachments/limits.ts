/**
 * How much a ticket may carry (pure). The defaults are the issue's: 100 MB per file and 500 MB per
 * ticket; an administrator changes them (settings key `attachments.limits`), within hard bounds.
 */
import { z } from "@/server/zod";
import { LIMIT_BOUNDS } from "./sizes";

export { DEFAULT_LIMITS, LIMIT_BOUNDS, toMegabytes, type AttachmentLimits } from "./sizes";
export { fileSizeRefusal, ticketTotalRefusal } from "./size-refusals";

/** Files attached to one ticket, one reply or one note at once. */
export const MAX_FILES_PER_MESSAGE = 20;
/** Uploads a person may hold unsent at once (stored but not yet part of a ticket). */
export const MAX_PENDING_UPLOADS = 50;
/** An upload not sent within this time is deleted. */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

export const ZAttachmentLimits = z
  .object({
    maxFileBytes: z.number().int().min(LIMIT_BOUNDS.minBytes).max(LIMIT_BOUNDS.maxFileBytes),
    maxTicketBytes: z.number().int().min(LIMIT_BOUNDS.minBytes).max(LIMIT_BOUNDS.maxTicketBytes),
  })
  .refine((l) => l.maxTicketBytes >= l.maxFileBytes, {
    message: "A ticket's limit must be at least the limit of one file.",
    params: { messageKey: "attachments.errors.ticketBelowFile" },
    path: ["maxTicketBytes"],
  });
