/**
 * The SDK support lifecycle's rules (pure; `semver` parses versions): which release line a reported
 * version belongs to, whether that line is supported on a day, and what a line must be to be saved.
 * A line (`4.5`) covers every version of it (4.5.0, 4.5.3-beta.1...).
 */
import semver from "semver";

export type LifecycleLine = {
  platform: string;
  line: string;
  releasedOn: string;
  fullSupportUntil: string;
  securityUntil: string;
  guideSlug: string | null;
};

/** Fully supported, security fixes only, past its window, or not a line we list (or no version given). */
export type SupportState = "supported" | "security_only" | "unsupported" | "unknown";

export type RuleRefusal = { message: string; messageKey: string; values?: Record<string, string | number> };

/** `4.5` for `4.5.3`, `v4.5`, `4.5.3-beta.1`; null when the text is not a version. */
export function lineOf(version: string | null | undefined): string | null {
  if (!version) return null;
  const v = semver.coerce(version.trim(), { includePrerelease: true });
  return v ? `${v.major}.${v.minor}` : null;
}

/** A line's state on `today` (`YYYY-MM-DD`): the last day of each window still counts. */
export function lineState(
  line: Pick<LifecycleLine, "fullSupportUntil" | "securityUntil">,
  today: string,
): SupportState {
  if (today <= line.fullSupportUntil) return "supported";
  if (today <= line.securityUntil) return "security_only";
  return "unsupported";
}

/** The state of a reported platform and version, with the line it falls in. */
export function supportOf(
  lines: readonly LifecycleLine[],
  platform: string | null | undefined,
  version: string | null | undefined,
  today: string,
): { state: SupportState; line: LifecycleLine | null } {
  const l = lineOf(version);
  const row = platform && l ? (lines.find((r) => r.platform === platform && r.line === l) ?? null) : null;
  return { state: row ? lineState(row, today) : "unknown", line: row };
}

/** The UTC calendar day of an instant, as the lifecycle's dates are written. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) =>
  DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && dayOf(new Date(`${s}T00:00:00Z`)) === s;

/** What is wrong with a line to be saved, or null. */
export function lineProblem(l: Omit<LifecycleLine, "platform">): RuleRefusal | null {
  if (!/^\d{1,4}\.\d{1,4}$/.test(l.line))
    return { message: "Write the release line as major.minor, for example 4.5.", messageKey: "lifecycle.errors.line" };
  for (const d of [l.releasedOn, l.fullSupportUntil, l.securityUntil])
    if (!validDate(d))
      return { message: "Enter each date as a day of the calendar.", messageKey: "lifecycle.errors.date" };
  if (!(l.releasedOn <= l.fullSupportUntil && l.fullSupportUntil <= l.securityUntil))
    return {
      message: "The dates must follow each other: release, then end of full support, then end of security fixes.",
      messageKey: "lifecycle.errors.order",
    };
  return null;
}

/** Orders lines newest first within each platform (4.10 after 4.9). */
export function compareLines(a: string, b: string): number {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return bm! - am! || bn! - an!;
}
