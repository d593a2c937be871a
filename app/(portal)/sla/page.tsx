import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getNow, getTranslations } from "next-intl/server";
import { formatPercent } from "@/components/format";
import { SlaFilters } from "@/components/sla/filters";
import { PublishReports } from "@/components/sla/publish-reports";
import { SlaCharts } from "@/components/sla/sla-charts";
import { drillHref, parseFilter, type SlaFilter } from "@/components/sla/url";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { quarterOf, quarterPeriod } from "@/server/periods/periods";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("sla") };
}

const METRICS = ["firstResponse", "workaround", "resolution"] as const;

/** The last `count` quarters up to the one containing `now`, newest first. */
function recentQuarters(now: Date, count: number, includeCurrent: boolean): string[] {
  const out: string[] = [];
  let at = includeCurrent ? now : new Date(quarterPeriod(quarterOf(now)).from.getTime() - 1);
  for (let i = 0; i < count; i++) {
    const q = quarterOf(at);
    out.push(q);
    at = new Date(quarterPeriod(q).from.getTime() - 1);
  }
  return out;
}

function Tile({
  label,
  value,
  detail,
  previous,
  href,
  tone = "neutral",
}: {
  label: string;
  value: string;
  detail?: string;
  previous?: string;
  href?: string;
  tone?: "neutral" | "good" | "bad";
}) {
  const color = tone === "good" ? "text-emerald-700" : tone === "bad" ? "text-red-700" : "text-slate-900";
  const body = (
    <>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${color}`}>{value}</dd>
      {detail ? <dd className="mt-0.5 text-xs text-slate-600">{detail}</dd> : null}
      {previous ? <dd className="mt-1 text-xs text-slate-500">{previous}</dd> : null}
    </>
  );
  return href ? (
    <Link
      href={href}
      className="block rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm hover:border-brand-600"
    >
      <dl>{body}</dl>
    </Link>
  ) : (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <dl>{body}</dl>
    </div>
  );
}

/** /sla: SLA attainment for executives, managers and admins, with drill-down to the tickets. */
export default async function SlaPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await getSessionUser();
  if (!user || !can(user, "sla.dashboards")) return <Refused permission="sla.dashboards" />;
  const now = await getNow();
  const filter: SlaFilter = parseFilter(await searchParams, now);
  const api = await serverCaller();
  const { period: _period, ...withoutPeriod } = filter;
  const [dashboard, availability, risk, trend, published, org] = await Promise.all([
    api.sla.dashboard(filter),
    api.sla.availability(filter),
    api.sla.atRisk(withoutPeriod),
    api.sla.trend(filter),
    api.sla.reports(),
    filter.organizationId ? api.sla.organizations({ query: "", id: filter.organizationId }) : Promise.resolve(null),
  ]);
  const t = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const pct = (v: number | null) => (v === null ? t("common.notAvailable") : formatPercent(locale, v, 1));
  const { current, previous } = dashboard.tiles.attainment;
  const lastDay = new Date(dashboard.period.to.getTime() - 1);
  const periodText = t("sla.periodRange", {
    from: format.dateTime(dashboard.period.from, { dateStyle: "medium", timeZone: "UTC" }),
    to: format.dateTime(lastDay, { dateStyle: "medium", timeZone: "UTC" }),
  });
  const sat = dashboard.tiles.satisfaction;
  const score = (s: { average: number | null; ratings: number }) =>
    s.average === null ? t("common.notAvailable") : format.number(s.average, { maximumFractionDigits: 2 });

  return (
    <>
      <PageHeader title={t("sla.title")} description={t("sla.subtitle")} />
      <div className="space-y-6">
        <Card>
          <SlaFilters
            filter={filter}
            quarters={recentQuarters(now, 12, true)}
            organizationName={org?.selected ?? null}
          />
          <p className="mt-3 text-xs text-slate-500">
            {periodText} · {t("sla.utcNote")}
            {org?.selected ? ` · ${t("sla.filters.organization")}: ${org.selected}` : ""}
          </p>
        </Card>

        <section aria-labelledby="sla-tiles-title">
          <h2 id="sla-tiles-title" className="sr-only">
            {t("sla.tiles.title")}
          </h2>
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            {METRICS.map((m) => (
              <Tile
                key={m}
                label={t(`metric.${m}`)}
                value={pct(current[m].attainment)}
                tone={
                  current[m].attainment === null ? "neutral" : current[m].attainment! >= trend.goal ? "good" : "bad"
                }
                detail={`${t("common.nOf", { n: current[m].n })} · ${t("common.excludedCount", { n: current[m].excluded })}`}
                previous={t("sla.tiles.previous", { value: pct(previous[m].attainment), n: previous[m].n })}
                href={drillHref({ ...filter, metric: m })}
              />
            ))}
            <Tile
              label={t("sla.tiles.breaches")}
              value={format.number(dashboard.tiles.breaches.current)}
              tone={dashboard.tiles.breaches.current > 0 ? "bad" : "good"}
              previous={t("sla.tiles.previousCount", { n: dashboard.tiles.breaches.previous })}
              href={drillHref({ ...filter, outcome: "breached" })}
            />
            <Tile
              label={t("sla.tiles.atRisk")}
              value={format.number(risk.atRisk)}
              detail={t("sla.tiles.atRiskDetail")}
              tone={risk.atRisk > 0 ? "bad" : "neutral"}
            />
            <Tile
              label={t("sla.tiles.satisfaction")}
              value={score(sat.current)}
              detail={t("sla.tiles.ratings", { n: sat.current.ratings })}
              previous={t("sla.tiles.previousScore", { value: score(sat.previous), n: sat.previous.ratings })}
            />
            <Tile
              label={t("sla.tiles.credits")}
              value={format.number(availability.creditsOwed.current)}
              detail={t("sla.tiles.creditsDetail")}
              tone={availability.creditsOwed.current > 0 ? "bad" : "neutral"}
              previous={t("sla.tiles.previousCount", { n: availability.creditsOwed.previous })}
            />
          </div>
        </section>

        <Card id="sla-availability" title={t("sla.availability.title")} description={t("sla.availability.description")}>
          <ul className="grid gap-3 sm:grid-cols-3">
            {availability.tiers.map((a) => {
              const below = a.current !== null && a.current < a.commitment;
              return (
                <li key={a.tierCode} className="rounded-lg bg-slate-50 px-4 py-3">
                  <div className="text-sm font-semibold text-slate-800">{t(`tier.${a.tierCode}`)}</div>
                  <div
                    className={`mt-1 text-xl font-semibold tabular-nums ${below ? "text-red-700" : "text-slate-900"}`}
                  >
                    {a.current === null
                      ? t("common.notAvailable")
                      : `${format.number(a.current, { maximumFractionDigits: 3 })} %`}
                  </div>
                  <div className="text-xs text-slate-600">
                    {t("sla.availability.commitment", {
                      value: format.number(a.commitment, { maximumFractionDigits: 3 }),
                    })}
                  </div>
                  <div className="text-xs text-slate-500">
                    {t("sla.availability.previous", {
                      value:
                        a.previous === null
                          ? t("common.notAvailable")
                          : format.number(a.previous, { maximumFractionDigits: 3 }),
                    })}
                  </div>
                </li>
              );
            })}
          </ul>
        </Card>

        <SlaCharts dashboard={dashboard} trend={trend} filter={filter} />

        <Card id="sla-reports" title={t("sla.reports.title")} description={t("sla.reports.description")}>
          <PublishReports
            published={published}
            quarters={recentQuarters(now, 8, false)}
            canPublish={user.role === "executive" || user.role === "admin"}
          />
        </Card>
      </div>
    </>
  );
}
