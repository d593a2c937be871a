"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";

export type { ChartSeries, ReviewChartProps } from "./review-chart-drawing";
import type { ReviewChartProps } from "./review-chart-drawing";

function Loading() {
  const t = useTranslations("reviews");
  return (
    <div className="flex h-full w-full items-center justify-center rounded-md bg-slate-50 text-xs text-slate-500">
      {t("chartLoading")}
    </div>
  );
}

/** Recharts arrives after the review's first paint (the tables beside each chart carry the figures). */
const ReviewBars = dynamic(() => import("./review-chart-drawing").then((m) => m.ReviewBars), {
  ssr: false,
  loading: Loading,
});

/**
 * A bar chart of a review section. It is always shown beside a table of the same figures (the
 * accessible and printable view), so the chart itself is hidden from assistive technology.
 */
export function ReviewBarChart(props: ReviewChartProps) {
  return (
    <div aria-hidden className={`${props.angled ? "h-72" : "h-56"} w-full break-inside-avoid`}>
      <ReviewBars {...props} />
    </div>
  );
}
