/**
 * Availability and service credits: the arithmetic behind the tier's monthly commitment.
 *
 * Pure: plain data in, plain data out. No database, no clock (`now` is an argument), no environment.
 * All periods are UTC: a month "2026-02" is [2026-02-01T00:00Z, 2026-03-01T00:00Z).
 *
 * Units: availability and commitments are percentages (99.95 means 99.95 %), the unit tiers store.
 */
import { monthPeriod } from "@/server/periods/periods";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Planned maintenance announced at least this long before it starts does not count as downtime. */
export const MAINTENANCE_NOTICE_MS = 72 * 60 * MINUTE_MS;

/** The incident fields availability depends on. */
export type DowntimeIncident = {
  id: number;
  startedAt: Date;
  /** null while the incident is ongoing: it counts until `now`. */
  endedAt: Date | null;
  planned: boolean;
  /** When planned maintenance was announced to customers; null = never announced. */
  announcedAt: Date | null;
};

/** One step of a tier's credit schedule: below `below` % availability, `percent` % of the monthly fee. */
export type CreditStep = { below: number; percent: number };

export type Interval = { start: Date; end: Date };

export type MonthAvailability = {
  month: string;
  /** 100 * (1 - downtime / length of the month), unrounded. */
  availability: number;
  commitment: number;
  downtimeMinutes: number;
  minutesInMonth: number;
  /** Availability strictly below the commitment (compared exactly, not on the rounded figure). */
  belowCommitment: boolean;
  /** The percentage of the monthly fee owed by the tier's schedule; 0 when no step applies. */
  creditPercent: number;
  /** Incidents that contributed downtime to this month, in start order. */
  incidentIds: number[];
  /** Planned maintenance in this month that did not count because it was announced in time. */
  excusedMaintenanceIds: number[];
};

/** Minutes in a UTC month: 40,320 for a 28-day February up to 44,640 for a 31-day month. */
export function minutesInMonth(month: string): number {
  const { from, to } = monthPeriod(month);
  return (to.getTime() - from.getTime()) / MINUTE_MS;
}

/**
 * Whether an incident is unplanned downtime. Planned maintenance is excused only when it was
 * announced at least 72 hours before it started; short-notice or unannounced maintenance counts
 * like an outage, because customers could not plan around it.
 */
export function countsAsDowntime(incident: Pick<DowntimeIncident, "planned" | "announcedAt" | "startedAt">): boolean {
  if (!incident.planned) return true;
  if (incident.announcedAt === null) return true;
  return incident.startedAt.getTime() - incident.announcedAt.getTime() < MAINTENANCE_NOTICE_MS;
}

/**
 * The union of the counting incidents' intervals within [from, to), each clipped to the window and
 * to `now` (an ongoing incident runs until `now`; nothing after `now` has happened yet). Overlapping
 * or touching intervals are merged, so a minute is never counted twice. Sorted by start.
 */
export function downtimeIntervals(incidents: DowntimeIncident[], from: Date, to: Date, now: Date): Interval[] {
  const limit = Math.min(to.getTime(), now.getTime());
  const clipped: [number, number][] = [];
  for (const inc of incidents) {
    if (!countsAsDowntime(inc)) continue;
    const start = Math.max(inc.startedAt.getTime(), from.getTime());
    const end = Math.min(inc.endedAt?.getTime() ?? now.getTime(), limit);
    if (end > start) clipped.push([start, end]);
  }
  clipped.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of clipped) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged.map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));
}

/** Milliseconds of unplanned downtime in [from, to): the length of the union of downtimeIntervals. */
export function downtimeMs(incidents: DowntimeIncident[], from: Date, to: Date, now: Date): number {
  return downtimeIntervals(incidents, from, to, now).reduce((sum, i) => sum + (i.end.getTime() - i.start.getTime()), 0);
}

/**
 * True when availability over a period is strictly below `threshold` %. Compared exactly in
 * integers (threshold to 4 decimals), so an outage of exactly the allowed minutes is not below
 * the commitment, whatever floating point would say.
 */
export function isBelow(downtime: number, periodMs: number, threshold: number): boolean {
  const up = BigInt(Math.round(periodMs - downtime));
  const period = BigInt(Math.round(periodMs));
  const scaled = BigInt(Math.round(threshold * 10_000));
  return up * 1_000_000n < scaled * period;
}

/**
 * The credit owed for a period: the highest percentage of the schedule whose threshold the
 * availability fell strictly below (the schedule's steps need not be sorted); 0 when none applies.
 */
export function creditPercent(downtime: number, periodMs: number, schedule: CreditStep[]): number {
  let owed = 0;
  for (const step of schedule) if (isBelow(downtime, periodMs, step.below) && step.percent > owed) owed = step.percent;
  return owed;
}

/**
 * The commitment an organization is held to and the credit schedule that goes with it: its own
 * contract's commitment when it names one (null reads the tier's). The schedule's first step sits
 * at the tier's commitment ("below the commitment"), so it moves with the organization's, and a
 * step above the organization's commitment is dropped: no credit is owed while the commitment is met.
 */
export function commitmentTerms(
  own: number | null,
  tier: { availabilityCommitment: number; creditSchedule: CreditStep[] },
): { availabilityCommitment: number; creditSchedule: CreditStep[] } {
  if (own === null || own === tier.availabilityCommitment)
    return { availabilityCommitment: tier.availabilityCommitment, creditSchedule: tier.creditSchedule };
  return {
    availabilityCommitment: own,
    creditSchedule: tier.creditSchedule
      .map((s) => (s.below === tier.availabilityCommitment ? { ...s, below: own } : s))
      .filter((s) => s.below <= own),
  };
}

/** 100 * (1 - downtime / period), for display and averages. */
export function availabilityPercent(downtime: number, periodMs: number): number {
  return periodMs <= 0 ? 100 : 100 * (1 - downtime / periodMs);
}

/**
 * One organization's month: availability = 1 - unplanned downtime / minutes in the month, and the
 * credit its tier's schedule gives for it. `incidents` must already be those that affected the
 * organization (any month; those outside are ignored). The denominator is always the whole month,
 * as the commitment is written, including for the month still in progress.
 */
export function assessMonth(
  incidents: DowntimeIncident[],
  month: string,
  now: Date,
  tier: { availabilityCommitment: number; creditSchedule: CreditStep[] },
): MonthAvailability {
  const { from: start, to: end } = monthPeriod(month);
  const periodMs = end.getTime() - start.getTime();
  const down = downtimeMs(incidents, start, end, now);
  const limit = Math.min(end.getTime(), now.getTime());
  const inMonth = incidents
    .filter((i) => i.startedAt.getTime() < limit && (i.endedAt?.getTime() ?? now.getTime()) > start.getTime())
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.id - b.id);
  return {
    month,
    availability: availabilityPercent(down, periodMs),
    commitment: tier.availabilityCommitment,
    downtimeMinutes: down / MINUTE_MS,
    minutesInMonth: periodMs / MINUTE_MS,
    belowCommitment: isBelow(down, periodMs, tier.availabilityCommitment),
    creditPercent: creditPercent(down, periodMs, tier.creditSchedule),
    incidentIds: inMonth.filter(countsAsDowntime).map((i) => i.id),
    excusedMaintenanceIds: inMonth.filter((i) => !countsAsDowntime(i)).map((i) => i.id),
  };
}

export type DayDowntime = { day: string; downtimeMinutes: number; incidentIds: number[] };

/**
 * Downtime per UTC day for the `days` days ending with the day containing `now` (oldest first):
 * the status page's bars. Same counting rules as the monthly figure.
 */
export function dailyDowntime(incidents: DowntimeIncident[], now: Date, days: number): DayDowntime[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const out: DayDowntime[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const from = new Date(today - i * DAY_MS);
    const to = new Date(today - (i - 1) * DAY_MS);
    const counting = incidents.filter(
      (inc) =>
        countsAsDowntime(inc) &&
        inc.startedAt < to &&
        inc.startedAt < now &&
        (inc.endedAt?.getTime() ?? now.getTime()) > from.getTime(),
    );
    out.push({
      day: from.toISOString().slice(0, 10),
      downtimeMinutes: downtimeMs(counting, from, to, now) / MINUTE_MS,
      incidentIds: counting.map((c) => c.id),
    });
  }
  return out;
}
