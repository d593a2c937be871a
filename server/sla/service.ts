import { asc, eq } from "drizzle-orm";
import { organizations, ticketEvents, tickets } from "@/db/schema";
import type { Db } from "@/server/db";
import { updateTicketRollups } from "@/server/dashboards/rollup-service";
import { notFound } from "@/server/errors";
import { evaluateSla, type SlaTargets } from "./evaluate";
import { toSlaEvents, type StoredEvent } from "./events";
import { toStoredSlaState, type StoredSlaState } from "./state";
import { loadCalendar, loadTargets } from "./load";

type Tx = Pick<Db, "select" | "update" | "insert" | "delete">;

/** Everything needed to evaluate one ticket: its events, targets and calendar. */
export function loadTicketSlaInput(
  db: Pick<Db, "select">,
  ticketId: number,
  /** The ticket's events in log order (at, then id), when the caller has read them already. */
  known?: readonly StoredEvent[],
) {
  const ticket = db
    .select({
      id: tickets.id,
      targetVersionId: tickets.targetVersionId,
      calendarId: organizations.calendarId,
      outsideSla: tickets.outsideSla,
    })
    .from(tickets)
    .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
    .where(eq(tickets.id, ticketId))
    .get();
  if (!ticket) throw notFound("Ticket");
  const calendar = loadCalendar(db, ticket.calendarId);
  // A ticket outside the SLA (custom development, feature requests) has no targets: no clock runs.
  const slaTargets: SlaTargets = ticket.outsideSla
    ? { P0: {}, P1: {}, P2: {}, P3: {} }
    : loadTargets(db, ticket.targetVersionId, calendar);
  const rows =
    known ??
    db
      .select({ at: ticketEvents.at, type: ticketEvents.type, data: ticketEvents.data })
      .from(ticketEvents)
      .where(eq(ticketEvents.ticketId, ticketId))
      .orderBy(asc(ticketEvents.at), asc(ticketEvents.id))
      .all();
  return { calendar, targets: slaTargets, events: toSlaEvents(rows) };
}

/**
 * Re-derives a ticket's stored SLA state from its event log and writes it, then moves the ticket's
 * contribution in the dashboards' rollups to match. Callers run it inside the same transaction that
 * appended the events, so state, rollups and log never disagree. It is the one place stored SLA
 * state is rewritten per ticket; bulk writers (seeds, recompute) call rebuildRollups instead.
 */
export function refreshTicketSla(tx: Tx, ticketId: number, now: Date): StoredSlaState {
  const input = loadTicketSlaInput(tx, ticketId);
  const state = toStoredSlaState(evaluateSla(input.events, input.targets, now));
  tx.update(tickets).set(state).where(eq(tickets.id, ticketId)).run();
  updateTicketRollups(tx, ticketId, input.targets);
  return state;
}
