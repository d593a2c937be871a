import { IANAZone } from "luxon";

/**
 * Weekly opening hours in a time zone, plus holidays. A calendar is a value: once it has been used
 * it must not be mutated (compiled forms are cached per object and per content).
 */
export type BusinessCalendar = {
  timeZone: string; // IANA name, e.g. "America/Los_Angeles"
  hours: { day: 0 | 1 | 2 | 3 | 4 | 5 | 6; start: string; end: string }[]; // 0 = Sunday; "HH:MM", end may be "24:00"
  holidays: string[]; // local dates "YYYY-MM-DD" on which it is closed
};

/** The "24x7" calendar: every instant is open. */
export const ALWAYS_OPEN: BusinessCalendar = Object.freeze({
  timeZone: "UTC",
  hours: Object.freeze(
    ([0, 1, 2, 3, 4, 5, 6] as const).map((day) => Object.freeze({ day, start: "00:00", end: "24:00" })),
  ) as BusinessCalendar["hours"],
  holidays: Object.freeze([]) as unknown as string[],
});

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** A calendar with no open time for this many consecutive local dates is treated as never open. */
const MAX_CLOSED_DAYS = 3700;

type Day = {
  /** Local date as days since 1970-01-01 (civil arithmetic, no zone). */
  readonly n: number;
  readonly date: string;
  /** First instant of the local date. */
  readonly startMs: number;
  /** First instant of the next local date; the dates partition the time line. */
  readonly endMs: number;
  /** Open intervals as flat [start0, end0, start1, end1, ...] in UTC ms, sorted and disjoint. */
  readonly open: readonly number[];
  readonly openMs: number;
  readonly holiday: boolean;
};

type Compiled = {
  readonly zone: IANAZone;
  /** Per weekday, flat [startMinute, endMinute, ...] of local wall-clock minutes, merged. */
  readonly weekly: readonly (readonly number[])[];
  readonly holidays: ReadonlySet<string>;
  /** Open at every instant: open and elapsed time coincide, whatever the zone. */
  readonly alwaysOpen: boolean;
  readonly neverOpen: boolean;
  readonly days: Map<number, Day>;
  readonly midnights: Map<number, number>;
  guessOffsetMs: number | null;
};

const byObject = new WeakMap<BusinessCalendar, Compiled>();
// Services often rebuild equal calendar objects per row; the content key lets them share one cache.
const byContent = new Map<string, Compiled>();

function parseClock(value: string, allow24: boolean): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  const hh = match ? Number(match[1]) : NaN;
  const mm = match ? Number(match[2]) : NaN;
  const ok = match !== null && mm < 60 && (hh < 24 || (allow24 && hh === 24 && mm === 0));
  if (!ok) throw new Error(`Invalid calendar time "${value}" (expected "HH:MM")`);
  return hh * 60 + mm;
}

function compile(calendar: BusinessCalendar): Compiled {
  const cached = byObject.get(calendar);
  if (cached) return cached;
  const key = JSON.stringify([calendar.timeZone, calendar.hours, calendar.holidays]);
  let compiled = byContent.get(key);
  if (!compiled) {
    compiled = build(calendar);
    byContent.set(key, compiled);
  }
  byObject.set(calendar, compiled);
  return compiled;
}

function build(calendar: BusinessCalendar): Compiled {
  const zone = IANAZone.create(calendar.timeZone);
  if (!zone.isValid) throw new Error(`Unknown time zone "${calendar.timeZone}"`);
  const perDay: [number, number][][] = [[], [], [], [], [], [], []];
  for (const period of calendar.hours) {
    const start = parseClock(period.start, false);
    const end = parseClock(period.end, true);
    const list = perDay[period.day];
    if (!list) throw new Error(`Invalid calendar weekday ${String(period.day)}`);
    if (end <= start) throw new Error(`Calendar period ${period.start}-${period.end} is empty`);
    list.push([start, end]);
  }
  const weekly = perDay.map((list) => {
    list.sort((a, b) => a[0] - b[0]);
    const flat: number[] = [];
    for (const [s, e] of list) {
      const last = flat.length - 1;
      if (last > 0 && s <= (flat[last] ?? -1)) flat[last] = Math.max(flat[last] ?? 0, e);
      else flat.push(s, e);
    }
    return flat;
  });
  const holidays = new Set(calendar.holidays);
  return {
    zone,
    weekly,
    holidays,
    alwaysOpen: holidays.size === 0 && weekly.every((w) => w.length === 2 && w[0] === 0 && w[1] === 1440),
    neverOpen: weekly.every((w) => w.length === 0),
    days: new Map(),
    midnights: new Map(),
    guessOffsetMs: null,
  };
}

/**
 * The first instant at which the calendar's wall clock shows `localMs` (a wall-clock time encoded
 * as if it were UTC) or a later time. An ambiguous time (fall back) maps to its first occurrence, a
 * skipped time (spring forward) to the instant the clock jumps past it. The rule is monotone, so
 * splitting a period in two never changes the open time. luxon's DateTime.fromObject is not used
 * here because it resolves ambiguous times with a guess taken from the current time.
 */
function firstInstantShowing(zone: IANAZone, localMs: number): number {
  const offsets = [zone.offset(localMs - DAY_MS), zone.offset(localMs), zone.offset(localMs + DAY_MS)];
  let best = Infinity;
  let lo = Infinity;
  let hi = -Infinity;
  for (const offset of offsets) {
    const candidate = localMs - offset * MINUTE_MS;
    if (zone.offset(candidate) === offset && candidate < best) best = candidate;
    lo = Math.min(lo, candidate);
    hi = Math.max(hi, candidate);
  }
  if (best !== Infinity) return best;
  const before = zone.offset(lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offset(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

function midnight(c: Compiled, n: number): number {
  let ms = c.midnights.get(n);
  if (ms === undefined) {
    ms = firstInstantShowing(c.zone, n * DAY_MS);
    c.midnights.set(n, ms);
  }
  return ms;
}

function getDay(c: Compiled, n: number): Day {
  const cached = c.days.get(n);
  if (cached) return cached;
  const startMs = midnight(c, n);
  const endMs = midnight(c, n + 1);
  const date = new Date(n * DAY_MS).toISOString().slice(0, 10);
  const holiday = c.holidays.has(date);
  const periods = holiday ? [] : (c.weekly[(((n + 4) % 7) + 7) % 7] ?? []);
  const open: number[] = [];
  let openMs = 0;
  if (periods.length > 0) {
    const offsetMs = c.zone.offset(startMs) * MINUTE_MS;
    // One offset at both ends means no transition inside the date, so wall time maps linearly.
    const steady = c.zone.offset(endMs - 1) * MINUTE_MS === offsetMs;
    const at = (minute: number): number => {
      if (minute === 1440) return endMs;
      const local = n * DAY_MS + minute * MINUTE_MS;
      return steady ? local - offsetMs : firstInstantShowing(c.zone, local);
    };
    for (let i = 0; i < periods.length; i += 2) {
      const s = Math.max(at(periods[i] ?? 0), startMs);
      const e = Math.min(at(periods[i + 1] ?? 0), endMs);
      if (e <= s) continue;
      const last = open.length - 1;
      if (last > 0 && s <= (open[last] ?? -Infinity)) {
        openMs += e - (open[last] ?? e);
        open[last] = e;
      } else {
        open.push(s, e);
        openMs += e - s;
      }
    }
  }
  const day: Day = { n, date, startMs, endMs, open, openMs, holiday };
  c.days.set(n, day);
  return day;
}

function dayOf(c: Compiled, t: number): Day {
  if (c.guessOffsetMs === null) c.guessOffsetMs = c.zone.offset(t) * MINUTE_MS;
  let day = getDay(c, Math.floor((t + c.guessOffsetMs) / DAY_MS));
  while (t < day.startMs) day = getDay(c, day.n - 1);
  while (t >= day.endMs) day = getDay(c, day.n + 1);
  return day;
}

function instant(value: Date, name: string): number {
  const ms = value.getTime();
  if (!Number.isFinite(ms)) throw new Error(`${name} is not a valid date`);
  return ms;
}

function addOpenMs(c: Compiled, startMs: number, amountMs: number): number {
  if (amountMs === 0) return startMs;
  if (c.alwaysOpen) return startMs + amountMs;
  if (c.neverOpen) throw new Error("The calendar has no opening hours");
  let remaining = amountMs;
  let day = dayOf(c, startMs);
  let from = startMs;
  let closedRun = 0;
  for (;;) {
    if (day.openMs === 0) {
      closedRun += 1;
      if (closedRun > MAX_CLOSED_DAYS) throw new Error(`The calendar is closed for more than ${MAX_CLOSED_DAYS} days`);
    } else {
      closedRun = 0;
      const open = day.open;
      if (from <= (open[0] ?? 0) && day.openMs < remaining) {
        remaining -= day.openMs;
      } else {
        for (let i = 0; i < open.length; i += 2) {
          const end = open[i + 1] ?? 0;
          if (end <= from) continue;
          const start = Math.max(open[i] ?? 0, from);
          // ">=" makes a target that runs out exactly at closing due at closing, not at next opening.
          if (end - start >= remaining) return start + remaining;
          remaining -= end - start;
        }
      }
    }
    day = getDay(c, day.n + 1);
    from = day.startMs;
  }
}

function openMsBetween(c: Compiled, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  if (c.alwaysOpen) return toMs - fromMs;
  let total = 0;
  for (let day = dayOf(c, fromMs); day.startMs < toMs; day = getDay(c, day.n + 1)) {
    if (day.openMs === 0) continue;
    if (fromMs <= day.startMs && toMs >= day.endMs) {
      total += day.openMs;
      continue;
    }
    const open = day.open;
    for (let i = 0; i < open.length; i += 2) {
      const start = Math.max(open[i] ?? 0, fromMs);
      const end = Math.min(open[i + 1] ?? 0, toMs);
      if (end > start) total += end - start;
    }
  }
  return total;
}

/**
 * The instant an SLA target falls due: the earliest instant at which `minutes` of the calendar's
 * open time have elapsed since `start`.
 *
 * Invariants: `addBusinessMinutes(s, 0, c)` is `s`; a target that runs out exactly at closing time
 * is due at closing time; the result is ms-exact (minutes are rounded to whole ms), so
 * `businessMinutesBetween(s, addBusinessMinutes(s, m, c), c) === m` for whole minutes `m`.
 * Throws for negative or non-finite minutes, and for a calendar with no open time at all (rather
 * than searching forever).
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  const startMs = instant(start, "start");
  if (!Number.isFinite(minutes) || minutes < 0) throw new Error(`Invalid business minutes: ${minutes}`);
  return new Date(addOpenMs(compile(calendar), startMs, Math.round(minutes * MINUTE_MS)));
}

/**
 * Open minutes of the calendar in [from, to): the SLA time used between two instants.
 *
 * Invariants: 0 when `to <= from`; additive over adjacent ranges; fractional only when the
 * instants are not on minute boundaries (counted in whole ms).
 */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const fromMs = instant(from, "from");
  const toMs = instant(to, "to");
  return openMsBetween(compile(calendar), fromMs, toMs) / MINUTE_MS;
}

/**
 * The calendar's open intervals clipped to [from, to), one or more per local date, in time order,
 * for the "why is it due then?" view. Their lengths sum to `businessMinutesBetween(from, to)`.
 * An always-open calendar still yields one interval per local date of its zone.
 */
export function openIntervals(from: Date, to: Date, calendar: BusinessCalendar): { start: Date; end: Date }[] {
  const fromMs = instant(from, "from");
  const toMs = instant(to, "to");
  const result: { start: Date; end: Date }[] = [];
  if (toMs <= fromMs) return result;
  const c = compile(calendar);
  for (let day = dayOf(c, fromMs); day.startMs < toMs; day = getDay(c, day.n + 1)) {
    const open = day.open;
    for (let i = 0; i < open.length; i += 2) {
      const start = Math.max(open[i] ?? 0, fromMs);
      const end = Math.min(open[i + 1] ?? 0, toMs);
      if (end > start) result.push({ start: new Date(start), end: new Date(end) });
    }
  }
  return result;
}

/**
 * Local dates touching [from, to) on which the calendar has no open time, so a reader can see why
 * the clock skipped them: "holiday" when the date is listed as a holiday and would otherwise have
 * opening hours, "closed" otherwise (weekly closing day, or a day whose only hours fall in a
 * daylight-saving gap).
 */
export function closedDaysBetween(
  from: Date,
  to: Date,
  calendar: BusinessCalendar,
): { date: string; reason: "holiday" | "closed" }[] {
  const fromMs = instant(from, "from");
  const toMs = instant(to, "to");
  const result: { date: string; reason: "holiday" | "closed" }[] = [];
  if (toMs <= fromMs) return result;
  const c = compile(calendar);
  if (c.alwaysOpen) return result;
  for (let day = dayOf(c, fromMs); day.startMs < toMs; day = getDay(c, day.n + 1)) {
    if (day.openMs > 0) continue;
    const weekdayHasHours = (c.weekly[(((day.n + 4) % 7) + 7) % 7] ?? []).length > 0;
    result.push({ date: day.date, reason: day.holiday && weekdayHasHours ? "holiday" : "closed" });
  }
  return result;
}
