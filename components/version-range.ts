import semver from "semver";
import { joinList } from "@/components/format";

type T = (key: string, values?: Record<string, string | number>) => string;

type Bound = { version: string; inclusive: boolean };

/** A version as people write it: semver's "<4.5.0-0" (below every 4.5.0 pre-release) reads as 4.5.0. */
function written(v: semver.SemVer): string {
  return v.prerelease.length === 1 && v.prerelease[0] === 0 ? `${v.major}.${v.minor}.${v.patch}` : v.version;
}

/** The phrase of one alternative of a range (its comparators all hold), or null for a shape we do not phrase. */
function alternative(t: T, comparators: readonly semver.Comparator[]): string | null {
  // "*" holds one comparator whose version is semver's ANY, not a SemVer.
  if (comparators.some((c) => !(c.semver instanceof semver.SemVer)))
    return comparators.length === 1 ? t("versionRange.any") : null;
  const exact = comparators.filter((c) => c.operator === "");
  if (exact.length > 0) return comparators.length === 1 ? written(exact[0]!.semver) : null;
  // Several lower (or upper) bounds all hold: the tightest one is the bound.
  let lower: (Bound & { v: semver.SemVer }) | null = null;
  let upper: (Bound & { v: semver.SemVer }) | null = null;
  for (const c of comparators) {
    const bound = { v: c.semver, version: written(c.semver), inclusive: c.operator.endsWith("=") };
    const cmp = (other: { v: semver.SemVer } | null) => (other ? semver.compare(c.semver, other.v) : 0);
    if (c.operator.startsWith(">")) {
      if (!lower || cmp(lower) > 0 || (cmp(lower) === 0 && !bound.inclusive)) lower = bound;
    } else if (!upper || cmp(upper) < 0 || (cmp(upper) === 0 && !bound.inclusive)) upper = bound;
  }
  if (lower && upper) {
    const key = `${lower.inclusive ? "from" : "after"}${upper.inclusive ? "Through" : "Before"}`;
    return t(`versionRange.${key}`, { from: lower.version, to: upper.version });
  }
  if (lower) return t(`versionRange.${lower.inclusive ? "atLeast" : "after"}`, { from: lower.version });
  if (upper) return t(`versionRange.${upper.inclusive ? "atMost" : "before"}`, { to: upper.version });
  return null;
}

/**
 * An affected-versions range as people write it, in the viewer's language: ">=4.4.0 <4.5.1" reads
 * "4.4.0 up to (not including) 4.5.1", ">=4.3.0" "4.3.0 and later", "<4.5.0" "versions before
 * 4.5.0", "4.4.1 || 4.4.3" "4.4.1, 4.4.3"; shorthand such as "4.4.x" or "^4.2.0" reads as the
 * bounds semver gives it. A range semver cannot read, or a shape without a phrase, is shown as
 * written (the forms refuse ranges semver cannot read, so that is only old data).
 */
export function versionRangeText(t: T, locale: string, range: string): string {
  let parsed: semver.Range;
  try {
    parsed = new semver.Range(range.trim());
  } catch {
    return range;
  }
  const phrases = parsed.set.map((comparators) => alternative(t, comparators));
  return phrases.every((p): p is string => p !== null) ? joinList(locale, phrases) : range;
}
