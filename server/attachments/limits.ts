/**
 * How much a ticket may carry (pure). The defaults are the issue's: 100 MB per file and 500 MB per
 * ticket; an administrator changes them (settings key `attachments.limits`), within hard bounds.
 */
import { z } from "@/server/zod";
import type { FileRefusal } from "./file-types";
import { LIMIT_BOUNDS, toMegabytes } from "./sizes";

export { DEFAULT_LIMITS, LIMIT_BOUNDS, toMegabytes } from "./sizes";

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
export type AttachmentLimits = z.infer<typeof ZAttachmentLimits>;

/** A file over the per-file limit, told before the upload starts (and checked again while it streams). */
export function fileSizeRefusal(size: number, limits: AttachmentLimits): FileRefusal | null {
  if (size <= limits.maxFileBytes) return null;
  return {
    message: `This file is larger than ${toMegabytes(limits.maxFileBytes)} MB, the limit for one file.`,
    messageKey: "attachments.errors.fileTooLarge",
    values: { max: toMegabytes(limits.maxFileBytes) },
  };
}

/** Files that would take a ticket past its total. */
export function ticketTotalRefusal(current: number, adding: number, limits: AttachmentLimits): FileRefusal | null {
  if (current + adding <= limits.maxTicketBytes) return null;
  return {
    message: `These files would take the ticket past ${toMegabytes(limits.maxTicketBytes)} MB of attachments.`,
    messageKey: "attachments.errors.ticketTooLarge",
    values: { max: toMegabytes(limits.maxTicketBytes) },
  };
}
