/**
 * Who an escalation to L2 is assigned to (issue #22): never nobody while anyone can take it.
 * Pure: the caller loads the area's route, who is on call and each expert's open tickets.
 *
 * - Route "on_call": the person on call now in the rota covering the ticket (its region and product
 *   area), if that person can hold tickets; otherwise as "least_loaded".
 * - Route "least_loaded" (and an area without a route): the area's expert with the fewest open
 *   tickets; an area without experts of its own, the least-loaded expert of all.
 * Ties go to the lower user id, so the choice is reproducible.
 */
import type { EscalationRouteMode } from "@/db/schema/enums";

export type Candidate = { id: number; openTickets: number };

/** The least-loaded candidate, ties to the lower id; null when there is none. */
export function leastLoaded(candidates: readonly Candidate[]): number | null {
  let best: Candidate | null = null;
  for (const c of candidates)
    if (!best || c.openTickets < best.openTickets || (c.openTickets === best.openTickets && c.id < best.id)) best = c;
  return best?.id ?? null;
}

export function chooseL2Assignee(input: {
  mode: EscalationRouteMode | null;
  /** The primary on call now for the ticket's rota, or null. */
  onCall: number | null;
  /** Whether the person on call can hold tickets (support staff, active). */
  onCallEligible: boolean;
  /** The product area's experts (active support staff) with their open tickets. */
  areaExperts: readonly Candidate[];
  /** Every active expert with their open tickets: the fallback of an area without its own. */
  allExperts: readonly Candidate[];
}): { assigneeId: number | null; reason: "on_call" | "area_expert" | "any_expert" | "none" } {
  if (input.mode === "on_call" && input.onCall !== null && input.onCallEligible)
    return { assigneeId: input.onCall, reason: "on_call" };
  const area = leastLoaded(input.areaExperts);
  if (area !== null) return { assigneeId: area, reason: "area_expert" };
  const any = leastLoaded(input.allExperts);
  return any !== null ? { assigneeId: any, reason: "any_expert" } : { assigneeId: null, reason: "none" };
}
