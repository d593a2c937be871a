import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatDay, STATE_TONE } from "@/components/accounts/follow-ups-card";
import { HealthScore } from "@/components/accounts/health-card";
import { HealthTrend } from "@/components/accounts/health-trend";
import { Badge } from "@/components/ui/badge";
import { followUpState } from "@/server/accounts/follow-up-rules";
import type { PortfolioRow } from "@/server/accounts/portfolio";
import { DEFAULT_DIR, type PortfolioSort, type SortDir } from "@/server/accounts/portfolio-sort";

export type GridRow = PortfolioRow;

type Column = PortfolioSort | "trend";
const COLUMNS: { key: Column; align?: "right" }[] = [
  { key: "name" },
  { key: "tier" },
  { key: "health" },
  { key: "trend" },
  { key: "open", align: "right" },
  { key: "breaches", align: "right" },
  { key: "followUp" },
  { key: "engagement" },
  { key: "renewal" },
];

/** A cell: a labelled line of a card at phone width, a table cell from `md` up (the `card-cell` utility in app/globals.css). */
const cell = "card-cell";

/**
 * The portfolio as a grid: one row per account, sorted on the server by the column whose heading
 * was chosen (a link: `?sort=<column>&dir=asc|desc`, the active heading marked with aria-sort).
 * At phone width each row reads as a card of labelled lines and the headings as sort links above.
 */
export async function PortfolioGrid({
  rows,
  sort,
  dir,
  today,
  hrefFor,
}: {
  rows: GridRow[];
  sort: PortfolioSort;
  dir: SortDir;
  today: string;
  /** The portfolio's address with these parameters changed (filters kept, page reset). */
  hrefFor: (changes: Record<string, string | undefined>) => string;
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const col = (key: Column) => t(`accounts.portfolio.columns.${key}`);
  const sortHref = (key: PortfolioSort) => {
    const next: SortDir = key === sort ? (dir === "asc" ? "desc" : "asc") : DEFAULT_DIR[key];
    return hrefFor({
      sort: key === "health" && next === DEFAULT_DIR.health ? undefined : key,
      dir: next === DEFAULT_DIR[key] ? undefined : next,
      page: undefined,
    });
  };
  return (
    <div className="md:-mx-5 md:overflow-x-auto md:px-5">
      <table className="block w-full text-sm md:table md:min-w-[60rem] md:border-collapse">
        <caption className="sr-only">
          {t("accounts.portfolio.caption", { column: col(sort), dir: t(`accounts.portfolio.dirs.${dir}`) })}
        </caption>
        <thead className="block md:table-header-group">
          <tr className="mb-3 flex flex-wrap gap-2 md:mb-0 md:table-row">
            {COLUMNS.map(({ key, align }) => {
              const active = key === sort;
              return (
                <th
                  key={key}
                  scope="col"
                  aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
                  className={`${key === "trend" ? "hidden md:table-cell" : "block md:table-cell"} text-xs font-semibold tracking-wide text-slate-500 uppercase md:border-b md:border-slate-200 md:px-2.5 md:py-2 ${align === "right" ? "md:text-right" : "text-left"}`}
                >
                  {key === "trend" ? (
                    <span title={t("accounts.portfolio.trendHint")}>{col(key)}</span>
                  ) : (
                    <Link
                      href={sortHref(key)}
                      className={`inline-flex items-center gap-1 rounded-full border px-2.5 py-1 normal-case hover:text-brand-700 md:rounded-none md:border-0 md:p-0 md:uppercase ${active ? "text-brand-800 border-brand-600" : "border-slate-200"}`}
                    >
                      {col(key)}
                      <span aria-hidden className={active ? "" : "text-slate-300"}>
                        {active ? (dir === "asc" ? "↑" : "↓") : "↕"}
                      </span>
                    </Link>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="block space-y-3 md:table-row-group md:space-y-0">
          {rows.map((r) => {
            const due = r.nextFollowUpOn ? followUpState(r.nextFollowUpOn, false, today) : null;
            return (
              <tr key={r.id} className={due === "overdue" ? "card-row md:bg-red-50/40" : "card-row"}>
                <th scope="row" className="card-head">
                  <Link href={`/organizations/${r.id}`} className="font-semibold text-brand-700 hover:underline">
                    {r.name}
                  </Link>
                  <span className="block text-xs text-slate-500">
                    {`${t(`region.${r.region}`)} · ${r.accountManager ?? "—"}`}
                  </span>
                </th>
                <td data-label={col("tier")} className={cell}>
                  {t(`tier.${r.tier}`)}
                </td>
                <td data-label={col("health")} className={cell}>
                  <HealthScore health={r.health} band={t(`accounts.health.bands.${r.health.band}`)} />
                </td>
                <td data-label={col("trend")} className={cell}>
                  <HealthTrend
                    points={r.trend}
                    nowLabel={t("accounts.portfolio.trendNow")}
                    describe={(points) => t("accounts.portfolio.trendLabel", { points })}
                  />
                </td>
                <td data-label={col("open")} className={`${cell} md:text-right md:tabular-nums`}>
                  {r.openTickets}
                </td>
                <td
                  data-label={col("breaches")}
                  className={`${cell} md:text-right md:tabular-nums ${r.breachesThisQuarter > 0 ? "font-semibold text-red-700" : ""}`}
                >
                  {r.breachesThisQuarter}
                </td>
                <td data-label={col("followUp")} className={cell}>
                  {r.nextFollowUpOn && due ? (
                    <span className="inline-flex flex-wrap items-center justify-end gap-1 md:justify-start">
                      <Link href={`/organizations/${r.id}#follow-ups`} className="text-brand-700 hover:underline">
                        {formatDay(format, r.nextFollowUpOn)}
                      </Link>
                      {due !== "upcoming" ? (
                        <Badge tone={STATE_TONE[due]}>{t(`accounts.followUps.states.${due}`)}</Badge>
                      ) : null}
                      {r.openFollowUps > 1 ? (
                        <span className="text-xs text-slate-500">
                          {t("accounts.portfolio.followUpMore", { n: r.openFollowUps - 1 })}
                        </span>
                      ) : null}
                    </span>
                  ) : (
                    "—"
                  )}
                </td>
                <td data-label={col("engagement")} className={cell}>
                  {r.daysSinceEngagement === null
                    ? t("accounts.health.explain.engagementNone")
                    : t("accounts.health.explain.engagement", { days: r.daysSinceEngagement })}
                </td>
                <td data-label={col("renewal")} className={cell}>
                  <span className="text-right md:text-left">
                    {formatDay(format, r.contractEnd)}
                    <span className={`block text-xs ${r.daysToRenewal < 90 ? "text-amber-700" : "text-slate-500"}`}>
                      {r.daysToRenewal < 0
                        ? t("accounts.org.lapsed", { days: -r.daysToRenewal })
                        : t("accounts.org.daysToRenewal", { days: r.daysToRenewal })}
                    </span>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
