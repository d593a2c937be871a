import { getLocale, getTranslations } from "next-intl/server";
import { STATE_TONE } from "@/components/accounts/follow-ups-card";
import { dayWriter, quarterWriter } from "@/components/format";
import { trendQuarters } from "@/components/accounts/health-trend";
import { PortfolioTable, type PortfolioHeading, type PortfolioTableRow } from "@/components/accounts/portfolio-table";
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

/**
 * The portfolio as a grid: one row per account, sorted on the server by the column whose heading
 * was chosen (a link: `?sort=<column>&dir=asc|desc`, the active heading marked with aria-sort).
 * At phone width each row reads as a card of labelled lines and the headings as sort links above.
 * Every text is written here, on the server; the table (a client component) receives compact rows.
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
  const locale = await getLocale();
  const day = dayWriter(locale);
  const quarter = quarterWriter(locale);
  const col = (key: Column) => t(`accounts.portfolio.columns.${key}`);
  const sortHref = (key: PortfolioSort) => {
    const next: SortDir = key === sort ? (dir === "asc" ? "desc" : "asc") : DEFAULT_DIR[key];
    return hrefFor({
      sort: key === "health" && next === DEFAULT_DIR.health ? undefined : key,
      dir: next === DEFAULT_DIR[key] ? undefined : next,
      page: undefined,
    });
  };
  const headings: PortfolioHeading[] = COLUMNS.map(({ key, align }) => ({
    key,
    label: col(key),
    ...(align ? { align } : {}),
    href: key === "trend" ? null : sortHref(key),
    active: key === sort ? dir : null,
    ...(key === "trend" ? { hint: t("accounts.portfolio.trendHint") } : {}),
  }));
  const compact = rows.map((r): PortfolioTableRow => {
    const due = r.nextFollowUpOn ? followUpState(r.nextFollowUpOn, false, today) : null;
    return {
      id: r.id,
      name: r.name,
      subtitle: `${t(`region.${r.region}`)} · ${r.accountManager ?? "—"}`,
      tier: t(`tier.${r.tier}`),
      health: { score: r.health.score, band: r.health.band },
      healthBand: t(`accounts.health.bands.${r.health.band}`),
      trend: r.trend,
      trendLabel: t("accounts.portfolio.trendLabel", {
        points: trendQuarters(r.trend, t("accounts.portfolio.trendNow"), quarter),
      }),
      open: r.openTickets,
      breaches: r.breachesThisQuarter,
      followUp:
        r.nextFollowUpOn && due
          ? {
              day: day(r.nextFollowUpOn),
              overdue: due === "overdue",
              state: due !== "upcoming" ? { text: t(`accounts.followUps.states.${due}`), tone: STATE_TONE[due] } : null,
              more: r.openFollowUps > 1 ? t("accounts.portfolio.followUpMore", { n: r.openFollowUps - 1 }) : null,
            }
          : null,
      engagement:
        r.daysSinceEngagement === null
          ? t("accounts.health.explain.engagementNone")
          : t("accounts.health.explain.engagement", { days: r.daysSinceEngagement }),
      renewal: day(r.contractEnd),
      renewalNote:
        r.daysToRenewal < 0
          ? t("accounts.org.lapsed", { days: -r.daysToRenewal })
          : t("accounts.org.daysToRenewal", { days: r.daysToRenewal }),
      renewalSoon: r.daysToRenewal < 90,
    };
  });
  return (
    <PortfolioTable
      caption={t("accounts.portfolio.caption", { column: col(sort), dir: t(`accounts.portfolio.dirs.${dir}`) })}
      headings={headings}
      rows={compact}
    />
  );
}
