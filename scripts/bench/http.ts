/** Signing in over HTTP as next-auth expects, and measuring what a page ships to the browser. */
import { gzipSync } from "node:zlib";

export type Csrf = { token: string; cookie: string };

function cookiesFrom(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** next-auth's CSRF token and the cookie it is paired with (double-submit). */
export async function getCsrf(baseUrl: string): Promise<Csrf> {
  const res = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!res.ok) throw new Error(`GET /api/auth/csrf: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = cookiesFrom(res).find((c) => c.startsWith("next-auth.csrf-token="));
  if (!cookie) throw new Error("GET /api/auth/csrf set no csrf cookie");
  return { token: csrfToken, cookie };
}

/** Signs a demo account in through the credentials callback; returns the Cookie header of its session. */
export async function signIn(baseUrl: string, csrf: Csrf, email: string, password = "attain-demo"): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie },
    body: new URLSearchParams({ email, password, csrfToken: csrf.token, json: "true" }),
    redirect: "manual",
  });
  const session = cookiesFrom(res).find((c) => c.startsWith("next-auth.session-token="));
  if (!res.ok || !session) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  return `${csrf.cookie}; ${session}`;
}

/**
 * First-load JavaScript of a page, as Next.js used to print it after a build: every script chunk the
 * HTML references from /_next/, fetched and gzip-compressed at the default level. The page's inline
 * RSC payload is data, not code, and is left out.
 */
export async function firstLoadJs(
  baseUrl: string,
  pagePath: string,
  cookie: string | null,
): Promise<{ status: number; bytes: number; scripts: number }> {
  const res = await fetch(`${baseUrl}${pagePath}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) return { status: res.status, bytes: NaN, scripts: 0 };
  const srcs = new Set<string>();
  // Scripts marked nomodule (the legacy polyfills) are skipped by every browser that runs modules, so
  // they are not part of a first load, as in Next.js's own "First Load JS".
  for (const [, attributes] of html.matchAll(/<script(\s[^>]*)>/g)) {
    const src = /\ssrc="([^"]+)"/.exec(attributes!)?.[1];
    if (src?.includes("/_next/") && !/\snomodule\b/i.test(attributes!)) srcs.add(src.replaceAll("&amp;", "&"));
  }
  let bytes = 0;
  for (const src of srcs) {
    const js = await fetch(new URL(src, baseUrl));
    bytes += gzipSync(Buffer.from(await js.arrayBuffer())).length;
  }
  return { status: res.status, bytes, scripts: srcs.size };
}
