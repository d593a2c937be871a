/**
 * When a scheduled job is due and how long a worker's hold on it lasts. Pure: the scheduler service
 * reads the job's row (server/scheduler/service.ts) and asks here.
 */

/** A job's state as the database holds it (scheduled_jobs). */
export type JobState = {
  runUpTo: Date | null;
  leaseHolder: string | null;
  leaseExpiresAt: Date | null;
};

/** How long a worker holds a job it started unless the job names its own (longer than any run should take). */
export const DEFAULT_LEASE_MS = 5 * 60_000;

/**
 * A job is due when it has never run, or when `everyMs` has passed since the `now` of its last
 * finished pass. After downtime a job is due once, not once per missed interval: a pass handles
 * everything up to its `now` (its `since` is the old watermark), so catching up is one run.
 */
export function isDue(state: JobState | null, everyMs: number, now: Date): boolean {
  if (!state?.runUpTo) return true;
  return state.runUpTo.getTime() + everyMs <= now.getTime();
}

/** Whether another worker holds the job at `now` (a lease that has run out holds nothing). */
export function isHeld(state: JobState | null, now: Date): boolean {
  return Boolean(state?.leaseHolder && state.leaseExpiresAt && state.leaseExpiresAt.getTime() > now.getTime());
}

/** Whether a worker may start the job at `now`: due, and nobody holds it. */
export function mayStart(state: JobState | null, everyMs: number, now: Date): boolean {
  return isDue(state, everyMs, now) && !isHeld(state, now);
}

/** A job name: lower-case words joined by dots or dashes (`paging.escalate`, `email.imap-poll`). */
export const JOB_NAME = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;
