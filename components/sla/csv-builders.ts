/**
 * The rows of every CSV export (the four /sla charts here, a customer's "Our service" page in
 * components/service/csv-rows.ts), built from the same data the charts and tables show. Pure, so
 * each builder is unit-tested.
 *
 * Conventions, the same in every export:
 * - Headers and values in the viewer's language (the language of the page the file was downloaded
 *   from), written as people write them: "Enterprise", "P1 high", "Android", never the stored codes.
 * - Shares as percentages rounded to one decimal (99.2, not 0.992345); the header says "(%)".
 * - Periods as ISO months ("2026-04") or quarters ("2026-Q2"): no export carries a time of day, so
 *   none needs a zone. Money as a plain number with the currency named in the header.
 */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { Metric } from "./url";

type Outputs = inferRouterOutputs<AppRouter>["sla"];
type Dashboard = Outputs["dashboard"];
type Trend = Outputs["trend"];

/** A translator of full message keys (`useTranslations()` or `getTranslations()` without a namespace). */
export type Translate = (key: string) => string;
export type CsvCell = string | number | null;
export type CsvTable = { header: string[]; rows: CsvCell[][] };

const METRICS = ["firstResponse", "workaround", "resolution"] as const;

/** A share (0..1) as a percentage rounded to one decimal (0.992345 → 99.2); empty when there is none. */
export const csvPercent = (share: number | null): number | null =>
  share === null ? null : Math.round(share * 1000) / 10;

/** Cents as a currency amount with two decimals at most (123456 → 1234.56). */
export const csvMoney = (cents: number) => Math.round(cents) / 100;

/** /sla trend chart: one row per month, five columns per tier for the chosen metric. */
export function trendCsv(trend: Pick<Trend, "months" | "series">, metric: Metric, t: Translate): CsvTable {
  const tierName = (code: string) => t(`tier.${code}`);
  return {
    header: [
      t("sla.month"),
      ...trend.series.flatMap((s) => [
        `${tierName(s.tierCode)} · ${t("sla.attainment")} (%)`,
        `${tierName(s.tierCode)} · ${t("sla.met")}`,
        `${tierName(s.tierCode)} · ${t("sla.breached")}`,
        `${tierName(s.tierCode)} · n`,
        `${tierName(s.tierCode)} · ${t("sla.excluded")}`,
      ]),
    ],
    rows: trend.months.map((month, i) => [
      month,
      ...trend.series.flatMap((s) => {
        const f = s.points[i]!.byMetric[metric];
        return [csvPercent(f.attainment), f.met, f.breached, f.n, f.excluded];
      }),
    ]),
  };
}

/** /sla heatmap: one row per tier, priority and metric. */
export function heatmapCsv(heatmap: Dashboard["heatmap"], t: Translate): CsvTable {
  return {
    header: [
      t("sla.tier"),
      t("sla.priority"),
      t("sla.metric"),
      `${t("sla.attainment")} (%)`,
      t("sla.met"),
      t("sla.breached"),
      "n",
      t("sla.excluded"),
    ],
    rows: heatmap.flatMap((h) =>
      METRICS.map((m) => [
        t(`tier.${h.tierCode}`),
        t(`priority.${h.priority}`),
        t(`metric.${m}`),
        csvPercent(h.byMetric[m].attainment),
        h.byMetric[m].met,
        h.byMetric[m].breached,
        h.byMetric[m].n,
        h.byMetric[m].excluded,
      ]),
    ),
  };
}

/** /sla first-response distribution: one row per band of the target used. */
export function distributionCsv(bands: Dashboard["firstResponseBands"], t: Translate): CsvTable {
  const total = bands.reduce((s, n) => s + n, 0);
  return {
    header: [t("sla.distribution.band"), t("sla.distribution.count"), `${t("sla.distribution.share")} (%)`],
    rows: bands.map((n, band) => [t(`sla.bands.b${band}`), n, total > 0 ? csvPercent(n / total) : null]),
  };
}

/** /sla breaches: one row per product area and category. */
export function breachesCsv(breaches: Dashboard["breaches"], t: Translate): CsvTable {
  return {
    header: [t("sla.productArea"), t("sla.category"), t("sla.breached")],
    rows: breaches.map((b) => [
      t(`tickets.productAreas.${b.productArea}`),
      t(`tickets.categories.${b.category}`),
      b.breached,
    ]),
  };
}
