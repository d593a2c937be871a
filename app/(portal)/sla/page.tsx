import type { Metadata } from "next";
import { RouteMessages } from "@/components/i18n/route-messages";
import { getFormatter, getNow, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { SlaFigures, SlaFiguresSkeleton } from "@/components/sla/dashboard-figures";
import { SlaFilters } from "@/components/sla/filters";
import { PublishReports } from "@/components/sla/publish-reports";
import { parseFilter, type SlaFilter } from "@/components/sla/url";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { quarterOf, quarterPeriod, resolvePeriod } from "@/server/periods/periods";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("sla") };
}

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

/** /sla: SLA attainment for executives, managers and admins, with drill-down to the tickets. */
export default async function SlaPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await getSessionUser();
  if (!user || !can(user, "sla.dashboards")) return <Refused permission="sla.dashboards" />;
  const now = await getNow();
  const filter: SlaFilter = parseFilter(await searchParams, now);
  const api = await serverCaller();
  const [published, org] = await Promise.all([
    api.sla.reports(),
    filter.organizationId ? api.sla.organizations({ query: "", id: filter.organizationId }) : Promise.resolve(null),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const period = resolvePeriod(filter.period);
  const periodText = t("sla.periodRange", {
    from: format.dateTime(period.from, { dateStyle: "medium", timeZone: "UTC" }),
    to: format.dateTime(new Date(period.to.getTime() - 1), { dateStyle: "medium", timeZone: "UTC" }),
  });

  return (
    <RouteMessages
      namespaces={["metric", "priority", "region", "sla", "tickets.categories", "tickets.productAreas", "tier"]}
    >
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

        <Suspense fallback={<SlaFiguresSkeleton />}>
          <SlaFigures filter={filter} />
        </Suspense>

        <Card id="sla-reports" title={t("sla.reports.title")} description={t("sla.reports.description")}>
          <PublishReports
            published={published}
            quarters={recentQuarters(now, 8, false)}
            canPublish={user.role === "executive" || user.role === "admin"}
          />
        </Card>
      </div>
    </RouteMessages>
  );
}
