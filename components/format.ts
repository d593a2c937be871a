import { dateTimeFormat, numberFormat } from "@/components/i18n/intl-formatters";
import { instantOfDay } from "@/server/accounts/engagement-day";
import { languageTag } from "@/server/i18n/negotiate";
import { monthStart, quarterLabel } from "@/server/periods/periods";

type T = (key: string, values?: Record<string, string | number>) => string;

/**
 * A target as people state it: "15 min", "4 h", "4 business hours", "5 business days", where a
 * business day is the measuring calendar's usual day (server/sla/business-day.ts; null: none).
 */
export function formatTarget(
  t: T,
  minutes: number,
  mode: "business" | "always",
  businessDayMinutes: number | null,
): string {
  if (mode === "business") {
    if (businessDayMinutes && minutes >= businessDayMinutes && minutes % businessDayMinutes === 0)
      return t("duration.businessDays", { n: minutes / businessDayMinutes });
    return t("duration.businessHours", { n: Math.round((minutes / 60) * 10) / 10 });
  }
  return minutes < 60 || minutes % 60 !== 0
    ? t("duration.minutes", { n: minutes })
    : t("duration.hours", { n: minutes / 60 });
}

/**
 * A length of time as people read it, in its two largest units: "2 days 11 h", "3 h 5 min",
 * "4 min", "12 s" ("2 天 11 小时" in Chinese). Seconds only under a minute, unless `seconds` asks
 * for them beside the minutes too (a paging latency: "4 min 10 s"). Whole units, rounded down.
 */
export function formatSpan(t: T, ms: number, { seconds = false }: { seconds?: boolean } = {}): string {
  const s = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pair = (a: string, b: string | null) => (b ? `${a} ${b}` : a);
  if (d > 0) return pair(t("duration.days", { n: d }), h ? t("duration.hours", { n: h }) : null);
  if (h > 0) return pair(t("duration.hours", { n: h }), m ? t("duration.minutes", { n: m }) : null);
  if (m > 0) return pair(t("duration.minutes", { n: m }), seconds && sec ? t("duration.seconds", { n: sec }) : null);
  return t("duration.seconds", { n: sec });
}

/** The mark between a label and its value: "Due: " in English, "到期：" (full width, no space) in Chinese. */
export function labelMark(locale: string): string {
  return locale === "zh" ? "：" : ": ";
}

/** Names listed as the language lists them: "China, EMEA, Americas"; "中国、欧洲、美洲". */
export function joinList(locale: string, items: readonly string[]): string {
  return items.join(locale === "zh" ? "、" : ", ");
}

/** A percentage with up to two decimals in the viewer's locale. */
export function formatPercent(locale: string, value: number, digits = 2): string {
  return numberFormat(languageTag(locale), {
    style: "percent",
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(value);
}

/**
 * A time zone named for labelling times: its IANA name and the generic name of its clock in the
 * viewer's language, "America/Los_Angeles (Pacific Time)", "Asia/Shanghai（中国标准时间）". Generic,
 * not the abbreviation in force at `at` ("PST"): the times a page shows may fall on either side of a
 * daylight-saving change, and "PST" beside a summer time reads as an hour off.
 */
export function zoneName(locale: string, timeZone: string, at: Date): string {
  const format = dateTimeFormat(languageTag(locale), { timeZone, timeZoneName: "longGeneric" });
  const name = format.formatToParts(at).find((p) => p.type === "timeZoneName")?.value;
  if (!name || name === timeZone) return timeZone;
  return locale === "zh" ? `${timeZone}（${name}）` : `${timeZone} (${name})`;
}

/**
 * A date and time with the viewer's zone named in the text itself ("Dec 7, 2026, 07:11 AM PST",
 * "2026年12月7日 GMT-8 07:11"), for a time on a page that names its zone nowhere else.
 */
export const DATE_TIME_WITH_ZONE = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
} as const;

/** A month ("YYYY-MM", a UTC period) as people write it: "Jul 2026" ("July 2026" long), "2026年7月". */
export function monthWriter(locale: string, month: "short" | "long" = "short"): (key: string) => string {
  const write = dateWriter(languageTag(locale), "UTC", { year: "numeric", month });
  return (key) => write(monthStart(key));
}

/** A quarter ("YYYY-QN", a UTC period) as people write it in `locale` (server/periods quarterLabel). */
export function quarterWriter(locale: string): (key: string) => string {
  return (key) => quarterLabel(key, locale);
}

/**
 * The change from one count to the next as a signed whole percentage in the viewer's locale
 * ("+12%", "-5%", "0%"); null when the earlier count is 0 and the later is not (no percentage of
 * nothing: the caller says "new").
 */
export function formatChange(locale: string, current: number, previous: number): string | null {
  if (previous === 0 && current !== 0) return null;
  const ratio = previous === 0 ? 0 : (current - previous) / previous;
  return numberFormat(languageTag(locale), {
    style: "percent",
    signDisplay: "exceptZero",
    maximumFractionDigits: 0,
  }).format(ratio);
}

/**
 * Dates as use-intl's `format.dateTime(d, options)` writes them in `locale` and `timeZone` (a zone
 * in `options` wins), from one Intl.DateTimeFormat shared by the process. use-intl builds its
 * formatters per request (about 65 µs for each kind of date a page writes) and finds them again by
 * a JSON key on every call; a list page wrote 0.3-0.45 ms of its dates that way (issue 25).
 */
export function dateWriter(
  locale: string,
  timeZone: string | undefined,
  options: Intl.DateTimeFormatOptions,
): (d: Date) => string {
  const format = dateTimeFormat(locale, { timeZone, ...options });
  return (d) => format.format(d);
}

/** A picked day ("YYYY-MM-DD") as that very day in the viewer's language (written in UTC, where its noon lies on it). */
export function dayWriter(locale: string): (day: string) => string {
  const write = dateWriter(locale, "UTC", { dateStyle: "medium" });
  return (day) => write(instantOfDay(day));
}
