import { DateTime } from "luxon";

/** A `datetime-local` value (wall clock in `zone`) as an instant; null for empty or invalid input. */
export function fromLocalInput(value: string, zone: string): Date | null {
  if (!value) return null;
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.toJSDate() : null;
}

/** An instant as a `datetime-local` value in `zone`. */
export function toLocalInput(at: Date | null | undefined, zone: string): string {
  if (!at) return "";
  return DateTime.fromJSDate(at, { zone }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** Minutes as hours and minutes ("1 h 05 min" style parts), for durations of incidents. */
export function splitMinutes(minutes: number): { h: number; m: number } {
  const total = Math.round(minutes);
  return { h: Math.floor(total / 60), m: total % 60 };
}
