/**
 * How large attachments may be, in bytes, and how the admin form states it (pure, and free of any
 * refusal's message, so a form that only states the bounds carries none of those texts).
 */
export const MB = 1024 * 1024;

/** How much one file and one ticket may carry. */
export type AttachmentLimits = { maxFileBytes: number; maxTicketBytes: number };

export const DEFAULT_LIMITS = { maxFileBytes: 100 * MB, maxTicketBytes: 500 * MB } as const;
/** What an administrator may set: from 1 MB to 2 GB per file, and a ticket at least one file's worth. */
export const LIMIT_BOUNDS = { minBytes: 1 * MB, maxFileBytes: 2048 * MB, maxTicketBytes: 10240 * MB } as const;

/** Whole megabytes, as the refusals and the admin form state them. */
export const toMegabytes = (bytes: number) => Math.round(bytes / MB);
