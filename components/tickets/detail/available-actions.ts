/**
 * Which actions the ticket page offers a viewer, decided in one place so the actions card knows
 * whether it has anything to show. The server checks every action again; this only decides what
 * is worth offering. Pure: `now` is an argument.
 */
import { isOpenStatus, type Role, type TicketStatus } from "@/db/schema/enums";
import { reopenRefusal } from "@/server/tickets/rules";

type Dispute = { status: string; kind: string };
type Complaint = { status: string };

export type ActionsInput<D extends Dispute, C extends Complaint> = {
  ticket: {
    status: TicketStatus;
    exclusionReason: string | null;
    escalationLevel: string;
    resolvedAt: Date | null;
  };
  disputes: readonly D[];
  complaints: readonly C[];
  rated: boolean;
};

export type AvailableActions<D, C> = {
  /** Customer: propose another priority (one open priority dispute at a time). */
  disputePriority: boolean;
  /** Customer: dispute the ticket's SLA exclusion (one open exclusion dispute at a time). */
  disputeExclusion: boolean;
  /** Staff: change the priority of an open ticket. */
  changePriority: boolean;
  /** Manager: exclude a ticket not yet excluded. */
  exclude: boolean;
  /** Manager: the open disputes to decide. */
  decide: D[];
  /** Staff on an open ticket: wait on the customer, assign, record a workaround, resolve. */
  work: boolean;
  /** Anyone, on an open ticket below L3. */
  escalate: boolean;
  /** Customer: reopen within the window after resolution. */
  reopen: boolean;
  /** Customer: rate a resolved ticket once. */
  rate: boolean;
  /** Anyone, while no complaint is still active. */
  complain: boolean;
  /** Manager: the active (not yet resolved) complaints to answer. */
  answer: C[];
  /** Anyone, on an open ticket. */
  watch: boolean;
};

export function availableActions<D extends Dispute, C extends Complaint>(
  input: ActionsInput<D, C>,
  role: Role,
  now: Date,
): AvailableActions<D, C> {
  const { ticket } = input;
  const customer = role === "customer";
  const manager = role === "manager";
  const open = isOpenStatus(ticket.status);
  const openDisputes = input.disputes.filter((d) => d.status === "open");
  const activeComplaints = input.complaints.filter((c) => c.status !== "resolved");
  return {
    disputePriority: customer && open && !openDisputes.some((d) => d.kind === "priority"),
    disputeExclusion: customer && !!ticket.exclusionReason && !openDisputes.some((d) => d.kind === "exclusion"),
    changePriority: !customer && open,
    exclude: manager && !ticket.exclusionReason,
    decide: manager ? openDisputes : [],
    work: !customer && open,
    escalate: open && ticket.escalationLevel !== "L3",
    reopen: customer && reopenRefusal(ticket, now) === null,
    rate: customer && !open && !input.rated,
    complain: activeComplaints.length === 0,
    answer: manager ? activeComplaints : [],
    watch: open,
  };
}

/** Whether any action is offered at all. */
export function offersAny(actions: AvailableActions<unknown, unknown>): boolean {
  return Object.values(actions).some((v) => (Array.isArray(v) ? v.length > 0 : v));
}
