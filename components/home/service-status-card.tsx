import { AlertFacts } from "@/components/alerts/alert-facts";
import Link from "@/components/ui/link";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { zoneName } from "@/components/format";
import { PHASE_TONE, ToneBadge } from "@/components/incidents/labels";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { serverCaller } from "@/server/api/rsc";

/**
 * On the customer's home: incidents affecting their organization right now and, for Enterprise,
 * the proactive alerts of the last 90 days, each with the P0 ticket it opened.
 */
export async function ServiceStatusCard({ proactiveAlerts }: { proactiveAlerts: boolean }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const api = await serverCaller();
  const [ongoing, scheduled, alerts] = await Promise.all([
    api.incidents.list({ phase: "ongoing", limit: 5 }),
    api.incidents.list({ phase: "scheduled", limit: 3 }),
    proactiveAlerts ? api.alerts.mine() : Promise.resolve([]),
  ]);
  const current = [...ongoing, ...scheduled];
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const zoneNote = t("common.timeZoneNote", { zone: zoneName(await getLocale(), await getTimeZone(), await getNow()) });
  return (
    <>
      <Card
        id="service-status"
        title={t("status.homeTitle")}
        actions={
          <Link href="/status" className="text-sm font-medium text-brand-700 hover:underline">
            {t("status.homeLink")}
          </Link>
        }
      >
        {current.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-emerald-800">
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full bg-emerald-500" />
            {t("status.allClear")}
          </p>
        ) : (
          <ul className="space-y-2 text-sm">
            {current.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-2">
                <ToneBadge tone={PHASE_TONE[i.phase]}>{t(`incidents.phase.${i.phase}`)}</ToneBadge>
                <Link href={`/incidents/${i.id}`} className="font-medium text-brand-700 hover:underline">
                  {i.title}
                </Link>
                <span className="text-slate-500">{when(i.startedAt)}</span>
              </li>
            ))}
          </ul>
        )}
        {current.length > 0 ? <p className="mt-3 text-xs text-slate-500">{zoneNote}</p> : null}
      </Card>
      {proactiveAlerts ? (
        <Card id="proactive-alerts" title={t("alerts.homeTitle")} description={t("alerts.homeCaption")}>
          {alerts.length === 0 ? (
            <p className="text-sm text-slate-600">{t("alerts.noneRecent")}</p>
          ) : (
            <ul className="space-y-3">
              {alerts.map((a) => (
                <li key={a.id} className="rounded-lg border border-slate-200 p-3 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone="red">P0</Badge>
                    <span className="font-medium text-slate-900">{t(`tickets.productAreas.${a.productArea}`)}</span>
                    <span className="text-slate-500">{t("alerts.detectedWhen", { when: when(a.detectedAt) })}</span>
                  </div>
                  {a.description ? <p className="mt-1 whitespace-pre-wrap text-slate-800">{a.description}</p> : null}
                  <AlertFacts facts={a} className="mt-1 text-slate-600" />
                  {a.ticketId ? (
                    <Link
                      href={`/tickets/${a.ticketId}`}
                      className="mt-1 inline-block font-medium text-brand-700 hover:underline"
                    >
                      {t("alerts.followTicket", { id: a.ticketId })}
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {alerts.length > 0 ? <p className="mt-3 text-xs text-slate-500">{zoneNote}</p> : null}
        </Card>
      ) : null}
    </>
  );
}
