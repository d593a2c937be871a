import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from "./clock";

// Priority ("P0" | "P1" | "P2" | "P3", P0 the most urgent) and Metric ("firstResponse" | "workaround" |
// "resolution") are the product's enums, declared once in db/schema/enums.ts.
import { METRICS, PRIORITIES, type Metric, type Priority } from "@/db/schema/enums";

export { METRICS, PRIORITIES, type Metric, type Priority };
export type SlaTargets = Record<Priority, Partial<Record<Metric, { minutes: number; calendar: BusinessCalendar }>>>;
export type SlaEvent =
  | { at: Date; type: "created"; priority: Priority }
  | { at: Date; type: "priorityChanged"; priority: Priority; disputeUpheld?: boolean }
  | { at: Date; type: "staffReplied" } // first public reply by vendor staff
  | { at: Date; type: "paused" } // now waiting on the customer
  | { at: Date; type: "resumed" }
  | { at: Date; type: "workaround" }
  | { at: Date; type: "resolved" }
  | { at: Date; type: "reopened" };
export type MetricOutcome = { dueAt: Date; achievedAt: Date | null; status: "running" | "paused" | "met" | "breached" };

const URGENCY: Record<Priority, number> = { P0: 0, P1: 1, P2: 2, P3: 3 };
const MINUTE_MS = 60_000;

/**
 * Whether priority `a` is more urgent than `b` (P0 is the most urgent). Raises of urgency earn the
 * vendor a grace due time, so the direction of a change matters.
 */
export function isMoreUrgent(a: Priority, b: Priority): boolean {
  return URGENCY[a] < URGENCY[b];
}

/** One target in force: minutes of open time on a calendar. */
export type SlaTarget = { minutes: number; calendar: BusinessCalendar };

export type PriorityChange = { at: Date; from: Priority; to: Priority; disputeUpheld: boolean };

/**
 * Why a metric has the due time it has, as codes:
 * - created: the priority set at creation is still in force;
 * - raised: the urgency was last raised to this level at `at`, which may give a later due time (grace);
 * - disputeUpheld: the latest raise to this level was a dispute upheld, so it counts from the start, no grace;
 * - lowered: the priority was lowered to this level at `at`; counted from the start.
 */
export type PriorityBasis =
  | { kind: "created" }
  | { kind: "raised"; at: Date }
  | { kind: "disputeUpheld"; at: Date }
  | { kind: "lowered"; at: Date };

/** Everything that decided one metric's outcome, for explanations; `evaluateSla` is its projection. */
export type MetricTrace = {
  metric: Metric;
  priority: Priority;
  target: SlaTarget;
  basis: PriorityBasis;
  /** The instant the due time is counted from: the ticket's creation, or the raise that gave grace. */
  countedFrom: Date;
  dueFromCreated: Date;
  dueFromRaise: Date | null;
  /** Whether waiting on the customer and resolved-until-reopened stop this metric's clock. */
  pausable: boolean;
  /** Intervals that did not count, merged and clipped to the achievement (or to now, when the clock resumes). */
  stops: { start: Date; end: Date }[];
  /** Priority changes in force for this metric: those up to its achievement. */
  changes: PriorityChange[];
  outcome: MetricOutcome;
};

export type SlaTrace = {
  createdAt: Date;
  priority: Priority;
  changes: PriorityChange[];
  /** Waiting on the customer, from paused to resumed; `end` is null while still paused. */
  pauses: { start: Date; end: Date | null }[];
  /** Resolved until reopened; `end` is null while still resolved. */
  closures: { start: Date; end: Date | null }[];
  metrics: Partial<Record<Metric, MetricTrace>>;
};

type Interval = [start: number, end: number | null];
type Achievement = { at: number; changeCount: number };
type Scan = {
  createdAt: number;
  initial: Priority;
  changes: { at: number; from: Priority; to: Priority; disputeUpheld: boolean }[];
  pauses: Interval[];
  closures: Interval[];
  pausedNow: boolean;
  firstResponse: Achievement | null;
  workaround: Achievement | null;
  resolution: Achievement | null;
};

function scan(events: SlaEvent[], nowMs: number): Scan | null {
  let s: Scan | null = null;
  let pausedAt: number | null = null;
  let resolvedSince: number | null = null;
  let lastResolved: Achievement | null = null;
  for (const event of events) {
    const at = event.at.getTime();
    if (!(at <= nowMs)) continue;
    if (s === null) {
      if (event.type !== "created") continue;
      s = {
        createdAt: at,
        initial: event.priority,
        changes: [],
        pauses: [],
        closures: [],
        pausedNow: false,
        firstResponse: null,
        workaround: null,
        resolution: null,
      };
      continue;
    }
    const achieved = (): Achievement => ({ at, changeCount: s?.changes.length ?? 0 });
    switch (event.type) {
      case "created":
        break;
      case "priorityChanged": {
        const from = s.changes.at(-1)?.to ?? s.initial;
        if (event.priority !== from) {
          s.changes.push({ at, from, to: event.priority, disputeUpheld: event.disputeUpheld === true });
        }
        break;
      }
      case "staffReplied":
        s.firstResponse ??= achieved();
        break;
      case "paused":
        pausedAt ??= at;
        break;
      case "resumed":
        if (pausedAt !== null) s.pauses.push([pausedAt, at]);
        pausedAt = null;
        break;
      case "workaround":
        s.workaround ??= achieved();
        break;
      case "resolved":
        s.workaround ??= achieved();
        resolvedSince ??= at;
        lastResolved = achieved();
        break;
      case "reopened":
        if (resolvedSince !== null) s.closures.push([resolvedSince, at]);
        resolvedSince = null;
        lastResolved = null;
        break;
    }
  }
  if (s === null) return null;
  if (pausedAt !== null) s.pauses.push([pausedAt, null]);
  if (resolvedSince !== null) s.closures.push([resolvedSince, null]);
  s.pausedNow = pausedAt !== null;
  s.resolution = lastResolved;
  return s;
}

/** Stop intervals clipped to `horizon` (nothing after it can change the outcome), sorted and merged. */
function stopsUntil(s: Scan, horizon: number): [number, number][] {
  const clipped: [number, number][] = [];
  for (const [start, end] of [...s.pauses, ...s.closures]) {
    const stop = Math.min(end ?? horizon, horizon);
    if (start < stop) clipped.push([start, stop]);
  }
  clipped.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const stop of clipped) {
    const last = merged.at(-1);
    if (last && stop[0] <= last[1]) last[1] = Math.max(last[1], stop[1]);
    else merged.push(stop);
  }
  return merged;
}

/** D(x): the instant at which the target's open time, outside the stops, has elapsed since x. */
function dueFrom(fromMs: number, target: SlaTarget, stops: [number, number][]): number {
  let remaining = Math.round(target.minutes * MINUTE_MS);
  let cursor = fromMs;
  if (remaining === 0) return cursor;
  for (const [start, end] of stops) {
    if (end <= cursor) continue;
    if (start > cursor) {
      const available = Math.round(
        businessMinutesBetween(new Date(cursor), new Date(start), target.calendar) * MINUTE_MS,
      );
      if (available >= remaining) break;
      remaining -= available;
    }
    cursor = end;
  }
  return addBusinessMinutes(new Date(cursor), remaining / MINUTE_MS, target.calendar).getTime();
}

type Core = {
  priority: Priority;
  target: SlaTarget;
  changeCount: number;
  basis: PriorityBasis;
  pausable: boolean;
  stops: [number, number][];
  dueFromCreated: number;
  dueFromRaise: number | null;
  dueAt: number;
  achievedAt: number | null;
  status: MetricOutcome["status"];
};

function evaluateMetric(s: Scan, metric: Metric, targets: SlaTargets, nowMs: number): Core | null {
  const achievement = s[metric];
  const changeCount = achievement ? achievement.changeCount : s.changes.length;
  const priority = changeCount > 0 ? (s.changes[changeCount - 1]?.to ?? s.initial) : s.initial;
  const target = targets[priority][metric];
  if (!target) return null;

  // The latest change that brought the urgency up to this level from a less urgent one starts the
  // final stretch at this urgency or above: the moment the vendor could first know it.
  let raise: Scan["changes"][number] | null = null;
  for (let i = changeCount - 1; i >= 0 && raise === null; i--) {
    const change = s.changes[i];
    if (change && isMoreUrgent(priority, change.from) && !isMoreUrgent(priority, change.to)) raise = change;
  }
  const last = s.changes[changeCount - 1];
  const basis: PriorityBasis =
    changeCount === 0 || !last
      ? { kind: "created" }
      : raise
        ? { kind: raise.disputeUpheld ? "disputeUpheld" : "raised", at: new Date(raise.at) }
        : { kind: last.disputeUpheld ? "disputeUpheld" : "lowered", at: new Date(last.at) };

  const pausable = metric !== "firstResponse";
  const achievedAt = achievement ? achievement.at : null;
  const stops = pausable ? stopsUntil(s, achievedAt ?? nowMs) : [];
  const dueFromCreated = dueFrom(s.createdAt, target, stops);
  const dueFromRaise = raise && !raise.disputeUpheld ? dueFrom(raise.at, target, stops) : null;
  const dueAt = dueFromRaise !== null && dueFromRaise > dueFromCreated ? dueFromRaise : dueFromCreated;

  let status: MetricOutcome["status"];
  if (achievedAt !== null) status = achievedAt <= dueAt ? "met" : "breached";
  else if (nowMs > dueAt) status = "breached";
  else if (pausable && s.pausedNow) status = "paused";
  else status = "running";

  return {
    priority,
    target,
    changeCount,
    basis,
    pausable,
    stops,
    dueFromCreated,
    dueFromRaise,
    dueAt,
    achievedAt,
    status,
  };
}

/**
 * The SLA outcome of one ticket at `now`: every SLA figure in the product comes from here.
 *
 * Invariants (see docs/DOMAIN.md "The SLA evaluation module"):
 * - pure: events after `now` are ignored and nothing else is read; events before `created` are ignored;
 * - a metric appears only if the priority in force for it has a target; the priority in force is the
 *   one at the metric's achievement, or the current one while it is open;
 * - met iff achievedAt <= dueAt; an open metric is breached as soon as now > dueAt, even while paused;
 * - while paused and not breached, dueAt assumes the clock resumes at `now`, so it never moves earlier
 *   as a pause goes on;
 * - pauses run from paused to resumed only (a reopen does not end one), and with resolved-to-reopened
 *   stop workaround and resolution; first response never stops. Its status is never "paused".
 */
export function evaluateSla(
  events: SlaEvent[],
  targets: SlaTargets,
  now: Date,
): Partial<Record<Metric, MetricOutcome>> {
  const nowMs = now.getTime();
  const s = scan(events, nowMs);
  const result: Partial<Record<Metric, MetricOutcome>> = {};
  if (s === null) return result;
  for (const metric of METRICS) {
    const core = evaluateMetric(s, metric, targets, nowMs);
    if (core) result[metric] = outcomeOf(core);
  }
  return result;
}

function outcomeOf(core: Core): MetricOutcome {
  return {
    dueAt: new Date(core.dueAt),
    achievedAt: core.achievedAt === null ? null : new Date(core.achievedAt),
    status: core.status,
  };
}

/**
 * The full reasoning behind `evaluateSla` for one ticket, for the "why is it due then?" view. It
 * shares the computation, so an explanation can never disagree with the figures. Null before the
 * ticket exists at `now`.
 */
export function traceSla(events: SlaEvent[], targets: SlaTargets, now: Date): SlaTrace | null {
  const nowMs = now.getTime();
  const s = scan(events, nowMs);
  if (s === null) return null;
  const changes = s.changes.map((c) => ({
    at: new Date(c.at),
    from: c.from,
    to: c.to,
    disputeUpheld: c.disputeUpheld,
  }));
  const interval = ([start, end]: Interval) => ({ start: new Date(start), end: end === null ? null : new Date(end) });
  const metrics: Partial<Record<Metric, MetricTrace>> = {};
  for (const metric of METRICS) {
    const core = evaluateMetric(s, metric, targets, nowMs);
    if (!core) continue;
    const countedFrom =
      core.dueFromRaise !== null && core.dueFromRaise > core.dueFromCreated && core.basis.kind === "raised"
        ? core.basis.at
        : new Date(s.createdAt);
    metrics[metric] = {
      metric,
      priority: core.priority,
      target: core.target,
      basis: core.basis,
      countedFrom,
      dueFromCreated: new Date(core.dueFromCreated),
      dueFromRaise: core.dueFromRaise === null ? null : new Date(core.dueFromRaise),
      pausable: core.pausable,
      stops: core.stops.map(([start, end]) => ({ start: new Date(start), end: new Date(end) })),
      changes: changes.slice(0, core.changeCount),
      outcome: outcomeOf(core),
    };
  }
  return {
    createdAt: new Date(s.createdAt),
    priority: s.changes.at(-1)?.to ?? s.initial,
    changes,
    pauses: s.pauses.map(interval),
    closures: s.closures.map(interval),
    metrics,
  };
}

export type SlaRisk = { state: "onTrack" | "atRisk"; remainingMinutes: number };

/**
 * Whether an open metric is at risk: 25 % or less of its target left (docs/DOMAIN.md). Remaining is the
 * target calendar's open minutes from `now` to `dueAt`; while paused, dueAt already assumes the clock
 * resumes at `now`, so remaining is what is left of the target. Pass the target in force for the
 * metric (the current priority's target while it is open).
 *
 * Null for a metric that is met or breached: its outcome is settled, so risk no longer applies.
 */
export function slaRiskState(outcome: MetricOutcome, target: SlaTarget, now: Date): SlaRisk | null {
  if (outcome.status !== "running" && outcome.status !== "paused") return null;
  const remainingMs = Math.round(businessMinutesBetween(now, outcome.dueAt, target.calendar) * MINUTE_MS);
  return {
    state: remainingMs * 4 <= Math.round(target.minutes * MINUTE_MS) ? "atRisk" : "onTrack",
    remainingMinutes: remainingMs / MINUTE_MS,
  };
}
