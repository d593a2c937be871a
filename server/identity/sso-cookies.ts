import { decode, encode } from "next-auth/jwt";
import { sessionCookies } from "@/server/auth/cookies";
import { decodeSessionToken } from "@/server/auth/session-token";
import type { SessionUser } from "@/server/auth/session";
import { SESSION_MAX_AGE_S } from "@/server/auth/session-rules";
import { env } from "@/server/env";
import { SSO_PENDING_MAX_AGE_S, SsoError } from "./sso";
import { ZSsoPending, type SsoPending } from "./sso-service";

/**
 * The two cookies of single sign-on (decision 021). Both are next-auth JWTs (JWE: encrypted and
 * authenticated with a key derived from NEXTAUTH_SECRET), so nothing new holds a key:
 * - the pending sign-in (PKCE verifier, state, nonce, where to go), under its own salt so it can
 *   never be read as a session, for ten minutes, only on /api/sso;
 * - the session cookie itself, exactly as next-auth's jwt callback would have written it, naming
 *   the server-side session (decision 017), so everything after sign-in is next-auth's as usual.
 */

const secure = env.NEXTAUTH_URL?.startsWith("https://") ?? false;
const PENDING_SALT = "attain.sso-pending";
export const PENDING_COOKIE = `${secure ? "__Secure-" : ""}attain.sso-pending`;
export const PENDING_COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/api/sso",
  secure,
  maxAge: SSO_PENDING_MAX_AGE_S,
};

function secret(): string {
  if (!env.NEXTAUTH_SECRET) throw new SsoError("sso_failed", "NEXTAUTH_SECRET is not set");
  return env.NEXTAUTH_SECRET;
}

/** The pending sign-in, sealed for the browser to keep. */
export function sealPending(pending: SsoPending): Promise<string> {
  return encode({ token: { pending }, secret: secret(), salt: PENDING_SALT, maxAge: SSO_PENDING_MAX_AGE_S });
}

/** The pending sign-in the browser brought back, or null when missing, tampered with or expired. */
export async function openPending(value: string | undefined): Promise<SsoPending | null> {
  if (!value) return null;
  try {
    const token = await decode({ token: value, secret: secret(), salt: PENDING_SALT });
    const parsed = ZSsoPending.safeParse(token?.pending);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The next-auth session cookie for a session started by single sign-on. */
export async function sessionCookie(
  user: SessionUser,
  sessionId: string,
): Promise<{ name: string; value: string; options: Record<string, unknown> }> {
  const cookie = sessionCookies(secure).sessionToken!;
  const value = await encode({
    token: {
      name: user.name,
      email: user.email,
      sub: String(user.id),
      attain: {
        id: user.id,
        role: user.role,
        organizationId: user.organizationId,
        name: user.name,
        email: user.email,
        orgAdmin: user.orgAdmin ?? false,
      },
      sid: sessionId,
    },
    secret: secret(),
    maxAge: SESSION_MAX_AGE_S,
  });
  return { name: cookie.name, value, options: { ...cookie.options, maxAge: SESSION_MAX_AGE_S } };
}

/** The server-side session a session cookie names, if it is one of ours (to end it when someone else signs in). */
export async function sessionIdOf(value: string | undefined): Promise<string | null> {
  const key = env.NEXTAUTH_SECRET;
  if (!value || !key) return null;
  const token = await decodeSessionToken(value, key);
  return typeof token?.sid === "string" ? token.sid : null;
}
