/**
 * What "one business day" means for a calendar: the open minutes of its usual working day (8.5 h
 * for 09:00-17:30). Targets are stored in minutes; this is how they read back as "5 business days"
 * on the calendar that measures them, instead of a length written into the UI. Pure.
 */
import type { BusinessCalendar } from "./clock";

/** A calendar's opening range on a weekday (0 = Sunday), as stored or as the clock takes it. */
type Hours = Omit<BusinessCalendar["hours"][number], "day"> & { day: number };

const MINUTES_PER_DAY = 24 * 60;

function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * The open minutes of the calendar's usual day: the daily total that most of its open weekdays
 * share (the longer one on a tie), or null for a calendar that is never open. A calendar open
 * around the clock has 24-hour business days.
 */
export function businessDayMinutes(hours: readonly Hours[]): number | null {
  const perDay = new Map<number, number>();
  for (const h of hours) {
    const open = Math.min(clockMinutes(h.end), MINUTES_PER_DAY) - clockMinutes(h.start);
    if (open > 0) perDay.set(h.day, (perDay.get(h.day) ?? 0) + open);
  }
  return mostCommon([...perDay.values()]);
}

/**
 * The business day shared by most of the given calendars (a tier's targets are read against the
 * regional calendars that measure them), or null when none is ever open.
 */
export function typicalBusinessDayMinutes(calendars: readonly { hours: readonly Hours[] }[]): number | null {
  return mostCommon(calendars.map((c) => businessDayMinutes(c.hours)).filter((m): m is number => m !== null));
}

function mostCommon(values: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  for (const [v, n] of counts) {
    const bestCount = best === null ? 0 : counts.get(best)!;
    if (n > bestCount || (n === bestCount && best !== null && v > best)) best = v;
  }
  return best;
}
