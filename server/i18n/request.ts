import { eq, sql } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { users } from "@/db/schema";
import { getSessionUser } from "@/server/auth/get-session";
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

function profileOf(db: Db, id: number) {
  return profileRead(db).get({ id });
}

/**
 * The locale of a request: the language the user picked in the switcher (cookie), else the one
 * saved on their account, else the browser's Accept-Language. The time zone is the viewer's own.
 */
export default getRequestConfig(async () => {
  const user = await getSessionUser();
  const profile = user ? profileOf(getDb(), user.id) : undefined;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie)
    ? cookie
    : profile?.locale
      ? profile.locale
      : pickLocale((await headers()).get("accept-language"));
  const messages =
    locale === "zh" ? (await import("./messages/zh.json")).default : (await import("./messages/en.json")).default;
  return { locale, messages, timeZone: profile?.timeZone ?? "UTC" };
});
