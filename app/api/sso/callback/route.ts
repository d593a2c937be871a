import { NextResponse, type NextRequest } from "next/server";
import { safeCallbackPath } from "@/server/auth/callback-url";
import { endSession } from "@/server/auth/sessions";
import { getDb } from "@/server/db";
import { SsoError } from "@/server/identity/sso";
import {
  openPending,
  PENDING_COOKIE,
  PENDING_COOKIE_OPTIONS,
  sessionCookie,
  sessionIdOf,
} from "@/server/identity/sso-cookies";
import { portalOrigin, redirectUri, requester, toSignInWithError } from "@/server/identity/sso-http";
import { completeSsoSignIn, recordSsoFailure } from "@/server/identity/sso-service";

export const dynamic = "force-dynamic";

/**
 * Where the provider sends the browser back: the sealed pending sign-in must be there and match
 * (openid-client checks state, PKCE and nonce), then the user is signed in with a server-side
 * session and next-auth's own session cookie, and sent where they were going.
 */
export async function GET(req: NextRequest) {
  const db = getDb();
  const now = new Date();
  const { ip, userAgent } = requester(req.headers);
  const pending = await openPending(req.cookies.get(PENDING_COOKIE)?.value);
  if (!pending) {
    recordSsoFailure(db, "sso_state", { now, ip, detail: "no pending sign-in (missing, expired or tampered)" });
    return toSignInWithError(req.url, "sso_state", "/");
  }
  const callbackUrl = safeCallbackPath(pending.callbackUrl);
  try {
    const currentUrl = new URL(`${redirectUri(req.url)}${req.nextUrl.search}`);
    const { user, sessionId } = await completeSsoSignIn(db, { pending, currentUrl, now, ip, userAgent });
    const cookie = await sessionCookie(user, sessionId);
    // The browser's previous session (someone signed in before on this browser) ends with the switch.
    const previous = await sessionIdOf(req.cookies.get(cookie.name)?.value);
    if (previous && previous !== sessionId) endSession(db, previous, now);
    const res = NextResponse.redirect(new URL(callbackUrl, portalOrigin(req.url)), 303);
    res.cookies.set(cookie.name, cookie.value, cookie.options);
    res.cookies.set(PENDING_COOKIE, "", { ...PENDING_COOKIE_OPTIONS, maxAge: 0 });
    return res;
  } catch (error) {
    return toSignInWithError(req.url, error instanceof SsoError ? error.code : "sso_failed", callbackUrl);
  }
}
