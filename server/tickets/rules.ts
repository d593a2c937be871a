/**
 * The ticket rules, each written once: filing, staff priority changes, customer disputes, manager
 * decisions and reopening ask this module. Pure: no database, no clock
 * (`now` is an argument), importable by client components. The priorities a category allows and
 * the categories outside the SLA are in ./priorities.ts, which carries no messages.
 */
import { isOpenStatus, type Priority, type Role, type TicketCategory, type TicketStatus } from "@/db/schema/enums";
import { can } from "@/server/auth/permissions";
import { isPriorityAllowed } from "./priorities";

/** A reason a rule refuses, with the i18n key the user reads and the English sentence. */
export type RuleRefusal = { messageKey: string; message: string };

const SECURITY_FLOOR: RuleRefusal = {
  messageKey: "tickets.errors.securityFloor",
  message: "A security vulnerability is never below P1.",
};

/**
 * Why a ticket cannot take this priority, or null when it can: the one check behind filing, a
 * staff change, a customer's dispute and a manager upholding it.
 */
export function priorityRefusal(
  ticket: { category: TicketCategory; priority?: Priority },
  priority: Priority,
): RuleRefusal | null {
  if (!isPriorityAllowed(ticket.category, priority)) return SECURITY_FLOOR;
  if (ticket.priority === priority)
    return { messageKey: "tickets.errors.samePriority", message: "The ticket already has this priority." };
  return null;
}

/** How long after its resolution the customer may reopen a ticket instead of filing a new one. */
export const REOPEN_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

/** Why a ticket cannot be reopened now, or null when it can (resolved or closed, within the window). */
export function reopenRefusal(
  ticket: { status: TicketStatus; resolvedAt: Date | null },
  now: Date,
): RuleRefusal | null {
  if (isOpenStatus(ticket.status))
    return { messageKey: "tickets.errors.notResolved", message: "Only a resolved ticket can be reopened." };
  if (!ticket.resolvedAt || now.getTime() - ticket.resolvedAt.getTime() > REOPEN_WINDOW_DAYS * DAY_MS)
    return {
      messageKey: "tickets.errors.reopenWindow",
      message: "A ticket can be reopened within 14 days of its resolution; please file a new ticket.",
    };
  return null;
}

/** How far ahead of now a fault's start may be stated (clock skew between the customer and us). */
const FAULT_START_SLACK_MS = 5 * 60_000;
/** The earliest a fault's start may be stated: a year back (older facts go in the description). */
const FAULT_START_MAX_AGE_MS = 366 * DAY_MS;

/**
 * The lengths and counts a filed ticket keeps to: the create procedure's input schema and the form's
 * own check before sending (components/tickets/filing-check.ts) read them here.
 */
export const FILING_LIMITS = {
  subjectMin: 5,
  subjectMax: 200,
  descriptionMin: 10,
  descriptionMax: 20_000,
  watchersMax: 20,
} as const;

/**
 * What is wrong with a ticket being filed that needs neither the database nor the Markdown measure,
 * by the input's field, every one at once (a submit shows all its problems, not the first): a
 * priority its category does not allow, a fault start in the future or over a year ago. fileTicket
 * adds the description's Markdown limits and who may watch; the form asks the same before sending.
 */
export function filingRefusals(
  input: { category: TicketCategory | null; priority: Priority; startedAt?: Date | null },
  now: Date,
): Record<string, RuleRefusal[]> {
  const out: Record<string, RuleRefusal[]> = {};
  // A category not chosen yet is the form's to ask for; its priorities are checked once it is.
  const priority = input.category ? priorityRefusal({ category: input.category }, input.priority) : null;
  if (priority) out.priority = [priority];
  const start = faultStartRefusal(input.startedAt, now);
  if (start) out.fault = [start];
  return out;
}

/** Why a fault's stated start cannot be right, or null: it is in the future or over a year ago. */
export function faultStartRefusal(startedAt: Date | null | undefined, now: Date): RuleRefusal | null {
  if (!startedAt) return null;
  if (startedAt.getTime() > now.getTime() + FAULT_START_SLACK_MS)
    return { messageKey: "tickets.errors.faultStartFuture", message: "The fault cannot start in the future." };
  if (now.getTime() - startedAt.getTime() > FAULT_START_MAX_AGE_MS)
    return {
      messageKey: "tickets.errors.faultStartOld",
      message: "The fault's start must be within the last year; describe older history in the description.",
    };
  return null;
}

/** How soon after a message the same author's identical message counts as a repeat of it (a double submit). */
export const REPEAT_WINDOW_MS = 10_000;

/**
 * Whether a message repeats the author's previous one on the ticket (same text within
 * REPEAT_WINDOW_MS): a second click or a retried request must not post the same reply twice.
 */
export function isRepeatedPost(
  previous: { body: string; createdAt: Date } | null | undefined,
  body: string,
  now: Date,
): boolean {
  if (!previous) return false;
  return previous.body.trim() === body.trim() && now.getTime() - previous.createdAt.getTime() < REPEAT_WINDOW_MS;
}

/**
 * Whether a ticket repeats one its requester filed within REPEAT_WINDOW_MS of it (the same subject
 * and description): a second click, a retried request or a second tab files one ticket, as a
 * repeated reply posts one message. Either may be the earlier: a filing clocked at an earlier
 * instant (a monitoring alert, from its detection) repeats a ticket filed just after it too.
 */
export function isRepeatedTicket(
  previous: { subject: string; description: string; createdAt: Date },
  ticket: { subject: string; description: string },
  now: Date,
): boolean {
  return (
    previous.subject.trim() === ticket.subject.trim() &&
    previous.description.trim() === ticket.description.trim() &&
    Math.abs(now.getTime() - previous.createdAt.getTime()) < REPEAT_WINDOW_MS
  );
}

/**
 * Whether an escalation repeats one the same person made of the ticket within REPEAT_WINDOW_MS
 * (`previousAt`, their latest): escalation goes up one level at a time, and a second click would
 * take the ticket on from L2 to the manager (L3).
 */
export function isRepeatedEscalation(previousAt: Date | null | undefined, now: Date): boolean {
  return !!previousAt && Math.abs(now.getTime() - previousAt.getTime()) < REPEAT_WINDOW_MS;
}

/**
 * Whether someone may take a watcher (CC) off a ticket they can see: the watcher themself ("Stop
 * watching"), the ticket's requester, the organization's customer administrator and support staff
 * (`tickets.watchersManage`). The one check behind the refusal and the page's remove buttons.
 */
export function mayRemoveWatcher(
  user: { id: number; role: Role; orgAdmin?: boolean },
  ticket: { requesterId: number },
  watcherId: number,
): boolean {
  if (!can(user, "tickets.unwatch")) return false;
  return user.id === watcherId || user.id === ticket.requesterId || can(user, "tickets.watchersManage");
}
