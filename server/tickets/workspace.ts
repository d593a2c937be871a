/**
 * The ticket page's properties panel, decided in one place for the browser and the server: which
 * properties a save changes, which statuses and escalation levels are on offer, and why a save is
 * refused. Each change is then made by its own action (server/tickets/actions.ts and service.ts),
 * so the rules of priority changes, waiting, workarounds and resolutions stay written once.
 * Pure: no database, no clock; importable by client components.
 */
import {
  isOpenStatus,
  type EscalationLevel,
  type Priority,
  type ProductArea,
  type TicketCategory,
  type TicketStatus,
} from "@/db/schema/enums";
import { priorityRefusal, type RuleRefusal } from "./rules";

/** The properties the panel edits, as the ticket holds them. */
export type TicketProperties = {
  status: TicketStatus;
  priority: Priority;
  assigneeId: number | null;
  escalationLevel: EscalationLevel;
  category: TicketCategory;
  productArea: ProductArea;
};

export const PROPERTY_KEYS = [
  "status",
  "priority",
  "assigneeId",
  "escalationLevel",
  "category",
  "productArea",
] as const satisfies readonly (keyof TicketProperties)[];

/** The statuses staff may move an open ticket to from `current` (the current one first). */
export function statusChoices(current: TicketStatus): TicketStatus[] {
  if (!isOpenStatus(current)) return [current];
  const choices: TicketStatus[] = [current];
  choices.push(current === "pending_customer" ? "open" : "pending_customer");
  if (current !== "workaround_provided") choices.push("workaround_provided");
  choices.push("resolved");
  return choices;
}

const NEXT_LEVEL: Record<EscalationLevel, EscalationLevel | null> = { L1: "L2", L2: "L3", L3: null };

/** The level above `current` (L1 → L2 expert → L3 manager), or null at the top. */
export const nextEscalationLevel = (current: EscalationLevel): EscalationLevel | null => NEXT_LEVEL[current];

/** Escalation goes one level up at a time and never down: the current level and the next one. */
export function escalationChoices(current: EscalationLevel): EscalationLevel[] {
  const next = NEXT_LEVEL[current];
  return next ? [current, next] : [current];
}

/** Only the properties whose wanted value differs from the ticket's: an unchanged form changes nothing. */
export function changedProperties(
  current: TicketProperties,
  wanted: Partial<TicketProperties>,
): Partial<TicketProperties> {
  const changes: Partial<TicketProperties> = {};
  for (const key of PROPERTY_KEYS) {
    const value = wanted[key];
    if (value !== undefined && value !== current[key]) Object.assign(changes, { [key]: value });
  }
  return changes;
}

/** The statuses that post the public reply as the workaround or the resolution. */
export const statusTakesPublicReply = (status: TicketStatus | undefined): boolean =>
  status === "workaround_provided" || status === "resolved";

const refusal = (messageKey: string, message: string): RuleRefusal => ({ messageKey, message });

/** Why a reason given with a priority change or an escalation is not enough, or null. */
export const reasonMissing = (reason: string | undefined): boolean => (reason ?? "").trim().length < 3;

/**
 * Why this save cannot be made, or null: the ticket must be open; a status or escalation level
 * must be one on offer; a workaround or resolution needs the public reply it sends; a priority
 * change and an escalation need a reason; a category never leaves a security vulnerability
 * below P1. (A category may move a ticket out of the bug SLA or back: workspace-service.ts.)
 */
export function updateRefusal(
  current: TicketProperties,
  changes: Partial<TicketProperties>,
  extra: { priorityReason?: string; escalationReason?: string; publicReply: boolean },
): RuleRefusal | null {
  if (Object.keys(changes).length === 0) return null;
  if (!isOpenStatus(current.status))
    return refusal("tickets.errors.notOpen", "This ticket is resolved; reopen it first.");
  if (changes.status && !statusChoices(current.status).includes(changes.status))
    return refusal("tickets.errors.statusNotOffered", "The ticket cannot move to this status from its current one.");
  if (statusTakesPublicReply(changes.status) && !extra.publicReply)
    return refusal(
      "tickets.errors.statusNeedsReply",
      "A workaround or a resolution is sent to the customer: write it as a public reply.",
    );
  if (changes.escalationLevel && !escalationChoices(current.escalationLevel).includes(changes.escalationLevel))
    return refusal("tickets.errors.escalationStep", "Escalation goes up one level at a time.");
  if (changes.escalationLevel && reasonMissing(extra.escalationReason))
    return refusal("tickets.errors.reasonRequired", "Please give a reason of at least 3 characters.");
  if (changes.priority && reasonMissing(extra.priorityReason))
    return refusal("tickets.errors.reasonRequired", "Please give a reason of at least 3 characters.");
  const category = changes.category ?? current.category;
  return priorityRefusal({ category }, changes.priority ?? current.priority);
}
