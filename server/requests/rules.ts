/**
 * Feature requests and custom development requests (issue #20): the rules, each written once. Pure:
 * no database, no clock (`now` is an argument), importable by client components.
 */
import type { FeatureStatus } from "@/db/schema/enums";
import { addBusinessMinutes, type BusinessCalendar } from "@/server/sla/clock";
import { businessDayMinutes } from "@/server/sla/business-day";

/** The acknowledgement target of a new feature request, in business days (settable per request). */
export const DEFAULT_ACK_DAYS = 5;
/** The longest acknowledgement target staff may set. */
export const MAX_ACK_DAYS = 60;
/** The longest estimate of a custom development request, in days. */
export const MAX_ESTIMATE_DAYS = 2000;

/** A business day when the calendar says nothing (never open): 8.5 hours. */
const FALLBACK_DAY_MINUTES = 510;

/**
 * When a feature request must be acknowledged: `days` business days of the organization's calendar
 * after it was filed. This target is its own promise, never counted in the bug SLA's attainment.
 */
export function featureAckDueAt(filedAt: Date, days: number, calendar: BusinessCalendar): Date {
  const perDay = businessDayMinutes(calendar.hours) ?? FALLBACK_DAY_MINUTES;
  return addBusinessMinutes(filedAt, days * perDay, calendar);
}

/** The roadmap's columns, in the order the public page shows them; declined requests are not shown. */
export const ROADMAP_COLUMNS = ["planned", "under_review", "shipped"] as const satisfies readonly FeatureStatus[];

/** Whether a feature request in this status still takes votes (shipped and declined ones do not). */
export const takesVotes = (status: FeatureStatus): boolean => status === "under_review" || status === "planned";

/** Votes per organization: how many organizations want it, and how many people in each. */
export function votesByOrganization(votes: readonly { organizationId: number }[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const v of votes) out.set(v.organizationId, (out.get(v.organizationId) ?? 0) + 1);
  return out;
}
