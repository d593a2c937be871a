/**
 * A logged engagement's date is the calendar day the user picked (issue #22): a date-only value,
 * which no time zone may shift. It is kept as "YYYY-MM-DD"; the instant stored beside it (noon
 * UTC of that day) only orders it among timed entries. Pure.
 */

/** A real calendar day written "YYYY-MM-DD". */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The instant a picked day is stored at (noon UTC), for ordering beside timed entries. */
export const instantOfDay = (day: string): Date => new Date(`${day}T12:00:00Z`);

/**
 * How to show a timeline entry's date: a picked day as that very day in every zone (formatted in
 * UTC, where its stored noon lies on it), a timed entry at its time in the viewer's zone.
 */
export function entryDate(
  entry: { at: Date; day: string | null },
  viewerZone: string,
): { instant: Date; options: { dateStyle: "medium"; timeStyle?: "short"; timeZone: string } } {
  return entry.day
    ? { instant: instantOfDay(entry.day), options: { dateStyle: "medium", timeZone: "UTC" } }
    : { instant: entry.at, options: { dateStyle: "medium", timeStyle: "short", timeZone: viewerZone } };
}
