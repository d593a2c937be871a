import type { TicketEventType } from "@/db/schema/enums";

/**
 * The message key of a timeline entry under tickets.detail.events: a "resumed" by staff is their
 * "back to open", not the customer responding (issue #22). Pure, for server and client pages.
 */
export const eventLabel = (e: { type: TicketEventType; byStaff: boolean }): TicketEventType | "resumedByStaff" =>
  e.type === "resumed" && e.byStaff ? "resumedByStaff" : e.type;
