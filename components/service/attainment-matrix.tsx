"use client";

import Link from "@/components/ui/link";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { serviceTicketsHref, type ServiceDrill } from "./url";

/*
 * One metric's attainment on "Our service" (/organization/sla): a row per priority (and all of
 * them), a column per month and the quarter. Rendered in the browser's bundle from compact cells
 * (issue 25): drawn by the server, each of the page's cells (up to 60) travelled twice, as HTML and as its
 * element tree in the payload (about 400 bytes a cell). The server writes every text; the links
 * are built here from the figure's coordinates.
 */

/** A figure: its attainment as written, its tone, and the sentences for screen readers and under it. */
type MatrixCell = {
  /** The attainment as written ("98.5 %"), or "n/a". */
  value: string;
  /** Whether any ticket counts (met, breached or excluded): only then is the figure a link. */
  counted: boolean;
  tone: "none" | "met" | "breached";
  /** The figure read out (value, targets counted and excluded), for a figure that is a link. */
  label?: string;
  /** Under the figure: "n = 12 · 0 excluded". */
  note: string;
};

type MatrixColumn = { key: string; label: string; kind: "month" | "quarter" };
type MatrixRow = { priority: NonNullable<ServiceDrill["priority"]> | "all"; label: string; cells: MatrixCell[] };

const TONE = { none: "text-slate-500", met: "text-slate-900", breached: "text-red-700" } as const;
const shade = (c: MatrixColumn) => (c.kind === "quarter" ? "bg-slate-50" : "");

export function AttainmentMatrix({
  caption,
  corner,
  quarter,
  asOf,
  metric,
  columns,
  rows,
}: {
  caption: string;
  /** The heading of the row labels' column ("Priority"). */
  corner: string;
  quarter: string;
  /** The instant the figures were read at (ms): each figure's link opens its tickets as of then. */
  asOf: number;
  metric: NonNullable<ServiceDrill["metric"]>;
  columns: MatrixColumn[];
  rows: MatrixRow[];
}) {
  return (
    <ScrollRegion label={caption} className="-mx-5 overflow-x-auto px-5">
      <table className="w-full min-w-[36rem] border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th
              scope="col"
              className="border-b border-slate-200 px-3 py-2 text-left text-xs font-semibold text-slate-500"
            >
              {corner}
            </th>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={`border-b border-slate-200 px-3 py-2 text-right text-xs font-semibold text-slate-500 ${shade(c)}`}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.priority}>
              <th
                scope="row"
                className="border-b border-slate-100 px-3 py-2 text-left font-medium whitespace-nowrap text-slate-900"
              >
                {r.label}
              </th>
              {columns.map((c, i) => {
                const f = r.cells[i]!;
                const href = serviceTicketsHref({
                  quarter,
                  month: c.kind === "month" ? c.key : undefined,
                  metric,
                  priority: r.priority === "all" ? undefined : r.priority,
                  at: asOf,
                });
                return (
                  <td
                    key={c.key}
                    className={`border-b border-slate-100 px-3 py-2 text-right align-top tabular-nums ${shade(c)}`}
                  >
                    {f.counted ? (
                      <Link
                        href={href}
                        className={`font-semibold hover:underline ${TONE[f.tone]}`}
                        aria-label={f.label}
                      >
                        {f.value}
                      </Link>
                    ) : (
                      <span className="text-slate-500">{f.value}</span>
                    )}
                    <span className="block text-xs text-slate-500">{f.note}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
