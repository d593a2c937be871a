"use client";

/**
 * The Recharts drawings of /sla, in a module of their own so the page loads Recharts after its first
 * paint (sla-charts.tsx imports them with next/dynamic): the tiles, the heatmap and every table view
 * work before it arrives. Each drawing takes plain rows and reports a pick; the caller drills down.
 * A drawing is for the eye and the mouse: its table view carries the same figures and links, so the
 * drawing is left out of the tab order (accessibilityLayer off) and hidden from assistive technology
 * by its caller, as the review charts are (components/reviews/review-chart.tsx).
 */
import { useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type TrendRow = Record<string, string | number | null>;

/**
 * Attainment per tier by month (percent), against the goal; picking a month drills into it. Rows
 * carry the month's key ("YYYY-MM"), which the axis and tooltip write with `monthLabel`.
 */
export function TrendLines({
  data,
  series,
  goal,
  monthLabel,
  onPickMonth,
}: {
  data: TrendRow[];
  series: { key: string; label: string; color: string }[];
  goal: number;
  monthLabel: (month: string) => string;
  onPickMonth: (month: string) => void;
}) {
  const t = useTranslations();
  const label = new Map(series.map((s) => [s.key, s.label]));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart
        accessibilityLayer={false}
        data={data}
        margin={{ top: 8, right: 12, bottom: 0, left: -12 }}
        onClick={(state) => {
          const month = state?.activeLabel;
          if (typeof month === "string") onPickMonth(month);
        }}
        style={{ cursor: "pointer" }}
      >
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
        <XAxis
          dataKey="month"
          tick={{ fontSize: 11 }}
          interval="preserveStartEnd"
          minTickGap={16}
          tickFormatter={(m) => monthLabel(String(m))}
        />
        <YAxis domain={[0, 100]} tick={{ fontSize: 11 }} unit="%" />
        <Tooltip
          labelFormatter={(m) => monthLabel(String(m))}
          formatter={(value, name) => [
            value === null || value === undefined ? t("common.notAvailable") : `${value}%`,
            label.get(String(name)) ?? String(name),
          ]}
        />
        <Legend formatter={(value) => label.get(String(value)) ?? String(value)} wrapperStyle={{ fontSize: 12 }} />
        <ReferenceLine
          y={goal * 100}
          stroke="#dc2626"
          strokeDasharray="6 3"
          label={{ value: t("sla.trend.goal"), position: "insideBottomRight", fontSize: 11, fill: "#dc2626" }}
        />
        {series.map((s) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            stroke={s.color}
            strokeWidth={2}
            dot={{ r: 2 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

/** First responses by share of the target used; bands before `metBands` were within the target. */
export function BandBars({
  data,
  metBands,
  onPickBand,
}: {
  data: { band: number; label: string; n: number }[];
  metBands: number;
  onPickBand: (band: number) => void;
}) {
  const t = useTranslations();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 10 }} interval={0} angle={-30} textAnchor="end" height={50} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
        <Tooltip formatter={(value) => [String(value), t("sla.distribution.count")]} />
        <ReferenceLine
          x={data[metBands - 1]!.label}
          stroke="#dc2626"
          strokeDasharray="6 3"
          label={{ value: t("sla.distribution.target"), position: "top", fontSize: 11, fill: "#dc2626" }}
        />
        <Bar
          dataKey="n"
          isAnimationActive={false}
          cursor="pointer"
          onClick={(item) => onPickBand((item.payload as { band: number }).band)}
        >
          {data.map((d) => (
            <Cell key={d.band} fill={d.band < metBands ? "#10b981" : "#ef4444"} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Breached targets per key (product area or category), largest first. */
export function BreachBars({
  data,
  onPick,
}: {
  data: { key: string; label: string; n: number }[];
  onPick: (key: string) => void;
}) {
  const t = useTranslations();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
      >
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 11 }} />
        <Tooltip formatter={(value) => [String(value), t("sla.breached")]} />
        <Bar
          dataKey="n"
          fill="#ef4444"
          isAnimationActive={false}
          cursor="pointer"
          onClick={(item) => onPick((item.payload as { key: string }).key)}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
