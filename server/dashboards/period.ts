/**
 * Dashboard periods: whole UTC months, the same bounds the quarterly reviews and the monthly
 * availability use. Pure.
 */

export type Period = { from: Date; to: Date };

/** "YYYY-MM" of an instant in UTC. */
export function monthKey(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** UTC start of a "YYYY-MM" month, plus `add` months. */
export function monthStart(month: string, add = 0): Date {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + add, 1));
}

/** True when an instant is the first instant of a UTC month. */
export function isMonthStart(at: Date): boolean {
  return (
    at.getUTCDate() === 1 &&
    at.getUTCHours() === 0 &&
    at.getUTCMinutes() === 0 &&
    at.getUTCSeconds() === 0 &&
    at.getUTCMilliseconds() === 0
  );
}

/** The months [from, to) covers, oldest first; from and to must be month starts. */
export function monthsBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  for (let m = monthKey(from); monthStart(m) < to; m = monthKey(monthStart(m, 1))) out.push(m);
  return out;
}

/** "2026-Q3" of an instant (UTC). */
export function quarterKey(at: Date): string {
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

const QUARTER_RE = /^(\d{4})-Q([1-4])$/;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isQuarter = (q: string) => QUARTER_RE.test(q);
export const isMonth = (m: string) => MONTH_RE.test(m);

/** UTC bounds of a quarter key; throws on a malformed one so it never becomes an empty period. */
export function quarterPeriod(q: string): Period {
  const m = QUARTER_RE.exec(q);
  if (!m) throw new RangeError(`Not a quarter (YYYY-Qn): ${q}`);
  const from = new Date(Date.UTC(Number(m[1]), (Number(m[2]) - 1) * 3, 1));
  return { from, to: new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 3, 1)) };
}

/** UTC bounds of a month key. */
export function monthPeriod(month: string): Period {
  if (!MONTH_RE.test(month)) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  return { from: monthStart(month), to: monthStart(month, 1) };
}

/** The period of the same length just before, for "this period against the last". */
export function previousPeriod(p: Period): Period {
  const months = monthsBetween(p.from, p.to).length;
  return { from: monthStart(monthKey(p.from), -months), to: p.from };
}

export type PeriodSelection =
  | { kind: "month"; month: string }
  | { kind: "quarter"; quarter: string }
  | { kind: "custom"; fromMonth: string; toMonth: string };

/** The bounds of a dashboard period selection; custom runs from the start of fromMonth to the end of toMonth. */
export function resolvePeriod(s: PeriodSelection): Period {
  if (s.kind === "month") return monthPeriod(s.month);
  if (s.kind === "quarter") return quarterPeriod(s.quarter);
  const from = monthPeriod(s.fromMonth).from;
  const to = monthPeriod(s.toMonth).to;
  if (to <= from) throw new RangeError("The period ends before it starts.");
  return { from, to };
}
