/**
 * Follow-up tasks (issue #22): an account manager's to-do for one organization, due on a calendar
 * day. The day is the one the user picked ("YYYY-MM-DD"), kept as that day in every time zone (as
 * an engagement's day, server/accounts/engagement-day.ts); whether it is overdue is judged against
 * the viewer's own today. Pure: `now` and the zone are arguments.
 */
import { DateTime } from "luxon";
import { isCalendarDay } from "./engagement-day";

/** Open follow-ups one organization may hold: a to-do list, not a backlog. */
export const MAX_OPEN_FOLLOW_UPS = 50;
/** Completed follow-ups an organization's page lists (newest first). */
export const RECENT_DONE_FOLLOW_UPS = 10;
/** How far ahead a follow-up may be due: beyond this it is a typo, not a plan. */
export const FOLLOW_UP_HORIZON_DAYS = 731;
/** A day earlier than the viewer's today is accepted by this many days (the browser's zone may be a day behind the profile's). */
const PAST_SLACK_DAYS = 1;

export type FollowUpState = "overdue" | "today" | "upcoming" | "done";

/** The calendar day ("YYYY-MM-DD") an instant falls on in an IANA zone; UTC for an unknown zone. */
export function dayIn(now: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  return (local.isValid ? local : DateTime.fromJSDate(now, { zone: "UTC" })).toISODate()!;
}

/** `day` moved by whole calendar days. */
export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: "UTC" }).plus({ days }).toISODate()!;
}

/**
 * Where a follow-up stands for a viewer whose today is `today`: done once completed; otherwise
 * overdue after its day, due today on it, upcoming before it. Days compare as strings.
 */
export function followUpState(dueOn: string, completed: boolean, today: string): FollowUpState {
  if (completed) return "done";
  return dueOn < today ? "overdue" : dueOn === today ? "today" : "upcoming";
}

type Refusal = { message: string; messageKey: string; values?: Record<string, string | number> };

/**
 * Why a due day cannot be set, or null: it must be a real day, not before the viewer's today (a
 * day's slack for zones), and at most two years ahead.
 */
export function dueDayRefusal(dueOn: string, today: string): Refusal | null {
  if (!isCalendarDay(dueOn)) return { message: "Choose a date.", messageKey: "accounts.errors.badDay" };
  if (dueOn < addDays(today, -PAST_SLACK_DAYS))
    return { message: "Choose today or a later day.", messageKey: "accounts.errors.followUpPast" };
  if (dueOn > addDays(today, FOLLOW_UP_HORIZON_DAYS))
    return { message: "The date is more than two years ahead.", messageKey: "accounts.errors.followUpTooFar" };
  return null;
}
