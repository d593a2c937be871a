import "server-only";
import type { JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/server/db";
import { env } from "@/server/env";
import { sessionCookies } from "./cookies";
import { authOptions, claimOf } from "./options";
import type { SessionUser } from "./session";
import { decodeSessionToken } from "./session-token";
import { resolveSession } from "./sessions";

/** The claims of the current request's session cookie, or null. Memoized per server render. */
const sessionClaims = cache(async (): Promise<JWT | null> => {
  const name = sessionCookies(authOptions.useSecureCookies ?? false).sessionToken!.name;
  const cookie = (await cookies()).get(name)?.value;
  const secret = authOptions.secret ?? env.NEXTAUTH_SECRET;
  if (!cookie || !secret) return null;
  return decodeSessionToken(cookie, secret);
});

/**
 * The signed-in user of the current request, or null: also null when the session was signed out,
 * expired, or ended by a deactivation or role change. The same check as next-auth's JWT callback
 * (`resolveSession` on the cookie's claim: its row in `sessions` and the user), without the rest of
 * next-auth's session endpoint, which would also encrypt a renewed cookie that a page cannot set
 * (issue 25). Pages and tRPC both read the user here. Memoized per server render, so a page, its
 * layout and the locale lookup share one check.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await sessionClaims();
  const claim = claims ? claimOf(claims) : null;
  return claim ? resolveSession(getDb(), claim, new Date()) : null;
});

/**
 * The id of the current request's session (its row in `sessions`), read from the session cookie on
 * the server only: it never goes to the browser (the session answer of /api/auth/session leaves it
 * out). Meaningful only together with `getSessionUser`, which decides whether the session stands;
 * it lets a user's own list of sessions mark "this session" and spare it when signing out the others.
 */
export const getSessionId = cache(async (): Promise<string | null> => {
  const claims = await sessionClaims();
  return typeof claims?.sid === "string" && claims.sid.length > 0 ? claims.sid : null;
});
