/**
 * Who is on call when: a duty rota's shifts, overrides, gaps and overlaps. Pure (no database, no
 * clock): the rota service loads a rota and asks here with `now` or a range.
 *
 * A weekly rota hands over every seven days at a local wall-clock time in the rota's zone (luxon
 * adds calendar weeks, so a Monday 09:00 handover stays at 09:00 local across a daylight-saving
 * change, 167 or 169 hours after the previous one). Week k's primary is member k (mod n), its
 * secondary member k+1. A custom rota lists its shifts. Overrides (a holiday, a swap) replace the
 * scheduled person of their role for their period, on either kind of rota.
 */
import { DateTime } from "luxon";
import type { OnCallRole, RotaKind } from "@/db/schema/enums";

export type Shift = { role: OnCallRole; userId: number; startsAt: Date; endsAt: Date };

export type RotaPlan = {
  kind: RotaKind;
  timeZone: string;
  /** Weekly: the local date of the first handover ("YYYY-MM-DD") and its local time ("HH:mm"). */
  startDate: string;
  handoverTime: string;
  /** Weekly: user ids in rotation order. */
  members: number[];
  /** Custom rotas' shifts. */
  shifts: Shift[];
  overrides: Shift[];
  /**
   * People named in the plan who may not be on call now (deactivated, or no longer support staff):
   * their turns are gaps, so a page skips to the next level instead of waiting on someone who can
   * never acknowledge it.
   */
  unavailable?: readonly number[];
};

export type OnCallNow = { primary: number | null; secondary: number | null };

/** A segment of the rota's timeline with the people on call throughout it. */
export type Coverage = { startsAt: Date; endsAt: Date; primary: number | null; secondary: number | null };

const WEEK_MS = 7 * 24 * 3_600_000;

/** The instant of the k-th weekly handover (k = 0 is the first), in the rota's zone. */
export function handoverAt(plan: Pick<RotaPlan, "timeZone" | "startDate" | "handoverTime">, k: number): Date {
  const first = DateTime.fromISO(`${plan.startDate}T${plan.handoverTime}`, { zone: plan.timeZone });
  return first.plus({ weeks: k }).toJSDate();
}

/** Which rotation week an instant falls in (negative before the first handover). */
export function weekIndex(plan: Pick<RotaPlan, "timeZone" | "startDate" | "handoverTime">, at: Date): number {
  const first = handoverAt(plan, 0).getTime();
  let k = Math.floor((at.getTime() - first) / WEEK_MS);
  while (handoverAt(plan, k).getTime() > at.getTime()) k -= 1;
  while (handoverAt(plan, k + 1).getTime() <= at.getTime()) k += 1;
  return k;
}

const mod = (a: number, n: number) => ((a % n) + n) % n;

/** The weekly rota's scheduled shifts that touch [from, to), before overrides. */
export function weeklyShifts(plan: RotaPlan, from: Date, to: Date): Shift[] {
  const n = plan.members.length;
  if (n === 0 || to <= from) return [];
  const shifts: Shift[] = [];
  for (let k = Math.max(0, weekIndex(plan, from)); ; k++) {
    const startsAt = handoverAt(plan, k);
    if (startsAt >= to) break;
    const endsAt = handoverAt(plan, k + 1);
    shifts.push({ role: "primary", userId: plan.members[mod(k, n)]!, startsAt, endsAt });
    if (n > 1) shifts.push({ role: "secondary", userId: plan.members[mod(k + 1, n)]!, startsAt, endsAt });
  }
  return shifts;
}

/** The scheduled shifts (weekly or custom) that touch [from, to), before overrides. */
export function scheduledShifts(plan: RotaPlan, from: Date, to: Date): Shift[] {
  if (plan.kind === "weekly") return weeklyShifts(plan, from, to);
  return plan.shifts.filter((s) => s.startsAt < to && s.endsAt > from);
}

const covers = (s: Shift, at: Date) => s.startsAt <= at && at < s.endsAt;

/**
 * Who is on call at an instant: an override of the role wins (the latest-starting one if several),
 * else the scheduled shift. A role nobody covers is null, and so is one whose person is unavailable
 * (an override for such a person still replaces the scheduled one: that one was meant to be off).
 */
export function onCallAt(plan: RotaPlan, at: Date): OnCallNow {
  const next = new Date(at.getTime() + 1);
  const scheduled = scheduledShifts(plan, at, next);
  const unavailable = new Set(plan.unavailable ?? []);
  const pick = (role: OnCallRole): number | null => {
    const override = plan.overrides
      .filter((o) => o.role === role && covers(o, at))
      .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())[0];
    const userId = override
      ? override.userId
      : (scheduled.find((s) => s.role === role && covers(s, at))?.userId ?? null);
    return userId === null || unavailable.has(userId) ? null : userId;
  };
  return { primary: pick("primary"), secondary: pick("secondary") };
}

/**
 * The rota's timeline over [from, to): consecutive segments, each with one primary and one
 * secondary (or null), cut at every shift and override boundary and merged where nothing changes.
 */
export function coverage(plan: RotaPlan, from: Date, to: Date): Coverage[] {
  if (to <= from) return [];
  const cuts = new Set<number>([from.getTime(), to.getTime()]);
  for (const s of [...scheduledShifts(plan, from, to), ...plan.overrides])
    for (const t of [s.startsAt.getTime(), s.endsAt.getTime()]) if (t > from.getTime() && t < to.getTime()) cuts.add(t);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Coverage[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const who = onCallAt(plan, new Date(points[i]!));
    const last = out.at(-1);
    if (last && last.primary === who.primary && last.secondary === who.secondary)
      last.endsAt = new Date(points[i + 1]!);
    else out.push({ startsAt: new Date(points[i]!), endsAt: new Date(points[i + 1]!), ...who });
  }
  return out;
}

/** Periods in [from, to) with nobody primary on call: shown on the rota page and warned about. */
export function findGaps(plan: RotaPlan, from: Date, to: Date): { startsAt: Date; endsAt: Date }[] {
  return coverage(plan, from, to)
    .filter((c) => c.primary === null)
    .map((c) => ({ startsAt: c.startsAt, endsAt: c.endsAt }));
}

/** Pairs of shifts of the same role whose periods overlap (touching end to start is no overlap). */
export function findOverlaps(shifts: Shift[]): [Shift, Shift][] {
  const pairs: [Shift, Shift][] = [];
  const sorted = [...shifts].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (b.startsAt >= a.endsAt) continue;
      if (a.role === b.role) pairs.push([a, b]);
    }
  return pairs;
}

/**
 * A local date and time in a zone as an instant, or null if it does not exist (the hour skipped
 * when clocks go forward) or is malformed. An hour that occurs twice (clocks go back) reads as the
 * first (luxon's choice, the earlier offset).
 */
export function localToInstant(localDateTime: string, timeZone: string): Date | null {
  const dt = DateTime.fromISO(localDateTime, { zone: timeZone });
  if (!dt.isValid) return null;
  // luxon moves a skipped wall-clock time forward; refuse it rather than start a shift an hour late.
  if (dt.toFormat("yyyy-MM-dd'T'HH:mm") !== DateTime.fromISO(localDateTime).toFormat("yyyy-MM-dd'T'HH:mm")) return null;
  return dt.toJSDate();
}

/** Whether a string names an IANA zone luxon knows. */
export const isValidZone = (zone: string): boolean => DateTime.local().setZone(zone).isValid;

/** The ISO weekday (1 Monday .. 7 Sunday) of a local date. */
export const weekdayOf = (date: string): number => DateTime.fromISO(date).weekday;

/** The rota that covers a ticket: the one for its region and product area, else the region's general one. */
export function chooseRota<R extends { region: string; productArea: string | null }>(
  rotas: R[],
  region: string,
  productArea: string,
): R | null {
  return (
    rotas.find((r) => r.region === region && r.productArea === productArea) ??
    rotas.find((r) => r.region === region && r.productArea === null) ??
    null
  );
}
