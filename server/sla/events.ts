import type { Priority, SlaEvent } from "./evaluate";

export type StoredEvent = { at: Date; type: string; data: Record<string, string | number | boolean | null> | null };

const SIMPLE = new Set(["staffReplied", "paused", "resumed", "workaround", "resolved", "reopened"]);

/**
 * Maps a ticket's stored event log to the SLA evaluation's events, in time order; events that do
 * not move an SLA clock (assignments, notes, ratings...) are left out.
 */
export function toSlaEvents(rows: readonly StoredEvent[]): SlaEvent[] {
  const out: SlaEvent[] = [];
  for (const row of rows) {
    if (row.type === "created" || row.type === "priorityChanged") {
      const priority = row.data?.priority as Priority | undefined;
      if (!priority) continue;
      if (row.type === "created") out.push({ at: row.at, type: "created", priority });
      else out.push({ at: row.at, type: "priorityChanged", priority, disputeUpheld: row.data?.disputeUpheld === true });
    } else if (SIMPLE.has(row.type)) {
      out.push({ at: row.at, type: row.type as "staffReplied" });
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}
