import { businessDayMinutes } from "./business-day";
import { closedDaysBetween, openIntervals, type BusinessCalendar } from "./clock";
import {
  METRICS,
  isMoreUrgent,
  traceSla,
  type Metric,
  type MetricOutcome,
  type Priority,
  type PriorityBasis,
  type SlaEvent,
  type SlaTargets,
} from "./evaluate";

/** Long targets on an always-open calendar yield one interval per day; a view needs only so many. */
export const MAX_EXPLAINED_INTERVALS = 200;

export type CountedInterval = { start: Date; end: Date; minutes: number };

/** Plain data for one metric of the "why is it due then?" view; codes only, the UI words them. */
export type DueExplanation = {
  metric: Metric;
  status: MetricOutcome["status"];
  dueAt: Date;
  achievedAt: Date | null;
  priority: Priority;
  basis: PriorityBasis;
  /** `businessDayMinutes`: the calendar's usual open day, so the target reads "10 business days". */
  target: { minutes: number; timeZone: string; alwaysOpen: boolean; businessDayMinutes: number | null };
  /** Where the counting that produced dueAt starts: the ticket's creation or a raise with grace. */
  countedFrom: Date;
  dueFromCreated: Date;
  dueFromRaise: Date | null;
  /** Open time that counted, from countedFrom to dueAt; sums to the target unless truncated. */
  countedIntervals: CountedInterval[];
  countedIntervalsTruncated: boolean;
  /** Local dates between countedFrom and dueAt on which the calendar had no open time. */
  closedDays: { date: string; reason: "holiday" | "closed" }[];
  /** False for first response, whose clock never stops; then pauses and closures are empty. */
  pausable: boolean;
  /** Waiting on the customer; `end` is null while still paused. */
  pauses: { start: Date; end: Date | null }[];
  /** Resolved until reopened; `end` is null while still resolved. */
  closures: { start: Date; end: Date | null }[];
  /** The priority changes that apply to this metric (those before its achievement). */
  priorityChanges: { at: Date; from: Priority; to: Priority; raise: boolean; disputeUpheld: boolean }[];
};

function isAlwaysOpen(calendar: BusinessCalendar): boolean {
  if (calendar.holidays.length > 0) return false;
  return [0, 1, 2, 3, 4, 5, 6].every((day) =>
    calendar.hours.some((h) => h.day === day && h.start === "00:00" && h.end === "24:00"),
  );
}

function withoutStops(
  intervals: { start: Date; end: Date }[],
  stops: { start: Date; end: Date }[],
): { start: number; end: number }[] {
  const result: { start: number; end: number }[] = [];
  let k = 0;
  for (const interval of intervals) {
    let start = interval.start.getTime();
    const end = interval.end.getTime();
    while (k < stops.length && (stops[k]?.end.getTime() ?? 0) <= start) k++;
    for (let j = k; j < stops.length && start < end; j++) {
      const stop = stops[j];
      if (!stop || stop.start.getTime() >= end) break;
      if (stop.start.getTime() > start) result.push({ start, end: stop.start.getTime() });
      start = Math.max(start, stop.end.getTime());
    }
    if (start < end) result.push({ start, end });
  }
  return result;
}

/**
 * Why each metric of a ticket is due when it is: the target and the priority behind it, the open
 * intervals that counted, the closed days and holidays skipped, each pause and each priority change.
 *
 * Invariants: built from the same trace as `evaluateSla`, so dueAt, achievedAt and status always
 * equal its figures; the counted intervals run from countedFrom to dueAt, leave out the pauses, and
 * sum to the target's minutes (at most MAX_EXPLAINED_INTERVALS are listed). No wording and no
 * locale: dates are instants and reasons are codes, so customers and staff in either language get
 * the same facts.
 */
export function explainDue(
  events: SlaEvent[],
  targets: SlaTargets,
  now: Date,
): Partial<Record<Metric, DueExplanation>> {
  const trace = traceSla(events, targets, now);
  const result: Partial<Record<Metric, DueExplanation>> = {};
  if (!trace) return result;
  for (const metric of METRICS) {
    const m = trace.metrics[metric];
    if (!m) continue;
    const { calendar } = m.target;
    const dueAt = m.outcome.dueAt;
    const counted = withoutStops(openIntervals(m.countedFrom, dueAt, calendar), m.stops);
    const horizon = (m.outcome.achievedAt ?? now).getTime();
    const before = (p: { start: Date }) => p.start.getTime() < horizon;
    result[metric] = {
      metric,
      status: m.outcome.status,
      dueAt,
      achievedAt: m.outcome.achievedAt,
      priority: m.priority,
      basis: m.basis,
      target: {
        minutes: m.target.minutes,
        timeZone: calendar.timeZone,
        alwaysOpen: isAlwaysOpen(calendar),
        businessDayMinutes: businessDayMinutes(calendar.hours),
      },
      countedFrom: m.countedFrom,
      dueFromCreated: m.dueFromCreated,
      dueFromRaise: m.dueFromRaise,
      countedIntervals: counted.slice(0, MAX_EXPLAINED_INTERVALS).map(({ start, end }) => ({
        start: new Date(start),
        end: new Date(end),
        minutes: (end - start) / 60_000,
      })),
      countedIntervalsTruncated: counted.length > MAX_EXPLAINED_INTERVALS,
      closedDays: closedDaysBetween(m.countedFrom, dueAt, calendar),
      pausable: m.pausable,
      pauses: m.pausable ? trace.pauses.filter(before) : [],
      closures: m.pausable ? trace.closures.filter(before) : [],
      priorityChanges: m.changes.map((c) => ({
        at: c.at,
        from: c.from,
        to: c.to,
        raise: isMoreUrgent(c.to, c.from),
        disputeUpheld: c.disputeUpheld,
      })),
    };
  }
  return result;
}
