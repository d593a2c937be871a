"use client";

/**
 * The Recharts drawing of a review chart; review-chart.tsx loads it after the page's first paint and
 * hides it from assistive technology, so the drawing stays out of the tab order (accessibilityLayer
 * off): a focusable element inside an aria-hidden one would be reached but never read.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type ChartSeries = { key: string; label: string; color: string };

export type ReviewChartProps = {
  data: Record<string, string | number | null>[];
  xKey: string;
  series: ChartSeries[];
  domain?: [number, number];
  reference?: { value: number; label: string };
  unit?: string;
  /** Long category names: slanted labels so they do not overlap. */
  angled?: boolean;
};

export function ReviewBars({ data, xKey, series, domain, reference, unit = "", angled = false }: ReviewChartProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
        <XAxis
          dataKey={xKey}
          tick={{ fontSize: 11 }}
          interval={0}
          {...(angled ? { angle: -35, textAnchor: "end", height: 80 } : {})}
        />
        <YAxis tick={{ fontSize: 11 }} domain={domain ?? [0, "auto"]} unit={unit} allowDecimals={unit !== ""} />
        <Tooltip formatter={(v) => `${String(v)}${unit}`} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {reference ? (
          <ReferenceLine
            y={reference.value}
            stroke="#dc2626"
            strokeDasharray="4 4"
            label={{ value: reference.label, fontSize: 11, fill: "#dc2626", position: "insideTopRight" }}
          />
        ) : null}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
