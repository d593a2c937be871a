import { isCalendarDay } from "./engagement-day";
import { PORTFOLIO_SORTS } from "./portfolio-sort";
import { z } from "@/server/zod";
import { MEETING_CHANNELS, TIER_CODES } from "@/db/schema/enums";

/** Rows shown per portfolio page (a manager's portfolio is every organization). */
export const PORTFOLIO_PAGE_SIZE = 25;

export const ZId = z.number().int().positive();
/** Trimmed text of a bounded length. */
export const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** A meeting, training, check-in or review logged on an organization's timeline. */
export const ZNewEngagement = z.object({
  organizationId: ZId,
  kind: z.enum(["meeting", "training", "check_in", "review"]),
  at: z.date(),
  /** The calendar day picked ("YYYY-MM-DD"): kept as that day in every time zone (issue #22). */
  day: z
    .string()
    .max(10)
    .refine(isCalendarDay, { message: "Choose a date.", params: { messageKey: "accounts.errors.badDay" } })
    .optional(),
  title: text(3, 200),
  notes: z.string().trim().max(5000).default(""),
});
export type NewEngagement = z.infer<typeof ZNewEngagement>;

/** A customer's request for a meeting with their account team. */
export const ZMeetingRequestInput = z.object({
  topic: text(3, 200),
  preferredTimes: text(3, 500),
  channel: z.enum(MEETING_CHANNELS),
});
export type MeetingRequestInput = z.infer<typeof ZMeetingRequestInput>;

/** The portfolio's filter, sort and page; page and page size may be left out. */
export const ZPortfolioFilter = z.object({
  tier: z.enum(TIER_CODES).optional(),
  band: z.enum(["green", "yellow", "red"]).optional(),
  /** The column to order by (server/accounts/portfolio-sort.ts); its own direction when `dir` is left out. */
  sort: z.enum(PORTFOLIO_SORTS).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(PORTFOLIO_PAGE_SIZE),
});
export type PortfolioFilter = z.input<typeof ZPortfolioFilter>;

/** A follow-up task: what to do and the calendar day it is due ("YYYY-MM-DD", kept as picked). */
export const ZNewFollowUp = z.object({
  organizationId: ZId,
  title: text(3, 200),
  dueOn: z
    .string()
    .max(10)
    .refine(isCalendarDay, { message: "Choose a date.", params: { messageKey: "accounts.errors.badDay" } }),
});
export type NewFollowUp = z.infer<typeof ZNewFollowUp>;
