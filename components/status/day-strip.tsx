"use client";

import { useFormatter } from "next-intl";
import { useState } from "react";

const DAY_MS = 86_400_000;

/** The bar colour of a day's downtime, the same three steps as the legend's swatches. */
function colour(minutes: number): string {
  if (minutes <= 0) return "var(--color-emerald-400)";
  if (minutes < 30) return "var(--color-amber-400)";
  return "var(--color-red-500)";
}

/**
 * One product area's days of downtime as a strip of bars, drawn as one element (issue 25: 90 spans
 * with a title each, six areas, made the status page the heaviest to render). Runs of days with the
 * same colour are one stop of a gradient; a repeating white line separates the days. Pointing at a
 * day names it and its downtime. The strip is decoration: the table view below lists every day with
 * downtime for screen readers and keyboards.
 */
export function DayStrip({
  start,
  minutes,
  labels,
  none,
}: {
  /** The first day, YYYY-MM-DD (UTC); the others follow one a day. */
  start: string;
  minutes: number[];
  /** The downtime of each day that had any, by its index, formatted on the server. */
  labels: Record<number, string>;
  /** What a day without downtime reads as. */
  none: string;
}) {
  const format = useFormatter();
  const [hover, setHover] = useState<number | null>(null);
  const n = minutes.length;
  const stops: string[] = [];
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && colour(minutes[j]!) === colour(minutes[i]!)) j++;
    stops.push(`${colour(minutes[i]!)} ${((i * 100) / n).toFixed(3)}% ${((j * 100) / n).toFixed(3)}%`);
    i = j;
  }
  const background = `repeating-linear-gradient(90deg, transparent 0 calc(100% / ${n} - 1px), #fff 0 calc(100% / ${n})), linear-gradient(90deg, ${stops.join(", ")})`;
  const dayName = (i: number) =>
    format.dateTime(new Date(Date.parse(`${start}T12:00:00Z`) + i * DAY_MS), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <div aria-hidden className="relative mt-1">
      <div
        className="h-7 rounded-sm"
        style={{ backgroundImage: background }}
        onPointerMove={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          setHover(Math.min(n - 1, Math.max(0, Math.floor(((e.clientX - box.left) / box.width) * n))));
        }}
        onPointerLeave={() => setHover(null)}
      />
      {hover === null ? null : (
        <span
          className="pointer-events-none absolute bottom-full mb-1 -translate-x-1/2 rounded bg-slate-900 px-2 py-1 text-xs whitespace-nowrap text-white shadow"
          style={{ left: `${((hover + 0.5) * 100) / n}%` }}
        >
          {dayName(hover)}: {labels[hover] ?? none}
        </span>
      )}
    </div>
  );
}
