/**
 * The staff queue's default order (issue #22): priority weighed with due time, so an imminent P0
 * is never below a long-breached P3, while a P3 due in minutes still comes before a P0 due in three
 * days. Pure: no database, no clock; `now` is an argument.
 *
 * The rule: a ticket's urgency is the instant it is due — a breached ticket counts as due now —
 * plus its priority's weight. Lower is more urgent; ties go to the one due (or breached) first,
 * then the lower ticket number. Breached tickets are also shown in their own section
 * (`queueSection`) so they stay visible however far their urgency places them.
 *
 * Why this is index-friendly: within one priority, urgency never decreases as the due time grows,
 * so each priority's tickets in (next_due_at, id) order — one range of the partial index
 * tickets_queue_priority_idx — are already in urgency order. The queue reads the first rows of
 * each priority's range and merges them (`mergeByUrgency`): four short index scans at any size.
 */
import type { Priority } from "@/server/sla/evaluate";

const HOUR = 3_600_000;

/** How much later than a P0 each priority may be due and still rank beside it. */
export const PRIORITY_WEIGHT_MS: Readonly<Record<Priority, number>> = {
  P0: 0,
  P1: 2 * HOUR,
  P2: 12 * HOUR,
  P3: 48 * HOUR,
};

export const QUEUE_PRIORITIES: readonly Priority[] = ["P0", "P1", "P2", "P3"];

export type Rankable = { id: number; priority: Priority; nextDueAt: Date };
export type QueueSection = "breached" | "due";

/** Breached: its nearest due time has passed. */
export const queueSection = (t: { nextDueAt: Date }, now: Date): QueueSection =>
  t.nextDueAt.getTime() < now.getTime() ? "breached" : "due";

/** The ticket's urgency at `now` in epoch milliseconds: lower is more urgent. */
export function urgency(t: Rankable, now: Date): number {
  return Math.max(t.nextDueAt.getTime(), now.getTime()) + PRIORITY_WEIGHT_MS[t.priority];
}

/** Orders two tickets by urgency, then by due time, then by ticket number. */
export function compareUrgency(a: Rankable, b: Rankable, now: Date): number {
  return urgency(a, now) - urgency(b, now) || a.nextDueAt.getTime() - b.nextDueAt.getTime() || a.id - b.id;
}

/** Where each priority's range was left: the last (due time, id) shown of it. */
export type UrgencyCursor = Partial<Record<Priority, { nextDueAt: Date; id: number }>>;

/**
 * Merges the per-priority ranges (each in (nextDueAt, id) order, each holding at least `limit + 1`
 * rows when more exist) into the first `limit` rows by urgency, and says where each range stops
 * for the next page (a priority none of whose rows were shown keeps its previous position).
 */
export function mergeByUrgency<T extends Rankable>(
  ranges: readonly (readonly T[])[],
  limit: number,
  now: Date,
  previous: UrgencyCursor = {},
): { rows: T[]; next: UrgencyCursor | null } {
  const all = ranges.flat().sort((a, b) => compareUrgency(a, b, now));
  const rows = all.slice(0, limit);
  if (all.length <= limit) return { rows, next: null };
  const next: UrgencyCursor = { ...previous };
  for (const r of rows) next[r.priority] = { nextDueAt: r.nextDueAt, id: r.id };
  return { rows, next };
}

/** The cursor as a URL value: "P0.<ms>.<id>~P2.<ms>.<id>". */
export function encodeUrgencyCursor(c: UrgencyCursor): string {
  return QUEUE_PRIORITIES.flatMap((p) => {
    const at = c[p];
    return at ? [`${p}.${at.nextDueAt.getTime()}.${at.id}`] : [];
  }).join("~");
}

/** Reads a cursor from the URL; anything malformed is ignored (the first page). */
export function decodeUrgencyCursor(value: string | undefined): UrgencyCursor | null {
  if (!value) return null;
  const out: UrgencyCursor = {};
  for (const part of value.split("~").slice(0, 4)) {
    const m = /^(P[0-3])\.(\d{1,15})\.(\d{1,15})$/.exec(part);
    if (!m) return null;
    out[m[1] as Priority] = { nextDueAt: new Date(Number(m[2])), id: Number(m[3]) };
  }
  return Object.keys(out).length > 0 ? out : null;
}
