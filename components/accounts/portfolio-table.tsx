"use client";

import Link from "@/components/ui/link";
import { HealthScore, type HealthBand } from "@/components/accounts/health-score";
import { HealthTrend } from "@/components/accounts/health-trend";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { TrendPoint } from "@/server/accounts/portfolio";
import type { PortfolioSort } from "@/server/accounts/portfolio-sort";

/**
 * One account of the portfolio with its texts already written in the viewer's language
 * (components/accounts/portfolio-grid.tsx): the compact shape the page sends to the browser.
 */
export type PortfolioTableRow = {
  id: number;
  name: string;
  /** Region and account manager: "EMEA · Amelia Brooks". */
  subtitle: string;
  tier: string;
  health: { score: number; band: HealthBand };
  /** The band's name in the viewer's language ("At risk"). */
  healthBand: string;
  trend: TrendPoint[];
  trendLabel: string;
  open: number;
  breaches: number;
  followUp: {
    day: string;
    overdue: boolean;
    state: { text: string; tone: BadgeTone } | null;
    more: string | null;
  } | null;
  engagement: string;
  renewal: string;
  renewalNote: string;
  renewalSoon: boolean;
};

/** A column heading: its label, and the link that sorts by it (none for the trend). */
export type PortfolioHeading = {
  key: PortfolioSort | "trend";
  label: string;
  align?: "right";
  /** The address sorting by this column; null for a column that does not sort. */
  href: string | null;
  /** The current order when the table is sorted by this column. */
  active: "asc" | "desc" | null;
  hint?: string;
};

/** A cell: a labelled line of a card at phone width, a table cell from `md` up (the `card-cell` utility in app/globals.css). */
const cell = "card-cell";
const number = `${cell} md:text-right md:tabular-nums`;

/**
 * The portfolio's table. A client component for its payload only (issue 25): drawn on the server
 * from these compact rows, it sends each row once as data (about 0.4 KB) where the rows rendered as
 * server elements travelled a second time in the page's payload (about 2 KB each). It holds no state.
 */
export function PortfolioTable({
  caption,
  headings,
  rows,
}: {
  caption: string;
  headings: PortfolioHeading[];
  rows: PortfolioTableRow[];
}) {
  const label = (key: PortfolioHeading["key"]) => headings.find((h) => h.key === key)?.label ?? "";
  return (
    <ScrollRegion label={caption} className="md:-mx-5 md:overflow-x-auto md:px-5">
      <table className="block w-full text-sm md:table md:min-w-[60rem] md:border-collapse">
        <caption className="sr-only">{caption}</caption>
        <thead className="block md:table-header-group">
          <tr className="mb-3 flex flex-wrap gap-2 md:mb-0 md:table-row">
            {headings.map((h) => (
              <th
                key={h.key}
                scope="col"
                aria-sort={h.active ? (h.active === "asc" ? "ascending" : "descending") : undefined}
                className={`${h.href === null ? "hidden md:table-cell" : "block md:table-cell"} text-xs font-semibold tracking-wide text-slate-500 uppercase md:border-b md:border-slate-200 md:px-2.5 md:py-2 ${h.align === "right" ? "md:text-right" : "text-left"}`}
              >
                {h.href === null ? (
                  <span title={h.hint}>{h.label}</span>
                ) : (
                  <Link
                    href={h.href}
                    className={`inline-flex items-center gap-1 rounded-full border px-2.5 py-1 normal-case hover:text-brand-700 md:rounded-none md:border-0 md:p-0 md:uppercase ${h.active ? "text-brand-800 border-brand-600" : "border-slate-200"}`}
                  >
                    {h.label}
                    <span aria-hidden className={h.active ? "" : "text-slate-300"}>
                      {h.active ? (h.active === "asc" ? "↑" : "↓") : "↕"}
                    </span>
                  </Link>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block space-y-3 md:table-row-group md:space-y-0">
          {rows.map((r) => (
            <tr key={r.id} className={r.followUp?.overdue ? "card-row md:bg-red-50/40" : "card-row"}>
              <th scope="row" className="card-head">
                <Link href={`/organizations/${r.id}`} className="font-semibold text-brand-700 hover:underline">
                  {r.name}
                </Link>
                <span className="block text-xs text-slate-500">{r.subtitle}</span>
              </th>
              <td data-label={label("tier")} className={cell}>
                {r.tier}
              </td>
              <td data-label={label("health")} className={cell}>
                <HealthScore health={r.health} band={r.healthBand} />
              </td>
              <td data-label={label("trend")} className={cell}>
                <HealthTrend points={r.trend} label={r.trendLabel} />
              </td>
              <td data-label={label("open")} className={number}>
                {r.open}
              </td>
              <td
                data-label={label("breaches")}
                className={`${number} ${r.breaches > 0 ? "font-semibold text-red-700" : ""}`}
              >
                {r.breaches}
              </td>
              <td data-label={label("followUp")} className={cell}>
                {r.followUp ? (
                  <span className="inline-flex flex-wrap items-center justify-end gap-1 md:justify-start">
                    <Link href={`/organizations/${r.id}#follow-ups`} className="text-brand-700 hover:underline">
                      {r.followUp.day}
                    </Link>
                    {r.followUp.state ? <Badge tone={r.followUp.state.tone}>{r.followUp.state.text}</Badge> : null}
                    {r.followUp.more ? <span className="text-xs text-slate-500">{r.followUp.more}</span> : null}
                  </span>
                ) : (
                  "—"
                )}
              </td>
              <td data-label={label("engagement")} className={cell}>
                {r.engagement}
              </td>
              <td data-label={label("renewal")} className={cell}>
                <span className="text-right md:text-left">
                  {r.renewal}
                  <span className={`block text-xs ${r.renewalSoon ? "text-amber-700" : "text-slate-500"}`}>
                    {r.renewalNote}
                  </span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
