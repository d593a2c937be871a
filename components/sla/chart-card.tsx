"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { toCsv } from "./csv";

type Csv = { filename: string; header: string[]; rows: (string | number | null)[][] };

/**
 * A chart with its table view and CSV export, both built from the same rows the chart draws, so
 * the three never disagree. The table is the accessible view: its links drill down like the chart's
 * bars and cells do.
 */
export function ChartCard({
  id,
  title,
  description,
  controls,
  chart,
  table,
  csv,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  controls?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  csv: Csv;
}) {
  const t = useTranslations("sla");
  const [view, setView] = useState<"chart" | "table">("chart");
  const download = () => {
    const blob = new Blob(["\ufeff", toCsv(csv.header, csv.rows)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = csv.filename;
    a.click();
    URL.revokeObjectURL(url);
  };
  const toggle = (v: "chart" | "table", label: string) => (
    <button
      type="button"
      aria-pressed={view === v}
      onClick={() => setView(v)}
      className={`px-2.5 py-1 text-xs font-medium ${view === v ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
    >
      {label}
    </button>
  );
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-100 px-5 py-4">
        <div className="min-w-0">
          <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {controls}
          <div
            role="group"
            aria-label={t("view", { chart: title })}
            className="inline-flex overflow-hidden rounded-md border border-slate-300"
          >
            {toggle("chart", t("chartView"))}
            {toggle("table", t("tableView"))}
          </div>
          <button
            type="button"
            onClick={download}
            className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
          >
            {t("downloadCsv")}
          </button>
        </div>
      </header>
      <div className="px-5 py-4">{view === "chart" ? chart : table}</div>
    </section>
  );
}
