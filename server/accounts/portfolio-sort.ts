/**
 * The portfolio grid's columns and their order (issue #22): which columns sort, the direction each
 * starts in when its header is chosen, and the one comparator the server sorts with. Pure.
 */

export const PORTFOLIO_SORTS = [
  "name",
  "tier",
  "health",
  "open",
  "breaches",
  "followUp",
  "engagement",
  "renewal",
] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];
export type SortDir = "asc" | "desc";

/**
 * The direction a column starts in: what needs attention first. Health worst first, renewal and
 * the next follow-up soonest first, the most open tickets, breaches and days since an engagement
 * first, the highest tier first, names A-Z.
 */
export const DEFAULT_DIR: Record<PortfolioSort, SortDir> = {
  name: "asc",
  tier: "desc",
  health: "asc",
  open: "desc",
  breaches: "desc",
  followUp: "asc",
  engagement: "desc",
  renewal: "asc",
};

/** What a row is sorted by. Null (no follow-up, never engaged) always comes last, either way. */
export type SortableRow = {
  name: string;
  tierRank: number;
  score: number;
  openTickets: number;
  breachesThisQuarter: number;
  nextFollowUpOn: string | null;
  daysSinceEngagement: number | null;
  daysToRenewal: number;
};

const KEY: Record<Exclude<PortfolioSort, "name">, (r: SortableRow) => number | string | null> = {
  tier: (r) => r.tierRank,
  health: (r) => r.score,
  open: (r) => r.openTickets,
  breaches: (r) => r.breachesThisQuarter,
  followUp: (r) => r.nextFollowUpOn,
  // Never engaged is the longest silence: first when the longest come first.
  engagement: (r) => r.daysSinceEngagement ?? Number.MAX_SAFE_INTEGER,
  renewal: (r) => r.daysToRenewal,
};

const byName = (a: SortableRow, b: SortableRow) => a.name.localeCompare(b.name, "en");

/**
 * A comparator for the column and direction: ties, and rows whose value is missing (after every
 * row that has one), in name order, so a page boundary never moves between requests.
 */
export function portfolioComparator(sort: PortfolioSort, dir: SortDir): (a: SortableRow, b: SortableRow) => number {
  const sign = dir === "asc" ? 1 : -1;
  if (sort === "name") return (a, b) => sign * byName(a, b);
  const key = KEY[sort];
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return (x < y ? -sign : x > y ? sign : 0) || byName(a, b);
  };
}
