import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AttachmentLimitsForm } from "@/components/attachments/limits-form";
import { formatPercent } from "@/components/format";
import { RouteMessages } from "@/components/i18n/route-messages";
import { TargetsTable } from "@/components/sla/targets-table";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { Table, Td, Th } from "@/components/ui/table";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { typicalBusinessDayMinutes } from "@/server/sla/business-day";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("tiersTargets") };
}

export default async function AdminPage() {
  const user = await getSessionUser();
  if (!can(user, "admin.settings")) return <Refused permission="admin.settings" />;
  const api = await serverCaller();
  const [tiers, calendars, limits] = await Promise.all([
    api.admin.tiers(),
    api.admin.calendars(),
    api.attachments.limits(),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={t("admin.title")} description={t("admin.subtitle")}>
        <div className="flex flex-wrap gap-4">
          {can(user, "organizations.admin") ? (
            <Link href="/admin/organizations" className="text-sm font-medium text-brand-700 hover:underline">
              {t("organizationsAdmin.homeLink")}
            </Link>
          ) : null}
          <Link href="/admin/sdk-lifecycle" className="text-sm font-medium text-brand-700 hover:underline">
            {t("lifecycle.adminTitle")}
          </Link>
          <Link href="/admin/outbox" className="text-sm font-medium text-brand-700 hover:underline">
            {t("notifications.outboxTitle")}
          </Link>
          <Link href="/admin/audit" className="text-sm font-medium text-brand-700 hover:underline">
            {t("audit.title")}
          </Link>
          <Link href="/admin/webhooks" className="text-sm font-medium text-brand-700 hover:underline">
            {t("webhooks.title")}
          </Link>
          <Link href="/admin/monitoring" className="text-sm font-medium text-brand-700 hover:underline">
            {t("monitoring.title")}
          </Link>
          <Link href="/admin/escalation" className="text-sm font-medium text-brand-700 hover:underline">
            {t("escalationRoutes.adminLink")}
          </Link>
        </div>
      </PageHeader>
      <div className="space-y-6">
        {tiers.map((tier) => (
          <Card
            key={tier.code}
            id={`tier-${tier.code}`}
            title={t(`tier.${tier.code}`)}
            description={`${t("admin.version", { version: tier.version, date: format.dateTime(tier.versionCreatedAt, { dateStyle: "medium" }) })} · ${t("admin.commitment", { value: formatPercent(locale, tier.availabilityCommitment / 100) })}`}
            actions={
              <Link
                href={`/admin/targets/${tier.code}`}
                aria-label={t("adminEdit.editTargetsLabel", { tier: t(`tier.${tier.code}`) })}
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
              >
                {t("adminEdit.editTargets")}
              </Link>
            }
          >
            <TargetsTable
              caption={`${t(`tier.${tier.code}`)}: ${t("admin.title")}`}
              targets={tier.cells}
              businessDayMinutes={typicalBusinessDayMinutes(calendars)}
              inline
            />
            <p className="mt-3 text-sm text-slate-600">
              <span className="font-medium text-slate-800">{t("admin.credits")}: </span>
              {tier.creditSchedule
                .map((c) =>
                  t("admin.creditRule", {
                    below: formatPercent(locale, c.below / 100),
                    percent: formatPercent(locale, c.percent / 100, 0),
                  }),
                )
                .join("; ")}
            </p>
          </Card>
        ))}
        <Card id="calendars" title={t("admin.calendars")}>
          <Table caption={t("admin.calendars")}>
            <thead>
              <tr>
                <Th>{t("admin.calendars")}</Th>
                <Th>{t("admin.zone")}</Th>
                <Th>{t("admin.calendarHours")}</Th>
                <Th align="right">{t("admin.holidaysColumn")}</Th>
                <Th align="right">
                  <span className="sr-only">{t("adminEdit.actions")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {calendars.map((c) => (
                <tr key={c.id}>
                  <Td header>{c.name}</Td>
                  <Td>{c.timeZone}</Td>
                  <Td>{c.hours.map((h) => `${t(`weekday.${h.day}`)} ${h.start}-${h.end}`).join(", ")}</Td>
                  <Td align="right">{t("admin.calendarHolidays", { n: c.holidays })}</Td>
                  <Td align="right">
                    <Link
                      href={`/admin/calendars/${c.id}`}
                      aria-label={t("adminEdit.editCalendarLabel", { name: c.name })}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {t("adminEdit.edit")}
                    </Link>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card id="attachments" title={t("attachments.limits.title")} description={t("attachments.limits.subtitle")}>
          <RouteMessages namespaces={["attachments.limits"]}>
            <AttachmentLimitsForm initial={limits} />
          </RouteMessages>
        </Card>
      </div>
    </>
  );
}
