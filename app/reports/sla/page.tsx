import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { quarterWriter } from "@/components/format";
import { PublicShell } from "@/components/shell/public-shell";
import { Card, PageHeader } from "@/components/ui/card";
import { serverCaller } from "@/server/api/rsc";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("slaReports") };
}

/** /reports/sla: the published quarterly SLA reports, newest first, readable without signing in. */
export default async function SlaReportsIndexPage() {
  const api = await serverCaller();
  const reports = await api.sla.publishedReports();
  const t = await getTranslations();
  const format = await getFormatter();
  const quarter = quarterWriter(await getLocale());
  return (
    <PublicShell title={t("slaReports.header")} home="/reports/sla" returnTo="/reports/sla">
      <PageHeader title={t("slaReports.title")} description={t("slaReports.description")} />
      <Card>
        {reports.length === 0 ? (
          <p className="text-sm text-slate-600">{t("sla.reports.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {reports.map((r) => (
              <li key={r.quarter} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <Link href={`/reports/sla/${r.quarter}`} className="font-medium text-brand-700 hover:underline">
                  {t("sla.reports.link", { quarter: quarter(r.quarter) })}
                </Link>
                <span className="text-xs text-slate-500">
                  {t("sla.reports.publishedAt", { at: format.dateTime(r.publishedAt, { dateStyle: "medium" }) })}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4 text-sm text-slate-600">
          {t("slaReports.scopeNote")}{" "}
          <Link href="/service-scope/basic" className="font-medium text-brand-700 hover:underline">
            {t("slaReports.scopeLink")}
          </Link>
        </p>
      </Card>
    </PublicShell>
  );
}
