import { describe, expect, it } from "vitest";
import {
  DEFAULT_LIMITS,
  LIMIT_BOUNDS,
  ZAttachmentLimits,
  fileSizeRefusal,
  ticketTotalRefusal,
  toMegabytes,
} from "./limits";

const MB = 1024 * 1024;

describe("attachment limits", () => {
  it("the defaults are the issue's: 100 MB per file, 500 MB per ticket", () => {
    expect(DEFAULT_LIMITS).toEqual({ maxFileBytes: 100 * MB, maxTicketBytes: 500 * MB });
    expect(ZAttachmentLimits.safeParse(DEFAULT_LIMITS).success).toBe(true);
  });

  it("a file of exactly the limit is accepted; one byte more is refused, stating the limit in MB", () => {
    expect(fileSizeRefusal(100 * MB, DEFAULT_LIMITS)).toBeNull();
    expect(fileSizeRefusal(100 * MB + 1, DEFAULT_LIMITS)).toEqual({
      message: "This file is larger than 100 MB, the limit for one file.",
      messageKey: "attachments.errors.fileTooLarge",
      values: { max: 100 },
    });
  });

  it("files may fill a ticket up to its total exactly, not a byte past it", () => {
    expect(ticketTotalRefusal(400 * MB, 100 * MB, DEFAULT_LIMITS)).toBeNull();
    expect(ticketTotalRefusal(400 * MB, 100 * MB + 1, DEFAULT_LIMITS)).toMatchObject({
      messageKey: "attachments.errors.ticketTooLarge",
      values: { max: 500 },
    });
    expect(ticketTotalRefusal(0, 0, DEFAULT_LIMITS)).toBeNull();
  });

  it("an administrator may set from 1 MB to 2 GB per file and up to 10 GB per ticket, in whole bytes", () => {
    const ok = (l: { maxFileBytes: number; maxTicketBytes: number }) => ZAttachmentLimits.safeParse(l).success;
    expect(ok({ maxFileBytes: LIMIT_BOUNDS.minBytes, maxTicketBytes: LIMIT_BOUNDS.minBytes })).toBe(true);
    expect(ok({ maxFileBytes: LIMIT_BOUNDS.maxFileBytes, maxTicketBytes: LIMIT_BOUNDS.maxTicketBytes })).toBe(true);
    expect(ok({ maxFileBytes: MB - 1, maxTicketBytes: 10 * MB })).toBe(false);
    expect(ok({ maxFileBytes: 2048 * MB + 1, maxTicketBytes: 4096 * MB })).toBe(false);
    expect(ok({ maxFileBytes: 10 * MB, maxTicketBytes: 10240 * MB + 1 })).toBe(false);
    expect(ok({ maxFileBytes: 10 * MB + 0.5, maxTicketBytes: 100 * MB })).toBe(false);
    expect(ok({ maxFileBytes: Number.NaN, maxTicketBytes: 100 * MB })).toBe(false);
  });

  it("a ticket's total below one file's limit is refused with its own message on the ticket field", () => {
    const r = ZAttachmentLimits.safeParse({ maxFileBytes: 100 * MB, maxTicketBytes: 50 * MB });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({
      path: ["maxTicketBytes"],
      params: { messageKey: "attachments.errors.ticketBelowFile" },
    });
  });

  it("megabytes are rounded for messages", () => {
    expect(toMegabytes(100 * MB)).toBe(100);
    expect(toMegabytes(1.6 * MB)).toBe(2);
  });
});
