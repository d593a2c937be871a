import { eq, or, type SQL } from "drizzle-orm";
import { organizations } from "@/db/schema";
import { can } from "@/server/auth/permissions";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError, forbidden, notFound } from "@/server/errors";

type Reader = Pick<Db, "select">;

/** True when the user may read account health. */
export function canReadHealth(user: Pick<SessionUser, "role">): boolean {
  return can(user, "accounts.health");
}

/** True when the user is on the organization's account team (account manager or TAM). */
export function isOnAccountTeam(
  org: { accountManagerId: number | null; technicalAccountManagerId: number | null },
  userId: number,
): boolean {
  return org.accountManagerId === userId || org.technicalAccountManagerId === userId;
}

/**
 * The one rule for who edits an account (engagements, meeting answers, reviews): managers and
 * admins any organization, account managers only those they are on the team of. A customer asking
 * about another organization learns nothing: it "does not exist".
 * @throws DomainError NOT_FOUND for an unknown (or, for customers, foreign) organization, FORBIDDEN otherwise.
 */
export function assertCanManageOrganization(db: Reader, user: SessionUser, organizationId: number): void {
  if (user.role === "customer" && user.organizationId !== organizationId) throw notFound("Organization");
  const org = db
    .select({
      accountManagerId: organizations.accountManagerId,
      technicalAccountManagerId: organizations.technicalAccountManagerId,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .get();
  if (!org) throw notFound("Organization");
  if (user.role === "manager" || user.role === "admin") return;
  if (user.role === "account_manager" && isOnAccountTeam(org, user.id)) return;
  if (user.role === "account_manager")
    throw new DomainError(
      "FORBIDDEN",
      "This organization is not in your portfolio.",
      "accounts.errors.notYourPortfolio",
    );
  throw forbidden();
}

/** True when `assertCanManageOrganization` would let the user through. */
export function canManageOrganization(db: Reader, user: SessionUser, organizationId: number): boolean {
  try {
    assertCanManageOrganization(db, user, organizationId);
    return true;
  } catch {
    return false;
  }
}

/** Customers read only their own organization; staff read any. */
export function assertCanReadOrganization(user: SessionUser, organizationId: number): void {
  if (user.role === "customer" && user.organizationId !== organizationId) throw notFound("Organization");
}

/**
 * The organizations in a user's portfolio, as a condition on `organizations`: an account manager's
 * own (as account manager or TAM); every organization for managers and admins (no condition).
 */
export function portfolioScope(user: SessionUser): SQL | undefined {
  return user.role === "account_manager"
    ? or(eq(organizations.accountManagerId, user.id), eq(organizations.technicalAccountManagerId, user.id))
    : undefined;
}
