/**
 * What filing a feature request or a custom development request adds to the ticket, in the filing
 * transaction (kept apart from ./service.ts, which appends ticket events, so filing imports no cycle).
 */
import { eq } from "drizzle-orm";
import { featureRequests, organizations } from "@/db/schema";
import type { Db } from "@/server/db";
import { loadCalendar } from "@/server/sla/load";
import { notifyStaff } from "@/server/tickets/notify";
import { DEFAULT_ACK_DAYS, featureAckDueAt } from "./rules";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Called by ticket filing in its transaction, and by a category change into one of these
 * categories: a feature request gets its roadmap row and acknowledgement target (a ticket that was
 * one before keeps its row, votes and status); a custom development request tells the
 * organization's account manager.
 */
export function onRequestFiled(
  tx: Tx,
  ticket: { id: number; category: string; subject: string; organizationId: number },
  now: Date,
): void {
  if (ticket.category === "feature_request") {
    const org = tx
      .select({ calendarId: organizations.calendarId })
      .from(organizations)
      .where(eq(organizations.id, ticket.organizationId))
      .get();
    const calendar = loadCalendar(tx, org!.calendarId);
    tx.insert(featureRequests)
      .values({
        ticketId: ticket.id,
        status: "under_review",
        publicTitle: ticket.subject,
        ackDays: DEFAULT_ACK_DAYS,
        ackDueAt: featureAckDueAt(now, DEFAULT_ACK_DAYS, calendar),
        updatedAt: now,
      })
      .onConflictDoNothing()
      .run();
  }
  if (ticket.category === "custom_development") {
    const org = tx
      .select({ accountManagerId: organizations.accountManagerId })
      .from(organizations)
      .where(eq(organizations.id, ticket.organizationId))
      .get();
    if (org?.accountManagerId) notifyStaff(tx, [org.accountManagerId], ticket.id, "custom_development_filed", now);
  }
}
