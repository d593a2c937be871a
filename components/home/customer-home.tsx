import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatPercent, formatTarget, zoneName } from "@/components/format";
import { ServiceStatusCard } from "@/components/home/service-status-card";
import type { AppRouter } from "@/server/api/root";
import { workingHoursInZone } from "@/server/accounts/working-hours";
import type { inferRouterOutputs } from "@trpc/server";

type Overview = inferRouterOutputs<AppRouter>["home"]["customer"];
const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
const METRICS = ["firstResponse", "workaround", "resolution"] as const;

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((p) => p[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();

export async function CustomerHome({ overview, userName }: { overview: Overview; userName: string }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const viewerZone = await getTimeZone();
  const now = await getNow();
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
                hint={t("home.customer.contractRange", { start: date(overview.contractStart), end: date(overview.contractEnd) })}
              />
              <Stat label={t("home.customer.availability")} value={formatPercent(locale, tier.availabilityCommitment / 100)} hint={t("home.customer.openTickets", { n: overview.openTickets })} />
            </dl>
          </Card>
          <ServiceStatusCard proactiveAlerts={tier.proactiveAlerts} />
          <Card id="targets" title={t("home.customer.targets")} description={t("home.customer.targetsCaption", { calendar: `${t("home.customer.calendarName", { region: t(`region.${overview.region}`) })} (${overview.calendar.timeZone})` })}>
            <Table caption={t("home.customer.targets")}>
              <thead>
                <tr>
                  <Th>{t("home.customer.priorityColumn")}</Th>
                  {METRICS.map((m) => (
                    <Th key={m}>{t(`metric.${m}`)}</Th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {PRIORITIES.map((p) => (
                  <tr key={p}>
                    <Td header>
                      <Badge tone={PRIORITY_TONE[p]}>{t(`priority.${p}`)}</Badge>
                    </Td>
                    {METRICS.map((m) => {
                      const cell = overview.targets.find((c) => c.priority === p && c.metric === m);
                      return (
                        <Td key={m}>
                          {cell ? (
                            <>
                              <span className="font-medium">{formatTarget(t, cell.minutes, cell.calendarMode)}</span>
                              <span className="ml-1 text-xs text-slate-500">{t(`coverage.${cell.calendarMode}`)}</span>
                            </>
                          ) : (
                            <span className="text-slate-400">{t("home.customer.noTarget")}</span>
                          )}
                        </Td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card id="team" title={t("home.customer.team")}>
            {overview.team.length === 0 ? (
              <p className="text-sm text-slate-600">{t("home.customer.noTeam")}</p>
            ) : (
              <ul className="space-y-5">
                {overview.team.map((m) => {
                  const local = m.workingHours ? workingHoursInZone(m.workingHours, m.timeZone, viewerZone, now) : null;
                  return (
                    <li key={m.id} className="flex gap-3">
                      <span aria-hidden className="grid h-11 w-11 shrink-0 place-items-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700">
                        {initials(m.name)}
                      </span>
                      <div className="min-w-0 text-sm">
                        <p className="font-semibold text-slate-900">{m.name}</p>
                        <p className="text-slate-600">{t(`home.customer.teamRole.${m.role}`)}</p>
                        <dl className="mt-2 space-y-1 text-slate-700">
                          <div className="flex gap-2">
                            <dt className="text-slate-500">{t("home.customer.emailLabel")}</dt>
                            <dd>
                              <a className="text-brand-700 underline" href={`mailto:${m.email}`}>
                                {m.email}
                              </a>
                            </dd>
                          </div>
                          {m.phone ? (
                            <div className="flex gap-2">
                              <dt className="text-slate-500">{t("home.customer.phoneLabel")}</dt>
                              <dd>{m.phone}</dd>
                            </div>
                          ) : null}
                          {m.chatHandle ? (
                            <div className="flex gap-2">
                              <dt className="text-slate-500">{t("home.customer.chatLabel")}</dt>
                              <dd>{m.chatHandle}</dd>
                            </div>
                          ) : null}
                          {m.workingHours && local ? (
                            <div>
                              <dt className="text-slate-500">{t("home.customer.workingHours")}</dt>
                              <dd>
                                {t("home.customer.workingHoursValue", { hours: m.workingHours, zone: m.timeZone, local: `${local.start}-${local.end} ${zoneName(locale, viewerZone, now)}` })}
                              </dd>
                            </div>
                          ) : null}
                        </dl>
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
          </Card>
          <Card id="entitlements" title={t("home.customer.entitlements")}>
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-slate-500">{t("home.customer.channels")}</dt>
                <dd className="mt-1 flex flex-wrap gap-1">
                  {tier.channels.map((c) => (
                    <Badge key={c} tone="brand">
                      {t(`channel.${c}`)}
                    </Badge>
                  ))}
                </dd>
              </div>
              {tier.hotline ? (
                <div>
                  <dt className="text-slate-500">{t("home.customer.hotline")}</dt>
                  <dd className="font-medium">{tier.hotline}</dd>
                </div>
              ) : null}
              <div>
                <dt className="text-slate-500">{t("home.customer.reviews")}</dt>
                <dd className="font-medium">{t(`reviewCadence.${tier.reviewCadence}`)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("home.customer.proactiveAlerts")}</dt>
                <dd className="font-medium">{tier.proactiveAlerts ? t("home.customer.yes") : t("home.customer.no")}</dd>
              </div>
            </dl>
          </Card>
        </div>
      </div>
    </>
  );
}
