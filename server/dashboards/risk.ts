import { addBusinessMinutes } from "@/server/sla/clock";
import type { SlaTarget } from "@/server/sla/evaluate";

/**
 * The instant before which an open metric's due time makes it at risk now: 25 % or less of its
 * target left in open time (slaRiskState's rule), turned around so that one calendar computation
 * per target serves every ticket: due before the threshold <=> at most a quarter of the target
 * left. One millisecond of open time is added so a due time exactly on the quarter (or in the
 * closed time right after it) is at risk, as `remaining * 4 <= target` says. Pure.
 */
export function riskThreshold(now: Date, target: SlaTarget): Date {
  return addBusinessMinutes(now, target.minutes / 4 + 1 / 60_000, target.calendar);
}
