import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatPercent, monthWriter, quarterWriter } from "@/components/format";
import { ourServiceCsv } from "@/components/service/csv-rows";
import { ServiceActions } from "@/components/service/actions";
import { AttainmentMatrix } from "@/components/service/attainment-matrix";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { isQuarter } from "@/server/periods/periods";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("ourService") };
}

const METRICS = ["firstResponse", "workaround", "resolution"] as const;
const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;

/** /organization/sla: "Our service", a customer organization's own SLA results and service credits. */
export default async function OurServicePage({ searchParams }: { searchParams: Promise<{ quarter?: string }> }) {
  const user = await getSessionUser();
  if (!user || !can(user, "organization.own") || user.organizationId === null)
    return <Refused permission="organization.own" />;
  const { quarter: asked } = await searchParams;
  if (asked !== undefined && !isQuarter(asked)) notFound();
  const api = await serverCaller();
  const data = await api.sla.ourService({ quarter: asked });
  const t = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const pct = (v: number | null) => (v === null ? t("common.notAvailable") : formatPercent(locale, v, 1));
  const availabilityPct = (v: number) => `${format.number(v, { maximumFractionDigits: 3 })} %`;
  const money = (cents: number) => format.number(cents / 100, { style: "currency", currency: "USD" });
  const monthName = monthWriter(locale);
  const quarterName = quarterWriter(locale);
  const columnName = (c: (typeof data.columns)[number]) =>
    c.kind === "month" ? monthName(c.key) : t("ourService.quarterTotal", { quarter: quarterName(c.key) });
  const { organization: org } = data;
  const terms = org.supportCreditTerms;
  const commitment = data.credits[0]?.commitment ?? null;

  const csv = ourServiceCsv(data, t);

  return (
    <>
      <PageHeader
        title={t("ourService.title")}
        description={t("ourService.subtitle", { organization: org.name, tier: t(`tier.${org.tierCode}`) })}
      >
        <ServiceActions
          header={csv.header}
          rows={csv.rows}
          filename={`our-service-${data.quarter}.csv`}
          csvLabel={t("ourService.downloadCsv")}
          printLabel={t("ourService.print")}
        />
      </PageHeader>
      <div className="space-y-6">
        <nav aria-label={t("ourService.quarter")} className="flex flex-wrap items-center gap-2 text-sm print:hidden">
          <span className="font-medium text-slate-700">{t("ourService.quarter")}:</span>
          {data.quarters.map((q) => (
            <Link
              key={q}
              href={`/organization/sla?quarter=${q}`}
              aria-current={q === data.quarter ? "page" : undefined}
              className={`rounded-full px-3 py-1 ${q === data.quarter ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
            >
              {quarterName(q)}
            </Link>
          ))}
        </nav>
        <p className="text-xs text-slate-500">{t("ourService.periodNote")}</p>

        {METRICS.map((m) => (
          <Card key={m} id={`attainment-${m}`} title={t(`metric.${m}`)} description={t("ourService.attainmentNote")}>
            <AttainmentMatrix
              caption={t("ourService.tableCaption", { metric: t(`metric.${m}`), quarter: quarterName(data.quarter) })}
              corner={t("sla.priority")}
              quarter={data.quarter}
              asOf={data.asOf.getTime()}
              metric={m}
              columns={data.columns.map((c) => ({ key: c.key, label: columnName(c), kind: c.kind }))}
              rows={(["all", ...PRIORITIES] as const).map((p) => ({
                priority: p,
                label: p === "all" ? t("ourService.allPriorities") : t(`priority.${p}`),
                cells: data.columns.map((c) => {
                  const f = p === "all" ? c.byMetric[m] : c.byPriority[p][m];
                  const counted = f.n + f.excluded > 0;
                  return {
                    value: pct(counted ? f.attainment : null),
                    counted,
                    tone: f.attainment === null ? "none" : f.breached > 0 ? "breached" : "met",
                    label: counted
                      ? t("ourService.figureLabel", { value: pct(f.attainment), n: f.n, excluded: f.excluded })
                      : undefined,
                    note: `${t("common.nOf", { n: f.n })} · ${t("common.excludedCount", { n: f.excluded })}`,
                  };
                }),
              }))}
            />
          </Card>
        ))}

        <Card
          id="credits"
          title={t("ourService.creditsTitle")}
          description={
            commitment === null
              ? t("ourService.noMonths")
              : t("ourService.creditsDescription", { commitment: format.number(commitment) })
          }
        >
          <p className="mb-3 text-sm text-slate-700">
            {terms
              ? t("ourService.supportTerms", {
                  percent: format.number(terms.percentPerBreach),
                  priorities: terms.priorities.join(t("ourService.listSeparator")),
                  cap: format.number(terms.capPercent),
                })
              : t("ourService.noSupportTerms")}
          </p>
          {data.credits.length === 0 ? null : (
            <ScrollRegion label={t("ourService.creditsTitle")} className="-mx-5 overflow-x-auto px-5">
              <table className="w-full min-w-[40rem] border-collapse text-sm">
                <caption className="sr-only">{t("ourService.creditsTitle")}</caption>
                <thead>
                  <tr>
                    {["month", "availability", "downtime", "availabilityCredit", "supportCredit", "totalCredit"].map(
                      (k, i) => (
                        <th
                          key={k}
                          scope="col"
                          className={`border-b border-slate-200 px-3 py-2 text-xs font-semibold text-slate-500 ${i === 0 ? "text-left" : "text-right"}`}
                        >
                          {t(`ourService.${k}`)}
                        </th>
                      ),
                    )}
                  </tr>
                </thead>
                <tbody>
                  {data.credits.map((c) => {
                    const below = c.availability < c.commitment;
                    const credit = (percent: number, cents: number) =>
                      percent > 0
                        ? t("ourService.creditValue", { percent: format.number(percent), amount: money(cents) })
                        : t("common.none");
                    return (
                      <tr key={c.month}>
                        <th
                          scope="row"
                          className="border-b border-slate-100 px-3 py-2 text-left font-medium text-slate-900"
                        >
                          {monthName(c.month)}
                          {c.complete ? null : (
                            <span className="block text-xs font-normal text-slate-500">
                              {t("ourService.inProgress")}
                            </span>
                          )}
                        </th>
                        <td className="border-b border-slate-100 px-3 py-2 text-right tabular-nums">
                          <span className={below ? "font-semibold text-red-700" : "text-slate-900"}>
                            {availabilityPct(c.availability)}
                          </span>
                          <span className="block text-xs text-slate-500">
                            {t("ourService.against", { commitment: availabilityPct(c.commitment) })}
                          </span>
                        </td>
                        <td className="border-b border-slate-100 px-3 py-2 text-right tabular-nums">
                          {t("duration.minutes", { n: Math.round(c.downtimeMinutes) })}
                          {c.incidentIds.length > 0 ? (
                            <span className="block text-xs text-slate-500">
                              {t("ourService.incidents", { n: c.incidentIds.length })}
                            </span>
                          ) : null}
                        </td>
                        <td className="border-b border-slate-100 px-3 py-2 text-right tabular-nums">
                          {credit(c.availabilityCreditPercent, c.availabilityCreditCents)}
                        </td>
                        <td className="border-b border-slate-100 px-3 py-2 text-right tabular-nums">
                          {terms ? credit(c.supportCreditPercent, c.supportCreditCents) : t("common.notAvailable")}
                          {terms ? (
                            <span className="block text-xs text-slate-500">
                              {t("ourService.missedTargets", { n: c.supportBreaches })}
                            </span>
                          ) : null}
                        </td>
                        <td className="border-b border-slate-100 px-3 py-2 text-right font-semibold tabular-nums">
                          {money(c.availabilityCreditCents + c.supportCreditCents)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          <p className="mt-3 text-xs text-slate-500">{t("ourService.creditsNote")}</p>
        </Card>

        <Card id="more" title={t("ourService.moreTitle")}>
          <ul className="grid gap-2 text-sm sm:grid-cols-3 print:hidden">
            <li>
              <Link href={`/service-scope/${org.tierCode}`} className="font-medium text-brand-700 hover:underline">
                {t("ourService.scopeLink", { tier: t(`tier.${org.tierCode}`) })}
              </Link>
            </li>
            <li>
              <Link href="/reports/sla" className="font-medium text-brand-700 hover:underline">
                {t("ourService.reportsLink")}
              </Link>
            </li>
            <li>
              <Link href="/status" className="font-medium text-brand-700 hover:underline">
                {t("ourService.statusLink")}
              </Link>
            </li>
          </ul>
        </Card>
      </div>
    </>
  );
}
