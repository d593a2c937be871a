/**
 * Single sign-on rules (decision 021): which email domains a provider may claim, which issuer
 * URLs are acceptable, and who may sign in through a provider. Pure: no database, no clock, no
 * network; safe to import from client components (the sign-in form reads the error codes).
 */

/** Why a single sign-on attempt ended on the sign-in page (`/signin?error=<code>`). */
export const SSO_ERROR_CODES = [
  "sso_unreachable",
  "sso_client",
  "sso_state",
  "sso_denied",
  "sso_no_provider",
  "sso_domain",
  "sso_email",
  "sso_deactivated",
  "sso_staff",
  "sso_no_account",
  "sso_not_staff",
  "sso_failed",
] as const;
export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];

export function isSsoErrorCode(value: unknown): value is SsoErrorCode {
  return typeof value === "string" && (SSO_ERROR_CODES as readonly string[]).includes(value);
}

/** An error of a single sign-on attempt, carrying the code the sign-in page translates. */
export class SsoError extends Error {
  constructor(
    readonly code: SsoErrorCode,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "SsoError";
  }
}

/** How long a call to an identity provider may take before the attempt is given up. */
export const SSO_TIMEOUT_S = 5;
/** How long the browser has to come back from the identity provider. */
export const SSO_PENDING_MAX_AGE_S = 600;

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** The lower-case domain of an email address, or null when it has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1 || at === email.length - 1) return null;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return DOMAIN.test(domain) ? domain : null;
}

type Refusal = { message: string; messageKey: string; values?: Record<string, string | number> };

/**
 * The email domains a provider claims, lower-cased, trimmed and without duplicates; a refusal
 * naming the first one that is not a domain name (`nimbus.example`, not `@nimbus.example` or a URL).
 */
export function normalizeDomains(raw: readonly string[]): { domains: string[] } | { refusal: Refusal } {
  const domains: string[] = [];
  for (const entry of raw) {
    const domain = entry.trim().toLowerCase().replace(/\.$/, "");
    if (domain === "") continue;
    if (!DOMAIN.test(domain)) {
      return {
        refusal: {
          message: `"${entry.trim().slice(0, 80)}" is not an email domain such as example.com.`,
          messageKey: "sso.errors.badDomain",
          values: { domain: entry.trim().slice(0, 80) },
        },
      };
    }
    if (!domains.includes(domain)) domains.push(domain);
  }
  if (domains.length === 0) {
    return { refusal: { message: "Name at least one email domain.", messageKey: "sso.errors.noDomain" } };
  }
  return { domains };
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Whether a provider's issuer URL is acceptable: https, or plain http only on this machine (a
 * provider for tests or development), with no credentials, query or fragment. Null when fine.
 */
export function issuerProblem(raw: string): Refusal | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return {
      message: "The issuer must be a URL such as https://login.example.com.",
      messageKey: "sso.errors.badIssuer",
    };
  }
  const insecure = url.protocol === "http:" && !LOOPBACK.has(url.hostname);
  if ((url.protocol !== "https:" && url.protocol !== "http:") || insecure) {
    return {
      message: "The issuer must use https (plain http only for 127.0.0.1 or localhost).",
      messageKey: "sso.errors.insecureIssuer",
    };
  }
  if (url.username || url.password || url.search || url.hash) {
    return {
      message: "The issuer must be a URL such as https://login.example.com.",
      messageKey: "sso.errors.badIssuer",
    };
  }
  return null;
}

/** Whether an issuer is served over plain http on this machine (openid-client must be told to allow it). */
export function isLoopbackHttp(issuer: string): boolean {
  try {
    const url = new URL(issuer);
    return url.protocol === "http:" && LOOPBACK.has(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Who may be signed in by a provider, from what the provider said and what we hold: the email
 * must be verified and in one of the provider's domains; an existing user must be a customer of
 * the provider's organization and active. Returns the refusal code, or null to proceed (a null
 * `user` means one is created just in time).
 */
export function ssoSignInRefusal(input: {
  email: string | null;
  emailVerified: boolean;
  providerDomains: readonly string[];
  providerOrganizationId: number;
  user: { role: string; organizationId: number | null; active: boolean } | null;
}): SsoErrorCode | null {
  const domain = input.email ? emailDomain(input.email) : null;
  if (!input.email || !domain || !input.emailVerified) return "sso_email";
  if (!input.providerDomains.includes(domain)) return "sso_domain";
  const user = input.user;
  if (!user) return null;
  if (user.role !== "customer") return "sso_staff";
  if (user.organizationId !== input.providerOrganizationId) return "sso_domain";
  if (!user.active) return "sso_deactivated";
  return null;
}

/** The staff identity provider, when the installation sets one (STAFF_OIDC_* in server/env.ts). */
export type StaffProvider = { issuer: string; clientId: string; clientSecret: string; emailDomains: string[] };

/**
 * Who the staff provider may sign in: a verified address of its domains whose account already
 * exists as active staff. Nobody is created (staff roles are granted by an administrator), and a
 * customer is never signed in by it.
 */
export function staffSsoRefusal(input: {
  email: string | null;
  emailVerified: boolean;
  providerDomains: readonly string[];
  user: { role: string; active: boolean } | null;
}): SsoErrorCode | null {
  const domain = input.email ? emailDomain(input.email) : null;
  if (!input.email || !domain || !input.emailVerified) return "sso_email";
  if (!input.providerDomains.includes(domain)) return "sso_domain";
  if (!input.user) return "sso_no_account";
  if (input.user.role === "customer") return "sso_not_staff";
  if (!input.user.active) return "sso_deactivated";
  return null;
}
