import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { decodeSessionToken } from "@/server/auth/session-token";
import { contentSecurityPolicy, newNonce } from "@/server/security/csp";

/** Paths a visitor may open without signing in. */
const PUBLIC = [
  /^\/signin(\/|$)/,
  /^\/setup$/,
  /^\/invite\//,
  /^\/kb(\/|$)/,
  /^\/service-scope(\/|$)/,
  /^\/sdk-lifecycle$/,
  /^\/roadmap$/,
  /^\/known-issues(\/\d+)?$/,
  /^\/advisories(\/\d+)?$/,
  /^\/reports\/sla(\/|$)/,
  /^\/api\//,
  /^\/_next\//,
  /^\/favicon/,
  /\.(png|svg|ico|woff2?)$/,
];

/**
 * Sends visitors without a session to the sign-in page, remembering where they were going, and
 * gives every page a fresh CSP nonce: Next.js reads the policy from the request headers and
 * stamps the nonce on its own scripts (which makes every page dynamically rendered).
 */
export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const filled = withoutEmptyParams(req);
  if (filled) return NextResponse.redirect(filled);
  if (
    !PUBLIC.some((re) => re.test(pathname)) &&
    !(await getToken({
      req,
      decode: ({ token, secret }) => (token && secret ? decodeSessionToken(token, String(secret)) : null),
    }))
  ) {
    const url = req.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const csp = contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
}

/**
 * A filter form submits its empty fields too (`?status=&area=`): a page's address keeps only what
 * was filled in, so the one rule holds for every filter form. The address to go to instead, or
 * null when there is nothing to drop.
 */
export function withoutEmptyParams(req: Pick<NextRequest, "method" | "nextUrl">): URL | null {
  if (req.method !== "GET" || req.nextUrl.pathname.startsWith("/api/")) return null;
  const params = req.nextUrl.searchParams;
  const filled = [...params].filter(([, v]) => v !== "");
  if (filled.length === [...params].length) return null;
  // Next.js sends a redirect on the request's own origin as a relative address: the visitor stays on their host.
  const url = req.nextUrl.clone();
  url.search = filled.length ? `?${new URLSearchParams(filled)}` : "";
  return url;
}

// Not the tRPC, attachment and monitoring endpoints: they need neither a redirect nor a page's policy, and
// Next.js would buffer (and past its limit silently cut) every request body the proxy sees;
// server/api/http.ts bounds tRPC bodies, and uploads stream to disk (server/attachments/http.ts).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/trpc|api/attachments|api/monitoring).*)"],
};
