/**
 * Which priorities a ticket of a category may hold, and which categories run no SLA clocks: the
 * facts the new-ticket form and the ticket page ask in the browser, apart from the refusals of
 * server/tickets/rules.ts (whose message keys would otherwise travel with them). Pure.
 */
import { PRIORITIES, type Priority, type TicketCategory } from "@/db/schema/enums";

/** The least urgent priority a category may have: a security vulnerability is never below P1. */
export function priorityFloor(category: TicketCategory): Priority | null {
  return category === "security_vulnerability" ? "P1" : null;
}

/** The priorities a ticket of this category may hold, most urgent first (what the form offers). */
export function allowedPriorities(category: TicketCategory): readonly Priority[] {
  const floor = priorityFloor(category);
  return floor ? PRIORITIES.slice(0, PRIORITIES.indexOf(floor) + 1) : PRIORITIES;
}

/** Whether a ticket of this category may hold this priority, whoever sets it and however. */
export function isPriorityAllowed(category: TicketCategory, priority: Priority): boolean {
  return allowedPriorities(category).includes(priority);
}

/**
 * Outside the bug SLA: a custom development request (not a defect: the account manager scopes it)
 * and a feature request (its own acknowledgement target, server/requests/rules.ts). Neither runs SLA
 * clocks nor counts in attainment.
 */
export const isOutsideSla = (category: TicketCategory): boolean =>
  category === "custom_development" || category === "feature_request";
