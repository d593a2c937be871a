/**
 * The rules an admin's edit of a support calendar must keep: well-formed opening periods that do
 * not overlap, a time zone the SLA clock knows, and holidays on real, distinct dates. Pure: the
 * router validates input with these, the service re-checks before writing, and the edit form runs
 * the same functions to show each problem beside its field before anything is sent.
 */
import { z } from "@/server/zod";

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Opening hours of one weekday: local wall-clock "HH:MM", the end may be "24:00" (midnight). */
export type OpeningPeriod = { day: Weekday; start: string; end: string };
export type CalendarEdit = { name: string; timeZone: string; hours: OpeningPeriod[] };
export type HolidayEdit = { date: string; name: string; source: string };

export const CALENDAR_NAME_MAX = 80;
export const HOLIDAY_TEXT_MAX = 120;
/** More periods than this on one day is a typing accident, not a timetable. */
export const MAX_PERIODS_PER_DAY = 6;

/** A problem with one field of an edit: `code` names a message in `adminEdit.issues`. */
export type Issue<Code extends string = string> = {
  path: (string | number)[];
  code: Code;
  values?: Record<string, string | number>;
};

export type CalendarIssueCode =
  | "nameRequired"
  | "nameTooLong"
  | "unknownZone"
  | "noHours"
  | "tooManyPeriods"
  | "startFormat"
  | "endFormat"
  | "endBeforeStart"
  | "overlap"
  | "dateFormat"
  | "dateInvalid"
  | "duplicateDate"
  | "holidayNameRequired"
  | "sourceRequired"
  | "textTooLong";

/** English wording of each issue: the API's message; the form shows the translated one. */
export const CALENDAR_ISSUE_MESSAGES: Record<CalendarIssueCode, (v: Record<string, string | number>) => string> = {
  nameRequired: () => "Enter a name for the calendar.",
  nameTooLong: (v) => `Keep the name to ${v.max} characters or fewer.`,
  unknownZone: (v) => `"${v.zone}" is not a time zone we know. Choose one from the list.`,
  noHours: () => "Add at least one opening period: a calendar that is never open can never count business time.",
  tooManyPeriods: (v) => `A day can have at most ${v.max} opening periods.`,
  startFormat: () => "Enter the start as HH:MM, from 00:00 to 23:59.",
  endFormat: () => "Enter the end as HH:MM, up to 24:00 for midnight.",
  endBeforeStart: (v) => `The end (${v.end}) must be after the start (${v.start}).`,
  overlap: (v) => `This period overlaps ${v.other} on the same day.`,
  dateFormat: () => "Enter the date as YYYY-MM-DD.",
  dateInvalid: (v) => `${v.date} is not a date in the calendar.`,
  duplicateDate: (v) => `${v.date} is already a holiday in this calendar.`,
  holidayNameRequired: () => "Enter the holiday's name.",
  sourceRequired: () => "Enter where the holiday comes from (for example, the government notice).",
  textTooLong: (v) => `Keep this to ${v.max} characters or fewer.`,
};

const CLOCK = /^(\d{2}):(\d{2})$/;

/**
 * Minutes since local midnight of an "HH:MM" wall-clock time, or null when malformed. "24:00" is
 * accepted only as an end (the close at midnight), matching the SLA clock's parser.
 */
export function parseClockTime(value: string, asEnd: boolean): number | null {
  const match = CLOCK.exec(value);
  if (!match) return null;
  const hh = Number(match[1]);
  const mm = Number(match[2]);
  if (mm > 59) return null;
  if (hh < 24) return hh * 60 + mm;
  return asEnd && hh === 24 && mm === 0 ? 1440 : null;
}

/**
 * What a person typed as a time, tidied to "HH:MM" when unambiguous ("9" 09:00, "930" 09:30,
 * "9:30" 09:30, "17.30" 17:30); anything else is returned trimmed for validation to refuse.
 */
export function tidyClockInput(text: string): string {
  const value = text.trim();
  const parts = /^(\d{1,2})(?:[:.\uFF1A](\d{2}))?$/.exec(value) ?? /^(\d{1,2})(\d{2})$/.exec(value);
  if (!parts) return value;
  return `${(parts[1] ?? "").padStart(2, "0")}:${parts[2] ?? "00"}`;
}

/**
 * Every problem with a week of opening periods, each pointing at the period's field. Periods on
 * one day may touch (12:00-13:00 then 13:00-18:00) but not overlap; an overlap is reported on the
 * later-starting period, naming the earlier one. A malformed period takes no part in overlap checks.
 */
export function validateOpeningHours(hours: readonly OpeningPeriod[], field = "hours"): Issue<CalendarIssueCode>[] {
  const issues: Issue<CalendarIssueCode>[] = [];
  if (hours.length === 0) issues.push({ path: [field], code: "noHours" });
  const valid: { index: number; day: Weekday; start: number; end: number; text: string }[] = [];
  hours.forEach((p, index) => {
    const start = parseClockTime(p.start, false);
    const end = parseClockTime(p.end, true);
    if (start === null) issues.push({ path: [field, index, "start"], code: "startFormat" });
    if (end === null) issues.push({ path: [field, index, "end"], code: "endFormat" });
    else if (start !== null && end <= start)
      issues.push({ path: [field, index, "end"], code: "endBeforeStart", values: { start: p.start, end: p.end } });
    else if (start !== null) valid.push({ index, day: p.day, start, end, text: `${p.start}-${p.end}` });
  });
  for (const day of WEEKDAYS) {
    const count = hours.filter((p) => p.day === day).length;
    if (count > MAX_PERIODS_PER_DAY) {
      const last = hours.findLastIndex((p) => p.day === day);
      issues.push({ path: [field, last, "start"], code: "tooManyPeriods", values: { max: MAX_PERIODS_PER_DAY } });
    }
    const ofDay = valid.filter((p) => p.day === day).sort((a, b) => a.start - b.start || a.index - b.index);
    let latest: (typeof ofDay)[number] | undefined;
    for (const p of ofDay) {
      if (latest && p.start < latest.end)
        issues.push({ path: [field, p.index, "start"], code: "overlap", values: { other: latest.text } });
      if (!latest || p.end > latest.end) latest = p;
    }
  }
  return issues;
}

let zoneCache: readonly string[] | undefined;

/** The IANA zones this runtime knows (Intl.supportedValuesOf), plus "UTC", sorted. */
export function supportedTimeZones(): readonly string[] {
  zoneCache ??= [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])].sort();
  return zoneCache;
}

/**
 * True when the zone is in the runtime's IANA list, directly or as an alias of a listed zone
 * (ICU versions disagree on names like Asia/Kolkata and Asia/Calcutta).
 */
export function isKnownTimeZone(zone: string, known: readonly string[] = supportedTimeZones()): boolean {
  if (known.includes(zone)) return true;
  try {
    return known.includes(new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone);
  } catch {
    return false;
  }
}

/** True for a "YYYY-MM-DD" string naming a real date of the Gregorian calendar. */
export function isValidLocalDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Every problem with a calendar's name, zone and weekly hours. */
export function validateCalendarEdit(edit: CalendarEdit, knownZones?: readonly string[]): Issue<CalendarIssueCode>[] {
  const issues: Issue<CalendarIssueCode>[] = [];
  const name = edit.name.trim();
  if (name.length === 0) issues.push({ path: ["name"], code: "nameRequired" });
  else if (name.length > CALENDAR_NAME_MAX)
    issues.push({ path: ["name"], code: "nameTooLong", values: { max: CALENDAR_NAME_MAX } });
  if (!isKnownTimeZone(edit.timeZone, knownZones))
    issues.push({ path: ["timeZone"], code: "unknownZone", values: { zone: edit.timeZone } });
  issues.push(...validateOpeningHours(edit.hours));
  return issues;
}

/**
 * Every problem with a new holiday, given the dates the calendar already closes on: a real date,
 * not already a holiday (a calendar closes at most once per date), with a name and a source.
 */
export function validateHoliday(holiday: HolidayEdit, existingDates: readonly string[]): Issue<CalendarIssueCode>[] {
  const issues: Issue<CalendarIssueCode>[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(holiday.date)) issues.push({ path: ["date"], code: "dateFormat" });
  else if (!isValidLocalDate(holiday.date))
    issues.push({ path: ["date"], code: "dateInvalid", values: { date: holiday.date } });
  else if (existingDates.includes(holiday.date))
    issues.push({ path: ["date"], code: "duplicateDate", values: { date: holiday.date } });
  for (const field of ["name", "source"] as const) {
    const text = holiday[field].trim();
    if (text.length === 0)
      issues.push({ path: [field], code: field === "name" ? "holidayNameRequired" : "sourceRequired" });
    else if (text.length > HOLIDAY_TEXT_MAX)
      issues.push({ path: [field], code: "textTooLong", values: { max: HOLIDAY_TEXT_MAX } });
  }
  return issues;
}

/** Stored order of opening periods: by weekday (0 = Sunday), then start time. */
export function sortOpeningHours(hours: readonly OpeningPeriod[]): OpeningPeriod[] {
  return [...hours].sort((a, b) => a.day - b.day || a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}

/** The English sentence of an issue (what the API says; the UI translates the code instead). */
export function issueMessage<Code extends string>(
  issue: Issue<Code>,
  messages: Record<Code, (v: Record<string, string | number>) => string>,
): string {
  return messages[issue.code](issue.values ?? {});
}

/** Adds domain issues to a zod refinement so the error formatter reports them per field. */
export function addIssues<Code extends string>(
  ctx: z.RefinementCtx,
  issues: readonly Issue<Code>[],
  messages: Record<Code, (v: Record<string, string | number>) => string>,
): void {
  for (const issue of issues)
    ctx.addIssue({ code: "custom", path: issue.path, message: issueMessage(issue, messages) });
}

const ZWeekday = z.union([
  z.literal(0),
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(6),
]);
export const ZOpeningPeriod = z.object({ day: ZWeekday, start: z.string().max(5), end: z.string().max(5) });

export const ZUpdateCalendarInput = z
  .object({
    id: z.number().int().positive(),
    name: z.string().max(200),
    timeZone: z.string().max(64),
    hours: z.array(ZOpeningPeriod).max(7 * MAX_PERIODS_PER_DAY + 1),
  })
  .superRefine((v, ctx) => addIssues(ctx, validateCalendarEdit(v), CALENDAR_ISSUE_MESSAGES));
export type UpdateCalendarInput = z.infer<typeof ZUpdateCalendarInput>;

export const ZAddHolidayInput = z
  .object({
    calendarId: z.number().int().positive(),
    date: z.string().max(10),
    name: z.string().max(500),
    source: z.string().max(500),
  })
  .superRefine((v, ctx) => addIssues(ctx, validateHoliday(v, []), CALENDAR_ISSUE_MESSAGES));
export type AddHolidayInput = z.infer<typeof ZAddHolidayInput>;
