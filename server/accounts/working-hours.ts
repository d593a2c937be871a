import { DateTime } from "luxon";

/**
 * A contact's working hours ("09:00-17:30" in their zone) expressed in the viewer's zone on a
 * given day, so a customer in Shanghai sees when a Los Angeles account manager is at work.
 * Returns null for a malformed range.
 */
export function workingHoursInZone(
  range: string,
  contactZone: string,
  viewerZone: string,
  on: Date,
): { start: string; end: string } | null {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(range);
  if (!m) return null;
  const day = DateTime.fromJSDate(on, { zone: contactZone });
  const start = day.set({ hour: Number(m[1]), minute: Number(m[2]), second: 0, millisecond: 0 });
  const end = day.set({ hour: Number(m[3]), minute: Number(m[4]), second: 0, millisecond: 0 });
  if (!start.isValid || !end.isValid) return null;
  return { start: start.setZone(viewerZone).toFormat("HH:mm"), end: end.setZone(viewerZone).toFormat("HH:mm") };
}
