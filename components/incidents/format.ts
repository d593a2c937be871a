import { formatPercent } from "@/components/format";
import { splitMinutes } from "./zoned";

type T = (key: string, values?: Record<string, string | number>) => string;

/** A duration of downtime: "45 min", "4 h 10 min" (t is the root translator). */
export function formatDowntime(t: T, minutes: number): string {
  const { h, m } = splitMinutes(minutes);
  if (h === 0) return t("incidents.minutes", { m });
  return m === 0 ? t("incidents.hours", { h }) : t("incidents.hoursMinutes", { h, m });
}

/** An availability percentage (stored as 99.95 for 99.95 %) with three decimals, as the status page shows it. */
export function formatAvailability(locale: string, percent: number): string {
  return formatPercent(locale, percent / 100, 3);
}
