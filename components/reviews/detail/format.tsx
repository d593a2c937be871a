import { getFormatter, getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { formatChange, formatPercent, monthWriter } from "@/components/format";
import { formatDowntime } from "@/components/incidents/format";
import type { DataCell } from "@/components/ui/data-table";
import type { Figures } from "./types";

/**
 * How the review's sections write dates, percentages, money and changes, in the viewer's language
 * and time zone (next-intl caches these per request, so each section may ask).
 */
export async function reviewFormat() {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const zone = await getTimeZone();
  const when = (d: Date | string) =>
    format.dateTime(new Date(d), { dateStyle: "medium", timeStyle: "short", timeZone: zone });
  const day = (d: Date | string) => format.dateTime(new Date(d), { dateStyle: "medium", timeZone: zone });
  // Quarters are UTC periods (as on the dashboards), so their first and last days are UTC dates.
  const utcDay = (d: Date | string) => format.dateTime(new Date(d), { dateStyle: "medium", timeZone: "UTC" });
  const pct = (v: number | null, digits = 1) => (v === null ? "—" : formatPercent(locale, v, digits));
  /** A figure as a table cell: the attainment, then how many targets it counts (components/ui/data-table.tsx). */
  const figure = (f: Figures): DataCell => ({
    text: pct(f.attainment),
    strong: true,
    note: t("reviews.nOf", { n: f.n, excluded: f.excluded }),
  });
  const money = (cents: number) => format.number(cents / 100, { style: "currency", currency: "USD" });
  /** From the previous quarter to this one: "+12%", or "new" when the previous quarter had none. */
  const change = (cur: number, prev: number) => formatChange(locale, cur, prev) ?? t("reviews.changeNew");
  const month = monthWriter(locale);
  const downtime = (minutes: number) => formatDowntime(t, minutes);
  return { t, locale, zone, when, day, utcDay, pct, figure, money, change, month, downtime };
}
