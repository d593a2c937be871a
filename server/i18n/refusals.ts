import { createTranslator } from "next-intl";
import type { Locale } from "@/db/schema/enums";
import type { DomainError, MessageValues } from "@/server/errors";
import en from "./messages/en.json";
import zh from "./messages/zh.json";

const translators = {
  en: createTranslator({ locale: "en", messages: en }),
  zh: createTranslator({ locale: "zh", messages: zh }),
};

/**
 * A refusal's sentence in the caller's language (`messageKey` with the values it names), or null
 * when the catalogue has no such message or its values are missing. The tRPC error formatter and
 * the attachment endpoints send it as the error's message, so the browser needs none of the
 * refusal texts (issue 25).
 */
export function translatedRefusal(locale: Locale, key: string, values?: MessageValues | null): string | null {
  const t = translators[locale];
  if (!t.has(key as never)) return null;
  // A sentence with placeholders needs the values the server names; without them the English text stands.
  if (!values && String(t.raw(key as never)).includes("{")) return null;
  return t(key as never, (values ?? undefined) as never);
}

/** A DomainError's values, with those that are refusals of their own written in the caller's language. */
export function refusalValues(cause: DomainError, locale: Locale): MessageValues | null {
  if (!cause.nested) return cause.values ?? null;
  const out: MessageValues = { ...cause.values };
  for (const [name, inner] of Object.entries(cause.nested)) {
    const text = translatedRefusal(locale, inner.messageKey, inner.values);
    if (text) out[name] = text;
  }
  return out;
}

/** A DomainError's sentence in the caller's language, or null when it names no message of ours. */
export function domainRefusal(cause: DomainError, locale: Locale): string | null {
  return cause.messageKey ? translatedRefusal(locale, cause.messageKey, refusalValues(cause, locale)) : null;
}
