"use client";

import type { inferRouterOutputs } from "@trpc/server";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import dynamic from "next/dynamic";
import { formatPercent, monthWriter } from "@/components/format";
import { Table, Td, Th } from "@/components/ui/table";
import type { AppRouter } from "@/server/api/root";
import { ChartCard } from "./chart-card";
import { expandTrend, type CompactTrend } from "./compact-trend";
import { breachesCsv, distributionCsv, heatmapCsv, trendCsv } from "./csv-builders";
import { drillHref, type Metric, type SlaFilter } from "./url";

type Outputs = inferRouterOutputs<AppRouter>["sla"];
type Dashboard = Outputs["dashboard"];
type Trend = Outputs["trend"];

const METRICS = ["firstResponse", "workaround", "resolution"] as const;
const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
const TIER_COLORS = { basic: "#64748b", advanced: "#0ea5e9", enterprise: "#1d5fd6" } as const;
/** First-response bands 0-3 are within the target (met), 4-6 late. */
const MET_BANDS = 4;

/** Recharts arrives after the page's first paint; until then each chart keeps its place. */
function Drawing() {
  const t = useTranslations("sla");
  return (
    <div
      role="status"
      className="flex h-full w-full items-center justify-center rounded-md bg-slate-50 text-xs text-slate-500"
    >
      {t("chartLoading")}
    </div>
  );
}
const TrendLines = dynamic(() => import("./sla-chart-drawings").then((m) => m.TrendLines), {
  ssr: false,
  loading: Drawing,
});
const BandBars = dynamic(() => import("./sla-chart-drawings").then((m) => m.BandBars), {
  ssr: false,
  loading: Drawing,
});
const BreachBars = dynamic(() => import("./sla-chart-drawings").then((m) => m.BreachBars), {
  ssr: false,
  loading: Drawing,
});

function MetricSelect({ id, value, onChange }: { id: string; value: Metric; onChange: (m: Metric) => void }) {
  const t = useTranslations();
  return (
    <label htmlFor={id} className="flex items-center gap-1.5 text-xs font-medium text-slate-700">
      {t("sla.metric")}
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as Metric)}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs"
      >
        {METRICS.map((m) => (
          <option key={m} value={m}>
            {t(`metric.${m}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The four charts of /sla; each bar, point and cell opens the tickets behind it. */
export function SlaCharts({
  dashboard,
  trend: compact,
  filter,
}: {
  dashboard: Dashboard;
  /** The trend in its compact shape (compactTrend): the page sends counts only. */
  trend: CompactTrend;
  filter: SlaFilter;
}) {
  const trend = useMemo(() => expandTrend(compact), [compact]);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="lg:col-span-2">
        <TrendChart trend={trend} filter={filter} />
      </div>
      <Heatmap dashboard={dashboard} filter={filter} goal={trend.goal} />
      <Distribution dashboard={dashboard} filter={filter} />
      <div className="lg:col-span-2">
        <Breaches dashboard={dashboard} filter={filter} />
      </div>
    </div>
  );
}

function TrendChart({ trend, filter }: { trend: Trend; filter: SlaFilter }) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [metric, setMetric] = useState<Metric>("firstResponse");
  const monthLabel = useMemo(() => monthWriter(locale), [locale]);
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  const data = trend.months.map((month, i) => {
    const row: Record<string, string | number | null> = { month };
    for (const s of trend.series) {
      const f = s.points[i]!.byMetric[metric];
      row[s.tierCode] = pct(f.attainment);
      row[`${s.tierCode}N`] = f.n;
    }
    return row;
  });
  const tierName = (code: string) => t(`tier.${code}`);
  const drill = (month: string, tierCode?: (typeof trend.series)[number]["tierCode"]) =>
    drillHref({ ...filter, tierCode: tierCode ?? filter.tierCode, metric, month });
  return (
    <ChartCard
      id="sla-trend"
      title={t("sla.trend.title")}
      description={t("sla.trend.description", { goal: formatPercent(locale, trend.goal, 1) })}
      controls={<MetricSelect id="trend-metric" value={metric} onChange={setMetric} />}
      csv={{ filename: `sla-trend-${metric}.csv`, ...trendCsv(trend, metric, t) }}
      chart={
        <div aria-hidden className="h-72 w-full">
          <TrendLines
            data={data}
            series={trend.series.map((s) => ({
              key: s.tierCode,
              label: tierName(s.tierCode),
              color: TIER_COLORS[s.tierCode],
            }))}
            goal={trend.goal}
            monthLabel={monthLabel}
            onPickMonth={(month) => router.push(drill(month))}
          />
        </div>
      }
      table={
        <Table caption={t("sla.trend.title")}>
          <thead>
            <tr>
              <Th>{t("sla.month")}</Th>
              {trend.series.map((s) => (
                <Th key={s.tierCode} align="right">
                  {tierName(s.tierCode)}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.months.map((month, i) => (
              <tr key={month}>
                <Td header>{monthLabel(month)}</Td>
                {trend.series.map((s) => {
                  const f = s.points[i]!.byMetric[metric];
                  return (
                    <Td key={s.tierCode} align="right">
                      {f.n === 0 && f.excluded === 0 ? (
                        <span className="text-slate-500">{t("common.notAvailable")}</span>
                      ) : (
                        <Link href={drill(month, s.tierCode)} className="text-brand-700 hover:underline">
                          {f.attainment === null ? t("common.notAvailable") : formatPercent(locale, f.attainment, 1)}
                          <span className="ml-1 text-xs text-slate-500">
                            {t("common.nOf", { n: f.n })}
                            {f.excluded > 0 ? ` · ${t("common.excludedCount", { n: f.excluded })}` : ""}
                          </span>
                        </Link>
                      )}
                    </Td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </Table>
      }
    />
  );
}

function cellTone(attainment: number | null, goal: number): string {
  if (attainment === null) return "bg-slate-50 text-slate-500";
  if (attainment >= goal) return "bg-emerald-100 text-emerald-900";
  if (attainment >= goal - 0.1) return "bg-amber-100 text-amber-900";
  return "bg-red-100 text-red-900";
}

function Heatmap({ dashboard, filter, goal }: { dashboard: Dashboard; filter: SlaFilter; goal: number }) {
  const t = useTranslations();
  const locale = useLocale();
  const [metric, setMetric] = useState<Metric>("firstResponse");
  const tiers = [...new Set(dashboard.heatmap.map((h) => h.tierCode))];
  const cell = (tierCode: (typeof tiers)[number], priority: (typeof PRIORITIES)[number]) =>
    dashboard.heatmap.find((h) => h.tierCode === tierCode && h.priority === priority)!;
  return (
    <ChartCard
      id="sla-heatmap"
      title={t("sla.heatmap.title")}
      description={t("sla.heatmap.description")}
      controls={<MetricSelect id="heatmap-metric" value={metric} onChange={setMetric} />}
      csv={{ filename: "sla-tier-priority.csv", ...heatmapCsv(dashboard.heatmap, t) }}
      chart={
        <table className="w-full table-fixed border-separate border-spacing-1 text-xs">
          <caption className="sr-only">{t("sla.heatmap.title")}</caption>
          <thead>
            <tr>
              <th scope="col" className="w-24">
                <span className="sr-only">{t("sla.tier")}</span>
              </th>
              {PRIORITIES.map((p) => (
                <th scope="col" key={p} className="px-1 py-1 text-center font-semibold text-slate-600">
                  {p}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tiers.map((tier) => (
              <tr key={tier}>
                <th scope="row" className="pr-2 text-left font-semibold text-slate-700">
                  {t(`tier.${tier}`)}
                </th>
                {PRIORITIES.map((p) => {
                  const f = cell(tier, p).byMetric[metric];
                  return (
                    <td key={p} className="p-0">
                      <Link
                        href={drillHref({ ...filter, tierCode: tier, priority: p, metric })}
                        aria-label={t("sla.heatmap.cell", {
                          tier: t(`tier.${tier}`),
                          priority: p,
                          value:
                            f.attainment === null ? t("common.notAvailable") : formatPercent(locale, f.attainment, 1),
                          n: f.n,
                          excluded: f.excluded,
                        })}
                        className={`flex min-h-16 flex-col items-center justify-center rounded-md px-1 py-2 text-center hover:ring-2 hover:ring-brand-600 ${cellTone(f.attainment, goal)}`}
                      >
                        {/* Spaces between the lines (a flex column does not draw them): the visible text
                            reads "n = 21 1 excluded", as the link's name does, not "n = 211 excluded". */}
                        <span className="text-sm font-semibold tabular-nums">
                          {f.attainment === null ? "–" : formatPercent(locale, f.attainment, 1)}
                        </span>{" "}
                        <span className="tabular-nums opacity-80">{t("common.nOf", { n: f.n })}</span>{" "}
                        {f.excluded > 0 ? (
                          <span className="tabular-nums opacity-80">
                            {t("common.excludedCount", { n: f.excluded })}
                          </span>
                        ) : null}
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      }
      table={
        <Table caption={t("sla.heatmap.title")}>
          <thead>
            <tr>
              <Th>{t("sla.tier")}</Th>
              <Th>{t("sla.priority")}</Th>
              <Th align="right">{t("sla.attainment")}</Th>
              <Th align="right">{t("sla.met")}</Th>
              <Th align="right">{t("sla.breached")}</Th>
              <Th align="right">{t("sla.excluded")}</Th>
            </tr>
          </thead>
          <tbody>
            {dashboard.heatmap.map((h) => {
              const f = h.byMetric[metric];
              return (
                <tr key={`${h.tierCode}-${h.priority}`}>
                  <Td header>{t(`tier.${h.tierCode}`)}</Td>
                  <Td>{h.priority}</Td>
                  <Td align="right">
                    <Link
                      href={drillHref({ ...filter, tierCode: h.tierCode, priority: h.priority, metric })}
                      className="text-brand-700 hover:underline"
                    >
                      {f.attainment === null ? t("common.notAvailable") : formatPercent(locale, f.attainment, 1)}{" "}
                      <span className="text-xs text-slate-500">{t("common.nOf", { n: f.n })}</span>
                    </Link>
                  </Td>
                  <Td align="right">{f.met}</Td>
                  <Td align="right">
                    {f.breached > 0 ? (
                      <Link
                        href={drillHref({
                          ...filter,
                          tierCode: h.tierCode,
                          priority: h.priority,
                          metric,
                          outcome: "breached",
                        })}
                        className="text-red-700 hover:underline"
                      >
                        {f.breached}
                      </Link>
                    ) : (
                      0
                    )}
                  </Td>
                  <Td align="right">{f.excluded}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      }
    />
  );
}

function Distribution({ dashboard, filter }: { dashboard: Dashboard; filter: SlaFilter }) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const total = dashboard.firstResponseBands.reduce((s, n) => s + n, 0);
  const data = dashboard.firstResponseBands.map((n, band) => ({ band, label: t(`sla.bands.b${band}`), n }));
  return (
    <ChartCard
      id="sla-distribution"
      title={t("sla.distribution.title")}
      description={t("sla.distribution.description")}
      csv={{ filename: "sla-first-response-distribution.csv", ...distributionCsv(dashboard.firstResponseBands, t) }}
      chart={
        <div aria-hidden className="h-64 w-full">
          <BandBars
            data={data}
            metBands={MET_BANDS}
            onPickBand={(band) => router.push(drillHref({ ...filter, metric: "firstResponse", band }))}
          />
        </div>
      }
      table={
        <Table caption={t("sla.distribution.title")}>
          <thead>
            <tr>
              <Th>{t("sla.distribution.band")}</Th>
              <Th align="right">{t("sla.distribution.count")}</Th>
              <Th align="right">{t("sla.distribution.share")}</Th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.band}>
                <Td header>{d.label}</Td>
                <Td align="right">
                  <Link
                    href={drillHref({ ...filter, metric: "firstResponse", band: d.band })}
                    className="text-brand-700 hover:underline"
                  >
                    {d.n}
                  </Link>
                </Td>
                <Td align="right">{total > 0 ? formatPercent(locale, d.n / total, 1) : t("common.notAvailable")}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      }
    />
  );
}

function Breaches({ dashboard, filter }: { dashboard: Dashboard; filter: SlaFilter }) {
  const t = useTranslations();
  const router = useRouter();
  const sum = <K extends "productArea" | "category">(key: K) => {
    const m = new Map<Dashboard["breaches"][number][K], number>();
    for (const b of dashboard.breaches) m.set(b[key], (m.get(b[key]) ?? 0) + b.breached);
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  };
  const byArea = sum("productArea").map(([productArea, n]) => ({
    key: productArea,
    label: t(`tickets.productAreas.${productArea}`),
    n,
  }));
  const byCategory = sum("category").map(([category, n]) => ({
    key: category,
    label: t(`tickets.categories.${category}`),
    n,
  }));
  const bars = (data: { key: string; label: string; n: number }[], onPick: (key: string) => void) =>
    data.length === 0 ? (
      <p className="py-10 text-center text-sm text-slate-600">{t("sla.breachesChart.empty")}</p>
    ) : (
      <div aria-hidden style={{ height: Math.max(120, data.length * 34 + 30) }} className="w-full">
        <BreachBars data={data} onPick={onPick} />
      </div>
    );
  return (
    <ChartCard
      id="sla-breaches"
      title={t("sla.breachesChart.title")}
      description={t("sla.breachesChart.description")}
      csv={{ filename: "sla-breaches.csv", ...breachesCsv(dashboard.breaches, t) }}
      chart={
        <div className="grid gap-6 md:grid-cols-2">
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("sla.breachesChart.byArea")}</h3>
            {bars(byArea, (key) =>
              router.push(drillHref({ ...filter, productArea: key as typeof filter.productArea, outcome: "breached" })),
            )}
          </div>
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("sla.breachesChart.byCategory")}</h3>
            {bars(byCategory, (key) =>
              router.push(
                drillHref({
                  ...filter,
                  category: key as Dashboard["breaches"][number]["category"],
                  outcome: "breached",
                }),
              ),
            )}
          </div>
        </div>
      }
      table={
        dashboard.breaches.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-600">{t("sla.breachesChart.empty")}</p>
        ) : (
          <Table caption={t("sla.breachesChart.title")}>
            <thead>
              <tr>
                <Th>{t("sla.productArea")}</Th>
                <Th>{t("sla.category")}</Th>
                <Th align="right">{t("sla.breached")}</Th>
              </tr>
            </thead>
            <tbody>
              {[...dashboard.breaches]
                .sort((a, b) => b.breached - a.breached)
                .map((b) => (
                  <tr key={`${b.productArea}-${b.category}`}>
                    <Td header>{t(`tickets.productAreas.${b.productArea}`)}</Td>
                    <Td>{t(`tickets.categories.${b.category}`)}</Td>
                    <Td align="right">
                      <Link
                        href={drillHref({
                          ...filter,
                          productArea: b.productArea,
                          category: b.category,
                          outcome: "breached",
                        })}
                        className="text-red-700 hover:underline"
                      >
                        {b.breached}
                      </Link>
                    </Td>
                  </tr>
                ))}
            </tbody>
          </Table>
        )
      }
    />
  );
}
