import type { Db } from "@/server/db";

/**
 * A read replica of a PostgreSQL primary (decision 030): where heavy reads may go when it is exactly
 * as current as the primary, with a fallback to the primary when it lags, fails or is down.
 */
export type Replica = {
  url: string;
  open: (url: string) => Db;
  db: Db | null;
  /** After a failure the replica is left alone until then (ms since the epoch). */
  downUntil: number;
  /** Reads answered by the replica, and reads it could not take (lagging, failing or down). */
  served: number;
  fellBack: number;
};

/** How long a replica that failed is left alone before it is tried again. */
export const REPLICA_RETRY_MS = 10_000;

// Kept on the connection object under a global symbol, not in a module-level map: the production build
// bundles this module into several chunks, and the one that attaches is not always the one that reads.
const REPLICA = Symbol.for("attain.replica");
type WithReplica = { [REPLICA]?: Replica };

/** Makes `url` the read replica of `primary`; `open` is openDb (passed in, so this module needs no import cycle). */
export function attachReplica(primary: Db, url: string, open: (url: string) => Db): Replica {
  const r: Replica = { url, open, db: null, downUntil: 0, served: 0, fellBack: 0 };
  (primary as WithReplica)[REPLICA] = r;
  return r;
}

export function replicaOf(primary: Db): Replica | undefined {
  return (primary as WithReplica)[REPLICA];
}

/**
 * Runs `read` on the replica when it has replayed every write the primary had at `version` (the
 * primary's data version, read just before), so the answer is exactly the primary's; otherwise, or
 * when the replica cannot be reached or fails, on the primary. Staleness bound: none (an exact
 * answer or the primary's).
 */
export function onReplica<T>(primary: Db, version: string, read: (from: Db) => T, now = Date.now()): T {
  const r = replicaOf(primary);
  if (!r) return read(primary);
  if (now < r.downUntil) {
    r.fellBack++;
    return read(primary);
  }
  try {
    r.db ??= r.open(r.url);
    const replicaVersion = String(r.db.$client.pragma("data_version", { simple: true }));
    if (replicaVersion === version) {
      const answer = read(r.db);
      r.served++;
      return answer;
    }
  } catch {
    // Down, restarting or promoted away: drop the connection and leave it alone for a while.
    try {
      r.db?.$client.close();
    } catch {
      // already closed
    }
    r.db = null;
    r.downUntil = now + REPLICA_RETRY_MS;
  }
  r.fellBack++;
  return read(primary);
}
