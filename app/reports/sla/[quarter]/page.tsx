import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatPercent, quarterWriter } from "@/components/format";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { quarterPeriod } from "@/server/periods/periods";

const METRICS = ["firstResponse", "workaround", "resolution"] as const;

async function load(quarter: string) {
  const api = await serverCaller();
  try {
    return await api.sla.publishedReport({ quarter });
  } catch (err) {
    if (err instanceof Error && "code" in err && (err as { code: string }).code === "NOT_FOUND") return null;
    throw err;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ quarter: string }> }): Promise<Metadata> {
  const { quarter } = await params;
  return {
    title: (await getTranslations("pageTitles"))("slaReport", { quarter: quarterWriter(await getLocale())(quarter) }),
  };
}

/**
 * A published quarterly SLA report, readable without signing in: attainment per tier and metric
 * and availability per tier against the commitment. Aggregates only; no customer is named.
 */
export default async function PublishedSlaReportPage({ params }: { params: Promise<{ quarter: string }> }) {
  const { quarter } = await params;
  const report = await load(quarter);
  if (!report) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const signedIn = (await getSessionUser()) !== null;
  const { from, to } = quarterPeriod(report.quarter);
  const pct = (v: number | null) => (v === null ? t("common.notAvailable") : formatPercent(locale, v, 1));
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-5xl items-center gap-4 px-4 sm:px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold text-brand-900">
            <span
              aria-hidden
              className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white"
            >
              A
            </span>
            <span>Attain</span>
          </Link>
          <div className="ml-auto">
            <LocaleSwitcher label={t("nav.language")} signedIn={signedIn} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
            {t("sla.public.title", { quarter: quarterWriter(locale)(report.quarter) })}
          </h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">
            {t("sla.public.description", {
              from: format.dateTime(from, { dateStyle: "long", timeZone: "UTC" }),
              to: format.dateTime(new Date(to.getTime() - 1), { dateStyle: "long", timeZone: "UTC" }),
            })}
          </p>
          <p className="mt-1 text-xs text-slate-500">
            {t("sla.public.publishedAt", { at: format.dateTime(report.publishedAt, { dateStyle: "long" }) })}
          </p>
        </div>
        <section
          aria-labelledby="attainment-title"
          className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
        >
          <h2 id="attainment-title" className="mb-3 text-base font-semibold text-slate-900">
            {t("sla.public.attainment")}
          </h2>
          <ScrollRegion label={t("sla.public.attainment")} className="-mx-5 overflow-x-auto px-5">
            <table className="w-full min-w-[28rem] border-collapse text-sm">
              <caption className="sr-only">{t("sla.public.attainment")}</caption>
              <thead>
                <tr>
                  <th
                    scope="col"
                    className="border-b border-slate-200 px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase"
                  >
                    {t("sla.tier")}
                  </th>
                  {METRICS.map((m) => (
                    <th
                      key={m}
                      scope="col"
                      className="border-b border-slate-200 px-3 py-2 text-right text-xs font-semibold tracking-wide text-slate-500 uppercase"
                    >
                      {t(`metric.${m}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.tiers.map((tier) => (
                  <tr key={tier.code}>
                    <th
                      scope="row"
                      className="border-b border-slate-100 px-3 py-2 text-left font-medium text-slate-900"
                    >
                      {t(`tier.${tier.code}`)}
                    </th>
                    {METRICS.map((m) => {
                      const f = tier.metrics[m];
                      return (
                        <td key={m} className="border-b border-slate-100 px-3 py-2 text-right tabular-nums">
                          <span className="font-semibold">{pct(f.attainment)}</span>
                          <span className="block text-xs text-slate-500">
                            {t("common.nOf", { n: f.n })} · {t("common.excludedCount", { n: f.excluded })}
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="mt-3 text-xs text-slate-500">{t("sla.public.rule")}</p>
        </section>
        <section
          aria-labelledby="availability-title"
          className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
        >
          <h2 id="availability-title" className="mb-3 text-base font-semibold text-slate-900">
            {t("sla.public.availability")}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-3">
            {report.tiers.map((tier) => (
              <li key={tier.code} className="rounded-lg bg-slate-50 px-4 py-3">
                <div className="text-sm font-semibold text-slate-800">{t(`tier.${tier.code}`)}</div>
                <div
                  className={`mt-1 text-xl font-semibold tabular-nums ${tier.availability !== null && tier.availability < tier.availabilityCommitment ? "text-red-700" : "text-slate-900"}`}
                >
                  {tier.availability === null
                    ? t("common.notAvailable")
                    : `${format.number(tier.availability, { maximumFractionDigits: 3 })} %`}
                </div>
                <div className="text-xs text-slate-600">
                  {t("sla.availability.commitment", {
                    value: format.number(tier.availabilityCommitment, { maximumFractionDigits: 3 }),
                  })}
                </div>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </div>
  );
}
