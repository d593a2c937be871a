/**
 * The paging ladder: whom an unacknowledged page reaches next, and when. Pure: the paging service
 * reads the page and the rota's people and asks here.
 *
 * A page goes to the primary on call at once; if nobody acknowledges within the rota's time (5
 * minutes for a P0, 15 for a P1 by default) it is sent to the primary again; after the same time
 * again it escalates to the secondary, then to the rota's manager, where it stays (re-sent no more:
 * the manager has been told). A level with nobody on it is skipped.
 */
import type { PageLevel, Priority } from "@/db/schema/enums";

/** Priorities that page someone. */
export const PAGING_PRIORITIES: readonly Priority[] = ["P0", "P1"];
export const isPagingPriority = (p: Priority): boolean => PAGING_PRIORITIES.includes(p);

/** Minutes to wait for an acknowledgement when no rota sets them. */
export const DEFAULT_ACK_MINUTES = { P0: 5, P1: 15 } as const;

export type PagePeople = { primary: number | null; secondary: number | null; manager: number | null };

export type PageStep = {
  level: PageLevel;
  userId: number;
  /** 1 for the first page at this level, 2 for the re-page. */
  attempt: number;
  kind: "paged" | "repaged" | "escalated";
};

const LADDER: PageLevel[] = ["primary", "secondary", "manager"];

/** The first step of a new page: the first level with somebody on it (null: nobody at all). */
export function firstStep(people: PagePeople): PageStep | null {
  for (const level of LADDER) {
    const userId = people[level];
    if (userId !== null) return { level, userId, attempt: 1, kind: "paged" };
  }
  return null;
}

/**
 * The step after an unacknowledged one: the primary is paged twice, then the next level with
 * somebody on it; null at the end of the ladder. Someone already paged is not escalated to again
 * (a secondary who is also the manager is paged once).
 */
export function nextStep(
  current: { level: PageLevel; attempt: number; userId: number | null },
  people: PagePeople,
): PageStep | null {
  if (current.level === "primary" && current.attempt < 2 && current.userId !== null)
    return { level: "primary", userId: current.userId, attempt: current.attempt + 1, kind: "repaged" };
  const seen = new Set<number>();
  for (const level of LADDER.slice(0, LADDER.indexOf(current.level) + 1)) {
    const id = people[level];
    if (id !== null) seen.add(id);
  }
  if (current.userId !== null) seen.add(current.userId);
  for (const level of LADDER.slice(LADDER.indexOf(current.level) + 1)) {
    const userId = people[level];
    if (userId !== null && !seen.has(userId)) return { level, userId, attempt: 1, kind: "escalated" };
  }
  return null;
}

/** When the step after one sent at `sentAt` is due, or null when none follows. */
export function nextActionAt(sentAt: Date, ackMinutes: number, hasNext: boolean): Date | null {
  return hasNext ? new Date(sentAt.getTime() + ackMinutes * 60_000) : null;
}

/** The acknowledgement time of a priority in a rota. */
export function ackMinutesFor(priority: Priority, rota: { ackMinutesP0: number; ackMinutesP1: number } | null): number {
  if (priority === "P0") return rota?.ackMinutesP0 ?? DEFAULT_ACK_MINUTES.P0;
  return rota?.ackMinutesP1 ?? DEFAULT_ACK_MINUTES.P1;
}
