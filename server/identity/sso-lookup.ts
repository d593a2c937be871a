import { eq, sql } from "drizzle-orm";
import { identityProviders, organizations } from "@/db/schema";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { emailDomain, issuerProblem, type StaffProvider } from "./sso";

/**
 * Which identity provider an address belongs to, read by the sign-in form, password sign-in and
 * the single sign-on routes. Database only (no network), so password sign-in can ask it cheaply.
 */

/** The provider that signs in an email address: the one whose domains include the address's domain. */
export function providerForEmail(db: Db, email: string) {
  const domain = emailDomain(email);
  if (!domain) return null;
  return (
    db
      .select({ provider: identityProviders, ssoRequired: organizations.ssoRequired })
      .from(identityProviders)
      .innerJoin(organizations, eq(organizations.id, identityProviders.organizationId))
      .where(sql`exists (select 1 from json_each(${identityProviders.emailDomains}) where value = ${domain})`)
      .get() ?? null
  );
}

/**
 * What the sign-in form may know about an email before a password: whether its domain signs in
 * through single sign-on and whether passwords are refused there. Says nothing about accounts.
 */
export function ssoForEmail(
  db: Db,
  email: string,
  staff: StaffProvider | null = staffProviderFromEnv(),
): { sso: boolean; required: boolean } {
  const found = providerForEmail(db, email);
  if (found) return { sso: true, required: found.ssoRequired };
  return { sso: isStaffSsoEmail(staff, email), required: false };
}

/** The staff identity provider the installation configured (all of STAFF_OIDC_*), or null. */
export function staffProviderFromEnv(): StaffProvider | null {
  const { STAFF_OIDC_ISSUER, STAFF_OIDC_CLIENT_ID, STAFF_OIDC_CLIENT_SECRET, STAFF_OIDC_DOMAINS } = env;
  if (!STAFF_OIDC_ISSUER || !STAFF_OIDC_CLIENT_ID || !STAFF_OIDC_CLIENT_SECRET || !STAFF_OIDC_DOMAINS) return null;
  // The same rule as an organization's issuer: https, plain http only on this machine.
  if (issuerProblem(STAFF_OIDC_ISSUER)) return null;
  return {
    issuer: STAFF_OIDC_ISSUER,
    clientId: STAFF_OIDC_CLIENT_ID,
    clientSecret: STAFF_OIDC_CLIENT_SECRET,
    emailDomains: STAFF_OIDC_DOMAINS.split(",")
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean),
  };
}

/** Whether an address signs in through the staff provider (its domain is one of the staff domains). */
export function isStaffSsoEmail(staff: StaffProvider | null, email: string): boolean {
  const domain = emailDomain(email);
  return staff !== null && domain !== null && staff.emailDomains.includes(domain);
}

/** Whether password sign-in is refused for a user's organization (it requires single sign-on). */
export function organizationRequiresSso(db: Db, organizationId: number | null): boolean {
  if (organizationId === null) return false;
  const row = db
    .select({ required: organizations.ssoRequired })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .get();
  return row?.required ?? false;
}
