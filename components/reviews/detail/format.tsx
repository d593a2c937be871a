import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { dateWriter, formatChange, formatPercent, monthWriter, quarterWriter } from "@/components/format";
import { numberFormat } from "@/components/i18n/intl-formatters";
import { formatDowntime } from "@/components/incidents/format";
import type { DataCell } from "@/components/ui/data-table";
import type { Figures } from "./types";

/**
 * How the review's sections write dates, percentages, money and changes, in the viewer's language
 * and time zone (next-intl caches these per request, so each section may ask), from formatters the
 * process shares (components/format.ts's dateWriter: a breach table writes dozens of dates).
 */
export async function reviewFormat() {
  const t = await getTranslations();
  const locale = await getLocale();
  const zone = await getTimeZone();
  const writeWhen = dateWriter(locale, zone, { dateStyle: "medium", timeStyle: "short" });
  const writeDay = dateWriter(locale, zone, { dateStyle: "medium" });
  // Quarters are UTC periods (as on the dashboards), so their first and last days are UTC dates.
  const writeUtcDay = dateWriter(locale, "UTC", { dateStyle: "medium" });
  const when = (d: Date | string) => writeWhen(new Date(d));
  const day = (d: Date | string) => writeDay(new Date(d));
  const utcDay = (d: Date | string) => writeUtcDay(new Date(d));
  const pct = (v: number | null, digits = 1) => (v === null ? "—" : formatPercent(locale, v, digits));
  /** A figure as a table cell: the attainment, then how many targets it counts (components/ui/data-table.tsx). */
  const figure = (f: Figures): DataCell => ({
    text: pct(f.attainment),
    strong: true,
    note: t("reviews.nOf", { n: f.n, excluded: f.excluded }),
  });
  const dollars = numberFormat(locale, { style: "currency", currency: "USD" });
  const money = (cents: number) => dollars.format(cents / 100);
  /** From the previous quarter to this one: "+12%", or "new" when the previous quarter had none. */
  const change = (cur: number, prev: number) => formatChange(locale, cur, prev) ?? t("reviews.changeNew");
  const month = monthWriter(locale);
  const quarter = quarterWriter(locale);
  const downtime = (minutes: number) => formatDowntime(t, minutes);
  return { t, locale, zone, when, day, utcDay, pct, figure, money, change, month, quarter, downtime };
}
