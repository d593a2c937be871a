import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FollowUpsDue } from "@/components/accounts/follow-ups-card";
import { MeetingList } from "@/components/accounts/meeting-list";
import { PortfolioGrid } from "@/components/accounts/portfolio-grid";
import { ApplyFiltersButton, TierOptions } from "@/components/accounts/filter-controls";
import { CustomDevelopmentCard } from "@/components/requests/custom-development-card";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { TIER_CODES, type TierCode } from "@/db/schema/enums";
import { HEALTH_WEIGHTS, HEALTH_BANDS } from "@/server/accounts/health";
import { DEFAULT_DIR, PORTFOLIO_SORTS } from "@/server/accounts/portfolio-sort";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("portfolio") };
}
const BANDS = ["red", "yellow", "green"] as const;
const DIRS = ["asc", "desc"] as const;

type Search = { tier?: string; band?: string; sort?: string; dir?: string; page?: string; custom?: string };
const pick = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  (list as readonly string[]).includes(v ?? "") ? (v as T) : undefined;

/**
 * The account manager's portfolio: every account in a grid sorted on the server by any column
 * (health and its trend, open tickets, breaches, the next follow-up, renewal), then the follow-ups
 * due and the meeting requests to answer.
 */
export default async function PortfolioPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  if (!can(user, "accounts.edit")) return <Refused permission="accounts.edit" />;
  const sp = await searchParams;
  const tier = pick<TierCode>(TIER_CODES, sp.tier);
  const band = pick(BANDS, sp.band);
  const sort = pick(PORTFOLIO_SORTS, sp.sort) ?? "health";
  const dir = pick(DIRS, sp.dir) ?? DEFAULT_DIR[sort];
  const api = await serverCaller();
  const requested = Math.min(Math.max(1, Math.floor(Number(sp.page) || 1)), 100_000);
  const [portfolio, inbox] = await Promise.all([
    api.accounts.portfolio({ tier, band, sort, dir, page: requested }),
    api.accounts.meetingRequests({ status: "requested" }),
  ]);
  const rows = portfolio.items;
  const pages = Math.max(1, Math.ceil(portfolio.total / portfolio.pageSize));
  const hrefFor = (changes: Record<string, string | undefined>) => {
    const next: Record<string, string | undefined> = {
      tier,
      band,
      sort: sort === "health" && dir === DEFAULT_DIR.health ? undefined : sort,
      dir: dir === DEFAULT_DIR[sort] ? undefined : dir,
      ...changes,
    };
    const query = new URLSearchParams(Object.entries(next).filter((e): e is [string, string] => e[1] !== undefined));
    return `/portfolio${query.size > 0 ? `?${query}` : ""}`;
  };
  const t = await getTranslations();
  const select = "mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <>
      <PageHeader
        title={t("accounts.portfolio.title")}
        description={
          user.role === "account_manager" ? t("accounts.portfolio.subtitleMine") : t("accounts.portfolio.subtitleAll")
        }
      >
        <Link href="/organizations" className="text-sm font-medium text-brand-700 hover:underline">
          {t("accounts.portfolio.allOrganizations")}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <Card
          id="accounts"
          title={t("accounts.portfolio.accounts", { n: portfolio.total })}
          description={`${t("accounts.portfolio.weights", {
            weights: Object.entries(HEALTH_WEIGHTS)
              .map(([k, w]) => `${t(`accounts.health.factors.${k}`)} ${w}`)
              .join(" · "),
            green: HEALTH_BANDS.green,
            yellow: HEALTH_BANDS.yellow,
          })} ${t("accounts.portfolio.sortHint")}`}
        >
          <form
            method="get"
            aria-label={t("accounts.portfolio.filters")}
            className="mb-4 flex flex-wrap items-end gap-3"
          >
            <label className="text-sm font-medium text-slate-700">
              {t("accounts.directory.tier")}
              <select name="tier" defaultValue={tier ?? ""} className={`block ${select}`}>
                <TierOptions />
              </select>
            </label>
            <label className="text-sm font-medium text-slate-700">
              {t("accounts.portfolio.health")}
              <select name="band" defaultValue={band ?? ""} className={`block ${select}`}>
                <option value="">{t("accounts.portfolio.anyHealth")}</option>
                {BANDS.map((b) => (
                  <option key={b} value={b}>
                    {t(`accounts.health.bands.${b}`)}
                  </option>
                ))}
              </select>
            </label>
            {sort !== "health" || dir !== DEFAULT_DIR.health ? (
              <>
                <input type="hidden" name="sort" value={sort} />
                {dir !== DEFAULT_DIR[sort] ? <input type="hidden" name="dir" value={dir} /> : null}
              </>
            ) : null}
            <ApplyFiltersButton />
          </form>
          <ul aria-label={t("accounts.portfolio.bandCounts")} className="mb-4 flex flex-wrap gap-2 text-sm">
            {BANDS.map((b) => (
              <li key={b}>
                <Link
                  href={hrefFor({ band: band === b ? undefined : b, page: undefined })}
                  aria-current={band === b ? "true" : undefined}
                  className={`inline-flex items-center gap-1.5 rounded-full border px-3 py-1 ${band === b ? "text-brand-800 border-brand-600 bg-brand-50" : "border-slate-200 text-slate-700 hover:border-brand-600"}`}
                >
                  <span
                    aria-hidden
                    className={`h-2 w-2 rounded-full ${b === "red" ? "bg-red-500" : b === "yellow" ? "bg-amber-400" : "bg-emerald-500"}`}
                  />
                  {t("accounts.portfolio.bandCount", { band: t(`accounts.health.bands.${b}`), n: portfolio.counts[b] })}
                </Link>
              </li>
            ))}
          </ul>
          {rows.length === 0 ? (
            <p className="py-8 text-center text-sm text-slate-600">{t("accounts.portfolio.empty")}</p>
          ) : (
            <PortfolioGrid
              rows={rows}
              sort={portfolio.sort}
              dir={portfolio.dir}
              today={portfolio.today}
              hrefFor={hrefFor}
            />
          )}
          {pages > 1 ? (
            <nav
              className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm"
              aria-label={t("accounts.portfolio.pagination")}
            >
              {portfolio.page > 1 ? (
                <Link
                  href={hrefFor({ page: String(portfolio.page - 1) })}
                  className="font-medium text-brand-700 hover:underline"
                >
                  ← {t("accounts.portfolio.previous")}
                </Link>
              ) : (
                <span />
              )}
              <span className="text-slate-600">
                {t("accounts.portfolio.summary", { page: portfolio.page, pages, total: portfolio.total })}
              </span>
              {portfolio.page < pages ? (
                <Link
                  href={hrefFor({ page: String(portfolio.page + 1) })}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {t("accounts.portfolio.next")} →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <FollowUpsDue />
          <Card id="inbox" title={t("accounts.meetings.inbox")} description={t("accounts.meetings.inboxDescription")}>
            <MeetingList requests={inbox} showOrganization />
          </Card>
        </div>
        <CustomDevelopmentCard
          showAll={sp.custom === "all"}
          allHref={`${hrefFor({ custom: "all", page: portfolio.page > 1 ? String(portfolio.page) : undefined })}#custom-development`}
        />
      </div>
    </>
  );
}
