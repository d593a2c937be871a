/**
 * The SDK versions a customer organization declares it ships (issue #20): beside the versions its
 * tickets report, publishing an advisory tells the organizations whose declared versions fall in the
 * affected range. The customer administrator keeps the list (or the account manager or an
 * administrator for them); everyone of the organization and the staff read it, with each version's
 * support state from the SDK lifecycle.
 */
import { and, eq, sql } from "drizzle-orm";
import semver from "semver";
import { organizations, organizationSdks } from "@/db/schema";
import type { SdkPlatform } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError, notFound } from "@/server/errors";
import { readableOrganization } from "@/server/api/scope";
import { dayOf, supportOf } from "@/server/lifecycle/rules";
import { listLifecycle } from "@/server/lifecycle/service";

/** Declarations an organization may keep (a platform and version each). */
export const MAX_DECLARATIONS = 50;

/**
 * The organization a change is for: a customer administrator's own (another one "does not exist"),
 * any existing one for the account staff who keep it on the customer's behalf.
 */
function writableOrganization(db: Pick<Db, "select">, user: SessionUser, requested: number): number {
  const organizationId = readableOrganization(user, requested)!;
  const org = db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).get();
  if (!org) throw notFound("Organization");
  return organizationId;
}

/**
 * An organization's declared versions, by platform and version, each with its support state today.
 * @throws DomainError NOT_FOUND when a customer asks for another organization.
 */
export function listDeclarations(db: Db, user: SessionUser, requested: number, now: Date) {
  const organizationId = readableOrganization(user, requested)!;
  const lines = listLifecycle(db);
  return db
    .select()
    .from(organizationSdks)
    .where(eq(organizationSdks.organizationId, organizationId))
    .all()
    .sort((a, b) => a.platform.localeCompare(b.platform) || semver.compare(b.version, a.version))
    .map((d) => ({
      platform: d.platform,
      version: d.version,
      declaredAt: d.declaredAt,
      support: supportOf(lines, d.platform, d.version, dayOf(now)).state,
    }));
}

/** Adds a version (a full semantic version, `4.4.2`); declaring one again changes nothing. */
export function declareSdk(
  db: Db,
  user: SessionUser,
  input: { organizationId: number; platform: SdkPlatform; version: string },
  now: Date,
): { ok: true } {
  const organizationId = writableOrganization(db, user, input.organizationId);
  const version = semver.valid(input.version.trim().replace(/^v/i, ""));
  if (!version)
    throw new DomainError(
      "INVALID",
      "Give the version as major.minor.patch, for example 4.4.2.",
      "advisories.errors.declaredVersion",
    );
  db.transaction((tx) => {
    const added = tx
      .insert(organizationSdks)
      .values({ organizationId, platform: input.platform, version, declaredAt: now })
      .onConflictDoNothing()
      .run();
    const n = tx
      .select({ n: sql<number>`count(*)` })
      .from(organizationSdks)
      .where(eq(organizationSdks.organizationId, organizationId))
      .get()!.n;
    // counted after the insert, so a version already declared is no change even at the bound
    if (n > MAX_DECLARATIONS)
      throw new DomainError(
        "INVALID",
        `An organization declares at most ${MAX_DECLARATIONS} versions; remove one first.`,
        "advisories.errors.tooManyDeclared",
        { max: MAX_DECLARATIONS },
      );
    if (added.changes > 0)
      recordAudit(tx, {
        actorId: user.id,
        action: "organization.sdkDeclared",
        entity: "organization",
        entityId: String(organizationId),
        detail: { platform: input.platform, version },
        at: now,
      });
  });
  return { ok: true };
}

/** Removes a declared version (one not declared changes nothing). */
export function removeSdk(
  db: Db,
  user: SessionUser,
  input: { organizationId: number; platform: SdkPlatform; version: string },
  now: Date,
): { ok: true } {
  const organizationId = writableOrganization(db, user, input.organizationId);
  db.transaction((tx) => {
    const removed = tx
      .delete(organizationSdks)
      .where(
        and(
          eq(organizationSdks.organizationId, organizationId),
          eq(organizationSdks.platform, input.platform),
          eq(organizationSdks.version, input.version),
        ),
      )
      .run();
    if (removed.changes > 0)
      recordAudit(tx, {
        actorId: user.id,
        action: "organization.sdkRemoved",
        entity: "organization",
        entityId: String(organizationId),
        detail: { platform: input.platform, version: input.version },
        at: now,
      });
  });
  return { ok: true };
}
