import { eq, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { SessionUser } from "@/server/auth/session";
import { DomainError } from "@/server/errors";

/**
 * The one tenancy rule: a customer reads only rows of their own organization; staff read all.
 * Returns the condition to AND into a query on a table's organization column (undefined = no limit).
 */
export function orgScope(user: SessionUser, organizationColumn: SQLiteColumn): SQL | undefined {
  if (user.role !== "customer") return undefined;
  if (user.organizationId === null) throw new DomainError("FORBIDDEN", "Your account has no organization.");
  return eq(organizationColumn, user.organizationId);
}

/** True when the user may see data of the given organization. */
export function canSeeOrganization(user: SessionUser, organizationId: number): boolean {
  return user.role !== "customer" || user.organizationId === organizationId;
}
