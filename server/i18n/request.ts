import { getRequestConfig } from "next-intl/server";
import { requestPreferences } from "./preferences";

/** The locale, catalogue and time zone of a request (the rule in ./preferences.ts). */
export default getRequestConfig(async () => {
  const { locale, timeZone } = await requestPreferences();
  const messages =
    locale === "zh" ? (await import("./messages/zh.json")).default : (await import("./messages/en.json")).default;
  return { locale, messages, timeZone };
});
