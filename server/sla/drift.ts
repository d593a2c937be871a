import type { StoredSlaState } from "./state";

/**
 * How a ticket's stored SLA state compares with a fresh evaluation at a later `now`:
 * - same: every column equal;
 * - aged: only what the passage of time changes on its own: an open metric that was running or
 *   paused is now breached (same due time), or a paused metric's due time moved later (while paused
 *   it is where it would fall if the clock resumed now); nextDueAt may follow;
 * - drift: anything else (a due or achieved time, a met/breached outcome of an achieved metric, a
 *   metric appearing or vanishing, nextDueAt disagreeing): the stored state does not follow from the
 *   event log, which is a bug in whatever wrote it.
 */
export type StateChange = "same" | "aged" | "drift";

const METRIC_PREFIXES = ["fr", "wa", "res"] as const;
type Prefix = (typeof METRIC_PREFIXES)[number];

const ms = (d: Date | null) => (d === null ? null : d.getTime());

function metricChange(stored: StoredSlaState, fresh: StoredSlaState, p: Prefix): StateChange {
  const sDue = ms(stored[`${p}DueAt`]);
  const fDue = ms(fresh[`${p}DueAt`]);
  const sAch = ms(stored[`${p}AchievedAt`]);
  const fAch = ms(fresh[`${p}AchievedAt`]);
  const sStatus = stored[`${p}Status`];
  const fStatus = fresh[`${p}Status`];
  if (sDue === fDue && sAch === fAch && sStatus === fStatus) return "same";
  if (sAch !== null || fAch !== null || sDue === null || fDue === null) return "drift";
  const wasOpen = sStatus === "running" || sStatus === "paused";
  if (wasOpen && fStatus === "breached" && (sDue === fDue || (sStatus === "paused" && fDue > sDue))) return "aged";
  if (sStatus === "paused" && fStatus === "paused" && fDue > sDue) return "aged";
  return "drift";
}

/** Classifies the difference between a stored state and a fresh evaluation of the same events at a later instant. */
export function classifyStateChange(stored: StoredSlaState, fresh: StoredSlaState): StateChange {
  let aged = false;
  for (const p of METRIC_PREFIXES) {
    const change = metricChange(stored, fresh, p);
    if (change === "drift") return "drift";
    if (change === "aged") aged = true;
  }
  if (ms(stored.nextDueAt) !== ms(fresh.nextDueAt) && !aged) return "drift";
  return aged ? "aged" : "same";
}
