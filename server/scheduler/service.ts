/**
 * The scheduler inside the server (docs/decisions/022-scheduler.md). Jobs are registered by name
 * with an interval; every server process ticks, but a job runs in one process at a time across the
 * cluster: a worker takes the job's lease row in an IMMEDIATE transaction before running it, and
 * writes the job's watermark (`runUpTo`, the pass's `now`) when it finishes. A restart resumes from
 * the watermark (no pass repeats), and a pass after downtime is handed the old watermark as `since`,
 * so it catches up in one run. A failed pass records its error and leaves the watermark, so the
 * next tick retries it; a worker that dies mid-pass leaves a lease that runs out, then another takes over.
 */
import os from "node:os";
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { scheduledJobs } from "@/db/schema";
import type { Db } from "@/server/db";
import { DEFAULT_LEASE_MS, JOB_NAME, mayStart, type JobState } from "./due";

/** What a job is handed on each pass. */
export type JobContext = {
  /** The `now` of the job's last finished pass (null on the first): the pass covers (since, now]. */
  since: Date | null;
};

export type ScheduledJob = {
  /** Unique, e.g. `paging.escalate`, `email.imap-poll`. */
  name: string;
  /** At most one pass per this many milliseconds (at least 1 s). */
  everyMs: number;
  /** How long one pass may take before another worker may take the job over (default 5 minutes). */
  leaseMs?: number;
  /**
   * One pass. It must be safe to run again for the same period (a crash after its effects but
   * before the watermark is written re-runs it): record what was done in the database, as the
   * paging and warning jobs do, rather than rely on the watermark alone.
   */
  run: (db: Db, now: Date, ctx: JobContext) => Promise<void> | void;
};

export type PassOutcome = { name: string; outcome: "ran" | "failed" | "skipped"; error?: string };

const globalForJobs = globalThis as unknown as { attainJobs?: Map<string, ScheduledJob> };
const registry = (): Map<string, ScheduledJob> => (globalForJobs.attainJobs ??= new Map());

/**
 * Adds a job to this process's scheduler. Registering the same name again replaces the job (a
 * module evaluated twice by the dev server); two different jobs under one name is a programming error
 * no check can see, so keep names prefixed by their capability.
 */
export function registerJob(job: ScheduledJob): void {
  if (!JOB_NAME.test(job.name)) throw new Error(`scheduler: bad job name ${job.name}`);
  if (!Number.isInteger(job.everyMs) || job.everyMs < 1000) throw new Error(`scheduler: ${job.name} everyMs < 1000`);
  registry().set(job.name, job);
}

/** The jobs registered in this process, by name. */
export function registeredJobs(): ScheduledJob[] {
  return [...registry().values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** This process's name in lease rows: host, pid and a random part (pids are reused after restarts). */
export const processHolder = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

const stateOf = (row: typeof scheduledJobs.$inferSelect | undefined): JobState | null =>
  row ? { runUpTo: row.runUpTo, leaseHolder: row.leaseHolder, leaseExpiresAt: row.leaseExpiresAt } : null;

/**
 * Takes the job's lease for `holder` if the job is due and free at `now`, answering the job's
 * watermark (`since`), or null if not taken. One IMMEDIATE transaction: of several workers trying
 * at once, exactly one sees the job free.
 */
export function claimJob(db: Db, job: ScheduledJob, holder: string, now: Date): JobContext | null {
  return db.transaction(
    (tx) => {
      const row = tx.select().from(scheduledJobs).where(eq(scheduledJobs.name, job.name)).get();
      if (!mayStart(stateOf(row), job.everyMs, now)) return null;
      const lease = {
        leaseHolder: holder,
        leaseExpiresAt: new Date(now.getTime() + (job.leaseMs ?? DEFAULT_LEASE_MS)),
      };
      if (row)
        tx.update(scheduledJobs)
          .set({ ...lease, lastStartedAt: now })
          .where(eq(scheduledJobs.name, job.name))
          .run();
      else
        tx.insert(scheduledJobs)
          .values({ name: job.name, ...lease, lastStartedAt: now })
          .run();
      return { since: row?.runUpTo ?? null };
    },
    { behavior: "immediate" },
  );
}

/**
 * Runs one pass of a job if it is due and free: claim, run, then record the watermark (or the
 * error) and release — only while this holder still holds it, so a pass that outlived its lease
 * and was taken over does not move the watermark under the new holder.
 */
export async function runJobIfDue(
  db: Db,
  job: ScheduledJob,
  now: Date,
  holder: string = processHolder,
  clock: () => Date = () => now,
): Promise<PassOutcome> {
  const ctx = claimJob(db, job, holder, now);
  if (!ctx) return { name: job.name, outcome: "skipped" };
  const started = clock().getTime();
  const mine = sql`${scheduledJobs.name} = ${job.name} and ${scheduledJobs.leaseHolder} = ${holder}`;
  try {
    await job.run(db, now, ctx);
    const finished = clock();
    db.update(scheduledJobs)
      .set({
        runUpTo: now,
        leaseHolder: null,
        leaseExpiresAt: null,
        lastFinishedAt: finished,
        lastDurationMs: Math.max(0, finished.getTime() - started),
        lastError: null,
        runs: sql`${scheduledJobs.runs} + 1`,
      })
      .where(mine)
      .run();
    return { name: job.name, outcome: "ran" };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    db.update(scheduledJobs)
      .set({
        leaseHolder: null,
        leaseExpiresAt: null,
        lastFinishedAt: clock(),
        lastError: message.slice(0, 2000),
        failures: sql`${scheduledJobs.failures} + 1`,
      })
      .where(mine)
      .run();
    return { name: job.name, outcome: "failed", error: message };
  }
}

/**
 * One scheduler pass at `now`: every due job that no other worker holds, one after another. Tests
 * call this with a fixed `now` and their own job list; the server's ticker calls it with the real clock.
 */
export async function runDueJobs(
  db: Db,
  now: Date,
  opts: { holder?: string; jobs?: ScheduledJob[]; clock?: () => Date } = {},
): Promise<PassOutcome[]> {
  const jobs = opts.jobs ?? registeredJobs();
  // One cheap read of the small table first, so a tick with nothing due takes no write lock.
  const rows = new Map(
    db
      .select()
      .from(scheduledJobs)
      .all()
      .map((r) => [r.name, r]),
  );
  const outcomes: PassOutcome[] = [];
  for (const job of jobs) {
    if (!mayStart(stateOf(rows.get(job.name)), job.everyMs, now)) {
      outcomes.push({ name: job.name, outcome: "skipped" });
      continue;
    }
    const outcome = await runJobIfDue(db, job, now, opts.holder ?? processHolder, opts.clock);
    if (outcome.outcome === "failed") console.error(`scheduler: job ${job.name} failed: ${outcome.error}`);
    outcomes.push(outcome);
  }
  return outcomes;
}

/** How often each server process looks for due jobs. */
export const TICK_MS = 10_000;

const globalForTicker = globalThis as unknown as { attainScheduler?: { timer: ReturnType<typeof setInterval> } };

/**
 * Starts this process's ticker (instrumentation.ts): a pass every TICK_MS (the first after a random
 * part of it, so workers started together do not all contend at once). Passes never overlap in one
 * process. Returns a function that stops it.
 */
export function startScheduler(db: Db, clock: () => Date = () => new Date()): () => void {
  if (globalForTicker.attainScheduler) return () => {};
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    // The clock also times each pass (scheduled_jobs.last_duration_ms); without it every pass read 0 ms.
    runDueJobs(db, clock(), { clock })
      .catch((err: unknown) => console.error("scheduler pass failed", err))
      .finally(() => {
        busy = false;
      });
  };
  const first = setTimeout(tick, Math.floor(Math.random() * TICK_MS));
  first.unref();
  const timer = setInterval(tick, TICK_MS);
  timer.unref();
  globalForTicker.attainScheduler = { timer };
  return () => {
    clearTimeout(first);
    clearInterval(timer);
    delete globalForTicker.attainScheduler;
  };
}
