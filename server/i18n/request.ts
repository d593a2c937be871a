import { eq } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { users } from "@/db/schema";
import { getSessionUser } from "@/server/auth/get-session";
import { getDb } from "@/server/db";
import { isLocale, LOCALE_COOKIE, pickLocale } from "./negotiate";

/**
 * The locale of a request: the language the user picked in the switcher (cookie), else the one
 * saved on their account, else the browser's Accept-Language. The time zone is the viewer's own.
 */
export default getRequestConfig(async () => {
  const user = await getSessionUser();
  const profile = user
    ? getDb().select({ locale: users.locale, timeZone: users.timeZone }).from(users).where(eq(users.id, user.id)).get()
    : undefined;
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
