import { AsyncLocalStorage } from "node:async_hooks";
import type { Locale } from "@/db/schema/enums";

/**
 * The language of the HTTP request being answered, for the refusals tRPC writes before it has
 * built a context (an unsupported content type, a batch over the limit): the error formatter
 * has no `ctx` to read the caller's language from then.
 */
const store = new AsyncLocalStorage<Locale>();

/** Runs `answer` (the tRPC handler) with `locale` as the request's language. */
export function inRequestLocale<T>(locale: Locale, answer: () => T): T {
  return store.run(locale, answer);
}

/** The language of the request being answered over HTTP, or null outside one (RSC, tests' callers). */
export function requestLocaleOrNull(): Locale | null {
  return store.getStore() ?? null;
}
