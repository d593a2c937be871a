/**
 * Paused targets kept current. While a ticket waits on the customer, its workaround and resolution
 * clocks stand still, and a paused target's stored due time is where it would fall if the clock
 * resumed at the last write (server/sla/state.ts). Time passing moves that point later, but nothing
 * rewrites it until the ticket changes: left alone, the stored due time falls behind `now`, and the
 * queue, which splits due from breached by the stored next due time, would list a waiting ticket
 * as breached. A pass every minute re-derives (refreshTicketSla) the tickets with a paused target
 * stored as due before `now` + HORIZON_MS, so a paused target's stored due time stays ahead of now.
 */
import { and, sql } from "drizzle-orm";
import { tickets } from "@/db/schema";
import { OPEN_STATUS_SQL_LIST } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import type { ScheduledJob } from "@/server/scheduler/service";
import { refreshTicketSla } from "./service";

/**
 * A paused target stored as due within this much of now is re-derived. A pass runs every minute, so
 * two minutes keeps it ahead of now with one pass to spare; a paused target has the same time left at
 * every pass, so one with less than this left is rewritten at each pass (each write empties the read
 * cache), and a longer horizon would rewrite more of them.
 */
export const HORIZON_MS = 2 * 60_000;
/** Tickets re-derived per transaction; the pass yields to requests between transactions. */
export const BATCH = 50;
/** At most this many tickets a pass (the rest, after a long downtime, on the next passes). */
export const MAX_PER_PASS = 1_000;

/** The tickets a pass re-derives, by the queue's partial index on next_due_at (tickets_open_due_idx). */
export function stalePausedTickets(db: Pick<Db, "select">, now: Date, limit = MAX_PER_PASS): number[] {
  const horizon = now.getTime() + HORIZON_MS;
  return db
    .select({ id: tickets.id })
    .from(tickets)
    .where(
      and(
        // Literally the partial index's predicate, and a range on its key: a paused target's due
        // time is at least the ticket's next due time.
        sql`${tickets.nextDueAt} is not null and ${tickets.outsideSla} = 0 and ${tickets.nextDueAt} < ${horizon}`,
        sql`+${tickets.status} in (${sql.raw(OPEN_STATUS_SQL_LIST)})`,
        sql`((${tickets.waStatus} = 'paused' and ${tickets.waDueAt} < ${horizon}) or (${tickets.resStatus} = 'paused' and ${tickets.resDueAt} < ${horizon}))`,
      ),
    )
    .limit(limit)
    .all()
    .map((r) => r.id);
}

/** One pass at `now`: re-derives the stale paused tickets, BATCH to a transaction. Returns how many. */
export async function refreshPausedTargets(db: Db, now: Date): Promise<number> {
  const ids = stalePausedTickets(db, now);
  for (let i = 0; i < ids.length; i += BATCH) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    db.transaction((tx) => {
      for (const id of ids.slice(i, i + BATCH)) refreshTicketSla(tx, id, now);
    });
  }
  return ids.length;
}

/** Paused targets' due times kept ahead of now, every minute. */
export const pausedRefreshJob: ScheduledJob = {
  name: "sla.paused-refresh",
  everyMs: 60_000,
  run: async (db, now) => {
    await refreshPausedTargets(db, now);
  },
};
