import { addBusinessMinutes } from "./clock";
import type { SlaTarget } from "./evaluate";

/** The share of a target's time left at which it is at risk: slaRiskState's quarter (the warnings' default). */
export const AT_RISK_PERCENT = 25;

/**
 * The instant before which an open metric's due time makes it at risk now: `percent` % or less of
 * its target left in open time (25 %: slaRiskState's rule), turned around so that one calendar
 * computation per target serves every ticket: due before the threshold <=> at most that share of
 * the target left. One millisecond of open time is added so a due time exactly on the share (or in
 * the closed time right after it) is at risk, as `remaining * 4 <= target` says. Pure.
 */
export function riskThreshold(now: Date, target: SlaTarget, percent: number = AT_RISK_PERCENT): Date {
  return addBusinessMinutes(now, (target.minutes * percent) / 100 + 1 / 60_000, target.calendar);
}
