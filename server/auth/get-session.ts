import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import type { SessionUser } from "./session";

/** The signed-in user of the current request, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(authOptions)) as { attain?: SessionUser | null } | null;
  return session?.attain ?? null;
}
