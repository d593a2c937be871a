import type { CookiesOptions } from "next-auth";

/**
 * The session cookie: never readable by page scripts (httpOnly), not sent on cross-site
 * subrequests or form posts (SameSite=Lax), and Secure with the __Secure- prefix whenever the
 * portal is served over HTTPS, so it never travels in clear text.
 */
export function sessionCookies(secure: boolean): Partial<CookiesOptions> {
  return {
    sessionToken: {
      name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
      options: { httpOnly: true, sameSite: "lax", path: "/", secure },
    },
  };
}
