import "server-only";
import { getServerSession } from "next-auth";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { env } from "@/server/env";
import { sessionCookies } from "./cookies";
import { authOptions } from "./options";
import type { SessionUser } from "./session";

/**
 * The signed-in user of the current request, or null: also null when the session was signed out,
 * expired, or ended by a deactivation or role change (the JWT callback checks its row in
 * `sessions` and the user on every call). Pages and tRPC both read the user here. Memoized per
 * server render, so a page, its layout and the locale lookup share one check.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { attain?: SessionUser | null } | null;
  return session?.attain ?? null;
});

/**
 * The id of the current request's session (its row in `sessions`), read from the session cookie on
 * the server only: it never goes to the browser (the session answer of /api/auth/session leaves it
 * out). Meaningful only together with `getSessionUser`, which decides whether the session stands;
 * it lets a user's own list of sessions mark "this session" and spare it when signing out the others.
 */
export const getSessionId = cache(async (): Promise<string | null> => {
  const name = sessionCookies(authOptions.useSecureCookies ?? false).sessionToken!.name;
  const cookie = (await cookies()).get(name)?.value;
  const secret = authOptions.secret ?? env.NEXTAUTH_SECRET;
  if (!cookie || !secret) return null;
  const token = await decode({ token: cookie, secret }).catch(() => null);
  return typeof token?.sid === "string" && token.sid.length > 0 ? token.sid : null;
});
