import { getFormatter, getLocale, getTimeZone, getTranslations } from "next-intl/server";
import {
  ContactChannels,
  EntitlementList,
  hasContactChannels,
  TeamMemberList,
  type OrganizationOverview,
} from "@/components/accounts/organization-view";
import { formatPercent } from "@/components/format";
import { ServiceStatusCard } from "@/components/home/service-status-card";
import { TargetsTable } from "@/components/sla/targets-table";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { businessDayMinutes } from "@/server/sla/business-day";

export async function CustomerHome({ overview, userName }: { overview: OrganizationOverview; userName: string }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const viewerZone = await getTimeZone();
  const date = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const tier = overview.tier;
  return (
    <>
      <PageHeader title={t("home.welcome", { name: userName })} description={overview.name} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
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
