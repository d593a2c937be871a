import { eq, sql } from "drizzle-orm";
import { identityProviders, organizations } from "@/db/schema";
import type { Db } from "@/server/db";
import { emailDomain } from "./sso";

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
export function ssoForEmail(db: Db, email: string): { sso: boolean; required: boolean } {
  const found = providerForEmail(db, email);
  return { sso: found !== null, required: found?.ssoRequired ?? false };
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
