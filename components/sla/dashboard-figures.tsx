import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatPercent } from "@/components/format";
import { compactTrend } from "@/components/sla/compact-trend";
import { SlaCharts } from "@/components/sla/sla-charts";
import { drillHref, type SlaFilter } from "@/components/sla/url";
import { Card } from "@/components/ui/card";
import { serverCaller } from "@/server/api/rsc";

const METRICS = ["firstResponse", "workaround", "resolution"] as const;

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

/**
 * The figures of /sla: attainment tiles, availability per tier and the charts. The page streams them
 * behind Suspense (SlaFiguresSkeleton), so its header and filters arrive before the figures are read.
 */
export async function SlaFigures({ filter: asked }: { filter: SlaFilter }) {
  const api = await serverCaller();
  const { period: _period, ...withoutPeriod } = asked;
  const [dashboard, availability, risk, trend] = await Promise.all([
    api.sla.dashboard(asked),
    api.sla.availability(asked),
    api.sla.atRisk(withoutPeriod),
    api.sla.trend(asked),
  ]);
  // Every figure's link opens the tickets behind it as of the instant the figures were read.
  const filter: SlaFilter = { ...asked, asOf: dashboard.asOf.getTime() };
  const t = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const pct = (v: number | null) => (v === null ? t("common.notAvailable") : formatPercent(locale, v, 1));
  const { current, previous } = dashboard.tiles.attainment;
  const sat = dashboard.tiles.satisfaction;
  const score = (s: { average: number | null; ratings: number }) =>
    s.average === null ? t("common.notAvailable") : format.number(s.average, { maximumFractionDigits: 2 });
  return (
    <>
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
              tone={current[m].attainment === null ? "neutral" : current[m].attainment! >= trend.goal ? "good" : "bad"}
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
            detail={t("sla.tiles.creditsMoney", {
              amount: format.number(availability.creditsOwed.currentCents / 100, {
                style: "currency",
                currency: "USD",
              }),
            })}
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
                <div className={`mt-1 text-xl font-semibold tabular-nums ${below ? "text-red-700" : "text-slate-900"}`}>
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

      <SlaCharts dashboard={dashboard} trend={compactTrend(trend)} filter={filter} />
    </>
  );
}

/** What /sla shows while its figures are read: the tiles' and cards' outlines, announced as loading. */
export async function SlaFiguresSkeleton() {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">{t("loading")}</span>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-24 animate-pulse rounded-lg border border-slate-200 bg-slate-100" />
        ))}
      </div>
      <div className="h-36 animate-pulse rounded-lg border border-slate-200 bg-slate-100" />
      <div className="h-72 animate-pulse rounded-lg border border-slate-200 bg-slate-100" />
    </div>
  );
}
