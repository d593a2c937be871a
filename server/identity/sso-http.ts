import { NextResponse } from "next/server";
import { env } from "@/server/env";
import { clientAddress } from "@/server/security/client-address";
import { PENDING_COOKIE, PENDING_COOKIE_OPTIONS } from "./sso-cookies";
import type { SsoErrorCode } from "./sso";

/** Helpers shared by the two single sign-on routes (app/api/sso/start and callback). */

/** The portal's own origin: NEXTAUTH_URL when set (behind a proxy the request's own URL may differ). */
export function portalOrigin(requestUrl: string): string {
  return env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : new URL(requestUrl).origin;
}

/** The redirect URI registered at every provider. */
export function redirectUri(requestUrl: string): string {
  return `${portalOrigin(requestUrl)}/api/sso/callback`;
}

/** Who is asking, for the audit log and the session list. */
export function requester(headers: Headers): { ip: string | null; userAgent: string | null } {
  return { ip: clientAddress(headers), userAgent: headers.get("user-agent") };
}

/** Back to the sign-in page with the error code it translates; the pending sign-in is dropped. */
export function toSignInWithError(requestUrl: string, code: SsoErrorCode, callbackUrl: string): NextResponse {
  const url = new URL("/signin", portalOrigin(requestUrl));
  url.searchParams.set("error", code);
  if (callbackUrl !== "/") url.searchParams.set("callbackUrl", callbackUrl);
  const res = NextResponse.redirect(url, 303);
  res.cookies.set(PENDING_COOKIE, "", { ...PENDING_COOKIE_OPTIONS, maxAge: 0 });
  return res;
}
