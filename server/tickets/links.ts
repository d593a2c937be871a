import { can } from "@/server/auth/permissions";
import type { SessionUser } from "@/server/auth/session";

/**
 * Where a user opens a ticket: the working ticket page for those who work tickets, the read-only
 * ticket view for other staff (an account manager who raised a proactive alert opens its ticket
 * there; issue #22). Ends with "/" for the ticket number.
 */
export function ticketPageBase(user: Pick<SessionUser, "role" | "orgAdmin">): string {
  return can(user, "tickets.work") ? "/tickets/" : "/sla/tickets/";
}
