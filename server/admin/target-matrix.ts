/**
 * The target matrix of a tier as an admin edits it: priority x metric cells, each a number of
 * minutes on business hours or 24x7, or no target at all. Pure: validation shared by the router,
 * the service and the form, the change list between two versions, and the units the form offers
 * (targets are always stored in whole minutes).
 */
import { z } from "@/server/zod";
import {
  CALENDAR_MODES,
  METRICS,
  PRIORITIES,
  TIER_CODES,
  type CalendarMode,
  type Metric,
  type Priority,
} from "@/db/schema/enums";
import { addIssues, type Issue } from "./calendars";

export type { Priority };
export type { Metric };
export type TargetCell = { priority: Priority; metric: Metric; minutes: number; calendarMode: CalendarMode };
/** A cell as edited: `minutes: null` means the priority has no target for that metric. */
export type TargetCellDraft = {
  priority: Priority;
  metric: Metric;
  minutes: number | null;
  calendarMode: CalendarMode;
};
export type TargetChange = {
  priority: Priority;
  metric: Metric;
  before: { minutes: number; calendarMode: CalendarMode } | null;
  after: { minutes: number; calendarMode: CalendarMode } | null;
};

/** A target longer than a year is a typing accident. */
export const MAX_TARGET_MINUTES = 366 * 24 * 60;
export const NOTE_MAX = 500;
/** A one-character note says nothing about why the targets change. */
export const NOTE_MIN = 2;

export type TargetIssueCode =
  | "amountFormat"
  | "minutesPositive"
  | "minutesWhole"
  | "minutesTooLarge"
  | "duplicateCell"
  | "missingCell"
  | "noteRequired"
  | "noteTooShort"
  | "noteTooLong";

export const TARGET_ISSUE_MESSAGES: Record<TargetIssueCode, (v: Record<string, string | number>) => string> = {
  amountFormat: () => "Enter a number, or leave the field empty for no target.",
  minutesPositive: () => "A target must be greater than zero. Leave the field empty for no target.",
  minutesWhole: (v) => `Targets are stored in whole minutes; this is ${v.minutes} minutes.`,
  minutesTooLarge: (v) => `A target can be at most ${v.max} minutes (a year).`,
  duplicateCell: (v) => `${v.priority} ${v.metric} is given more than once.`,
  missingCell: (v) => `${v.priority} ${v.metric} is missing: send every cell of the matrix (empty for no target).`,
  noteRequired: () => "Say in a short note why the targets change.",
  noteTooShort: (v) => `Say in at least ${v.min} characters why the targets change.`,
  noteTooLong: (v) => `Keep the note to ${v.max} characters or fewer.`,
};

/** The problem with a target's minutes, or null when it is a usable target. */
export function checkTargetMinutes(
  minutes: number,
): Exclude<
  TargetIssueCode,
  "duplicateCell" | "missingCell" | "noteRequired" | "noteTooShort" | "noteTooLong" | "amountFormat"
> | null {
  if (!Number.isFinite(minutes) || minutes <= 0) return "minutesPositive";
  if (!Number.isInteger(minutes)) return "minutesWhole";
  if (minutes > MAX_TARGET_MINUTES) return "minutesTooLarge";
  return null;
}

/** Every problem with a new version: each cell's minutes, one cell per priority and metric, a note. */
export function validateTargetSave(input: {
  note: string;
  cells: readonly TargetCellDraft[];
}): Issue<TargetIssueCode>[] {
  const issues: Issue<TargetIssueCode>[] = [];
  const note = input.note.trim();
  if (note.length === 0) issues.push({ path: ["note"], code: "noteRequired" });
  else if (note.length < NOTE_MIN) issues.push({ path: ["note"], code: "noteTooShort", values: { min: NOTE_MIN } });
  else if (note.length > NOTE_MAX) issues.push({ path: ["note"], code: "noteTooLong", values: { max: NOTE_MAX } });
  const seen = new Set<string>();
  input.cells.forEach((cell, index) => {
    const key = `${cell.priority}:${cell.metric}`;
    if (seen.has(key))
      issues.push({
        path: ["cells", index],
        code: "duplicateCell",
        values: { priority: cell.priority, metric: cell.metric },
      });
    seen.add(key);
    if (cell.minutes === null) return;
    const code = checkTargetMinutes(cell.minutes);
    if (code)
      issues.push({
        path: ["cells", index, "minutes"],
        code,
        values: { minutes: cell.minutes, max: MAX_TARGET_MINUTES },
      });
  });
  // A version is a whole matrix: a cell left out would silently drop that target.
  for (const priority of PRIORITIES)
    for (const metric of METRICS)
      if (!seen.has(`${priority}:${metric}`))
        issues.push({ path: ["cells"], code: "missingCell", values: { priority, metric } });
  return issues;
}

const cellRank = (c: { priority: Priority; metric: Metric }) =>
  PRIORITIES.indexOf(c.priority) * METRICS.length + METRICS.indexOf(c.metric);

/** The cells to store: targets only (empty cells dropped), in matrix order. */
export function toStoredCells(cells: readonly TargetCellDraft[]): TargetCell[] {
  return cells
    .filter((c): c is TargetCell => c.minutes !== null)
    .map((c) => ({ priority: c.priority, metric: c.metric, minutes: c.minutes, calendarMode: c.calendarMode }))
    .sort((a, b) => cellRank(a) - cellRank(b));
}

/**
 * What changed from one version's matrix to the next, cell by cell in matrix order: a target added,
 * removed, or changed in minutes or calendar. An empty list means the versions are the same.
 */
export function diffTargetCells(before: readonly TargetCell[], after: readonly TargetCell[]): TargetChange[] {
  const changes: TargetChange[] = [];
  for (const priority of PRIORITIES) {
    for (const metric of METRICS) {
      const a = before.find((c) => c.priority === priority && c.metric === metric);
      const b = after.find((c) => c.priority === priority && c.metric === metric);
      if (a?.minutes === b?.minutes && a?.calendarMode === b?.calendarMode) continue;
      changes.push({
        priority,
        metric,
        before: a ? { minutes: a.minutes, calendarMode: a.calendarMode } : null,
        after: b ? { minutes: b.minutes, calendarMode: b.calendarMode } : null,
      });
    }
  }
  return changes;
}

// Units of the form ----------------------------------------------------------------------------

export const TARGET_UNITS = ["minutes", "hours", "businessDays"] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

/** Minutes in one unit; a business day is one day of the calendar's opening hours. */
export function unitMinutes(unit: TargetUnit, businessDayMinutes: number): number {
  return unit === "minutes" ? 1 : unit === "hours" ? 60 : businessDayMinutes;
}

/** The unit people would state a target in: business days for whole days on business hours, else hours, else minutes. */
export function preferredUnit(minutes: number, mode: CalendarMode, businessDayMinutes: number): TargetUnit {
  if (mode === "business" && minutes >= businessDayMinutes && minutes % businessDayMinutes === 0) return "businessDays";
  if (minutes >= 60 && minutes % 60 === 0) return "hours";
  return "minutes";
}

/** A target in a unit, as the form shows it: up to two decimals. */
export function formatAmount(minutes: number, unit: TargetUnit, businessDayMinutes: number): string {
  return String(Math.round((minutes / unitMinutes(unit, businessDayMinutes)) * 100) / 100);
}

/**
 * Reads what an admin typed in a unit: empty is no target; otherwise a positive amount that comes
 * to whole minutes ("1.5" hours is 90 minutes; "0.47" business days is not whole and is refused
 * rather than rounded, so what is stored is what the admin sees).
 */
export function parseTargetAmount(
  text: string,
  unit: TargetUnit,
  businessDayMinutes: number,
): { minutes: number | null } | { issue: TargetIssueCode; values?: Record<string, number> } {
  const trimmed = text.trim();
  if (trimmed === "") return { minutes: null };
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return { issue: "amountFormat" };
  const raw = Number(trimmed) * unitMinutes(unit, businessDayMinutes);
  const minutes = Math.abs(raw - Math.round(raw)) < 1e-9 ? Math.round(raw) : Math.round(raw * 100) / 100;
  const issue = checkTargetMinutes(minutes);
  return issue ? { issue, values: { minutes, max: MAX_TARGET_MINUTES } } : { minutes };
}

// Input schema ---------------------------------------------------------------------------------

export const ZTargetCellDraft = z.object({
  priority: z.enum(PRIORITIES),
  metric: z.enum(METRICS),
  minutes: z.number().nullable(),
  calendarMode: z.enum(CALENDAR_MODES),
});

export const ZSaveTargetsInput = z
  .object({
    tierCode: z.enum(TIER_CODES),
    /** The version the admin edited; saving over a newer one is refused instead of losing it. */
    baseVersion: z.number().int().positive(),
    note: z.string().max(2000),
    cells: z.array(ZTargetCellDraft).max(PRIORITIES.length * METRICS.length),
  })
  .superRefine((v, ctx) => addIssues(ctx, validateTargetSave(v), TARGET_ISSUE_MESSAGES));
export type SaveTargetsInput = z.infer<typeof ZSaveTargetsInput>;
