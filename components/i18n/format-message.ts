import { IntlMessageFormat, type Formats, type Formatters } from "intl-messageformat";
import { isValidElement, type ReactNode } from "react";
import { dateTimeFormat, numberFormat, pluralRules } from "./intl-formatters";

/**
 * use-intl's message formatter with a cache that outlives the request (issue 25). next.config.ts
 * puts this module in place of `use-intl/format-message` in both bundles, server and browser.
 *
 * use-intl's own formatter compiles an ICU message once per request, and finds it again by a key
 * made of JSON.stringify of the message, the locale and every date and time format of
 * intl-messageformat with the viewer's time zone merged in. A page calls it once for every message
 * with values: on the queue, three times per row. Profiled on the queue at 1,000,000 tickets, that
 * key (building the formats, stringifying them, hashing a long string) cost about 3 of the page's
 * 5 ms of message formatting.
 *
 * Here a compiled message is kept for the process, found by locale, time zone and message text,
 * and its number, date and plural formatters are shared. Messages come from our two catalogues, so
 * the cache stays small; it is emptied when it reaches MAX_COMPILED all the same. Where a call gives
 * its own formats (none of ours do), the message is compiled for that call only.
 * format-message.test.ts checks that every message of both catalogues formats as use-intl's does.
 */

/** What use-intl hands its message formatter (use-intl's `formatMessage` options). */
type FormatOptions = {
  formats?: Partial<{ dateTime: Record<string, Intl.DateTimeFormatOptions>; number: Record<string, unknown> }>;
  globalFormats?: FormatOptions["formats"];
  locale: string;
  timeZone?: string;
};

type Values = Record<string, unknown>;

/** Compiled messages held at most; past it the cache starts again (2 catalogues × a few zones fit). */
export const MAX_COMPILED = 20_000;

const compiled = new Map<string, IntlMessageFormat>();

/** intl-messageformat's formatters, dates in `timeZone` unless a format names another. */
function formattersFor(timeZone: string | undefined): Formatters {
  return {
    getNumberFormat: (locales, options) => numberFormat(locales, options),
    getDateTimeFormat: (locales, options) =>
      dateTimeFormat(
        locales,
        timeZone === undefined ? options : { ...options, timeZone: options?.timeZone ?? timeZone },
      ),
    getPluralRules: (locales, options) => pluralRules(locales, options),
  };
}

/**
 * use-intl's `dateTime` formats as intl-messageformat's `date` and `time`, each with the time zone
 * merged in (the only way intl-messageformat takes one).
 */
function messageFormats(options: FormatOptions): Partial<Formats> {
  const dateTime = { ...options.globalFormats?.dateTime, ...options.formats?.dateTime };
  const withZone = (formats: Record<string, Intl.DateTimeFormatOptions>) =>
    Object.fromEntries(
      Object.entries({ ...formats, ...dateTime }).map(([name, format]) => [
        name,
        options.timeZone ? { timeZone: options.timeZone, ...format } : format,
      ]),
    );
  return {
    date: withZone(IntlMessageFormat.formats.date),
    time: withZone(IntlMessageFormat.formats.time),
    number: { ...options.globalFormats?.number, ...options.formats?.number } as Formats["number"],
  };
}

function compile(message: string, options: FormatOptions): IntlMessageFormat {
  const build = () =>
    new IntlMessageFormat(message, options.locale, messageFormats(options), {
      formatters: formattersFor(options.timeZone),
    });
  if (options.formats || options.globalFormats) return build();
  const key = `${options.locale}\u0001${options.timeZone ?? ""}\u0001${message}`;
  let format = compiled.get(key);
  if (format === undefined) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    format = build();
    compiled.set(key, format);
  }
  return format;
}

/** A message's text with its values, as use-intl's `t()` returns it (a string, or elements for `t.rich`). */
function formatMessage(
  key: string,
  message: unknown,
  values: Values | undefined,
  options: FormatOptions,
): string | ReactNode | ReactNode[] {
  if (Array.isArray(message)) throw new Error(`The message at ${key} is an array, not a message`);
  if (typeof message !== "string") throw new Error(`The message at ${key} is a group of messages, not one`);
  // Without values and without ICU quoting, the text is the message (use-intl's hot path).
  if (!values && !/'[{}<#|']/.test(message)) return message;
  const out = compile(message, options).format(values as Parameters<IntlMessageFormat["format"]>[0]);
  return isValidElement(out) || Array.isArray(out) || typeof out === "string" ? (out as ReactNode) : String(out);
}

/** `t.raw` reads the catalogue's text as it is (use-intl asks its formatter whether it may). */
formatMessage.raw = true;

export default formatMessage;
