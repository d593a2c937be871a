import { randomBytes } from "node:crypto";
import { eq, ne, sql } from "drizzle-orm";
import * as oidc from "openid-client";
import { z } from "zod";
import { identityProviders, organizations, users } from "@/db/schema";
import { recordAudit } from "@/server/audit/service";
import { hashPassword } from "@/server/auth/password";
import type { SessionUser } from "@/server/auth/session";
import { revokePasswordSessionsOfOrganization, startSession } from "@/server/auth/sessions";
import type { Db } from "@/server/db";
import { DomainError, notFound, refuseIf } from "@/server/errors";
import { settleInvitationsOnJoin } from "@/server/people/service";
import {
  isLoopbackHttp,
  issuerProblem,
  normalizeDomains,
  SSO_TIMEOUT_S,
  SsoError,
  ssoSignInRefusal,
  staffSsoRefusal,
  type SsoErrorCode,
  type StaffProvider,
} from "./sso";
import { isStaffSsoEmail, providerForEmail, staffProviderFromEnv } from "./sso-lookup";

/**
 * Single sign-on through OpenID Connect (decision 021): an organization's identity provider is
 * discovered on each sign-in (bounded to SSO_TIMEOUT_S per call), the browser is sent there with
 * PKCE, state and nonce, and the callback is validated by openid-client before anyone is signed in.
 */

type Provider = typeof identityProviders.$inferSelect;
type Actor = { id: number; ip: string | null };

/** What the browser keeps (encrypted) between leaving for the provider and coming back. */
export const ZSsoPending = z.object({
  /** The organization's provider row, or 0 for the staff provider (`staff`). */
  providerId: z.number().int(),
  staff: z.boolean().default(false),
  issuer: z.string(),
  codeVerifier: z.string().min(43).max(128),
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  callbackUrl: z.string().max(2048),
});
export type SsoPending = z.input<typeof ZSsoPending>;

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return `${error.name}: ${error.message}${cause instanceof Error ? ` (${cause.message})` : ""}`.slice(0, 300);
  }
  return String(error).slice(0, 300);
}

/** The provider's metadata and our client there; every later call shares the same time bound. */
async function discover(p: { issuer: string; clientId: string; clientSecret: string }): Promise<oidc.Configuration> {
  try {
    return await oidc.discovery(
      new URL(p.issuer),
      p.clientId,
      { client_secret: p.clientSecret },
      oidc.ClientSecretBasic(p.clientSecret),
      { timeout: SSO_TIMEOUT_S, execute: isLoopbackHttp(p.issuer) ? [oidc.allowInsecureRequests] : [] },
    );
  } catch (error) {
    throw new SsoError("sso_unreachable", errorText(error));
  }
}

/** The code for an error of the token exchange or the checks of its answer. */
function exchangeErrorCode(error: unknown): SsoErrorCode {
  if (error instanceof SsoError) return error.code;
  if (error instanceof oidc.AuthorizationResponseError) return "sso_denied";
  // A refused client answers 401 with a WWW-Authenticate challenge (invalid_client), or a body naming it.
  if (error instanceof oidc.WWWAuthenticateChallengeError) {
    return error.status === 401 || error.cause.some((c) => c.parameters.error === "invalid_client")
      ? "sso_client"
      : "sso_failed";
  }
  if (error instanceof oidc.ResponseBodyError) {
    return error.error === "invalid_client" || error.error === "unauthorized_client" ? "sso_client" : "sso_failed";
  }
  const text = errorText(error);
  if (/"state"/.test(text)) return "sso_state";
  if (/fetch failed|timeout|aborted|ECONNREFUSED|ENOTFOUND/i.test(text)) return "sso_unreachable";
  return "sso_failed";
}

/**
 * Begins a sign-in: finds the provider for the email (or the organization, by id or slug),
 * discovers it and returns where to send the browser and what it must bring back.
 */
export async function beginSsoSignIn(
  db: Db,
  input: { email?: string | null; organization?: string | null; redirectUri: string; callbackUrl: string },
  staff: StaffProvider | null = staffProviderFromEnv(),
): Promise<{ url: URL; pending: SsoPending }> {
  let provider: (Pick<Provider, "id" | "issuer" | "clientId" | "clientSecret"> & { staff: boolean }) | null = null;
  if (input.email) {
    const found = providerForEmail(db, input.email)?.provider;
    if (found) provider = { ...found, staff: false };
    else if (staff && isStaffSsoEmail(staff, input.email)) provider = { ...staff, id: 0, staff: true };
  } else if (input.organization) {
    const key = input.organization.trim();
    const org = db
      .select({ id: organizations.id })
      .from(organizations)
      .where(/^\d{1,10}$/.test(key) ? eq(organizations.id, Number(key)) : eq(organizations.slug, key))
      .get();
    const found = org
      ? db.select().from(identityProviders).where(eq(identityProviders.organizationId, org.id)).get()
      : undefined;
    if (found) provider = { ...found, staff: false };
  }
  if (!provider) throw new SsoError("sso_no_provider");
  const config = await discover(provider);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const pending: SsoPending = {
    providerId: provider.id,
    staff: provider.staff,
    issuer: provider.issuer,
    codeVerifier,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    callbackUrl: input.callbackUrl,
  };
  const params: Record<string, string> = {
    redirect_uri: input.redirectUri,
    scope: "openid email profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
  };
  if (input.email) params.login_hint = input.email;
  return { url: oidc.buildAuthorizationUrl(config, params), pending };
}

function auditFailure(
  db: Db,
  reason: SsoErrorCode,
  ctx: {
    now: Date;
    ip: string | null;
    email?: string | null;
    userId?: number | null;
    providerId?: number;
    detail?: string;
  },
): void {
  recordAudit(db, {
    actorId: ctx.userId ?? null,
    action: "sign_in_failed",
    entity: "user",
    entityId: ctx.userId ? String(ctx.userId) : null,
    detail: {
      method: "sso",
      reason,
      email: ctx.email ?? null,
      providerId: ctx.providerId ?? null,
      ...(ctx.detail ? { error: ctx.detail } : {}),
    },
    at: ctx.now,
    ip: ctx.ip,
  });
}

/**
 * Completes a sign-in when the browser comes back: openid-client checks state, PKCE, the ID
 * token's signature, issuer, audience and nonce; then the verified email must be in the
 * provider's domains, and its user a customer of the provider's organization and active (a new
 * address becomes a customer there, just in time). Starts a server-side session and returns it.
 * Any refusal is audited and changes nothing else.
 */
export async function completeSsoSignIn(
  db: Db,
  input: {
    pending: SsoPending;
    /** The redirect URI we registered, with the query the provider sent back. */
    currentUrl: URL;
    now: Date;
    ip: string | null;
    userAgent: string | null;
  },
  staffProvider: StaffProvider | null = staffProviderFromEnv(),
): Promise<{ user: SessionUser; sessionId: string; created: boolean }> {
  const { now, ip } = input;
  const pending = ZSsoPending.parse(input.pending);
  const row = pending.staff
    ? null
    : db.select().from(identityProviders).where(eq(identityProviders.id, pending.providerId)).get();
  const provider = pending.staff
    ? staffProvider && { ...staffProvider, id: 0, organizationId: null }
    : row && { ...row, organizationId: row.organizationId as number | null };
  if (!provider || provider.issuer !== pending.issuer) {
    auditFailure(db, "sso_state", { now, ip, providerId: pending.providerId, detail: "provider changed" });
    throw new SsoError("sso_state");
  }
  let claims: { email: string | null; emailVerified: boolean; name: string | null };
  try {
    const config = await discover(provider);
    const tokens = await oidc.authorizationCodeGrant(config, input.currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new SsoError("sso_failed", "no ID token");
    let source: Record<string, unknown> = idToken;
    if (typeof idToken.email !== "string") {
      source = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
    }
    claims = {
      email: typeof source.email === "string" ? source.email.trim().toLowerCase() : null,
      emailVerified: source.email_verified === true,
      name: typeof source.name === "string" && source.name.trim() ? source.name.trim().slice(0, 200) : null,
    };
  } catch (error) {
    const code = exchangeErrorCode(error);
    auditFailure(db, code, { now, ip, providerId: provider.id, detail: errorText(error) });
    throw error instanceof SsoError ? error : new SsoError(code, errorText(error));
  }

  const existing = claims.email
    ? (db
        .select()
        .from(users)
        .where(eq(sql`lower(${users.email})`, claims.email))
        .get() ?? null)
    : null;
  const refusal =
    provider.organizationId === null
      ? staffSsoRefusal({
          email: claims.email,
          emailVerified: claims.emailVerified,
          providerDomains: provider.emailDomains,
          user: existing,
        })
      : ssoSignInRefusal({
          email: claims.email,
          emailVerified: claims.emailVerified,
          providerDomains: provider.emailDomains,
          providerOrganizationId: provider.organizationId,
          user: existing,
        });
  if (refusal) {
    auditFailure(db, refusal, { now, ip, email: claims.email, userId: existing?.id, providerId: provider.id });
    throw new SsoError(refusal);
  }
  const email = claims.email!;
  // A just-in-time user has a password nobody knows, hashed like any other (same cost to check).
  const unusablePassword = existing ? null : await hashPassword(randomBytes(32).toString("base64url"));
  return db.transaction(
    (tx) => {
      let user = existing;
      if (!user) {
        if (provider.organizationId === null) throw new SsoError("sso_no_account");
        const org = tx
          .select({ timeZone: organizations.timeZone })
          .from(organizations)
          .where(eq(organizations.id, provider.organizationId))
          .get();
        user = tx
          .insert(users)
          .values({
            email,
            name: claims.name ?? email.slice(0, email.indexOf("@")),
            passwordHash: unusablePassword!,
            role: "customer",
            organizationId: provider.organizationId,
            timeZone: org?.timeZone ?? "UTC",
            createdAt: now,
          })
          .returning()
          .get();
        // An invitation waiting for this address is spent by the sign-in (its administrator flag applies).
        const invitation = settleInvitationsOnJoin(tx, user, now);
        if (invitation?.orgAdmin) user = { ...user, orgAdmin: true };
        recordAudit(tx, {
          actorId: user.id,
          action: "user_jit_created",
          entity: "user",
          entityId: String(user.id),
          detail: {
            after: {
              email: user.email,
              name: user.name,
              role: user.role,
              organizationId: user.organizationId,
              orgAdmin: user.orgAdmin,
            },
            providerId: provider.id,
            invitationId: invitation?.id ?? null,
          },
          at: now,
          ip,
        });
      }
      tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id)).run();
      const session = startSession(tx, user.id, now, { method: "sso", ip, userAgent: input.userAgent });
      recordAudit(tx, {
        actorId: user.id,
        action: "sign_in",
        entity: "user",
        entityId: String(user.id),
        detail: { method: "sso", providerId: provider.organizationId === null ? "staff" : provider.id },
        at: now,
        ip,
      });
      return {
        user: {
          id: user.id,
          role: user.role,
          organizationId: user.organizationId,
          name: user.name,
          email: user.email,
          orgAdmin: user.orgAdmin,
        },
        sessionId: session.id,
        created: existing === null,
      };
    },
    { behavior: "immediate" },
  );
}

/** Records a failed attempt that never reached a provider's answer (missing or expired pending state...). */
export function recordSsoFailure(
  db: Db,
  reason: SsoErrorCode,
  ctx: { now: Date; ip: string | null; email?: string | null; detail?: string },
): void {
  auditFailure(db, reason, ctx);
}

// Administration ---------------------------------------------------------------------------------

export type IdentityProviderView = {
  organization: { id: number; name: string; ssoRequired: boolean };
  provider: { issuer: string; clientId: string; hasSecret: boolean; emailDomains: string[]; updatedAt: Date } | null;
};

function loadOrganization(db: Pick<Db, "select">, organizationId: number) {
  const org = db
    .select({ id: organizations.id, name: organizations.name, ssoRequired: organizations.ssoRequired })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .get();
  if (!org) throw notFound("Organization");
  return org;
}

/** An organization's provider as the settings show it: never its client secret, only whether one is set. */
export function getIdentityProvider(db: Db, organizationId: number): IdentityProviderView {
  const organization = loadOrganization(db, organizationId);
  const row = db.select().from(identityProviders).where(eq(identityProviders.organizationId, organizationId)).get();
  return {
    organization,
    provider: row
      ? {
          issuer: row.issuer,
          clientId: row.clientId,
          hasSecret: row.clientSecret.length > 0,
          emailDomains: row.emailDomains,
          updatedAt: row.updatedAt,
        }
      : null,
  };
}

export const ZSaveIdentityProviderInput = z.object({
  organizationId: z.number().int().positive(),
  issuer: z.string().trim().min(1).max(500),
  clientId: z.string().trim().min(1).max(300),
  /** Blank keeps the secret already saved. */
  clientSecret: z.string().max(1000).default(""),
  emailDomains: z.array(z.string().max(260)).min(1).max(50),
  ssoRequired: z.boolean(),
});
export type SaveIdentityProviderInput = z.input<typeof ZSaveIdentityProviderInput>;

/** The provider as the audit log keeps it: everything but the secret (only whether it changed). */
function auditView(p: Pick<Provider, "issuer" | "clientId" | "emailDomains"> | null, ssoRequired: boolean) {
  return p ? { issuer: p.issuer, clientId: p.clientId, emailDomains: p.emailDomains, ssoRequired } : { ssoRequired };
}

/**
 * Saves an organization's provider and whether it requires single sign-on: the issuer must be
 * https (http only on this machine), the domains valid and bound to no other organization, and a
 * new provider needs a client secret (a blank one keeps the saved secret). Audited with before and
 * after, never the secret.
 */
export function saveIdentityProvider(
  db: Db,
  raw: SaveIdentityProviderInput,
  actor: Actor,
  now: Date,
): IdentityProviderView {
  const input = ZSaveIdentityProviderInput.parse(raw);
  refuseIf(issuerProblem(input.issuer));
  const normalized = normalizeDomains(input.emailDomains);
  if ("refusal" in normalized) refuseIf(normalized.refusal);
  const domains = "domains" in normalized ? normalized.domains : [];
  // Kept as entered: the issuer identifier must match the provider's metadata exactly.
  const issuer = input.issuer.trim();
  db.transaction(
    (tx) => {
      const org = loadOrganization(tx, input.organizationId);
      const before = tx
        .select()
        .from(identityProviders)
        .where(eq(identityProviders.organizationId, input.organizationId))
        .get();
      const others = tx
        .select({ domains: identityProviders.emailDomains, name: organizations.name })
        .from(identityProviders)
        .innerJoin(organizations, eq(organizations.id, identityProviders.organizationId))
        .where(ne(identityProviders.organizationId, input.organizationId))
        .all();
      for (const other of others) {
        const taken = domains.find((d) => other.domains.includes(d));
        if (taken) {
          throw new DomainError(
            "CONFLICT",
            `${taken} already signs in through ${other.name}'s identity provider.`,
            "sso.errors.domainTaken",
            { domain: taken, organization: other.name },
          );
        }
      }
      const secret = input.clientSecret.trim() || before?.clientSecret || "";
      if (!secret) throw new DomainError("INVALID", "Enter the client secret.", "sso.errors.secretRequired");
      const values = { issuer, clientId: input.clientId, clientSecret: secret, emailDomains: domains, updatedAt: now };
      if (before) {
        tx.update(identityProviders).set(values).where(eq(identityProviders.id, before.id)).run();
      } else {
        tx.insert(identityProviders)
          .values({ ...values, organizationId: input.organizationId, createdAt: now })
          .run();
      }
      let passwordSessionsEnded = 0;
      if (org.ssoRequired !== input.ssoRequired) {
        tx.update(organizations)
          .set({ ssoRequired: input.ssoRequired, updatedAt: now })
          .where(eq(organizations.id, input.organizationId))
          .run();
        // Requiring single sign-on refuses passwords from now on, for sessions already open too.
        if (input.ssoRequired) passwordSessionsEnded = revokePasswordSessionsOfOrganization(tx, org.id, now);
      }
      recordAudit(tx, {
        actorId: actor.id,
        action: "sso.provider_saved",
        entity: "organization",
        entityId: String(input.organizationId),
        detail: {
          before: auditView(before ?? null, org.ssoRequired),
          after: auditView(values, input.ssoRequired),
          secretChanged: before ? input.clientSecret.trim() !== "" && secret !== before.clientSecret : true,
          passwordSessionsEnded,
        },
        at: now,
        ip: actor.ip,
      });
    },
    { behavior: "immediate" },
  );
  return getIdentityProvider(db, input.organizationId);
}

/** Removes an organization's provider; its people sign in with passwords again (sso_required is cleared). */
export function removeIdentityProvider(db: Db, organizationId: number, actor: Actor, now: Date): IdentityProviderView {
  db.transaction(
    (tx) => {
      const org = loadOrganization(tx, organizationId);
      const before = tx
        .select()
        .from(identityProviders)
        .where(eq(identityProviders.organizationId, organizationId))
        .get();
      if (!before) throw notFound("Identity provider");
      tx.delete(identityProviders).where(eq(identityProviders.id, before.id)).run();
      if (org.ssoRequired) {
        tx.update(organizations)
          .set({ ssoRequired: false, updatedAt: now })
          .where(eq(organizations.id, organizationId))
          .run();
      }
      recordAudit(tx, {
        actorId: actor.id,
        action: "sso.provider_removed",
        entity: "organization",
        entityId: String(organizationId),
        detail: { before: auditView(before, org.ssoRequired), after: auditView(null, false) },
        at: now,
        ip: actor.ip,
      });
    },
    { behavior: "immediate" },
  );
  return getIdentityProvider(db, organizationId);
}

export const ZTestIdentityProviderInput = z.object({
  organizationId: z.number().int().positive(),
  issuer: z.string().trim().min(1).max(500),
  clientId: z.string().trim().min(1).max(300),
  clientSecret: z.string().max(1000).default(""),
});
export type TestIdentityProviderInput = z.input<typeof ZTestIdentityProviderInput>;
export type ConnectionResult = "ok" | "unreachable" | "clientRefused" | "unknown";

/**
 * "Test connection": discovery within SSO_TIMEOUT_S, then a token request with a code that cannot
 * exist. A provider checks the client before the code, so `invalid_client` means the id or secret
 * is wrong and `invalid_grant` means both were accepted. Saves nothing; audited.
 */
export async function testIdentityProvider(
  db: Db,
  raw: TestIdentityProviderInput,
  actor: Actor,
  now: Date,
): Promise<{ result: ConnectionResult; issuer: string | null; elapsedMs: number }> {
  const input = ZTestIdentityProviderInput.parse(raw);
  refuseIf(issuerProblem(input.issuer));
  loadOrganization(db, input.organizationId);
  const saved = db
    .select({ secret: identityProviders.clientSecret })
    .from(identityProviders)
    .where(eq(identityProviders.organizationId, input.organizationId))
    .get();
  const secret = input.clientSecret.trim() || saved?.secret || "";
  const started = performance.now();
  let result: ConnectionResult;
  let issuer: string | null = null;
  try {
    const config = await discover({ issuer: input.issuer.trim(), clientId: input.clientId, clientSecret: secret });
    issuer = config.serverMetadata().issuer;
    try {
      await oidc.genericGrantRequest(config, "authorization_code", {
        code: `attain-connection-test-${randomBytes(8).toString("hex")}`,
        redirect_uri: "https://attain.invalid/api/sso/callback",
      });
      result = "unknown";
    } catch (error) {
      const code = exchangeErrorCode(error);
      result =
        code === "sso_client"
          ? "clientRefused"
          : code === "sso_unreachable"
            ? "unreachable"
            : error instanceof oidc.ResponseBodyError
              ? "ok"
              : "unknown";
    }
  } catch {
    result = "unreachable";
  }
  const elapsedMs = Math.round(performance.now() - started);
  recordAudit(db, {
    actorId: actor.id,
    action: "sso.provider_tested",
    entity: "organization",
    entityId: String(input.organizationId),
    detail: { issuer: input.issuer, clientId: input.clientId, result, elapsedMs },
    at: now,
    ip: actor.ip,
  });
  return { result, issuer, elapsedMs };
}
