import { eq, sql } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import type { Locale } from "@/db/schema/enums";
import { users } from "@/db/schema";
import { getSessionUser } from "@/server/auth/get-session";
import type { SessionUser } from "@/server/auth/session";
import { getDb, perDatabase, type Db } from "@/server/db";
import { isLocale, LOCALE_COOKIE, pickLocale } from "./negotiate";

/** A user's language and time zone: one prepared read on the primary key, built once per database. */
const profileRead = perDatabase((db: Db) =>
  db
    .select({ locale: users.locale, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare(),
);

/**
 * The language and time zone of the current request: the language the user picked in the switcher
 * (cookie), else the one saved on their account, else the browser's Accept-Language; the time zone
 * is the viewer's own. Pages (server/i18n/request.ts) and the tRPC endpoint's refusals read it alike;
 * a caller that has resolved the signed-in user already passes it.
 */
export async function requestPreferences(signedIn?: SessionUser | null): Promise<{ locale: Locale; timeZone: string }> {
  const user = signedIn === undefined ? await getSessionUser() : signedIn;
  return preferencesOf(user, (await cookies()).get(LOCALE_COOKIE)?.value);
}

/** The language alone (the rule above): with the switcher's cookie set, no read of the account. */
export async function requestLocale(signedIn: SessionUser | null): Promise<Locale> {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(cookie) ? cookie : (await preferencesOf(signedIn, cookie)).locale;
}

async function preferencesOf(
  user: SessionUser | null,
  cookie: string | undefined,
): Promise<{ locale: Locale; timeZone: string }> {
  const profile = user ? profileRead(getDb()).get({ id: user.id }) : undefined;
  const locale = isLocale(cookie)
    ? cookie
    : profile?.locale
      ? profile.locale
      : pickLocale((await headers()).get("accept-language"));
  return { locale, timeZone: profile?.timeZone ?? "UTC" };
}
