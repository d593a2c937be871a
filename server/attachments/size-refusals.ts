/**
 * The refusals of a file or a ticket over its size limits (pure, and free of zod: the attachment
 * picker tells them before an upload starts, and the pages that carry it load no schema library
 * for it; issue 25).
 */
import type { FileRefusal } from "./file-types";
import { toMegabytes, type AttachmentLimits } from "./sizes";

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
