import type { TicketEventType } from "@/db/schema/enums";
import type { EventChange } from "@/server/tickets/event-details";

/**
 * The message key of a timeline entry under tickets.detail.events: a "resumed" by staff is their
 * "back to open", not the customer responding (issue #22). Pure, for server and client pages.
 */
export const eventLabel = (e: { type: TicketEventType; byStaff: boolean }): TicketEventType | "resumedByStaff" =>
  e.type === "resumed" && e.byStaff ? "resumedByStaff" : e.type;

/**
 * A timeline entry's change as it reads, for tickets.detail.eventChange ("{from} → {to}"): a
 * priority as written (P1), a category, product area or roadmap status in words. Pure, for server and client pages.
 */
export function changeValues(change: EventChange, t: (key: string) => string): { from: string; to: string } {
  switch (change.kind) {
    case "priority":
      return { from: change.from, to: change.to };
    case "category":
      return { from: t(`tickets.categories.${change.from}`), to: t(`tickets.categories.${change.to}`) };
    case "productArea":
      return { from: t(`tickets.productAreas.${change.from}`), to: t(`tickets.productAreas.${change.to}`) };
    case "roadmapStatus":
      return { from: t(`roadmap.status.${change.from}`), to: t(`roadmap.status.${change.to}`) };
  }
}
