/**
 * Quarters as the reviews name them ("2026-Q3"). Pure. Periods are UTC, the same bounds the SLA
 * dashboards and the monthly availability use, so a review's figures equal theirs.
 */

const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

export type QuarterBounds = { from: Date; to: Date };

/** True for a well-formed quarter key. */
export function isQuarterKey(q: string): boolean {
  return QUARTER_RE.test(q);
}

/** The UTC bounds [from, to) of a quarter. Throws on a malformed key so it never becomes an empty period. */
export function quarterBounds(q: string): QuarterBounds {
  const m = QUARTER_RE.exec(q);
  if (!m) throw new RangeError(`Not a quarter (YYYY-Qn): ${q}`);
  const year = Number(m[1]);
  const first = (Number(m[2]) - 1) * 3;
  return { from: new Date(Date.UTC(year, first, 1)), to: new Date(Date.UTC(year, first + 3, 1)) };
}

/** The quarter containing an instant (UTC). */
export function quarterOf(at: Date): string {
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

/** The quarter before. */
export function previousQuarter(q: string): string {
  const { from } = quarterBounds(q);
  return quarterOf(new Date(from.getTime() - 1));
}

/** The three "YYYY-MM" month keys of a quarter, oldest first. */
export function monthsOfQuarter(q: string): string[] {
  const { from } = quarterBounds(q);
  return [0, 1, 2].map((i) =>
    new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + i, 1)).toISOString().slice(0, 7),
  );
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
