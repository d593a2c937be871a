/**
 * Months, quarters and ranges: the one module every period in the product comes from (dashboards,
 * rollups, reviews, availability, reports). A month is "YYYY-MM", a quarter "YYYY-Qn"; both are whole
 * UTC periods [from, to), so a review's figures equal the dashboards' and the monthly availability's
 * for the same quarter whatever the viewer's zone. Years outside 2000-2099 are not periods the
 * product holds data for, and are refused like malformed keys. Pure.
 */

export type Period = { from: Date; to: Date };

/** The years a period key may name. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

const inYears = (year: string | undefined) => Number(year) >= FIRST_YEAR && Number(year) <= LAST_YEAR;

/** True for a well-formed "YYYY-MM" of a supported year. */
export const isMonth = (m: string): boolean => inYears(MONTH_RE.exec(m)?.[1]);

/** True for a well-formed "YYYY-Qn" of a supported year. */
export const isQuarter = (q: string): boolean => inYears(QUARTER_RE.exec(q)?.[1]);

/** "YYYY-MM" of the UTC month containing an instant (a Date or epoch milliseconds). */
export function monthOf(at: Date | number): string {
  const d = typeof at === "number" ? new Date(at) : at;
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** "YYYY-Qn" of the UTC quarter containing an instant. */
export function quarterOf(at: Date): string {
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

/** UTC start of a "YYYY-MM" month, plus `add` months. */
export function monthStart(month: string, add = 0): Date {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + add, 1));
}

/** True when an instant is the first instant of a UTC month. */
export function isMonthStart(at: Date): boolean {
  return monthStart(monthOf(at)).getTime() === at.getTime();
}

/** The months [from, to) covers, oldest first; from and to must be month starts. */
export function monthsBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  for (let m = monthOf(from); monthStart(m) < to; m = monthOf(monthStart(m, 1))) out.push(m);
  return out;
}

/** UTC bounds of a month; throws on a key that is not one, so it never becomes an empty period. */
export function monthPeriod(month: string): Period {
  if (!isMonth(month)) throw new RangeError(`Not a month (YYYY-MM, ${FIRST_YEAR}-${LAST_YEAR}): ${month}`);
  return { from: monthStart(month), to: monthStart(month, 1) };
}

/** UTC bounds of a quarter; throws on a key that is not one, so it never becomes an empty period. */
export function quarterPeriod(q: string): Period {
  if (!isQuarter(q)) throw new RangeError(`Not a quarter (YYYY-Qn, ${FIRST_YEAR}-${LAST_YEAR}): ${q}`);
  const [, year, n] = QUARTER_RE.exec(q)!;
  const first = `${year}-${String((Number(n) - 1) * 3 + 1).padStart(2, "0")}`;
  return { from: monthStart(first), to: monthStart(first, 3) };
}

/**
 * A quarter as people write it in a language: "2026-Q3" in English, "2026年第3季度" in Chinese (a
 * Chinese page or mail never shows the key). Anything that is not a quarter is returned as given.
 */
export function quarterLabel(q: string, locale: string): string {
  const m = QUARTER_RE.exec(q);
  return m && locale === "zh" ? `${m[1]}年第${m[2]}季度` : q;
}

/** The three months of a quarter, oldest first. */
export function monthsOfQuarter(q: string): string[] {
  const { from, to } = quarterPeriod(q);
  return monthsBetween(from, to);
}

/** The quarter before. */
export function previousQuarter(q: string): string {
  return quarterOf(new Date(quarterPeriod(q).from.getTime() - 1));
}

/** The period of the same number of months just before, for "this period against the last". */
export function previousPeriod(p: Period): Period {
  const months = monthsBetween(p.from, p.to).length;
  return { from: monthStart(monthOf(p.from), -months), to: p.from };
}

/** The last `count` quarters that have ended by `now`, newest first: the ones a review can cover. */
export function completedQuarters(now: Date, count: number): string[] {
  const out: string[] = [];
  let q = previousQuarter(quarterOf(now));
  for (let i = 0; i < count; i++) {
    out.push(q);
    q = previousQuarter(q);
  }
  return out;
}

/** The `count` months ending with the month containing `now`, oldest first. */
export function lastMonths(now: Date, count: number): string[] {
  const current = monthOf(now);
  return Array.from({ length: count }, (_, i) => monthOf(monthStart(current, i - count + 1)));
}

export type PeriodSelection =
  | { kind: "month"; month: string }
  | { kind: "quarter"; quarter: string }
  | { kind: "custom"; fromMonth: string; toMonth: string };

/** The bounds of a period selection; custom runs from the start of fromMonth to the end of toMonth. */
export function resolvePeriod(s: PeriodSelection): Period {
  if (s.kind === "month") return monthPeriod(s.month);
  if (s.kind === "quarter") return quarterPeriod(s.quarter);
  const from = monthPeriod(s.fromMonth).from;
  const to = monthPeriod(s.toMonth).to;
  if (to <= from) throw new RangeError("The period ends before it starts.");
  return { from, to };
}

/** Months from one "YYYY-MM" to another (0 for the same month; negative when `to` is earlier). */
export function monthsApart(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}
