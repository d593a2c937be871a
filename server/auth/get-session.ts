import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
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
