/**
 * Security advisories' rules (pure; `semver` reads ranges and versions): what an advisory must be to
 * be saved, its fix deadline by severity, and which reported or declared SDK versions it affects.
 */
import semver from "semver";
import type { AdvisoryAffected } from "@/db/schema/advisories";
import type { AdvisorySeverity } from "@/db/schema/enums";
import { scoreCvss } from "./cvss";

export type RuleRefusal = { message: string; messageKey: string; values?: Record<string, string | number> };

/** Days from publication to the fix deadline, by severity (the most serious within a week). */
export const FIX_DAYS: Record<AdvisorySeverity, number> = { critical: 7, high: 30, medium: 90, low: 180 };

const DAY = 86_400_000;

/** When the fix is due for an advisory of this severity published at `publishedAt`. */
export function fixDueAt(severity: AdvisorySeverity, publishedAt: Date): Date {
  return new Date(publishedAt.getTime() + FIX_DAYS[severity] * DAY);
}

/** What is wrong with an advisory's ranges, fixed versions and vector, or null. */
export function advisoryProblem(a: { affected: readonly AdvisoryAffected[]; cvssVector: string }): RuleRefusal | null {
  if (a.affected.length === 0)
    return {
      message: "Name at least one affected platform and version range.",
      messageKey: "advisories.errors.noRange",
    };
  for (const r of a.affected) {
    if (!semver.validRange(r.range.trim()))
      return {
        message: `"${r.range}" is not a version range; write for example >=4.2.0 <4.5.0 or 4.2.0 - 4.4.x.`,
        messageKey: "advisories.errors.range",
        values: { range: r.range },
      };
    if (r.fixedVersion && !semver.valid(r.fixedVersion.trim()))
      return {
        message: `"${r.fixedVersion}" is not a version; write for example 4.5.1.`,
        messageKey: "advisories.errors.fixedVersion",
        values: { version: r.fixedVersion },
      };
  }
  const cvss = scoreCvss(a.cvssVector);
  if (!cvss)
    return {
      message: "Enter a complete CVSS v3.1 vector, for example CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H.",
      messageKey: "advisories.errors.cvss",
    };
  if (!cvss.severity)
    return {
      message: "This vector scores 0.0 (no impact); an advisory needs a vulnerability.",
      messageKey: "advisories.errors.noImpact",
    };
  return null;
}

/** Whether an SDK on a platform at a version (`4.3.2`, `v4.3`) falls in one of the affected ranges. */
export function isAffected(
  affected: readonly AdvisoryAffected[],
  platform: string | null | undefined,
  version: string | null | undefined,
): boolean {
  if (!platform || !version) return false;
  const v = semver.coerce(version.trim());
  if (!v) return false;
  return affected.some((r) => r.platform === platform && semver.satisfies(v, r.range.trim()));
}

/** The organizations any of whose SDKs (from tickets or declared) an advisory affects. */
export function affectedOrganizations(
  affected: readonly AdvisoryAffected[],
  sdks: readonly { organizationId: number; platform: string | null; version: string | null }[],
): number[] {
  const ids = new Set<number>();
  for (const s of sdks) if (isAffected(affected, s.platform, s.version)) ids.add(s.organizationId);
  return [...ids].sort((a, b) => a - b);
}
