import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTimeZone, getTranslations } from "next-intl/server";
import {
  ContactChannels,
  EntitlementList,
  hasContactChannels,
  TeamMemberList,
  type OrganizationOverview,
} from "@/components/accounts/organization-view";
import { dateWriter, dayWriter, formatPercent, quarterWriter } from "@/components/format";
import { ServiceStatusCard } from "@/components/home/service-status-card";
import { TargetsTable } from "@/components/sla/targets-table";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { businessDayMinutes } from "@/server/sla/business-day";
import { shownSubject } from "@/server/tickets/subject";

type OpenTicket = {
  id: number;
  subject: string;
  priority: "P0" | "P1" | "P2" | "P3";
  nextDueAt: Date | null;
  breached: boolean;
  excluded: boolean;
};
type Figures = { n: number; excluded: number; breached: number; attainment: number | null };
export type ServiceBrief = {
  quarter: string;
  byMetric: Record<"firstResponse" | "workaround" | "resolution", Figures>;
  creditsCents: number;
};

const METRICS = ["firstResponse", "workaround", "resolution"] as const;

/**
 * A customer's home: their open tickets by next due time and this quarter's SLA results in brief,
 * then the organization, status, targets, team, channels and entitlements.
 */
export async function CustomerHome({
  overview,
  userName,
  openTickets,
  brief,
}: {
  overview: OrganizationOverview;
  userName: string;
  openTickets: OpenTicket[];
  brief: ServiceBrief;
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const viewerZone = await getTimeZone();
  const date = dayWriter(locale);
  const dueAt = dateWriter(locale, viewerZone, { dateStyle: "medium", timeStyle: "short" });
  const tier = overview.tier;
  return (
    <>
      <PageHeader title={t("home.welcome", { name: userName })} description={overview.name} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card
            id="open-tickets"
            title={t("home.customer.yourOpenTickets")}
            actions={
              <Link href="/tickets?status=open&sort=due" className="text-sm font-medium text-brand-700 hover:underline">
                {t("home.customer.allOpenTickets", { n: overview.openTickets })}
              </Link>
            }
          >
            {openTickets.length === 0 ? (
              <p className="text-sm text-slate-600">{t("home.customer.noOpenTickets")}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {openTickets.map((tk) => (
                  <li key={tk.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
                    <Badge tone={PRIORITY_TONE[tk.priority]}>{tk.priority}</Badge>
                    <Link
                      href={`/tickets/${tk.id}`}
                      // At least 14rem wide, the subject keeps the rest of the badge's line and wraps within
                      // it; the due text moves to a line of its own on a phone (it took the line, and the
                      // truncated subject showed nothing).
                      className="min-w-0 flex-1 basis-56 font-medium break-words text-brand-700 hover:underline"
                    >
                      #{tk.id} {shownSubject(tk.subject, t("tickets.placeholders.noSubject"))}
                    </Link>
                    <span className={`text-xs ${tk.breached ? "font-semibold text-red-700" : "text-slate-600"}`}>
                      {tk.excluded
                        ? t("home.customer.excluded")
                        : tk.nextDueAt
                          ? t(tk.breached ? "home.customer.overdue" : "home.customer.nextDue", {
                              when: dueAt(tk.nextDueAt),
                              relative: format.relativeTime(tk.nextDueAt),
                            })
                          : t("home.customer.noDue")}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card
            id="sla-brief"
            title={t("home.customer.slaBrief", { quarter: quarterWriter(locale)(brief.quarter) })}
            actions={
              <Link href="/organization/sla" className="text-sm font-medium text-brand-700 hover:underline">
                {t("home.customer.slaDetails")}
              </Link>
            }
          >
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {METRICS.map((m) => {
                const f = brief.byMetric[m];
                return (
                  <Stat
                    key={m}
                    label={t(`metric.${m}`)}
                    value={f.attainment === null ? t("common.notAvailable") : formatPercent(locale, f.attainment, 1)}
                    hint={`${t("common.nOf", { n: f.n })} · ${t("common.excludedCount", { n: f.excluded })}`}
                  />
                );
              })}
              <Stat
                label={t("home.customer.creditsDue")}
                value={format.number(brief.creditsCents / 100, { style: "currency", currency: "USD" })}
                hint={t("home.customer.creditsHint")}
              />
            </dl>
          </Card>
          <Card id="org" title={t("home.customer.organization")}>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Stat label={t("home.customer.tier")} value={t(`tier.${tier.code}`)} />
              <Stat label={t("home.customer.region")} value={t(`region.${overview.region}`)} />
              <Stat
                label={t("home.customer.contract")}
                value={t("home.customer.renewal", { days: Math.max(0, overview.daysToRenewal) })}
                hint={t("home.customer.contractRange", {
                  start: date(overview.contractStart),
                  end: date(overview.contractEnd),
                })}
              />
              <Stat
                label={t("home.customer.availability")}
                value={formatPercent(locale, overview.availabilityCommitment / 100)}
                hint={t("home.customer.openTickets", { n: overview.openTickets })}
              />
            </dl>
          </Card>
          <ServiceStatusCard proactiveAlerts={tier.proactiveAlerts} />
          <Card
            id="targets"
            title={t("home.customer.targets")}
            description={t("home.customer.targetsCaption", {
              calendar: `${t("home.customer.calendarName", { region: t(`region.${overview.region}`) })} (${overview.calendar.timeZone})`,
            })}
          >
            <TargetsTable
              caption={t("home.customer.targets")}
              targets={overview.targets}
              businessDayMinutes={businessDayMinutes(overview.calendar.hours)}
            />
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card id="team" title={t("home.customer.team")}>
            <TeamMemberList team={overview.team} viewerZone={viewerZone} variant="home" />
          </Card>
          {hasContactChannels(overview.contact) ? (
            <Card id="contact" title={t("contact.title")}>
              <ContactChannels contact={overview.contact} />
            </Card>
          ) : null}
          <Card id="entitlements" title={t("home.customer.entitlements")}>
            <EntitlementList tier={tier} layout="stack" />
          </Card>
        </div>
      </div>
    </>
  );
}
