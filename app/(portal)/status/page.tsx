import { AlertFacts } from "@/components/alerts/alert-facts";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { formatPercent, monthWriter, zoneName } from "@/components/format";
import { formatAvailability, formatDowntime } from "@/components/incidents/format";
import { SubscriptionCard } from "@/components/incidents/subscription-card";
import { RaiseAlertForm } from "@/components/status/raise-alert-form";
import { ticketPageBase } from "@/server/tickets/links";
import { StatusView } from "@/components/status/status-view";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("status") };
}

/**
 * The status page: a customer sees their own organization (the server decides which); staff pick
 * any organization, see the credits owed across all of them and that organization's proactive alerts.
 */
export default async function StatusPage({ searchParams }: { searchParams: Promise<{ org?: string }> }) {
  const user = await getSessionUser();
  if (!user) notFound();
  const staff = user.role !== "customer";
  const api = await serverCaller();
  const t = await getTranslations();
  const locale = await getLocale();
  const now = await getNow();
  const zone = zoneName(locale, await getTimeZone(), now);

  if (!staff) {
    const status = await api.availability.status({});
    return (
      <>
        <PageHeader
          title={t("status.title")}
          description={t("status.subtitleCustomer", {
            name: status.organization.name,
            commitment: formatAvailability(locale, status.organization.commitment),
          })}
        >
          {can(user, "incidents.subscribe") ? (
            <a
              href="#subscribe"
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              {t("incidents.subscription.cta")}
            </a>
          ) : null}
        </PageHeader>
        <StatusView status={status} />
        <div className="mt-6">
          <SubscriptionCard variant="status" />
        </div>
      </>
    );
  }

  const sp = await searchParams;
  const orgId = Number(sp.org);
  const chosen = Number.isSafeInteger(orgId) && orgId > 0 ? orgId : null;
  const [orgs, credits] = await Promise.all([api.incidents.organizations(), api.availability.credits({ months: 6 })]);
  const status = chosen
    ? await api.availability.status({ organizationId: chosen }).catch((err: unknown) => {
        if (err instanceof TRPCError && err.code === "NOT_FOUND") notFound();
        throw err;
      })
    : null;
  const org = chosen ? orgs.find((o) => o.id === chosen) : undefined;
  const alerts = org?.proactiveAlerts ? await api.alerts.forOrganization({ organizationId: org.id }) : [];
  const canRaise = can(user, "alerts.raise");
  const format = await getFormatter();
  const monthName = monthWriter(locale, "long");
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <PageHeader
        title={t("status.title")}
        description={
          status
            ? t("status.subtitleStaffOrg", {
                name: status.organization.name,
                tier: t(`tier.${status.organization.tierCode}`),
                commitment: formatAvailability(locale, status.organization.commitment),
              })
            : t("status.subtitleStaff")
        }
      >
        <form method="get" className="flex items-end gap-2">
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("status.organization")}</span>
            <select
              name="org"
              defaultValue={chosen ?? ""}
              className="mt-1 max-w-[16rem] rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            >
              <option value="">{t("status.allOrganizations")}</option>
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
          >
            {t("status.show")}
          </button>
        </form>
      </PageHeader>
      {status ? (
        <div className="space-y-6">
          <StatusView status={status} />
          {org?.proactiveAlerts ? (
            <Card id="alerts" title={t("alerts.staffTitle")} description={t("alerts.staffCaption")}>
              {alerts.length === 0 ? (
                <p className="text-sm text-slate-600">{t("alerts.none")}</p>
              ) : (
                <Table caption={t("alerts.staffTitle")}>
                  <thead>
                    <tr>
                      <Th>{t("alerts.detected")}</Th>
                      <Th>{t("alerts.productArea")}</Th>
                      <Th>{t("alerts.what")}</Th>
                      <Th>{t("alerts.ticket")}</Th>
                      <Th>{t("alerts.raisedBy")}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {alerts.map((a) => (
                      <tr key={a.id}>
                        <Td header>{when(a.detectedAt)}</Td>
                        <Td>{t(`tickets.productAreas.${a.productArea}`)}</Td>
                        <Td>
                          <span className="whitespace-pre-wrap">{a.description}</span>
                          <AlertFacts facts={a} className="text-xs text-slate-500" />
                        </Td>
                        <Td>
                          {a.ticketId ? (
                            <Link href={`/tickets/${a.ticketId}`} className="text-brand-700 hover:underline">
                              #{a.ticketId}
                            </Link>
                          ) : null}
                          {a.ticketStatus ? (
                            <span className="block text-xs text-slate-500">
                              {t(`tickets.statuses.${a.ticketStatus}`)}
                            </span>
                          ) : null}
                        </Td>
                        <Td>{a.raisedBy}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
              {canRaise ? (
                <div className="mt-6 border-t border-slate-100 pt-4">
                  <h3 className="mb-3 text-sm font-semibold text-slate-900">{t("alerts.raiseTitle")}</h3>
                  <RaiseAlertForm organizationId={org.id} zoneLabel={zone} ticketPageBase={ticketPageBase(user)} />
                </div>
              ) : null}
            </Card>
          ) : null}
        </div>
      ) : null}
      <div className={status ? "mt-6" : undefined}>
        <Card id="credits" title={t("status.creditsTitle")} description={t("status.creditsCaption")}>
          {credits.length === 0 ? (
            <p className="text-sm text-slate-600">{t("status.noCredits")}</p>
          ) : (
            <div className="space-y-3">
              {[...new Set(credits.map((c) => c.month))].map((month, index) => {
                const rows = credits.filter((c) => c.month === month);
                return (
                  <details key={month} open={index === 0} className="rounded-lg border border-slate-200 px-4 py-2">
                    <summary className="cursor-pointer text-sm font-medium text-slate-900">
                      {t("status.creditsMonth", { month: monthName(month), n: rows.length })}
                    </summary>
                    <Table caption={t("status.creditsMonth", { month: monthName(month), n: rows.length })}>
                      <thead>
                        <tr>
                          <Th>{t("status.organization")}</Th>
                          <Th>{t("status.tier")}</Th>
                          <Th align="right">{t("status.availability")}</Th>
                          <Th align="right">{t("status.commitment")}</Th>
                          <Th align="right">{t("status.downtime")}</Th>
                          <Th align="right">{t("status.credit")}</Th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((c) => (
                          <tr key={`${c.organizationId}-${c.month}`}>
                            <Td header>
                              <Link href={`/status?org=${c.organizationId}`} className="text-brand-700 hover:underline">
                                {c.organizationName}
                              </Link>
                            </Td>
                            <Td>{t(`tier.${c.tierCode}`)}</Td>
                            <Td align="right">{formatAvailability(locale, c.availability)}</Td>
                            <Td align="right">{formatAvailability(locale, c.commitment)}</Td>
                            <Td align="right">{formatDowntime(t, c.downtimeMinutes)}</Td>
                            <Td align="right">
                              <Badge tone="amber">{formatPercent(locale, c.creditPercent / 100)}</Badge>{" "}
                              <span className="whitespace-nowrap">
                                {format.number(c.creditCents / 100, { style: "currency", currency: "USD" })}
                              </span>
                            </Td>
                          </tr>
                        ))}
                      </tbody>
                    </Table>
                  </details>
                );
              })}
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
