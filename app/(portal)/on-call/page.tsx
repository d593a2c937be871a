import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { formatSpan, zoneName } from "@/components/format";
import { AcknowledgeButton } from "@/components/on-call/acknowledge-button";
import { OnCallStrip } from "@/components/on-call/on-call-strip";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { Table, Td, Th } from "@/components/ui/table";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { shownSubject } from "@/server/tickets/subject";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("onCall"))("title") };
}

/** On call: who is on call now, the pages waiting for this engineer (acknowledge here), the paging log. */
export default async function OnCallPage() {
  const user = await getSessionUser();
  if (!user || !can(user, "oncall.read")) return <Refused permission="oncall.read" />;
  const api = await serverCaller();
  const [now, pages] = await Promise.all([api.onCall.now(), api.onCall.pages({ limit: 50 })]);
  const t = await getTranslations("onCall");
  const tt = await getTranslations();
  const latency = (ms: number) => formatSpan(tt, ms, { seconds: true });
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const zone = zoneName(await getLocale(), await getTimeZone(), await getNow());
  type LogRow = (typeof pages.log)[number];
  const ticket = (p: LogRow) => (
    <>
      <Badge tone={PRIORITY_TONE[p.priority]}>{p.priority}</Badge>{" "}
      <Link href={`/tickets/${p.ticketId}`} className="hover:underline">
        #{p.ticketId} {shownSubject(p.subject, tt("tickets.placeholders.noSubject"))}
      </Link>
    </>
  );
  const steps = (p: LogRow) => (
    <ul className="text-xs text-slate-700">
      {p.events.map((e, i) => (
        <li key={i}>
          {t("step", {
            person: e.person ?? t("unstaffed"),
            kind: t(`eventKinds.${e.kind}`),
            latency: latency(e.latencyMs),
          })}
        </li>
      ))}
    </ul>
  );
  const ack = (p: LogRow) =>
    p.ackLatencyMs !== null ? (
      <span>
        {p.acknowledgedBy} · {t("acknowledged", { latency: latency(p.ackLatencyMs) })}
      </span>
    ) : p.mine ? (
      <AcknowledgeButton pageId={p.id} label={t("acknowledge")} />
    ) : (
      <span className="text-amber-800">{t("notYet")}</span>
    );

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")}>
        <Link href="/on-call/rotas" className="text-sm font-medium text-indigo-700 hover:underline">
          {t("rotasLink")}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <OnCallStrip rows={now} />
        <Card id="waiting" title={t("waitingTitle")}>
          {pages.waiting.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noWaiting")}</p>
          ) : (
            <ul className="space-y-3">
              {pages.waiting.map((p) => (
                <li
                  key={p.id}
                  className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3"
                >
                  <div>
                    <Badge tone={PRIORITY_TONE[p.priority]}>{p.priority}</Badge>{" "}
                    <Link href={`/tickets/${p.ticketId}`} className="font-medium text-slate-900 hover:underline">
                      #{p.ticketId} {shownSubject(p.subject, tt("tickets.placeholders.noSubject"))}
                    </Link>
                    <p className="text-sm text-slate-700">
                      {t(`reasons.${p.reason}`)} · {when(p.triggeredAt)} · {t(`levels.${p.level}`)}
                    </p>
                  </div>
                  <AcknowledgeButton pageId={p.id} label={t("acknowledge")} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card id="log" title={t("logTitle")} description={t("logZone", { zone })}>
          {pages.log.length === 0 ? (
            <p className="text-sm text-slate-600">{t("logEmpty")}</p>
          ) : (
            <>
              {/* On a phone each page reads as a card; from the small breakpoint up, as a table. */}
              <ul className="space-y-3 sm:hidden" aria-label={t("logTitle")}>
                {pages.log.map((p) => (
                  <li key={p.id} className="space-y-2 rounded-lg border border-slate-200 px-4 py-3 text-sm">
                    {ticket(p)}
                    <p className="text-slate-700">
                      {t(`reasons.${p.reason}`)} · {when(p.triggeredAt)}
                    </p>
                    {steps(p)}
                    <div>{ack(p)}</div>
                  </li>
                ))}
              </ul>
              <div className="hidden sm:block">
                <Table caption={t("logTitle")}>
                  <thead>
                    <tr>
                      <Th>{t("col.ticket")}</Th>
                      <Th>{t("col.reason")}</Th>
                      <Th>{t("col.triggered")}</Th>
                      <Th>{t("col.steps")}</Th>
                      <Th>{t("col.ack")}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {pages.log.map((p) => (
                      <tr key={p.id}>
                        <Td>{ticket(p)}</Td>
                        <Td>{t(`reasons.${p.reason}`)}</Td>
                        <Td>{when(p.triggeredAt)}</Td>
                        <Td>{steps(p)}</Td>
                        <Td>{ack(p)}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
            </>
          )}
        </Card>
      </div>
    </>
  );
}
