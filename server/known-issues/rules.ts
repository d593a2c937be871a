/**
 * Known issues' rules (pure; `semver` reads ranges and versions): what an affected-versions range
 * and a fix version must be, which status needs a fix version, and who may see an issue.
 */
import semver from "semver";
import type { KnownIssueStatus } from "@/db/schema/enums";

export type RuleRefusal = { message: string; messageKey: string; values?: Record<string, string | number> };

/** What is wrong with an affected-versions range (`>=4.2.0 <4.5.1`, `4.4.x`), or null. */
export function rangeProblem(range: string): RuleRefusal | null {
  return semver.validRange(range.trim())
    ? null
    : {
        message: "Write the affected versions as a version range, for example >=4.2.0 <4.5.1 or 4.4.x.",
        messageKey: "knownIssues.errors.range",
      };
}

/** A status that names a version (fix scheduled for, fixed in) needs one, and it must be a version. */
export function fixVersionProblem(status: KnownIssueStatus, fixVersion: string | null): RuleRefusal | null {
  const needs = status === "fix_scheduled" || status === "fixed";
  if (needs && !fixVersion)
    return { message: "Name the version that fixes it.", messageKey: "knownIssues.errors.fixVersionRequired" };
  if (fixVersion && !semver.valid(fixVersion.trim()))
    return {
      message: "Write the fix version as a version, for example 4.5.1.",
      messageKey: "knownIssues.errors.fixVersion",
    };
  return null;
}

/** Whether a reported SDK version falls in an issue's affected range (unparseable: not known to). */
export function affects(range: string, version: string | null): boolean {
  const v = version ? semver.coerce(version) : null;
  return v !== null && semver.satisfies(v, range);
}

/** Who sees an issue: everyone when public; else staff, and customers of the organizations it is limited to. */
export function canSeeIssue(
  issue: { public: boolean; organizationIds: readonly number[] },
  user: { role: string; organizationId: number | null } | null,
): boolean {
  if (issue.public) return true;
  if (!user) return false;
  if (user.role !== "customer") return true;
  return user.organizationId !== null && issue.organizationIds.includes(user.organizationId);
}
