import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { monthWriter, quarterWriter } from "@/components/format";
import { serviceTicketsHref, type ServiceDrill } from "@/components/service/url";
import { DrillTable } from "@/components/sla/drill-table";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { ZOurServiceDrillDown } from "@/server/api/routers/sla/service";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("ourServiceTickets") };
}

/** The organization's own tickets behind a figure of /organization/sla, each target's outcome linking to the ticket. */
export default async function OurServiceTicketsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await getSessionUser();
  if (!user || !can(user, "organization.own") || user.organizationId === null)
    return <Refused permission="organization.own" />;
  const parsed = ZOurServiceDrillDown.safeParse({ ...(await searchParams), limit: 200 });
  if (!parsed.success) notFound();
  const drill: ServiceDrill = parsed.data;
  const api = await serverCaller();
  const list = await api.sla.ourServiceTickets(parsed.data);
  const t = await getTranslations();
  const format = await getFormatter();
  const chips = [
    drill.month ? monthWriter(await getLocale())(drill.month) : quarterWriter(await getLocale())(drill.quarter),
    drill.priority ? t(`priority.${drill.priority}`) : t("ourService.allPriorities"),
    drill.metric ? t(`metric.${drill.metric}`) : null,
  ].filter((c): c is string => c !== null);
  const outcomes = [undefined, "met", "breached", "excluded"] as const;

  return (
    <>
      <PageHeader
        title={t("ourService.drillTitle")}
        description={t("sla.drill.description", {
          from: format.dateTime(list.period.from, { dateStyle: "medium", timeZone: "UTC" }),
          to: format.dateTime(new Date(list.period.to.getTime() - 1), { dateStyle: "medium", timeZone: "UTC" }),
        })}
      >
        <Link
          href={`/organization/sla?quarter=${drill.quarter}`}
          className="text-sm font-medium text-brand-700 hover:underline"
        >
          ← {t("ourService.back")}
        </Link>
      </PageHeader>
      <Card>
        <div className="mb-3 flex flex-wrap items-center gap-2">
          {chips.map((c) => (
            <Badge key={c} tone="brand">
              {c}
            </Badge>
          ))}
          <span className="text-sm font-medium text-slate-700">{t("sla.drill.count", { n: list.total })}</span>
        </div>
        <nav aria-label={t("sla.drill.outcome")} className="mb-3 flex flex-wrap gap-2 text-sm">
          {outcomes.map((o) => (
            <Link
              key={o ?? "all"}
              href={serviceTicketsHref({ ...drill, outcome: o })}
              aria-current={drill.outcome === o ? "page" : undefined}
              className={`rounded-full px-3 py-1 ${drill.outcome === o ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
            >
              {o ? t(`sla.outcomes.${o}`) : t("ourService.allOutcomes")}
            </Link>
          ))}
        </nav>
        <DrillTable
          list={list}
          caption={t("ourService.drillTitle")}
          ticketHref={(id) => `/tickets/${id}`}
          showOrganization={false}
          asOf={drill.at}
        />
      </Card>
    </>
  );
}
