/**
 * Counts writes in the shared `rate_counters` table, so every server process counts together and
 * parallel requests cannot all slip under a limit: one atomic upsert per bucket returns its count
 * in the current fixed window. The decision is `write-limits.ts`'s.
 */
import { and, gte, lt, sql } from "drizzle-orm";
import { rateCounters } from "@/db/schema";
import type { Db } from "@/server/db";
import {
  WRITE_KEY_PREFIX,
  WRITE_WINDOW_MS,
  windowStart,
  writeAllowed,
  writeBuckets,
  type WriteKind,
} from "./write-limits";

type Writer = Pick<Db, "insert" | "delete">;

/**
 * Adds one to a bucket's count in the window starting at `start` (a new window starts at 1) and
 * returns it. Other limits in the shared table count with it too (a user's wrong current passwords).
 */
export function countWrite(db: Writer, key: string, start: Date): number {
  const row = db
    .insert(rateCounters)
    .values({ key, windowStart: start, count: 1 })
    .onConflictDoUpdate({
      target: rateCounters.key,
      set: {
        // A process whose clock lags must not reset a newer window; it counts in the newer one.
        count: sql`CASE WHEN ${rateCounters.windowStart} < excluded.window_start THEN 1 ELSE ${rateCounters.count} + 1 END`,
        windowStart: sql`max(${rateCounters.windowStart}, excluded.window_start)`,
      },
    })
    .returning({ count: rateCounters.count })
    .get();
  return row.count;
}

let prunedAt = 0;

/** Drops this module's counters of windows long gone (at most once a window per process); other keys are not ours. */
function prune(db: Writer, now: Date): void {
  if (now.getTime() - prunedAt < WRITE_WINDOW_MS) return;
  prunedAt = now.getTime();
  db.delete(rateCounters)
    .where(
      and(
        gte(rateCounters.key, WRITE_KEY_PREFIX),
        lt(rateCounters.key, `${WRITE_KEY_PREFIX.slice(0, -1)};`),
        lt(rateCounters.windowStart, new Date(windowStart(now).getTime() - WRITE_WINDOW_MS)),
      ),
    )
    .run();
}

/**
 * Counts one write of `kind` by a client (its address, and the user when signed in) and says
 * whether it is within the limits. Call it only for a write that would happen; inside the
 * write's transaction, a rolled-back write does not count.
 */
export function allowWrite(
  db: Writer,
  kind: WriteKind,
  who: { userId: number | null; ip: string | null },
  now: Date,
): boolean {
  prune(db, now);
  const start = windowStart(now);
  return writeAllowed(writeBuckets(kind, who).map((b) => ({ count: countWrite(db, b.key, start), limit: b.limit })));
}
