import type { BusinessCalendar } from "./clock";
import { ALWAYS_OPEN } from "./clock";
import type { Metric, Priority, SlaTargets } from "./evaluate";

export type TargetCell = { priority: Priority; metric: Metric; minutes: number; calendarMode: "business" | "always" };

/**
 * Builds the evaluation's target matrix from stored cells: "business" cells run on the
 * organization's regional calendar, "always" cells on the 24x7 calendar.
 */
export function buildSlaTargets(cells: readonly TargetCell[], business: BusinessCalendar): SlaTargets {
  const out: SlaTargets = { P0: {}, P1: {}, P2: {}, P3: {} };
  for (const cell of cells) {
    out[cell.priority][cell.metric] = {
      minutes: cell.minutes,
      calendar: cell.calendarMode === "always" ? ALWAYS_OPEN : business,
    };
  }
  return out;
}
