import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { zoneName } from "@/components/format";
import { parseDrill, toSearch, type SlaDrill } from "@/components/sla/url";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { Table, Td, Th } from "@/components/ui/table";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("slaTickets") };
}

const OUTCOME_TONE = { met: "green", breached: "red", excluded: "neutral" } as const;

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
  const locale = await getLocale();
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
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const chips = [
    drill.tierCode ? t(`tier.${drill.tierCode}`) : null,
    drill.priority ? t(`priority.${drill.priority}`) : null,
    drill.metric ? t(`metric.${drill.metric}`) : null,
    drill.outcome ? t(`sla.outcomes.${drill.outcome}`) : null,
    drill.productArea ? t(`tickets.productAreas.${drill.productArea}`) : null,
    drill.category ? t(`tickets.categories.${drill.category}`) : null,
    drill.region ? t(`region.${drill.region}`) : null,
    drill.band !== undefined ? t(`sla.bands.b${drill.band}`) : null,
    drill.month ?? null,
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
        <p className="mb-3 text-xs text-slate-500">
          {t("common.timeZoneNote", { zone: zoneName(locale, await getTimeZone(), now) })}
          {list.total > list.items.length ? ` · ${t("sla.drill.truncated", { shown: list.items.length })}` : ""}
        </p>
        {list.items.length === 0 ? (
          <p className="py-8 text-center text-sm text-slate-600">{t("sla.drill.empty")}</p>
        ) : (
          <Table caption={t("sla.drill.title")}>
            <thead>
              <tr>
                <Th>{t("sla.drill.ticket")}</Th>
                <Th>{t("sla.drill.organization")}</Th>
                <Th>{t("sla.priority")}</Th>
                <Th>{t("sla.metric")}</Th>
                <Th>{t("sla.drill.outcome")}</Th>
                <Th>{t("sla.drill.due")}</Th>
                <Th>{t("sla.drill.achieved")}</Th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <tr key={`${item.ticketId}-${item.metric}`}>
                  <Td header>
                    <Link href={ticketHref(item.ticketId)} className="text-brand-700 hover:underline">
                      #{item.ticketId} {item.subject}
                    </Link>
                    <span className="block text-xs font-normal text-slate-500">
                      {t(`tickets.productAreas.${item.productArea}`)} · {t(`tickets.categories.${item.category}`)}
                    </span>
                  </Td>
                  <Td>
                    {item.organization}
                    <span className="block text-xs text-slate-500">{t(`tier.${item.tierCode}`)}</span>
                  </Td>
                  <Td>
                    <Badge tone={PRIORITY_TONE[item.priority]}>{item.priority}</Badge>
                  </Td>
                  <Td>{t(`metric.${item.metric}`)}</Td>
                  <Td>
                    <Badge tone={OUTCOME_TONE[item.outcome]}>{t(`sla.outcomes.${item.outcome}`)}</Badge>
                  </Td>
                  <Td>{when(item.dueAt)}</Td>
                  <Td>
                    {item.achievedAt ? (
                      when(item.achievedAt)
                    ) : (
                      <span className="text-slate-400">{t("sla.drill.notYet")}</span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
