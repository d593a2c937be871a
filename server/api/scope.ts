import { eq, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { SessionUser } from "@/server/auth/session";
import { noOrganization, notFound } from "@/server/errors";

/**
 * The one tenancy rule: a customer reads only rows of their own organization; staff read all.
 * Returns the condition to AND into a query on a table's organization column (undefined = no limit).
 */
export function orgScope(user: SessionUser, organizationColumn: SQLiteColumn): SQL | undefined {
  const own = readableOrganization(user);
  return own === undefined ? undefined : eq(organizationColumn, own);
}

/**
 * The organization a read is limited to: a customer's own, from the session (asking for another
 * one answers that it does not exist); for staff, the one they asked for (undefined: all of them).
 * @throws DomainError FORBIDDEN for a customer account without an organization, NOT_FOUND for a foreign one.
 */
export function readableOrganization(user: SessionUser, requested?: number): number | undefined {
  if (user.role !== "customer") return requested;
  if (user.organizationId === null) throw noOrganization();
  if (requested !== undefined && requested !== user.organizationId) throw notFound("Organization");
  return user.organizationId;
}

/** True when the user may see data of the given organization. */
export function canSeeOrganization(user: SessionUser, organizationId: number): boolean {
  return user.role !== "customer" || user.organizationId === organizationId;
}

/** Throws "does not exist" when a customer reaches a row of another organization. */
export function assertSeesOrganization(user: SessionUser, organizationId: number, what: string): void {
  if (!canSeeOrganization(user, organizationId)) throw notFound(what);
}
