import Link from "@/components/ui/link";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import type { inferRouterOutputs } from "@trpc/server";
import { formatPercent, monthWriter, zoneName } from "@/components/format";
import { formatAvailability, formatDowntime } from "@/components/incidents/format";
import { PHASE_TONE, SEVERITY_TONE, ToneBadge } from "@/components/incidents/labels";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { DayStrip } from "./day-strip";
import type { AppRouter } from "@/server/api/root";

type Status = inferRouterOutputs<AppRouter>["availability"]["status"];

/** The status page's body for one organization: now, each month against the commitment, 90 days of bars. */
export async function StatusView({ status }: { status: Status }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const now = await getNow();
  const zone = zoneName(locale, await getTimeZone(), now);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const monthName = monthWriter(locale, "long");
  const dayName = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const byId = new Map(status.incidents.map((i) => [i.id, i]));
  const incidentLink = (id: number) => {
    const i = byId.get(id);
    return i ? (
      <Link key={id} href={`/incidents/${id}`} className="block text-brand-700 hover:underline">
        {i.title}
      </Link>
    ) : null;
  };
  /** A month's incidents, then its maintenance excused from downtime, each linked. */
  const monthIncidents = (m: { incidentIds: number[]; excusedMaintenanceIds: number[] }) => (
    <>
      {m.incidentIds.map(incidentLink)}
      {m.excusedMaintenanceIds.map((id) => (
        <span key={id} className="block text-xs text-slate-500">
          {incidentLink(id)}
          {t("status.excused")}
        </span>
      ))}
    </>
  );
  const commitment = formatAvailability(locale, status.organization.commitment);

  return (
    <div className="space-y-6">
      <Card id="now" title={t("status.now")}>
        {status.current.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-emerald-800">
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full bg-emerald-500" />
            {t("status.allClear")}
          </p>
        ) : (
          <ul className="space-y-3">
            {status.current.map((c) => (
              <li key={c.id} className="rounded-lg border border-slate-200 p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <ToneBadge tone={PHASE_TONE[c.phase]}>{t(`incidents.phase.${c.phase}`)}</ToneBadge>
                  <ToneBadge tone={SEVERITY_TONE[c.severity]}>{t(`incidents.severity.${c.severity}`)}</ToneBadge>
                  {c.planned ? <Badge tone="brand">{t("incidents.kind.maintenance")}</Badge> : null}
                  <Link href={`/incidents/${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.title}
                  </Link>
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {t(`tickets.productAreas.${c.productArea}`)} ·{" "}
                  {c.phase === "scheduled"
                    ? t("status.scheduledWindow", { start: when(c.startedAt), end: c.endedAt ? when(c.endedAt) : "—" })
                    : t("status.since", { start: when(c.startedAt) })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card id="months" title={t("status.monthsTitle")} description={t("status.monthsCaption", { commitment })}>
        <ul className="space-y-3 sm:hidden">
          {status.months.map((m) => (
            <li
              key={m.month}
              className={`rounded-lg border p-3 text-sm ${m.creditPercent > 0 ? "border-amber-200 bg-amber-50/60" : "border-slate-200"}`}
            >
              <div className="flex items-baseline justify-between gap-2">
                <span className="font-semibold text-slate-900">{monthName(m.month)}</span>
                <span className={m.belowCommitment ? "font-semibold text-red-700" : "font-semibold text-slate-900"}>
                  {formatAvailability(locale, m.availability)}
                </span>
              </div>
              <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
                <dt className="text-slate-500">{t("status.commitment")}</dt>
                <dd className="text-right">
                  {formatAvailability(locale, m.commitment)} · {m.belowCommitment ? t("status.below") : t("status.met")}
                </dd>
                <dt className="text-slate-500">{t("status.downtime")}</dt>
                <dd className="text-right">{formatDowntime(t, m.downtimeMinutes)}</dd>
                <dt className="text-slate-500">{t("status.credit")}</dt>
                <dd className="text-right">
                  {m.creditPercent > 0 ? (
                    <Badge tone="amber">{formatPercent(locale, m.creditPercent / 100)}</Badge>
                  ) : (
                    t("status.noCredit")
                  )}
                </dd>
              </dl>
              {m.incidentIds.length + m.excusedMaintenanceIds.length > 0 ? (
                <div className="mt-2 border-t border-slate-100 pt-2">{monthIncidents(m)}</div>
              ) : null}
            </li>
          ))}
        </ul>
        <div className="hidden sm:block">
          <Table caption={t("status.monthsTitle")}>
            <thead>
              <tr>
                <Th>{t("status.month")}</Th>
                <Th align="right">{t("status.availability")}</Th>
                <Th align="right">{t("status.commitment")}</Th>
                <Th align="right">{t("status.downtime")}</Th>
                <Th align="right">{t("status.credit")}</Th>
                <Th>{t("status.incidents")}</Th>
              </tr>
            </thead>
            <tbody>
              {status.months.map((m) => (
                <tr key={m.month} className={m.creditPercent > 0 ? "bg-amber-50/60" : undefined}>
                  <Td header>{monthName(m.month)}</Td>
                  <Td align="right">
                    <span className={m.belowCommitment ? "font-semibold text-red-700" : "font-semibold text-slate-900"}>
                      {formatAvailability(locale, m.availability)}
                    </span>
                    <span className="block text-xs text-slate-500">
                      {m.belowCommitment ? t("status.below") : t("status.met")}
                    </span>
                  </Td>
                  <Td align="right">{formatAvailability(locale, m.commitment)}</Td>
                  <Td align="right">
                    {formatDowntime(t, m.downtimeMinutes)}
                    <span className="block text-xs text-slate-500">
                      {t("status.ofMinutes", { n: format.number(m.minutesInMonth) })}
                    </span>
                  </Td>
                  <Td align="right">
                    {m.creditPercent > 0 ? (
                      <Badge tone="amber">{formatPercent(locale, m.creditPercent / 100)}</Badge>
                    ) : (
                      <span className="text-slate-500">{t("status.noCredit")}</span>
                    )}
                  </Td>
                  <Td>
                    {m.incidentIds.length === 0 && m.excusedMaintenanceIds.length === 0 ? (
                      <span className="text-slate-500">{t("status.noIncidents")}</span>
                    ) : null}
                    {monthIncidents(m)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
        <p className="mt-3 text-xs text-slate-500">{t("status.rule")}</p>
      </Card>

      <Card id="bars" title={t("status.barsTitle")} description={t("status.barsCaption")}>
        <ul className="space-y-4">
          {status.areas.map((a) => (
            <li key={a.productArea}>
              <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                <span className="font-medium text-slate-900">{t(`tickets.productAreas.${a.productArea}`)}</span>
                <span className="text-slate-600">
                  {formatAvailability(locale, a.availability)} · {formatDowntime(t, a.downtimeMinutes)}
                </span>
              </div>
              <DayStrip
                start={a.days[0]?.day ?? ""}
                minutes={a.days.map((d) => d.downtimeMinutes)}
                labels={Object.fromEntries(
                  a.days.flatMap((d, i) => (d.downtimeMinutes > 0 ? [[i, formatDowntime(t, d.downtimeMinutes)]] : [])),
                )}
                none={formatDowntime(t, 0)}
              />
            </li>
          ))}
        </ul>
        <div className="mt-3 flex flex-wrap gap-4 text-xs text-slate-600">
          <span className="flex items-center gap-1">
            <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-emerald-400" /> {t("status.legendNone")}
          </span>
          <span className="flex items-center gap-1">
            <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-amber-400" /> {t("status.legendShort")}
          </span>
          <span className="flex items-center gap-1">
            <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-red-500" /> {t("status.legendLong")}
          </span>
        </div>
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("common.tableView")}</summary>
          {status.areas.every((a) => a.days.every((d) => d.downtimeMinutes <= 0)) ? (
            <p className="mt-2 text-sm text-slate-600">{t("status.noDowntime90")}</p>
          ) : (
            <Table caption={t("status.barsTitle")}>
              <thead>
                <tr>
                  <Th>{t("status.day")}</Th>
                  <Th>{t("incidents.list.productArea")}</Th>
                  <Th align="right">{t("status.downtime")}</Th>
                  <Th>{t("status.incidents")}</Th>
                </tr>
              </thead>
              <tbody>
                {status.areas.flatMap((a) =>
                  a.days
                    .filter((d) => d.downtimeMinutes > 0)
                    .map((d) => (
                      <tr key={`${a.productArea}-${d.day}`}>
                        <Td header>{dayName(d.day)}</Td>
                        <Td>{t(`tickets.productAreas.${a.productArea}`)}</Td>
                        <Td align="right">{formatDowntime(t, d.downtimeMinutes)}</Td>
                        <Td>{d.incidentIds.map(incidentLink)}</Td>
                      </tr>
                    )),
                )}
              </tbody>
            </Table>
          )}
        </details>
        <p className="mt-3 text-xs text-slate-500">{t("status.utcNote", { zone })}</p>
      </Card>
    </div>
  );
}
