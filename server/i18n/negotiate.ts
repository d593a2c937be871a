import { LOCALES, type Locale } from "@/db/schema/enums";

/** Picks English or Simplified Chinese from an Accept-Language header, by the listed weights. */
export function pickLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return "en";
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: (tag ?? "").toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh";
    if (tag.startsWith("en")) return "en";
  }
  return "en";
}

export function isLocale(value: string | undefined | null): value is Locale {
  return !!value && (LOCALES as readonly string[]).includes(value);
}

export const LOCALE_COOKIE = "NEXT_LOCALE";

/**
 * A language as an HTML `lang` or `hreflang` value and for Intl: Simplified Chinese is zh-CN.
 * (Mail and sign-in notices that spell dates the British way ask Intl for en-GB themselves.)
 */
export function languageTag(locale: string | null | undefined): "en" | "zh-CN" {
  return locale === "zh" ? "zh-CN" : "en";
}
