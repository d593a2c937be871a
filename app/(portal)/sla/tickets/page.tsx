import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getLocale, getNow, getTranslations } from "next-intl/server";
import { monthWriter } from "@/components/format";
import { parseDrill, toSearch, type SlaDrill } from "@/components/sla/url";
import { DrillTable } from "@/components/sla/drill-table";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("slaTickets") };
}

/** The tickets behind a figure on /sla: each target's outcome, with a link to the ticket and its SLA timeline. */
export default async function SlaTicketsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await getSessionUser();
  if (!user || !can(user, "sla.dashboards")) return <Refused permission="sla.dashboards" />;
  const now = await getNow();
  const drill: SlaDrill = parseDrill(await searchParams, now);
  const api = await serverCaller();
  const list = await api.sla.tickets({ ...drill, limit: 200 });
  const t = await getTranslations();
  const format = await getFormatter();
  const back = toSearch({
    period: drill.period,
    tierCode: drill.tierCode,
    productArea: drill.productArea,
    region: drill.region,
    priority: drill.priority,
    organizationId: drill.organizationId,
  });
  // The working ticket page is for those who work tickets; the others read its SLA view here.
  const ticketHref = (id: number) => (user.role === "manager" ? `/tickets/${id}` : `/sla/tickets/${id}`);
  const chips = [
    drill.tierCode ? t(`tier.${drill.tierCode}`) : null,
    drill.priority ? t(`priority.${drill.priority}`) : null,
    drill.metric ? t(`metric.${drill.metric}`) : null,
    drill.outcome ? t(`sla.outcomes.${drill.outcome}`) : null,
    drill.productArea ? t(`tickets.productAreas.${drill.productArea}`) : null,
    drill.category ? t(`tickets.categories.${drill.category}`) : null,
    drill.region ? t(`region.${drill.region}`) : null,
    drill.band !== undefined ? t(`sla.bands.b${drill.band}`) : null,
    drill.month ? monthWriter(await getLocale())(drill.month) : null,
  ].filter((c): c is string => c !== null);

  return (
    <>
      <PageHeader
        title={t("sla.drill.title")}
        description={t("sla.drill.description", {
          from: format.dateTime(list.period.from, { dateStyle: "medium", timeZone: "UTC" }),
          to: format.dateTime(new Date(list.period.to.getTime() - 1), { dateStyle: "medium", timeZone: "UTC" }),
        })}
      >
        <Link href={`/sla?${back}`} className="text-sm font-medium text-brand-700 hover:underline">
          ← {t("sla.drill.back")}
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
        <DrillTable
          list={list}
          caption={t("sla.drill.title")}
          ticketHref={ticketHref}
          showOrganization={true}
          asOf={drill.asOf}
        />
      </Card>
    </>
  );
}
