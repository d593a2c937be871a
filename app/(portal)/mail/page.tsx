import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { UnmatchedList } from "@/components/email/unmatched-list";
import { zoneName } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { Table, Td, Th } from "@/components/ui/table";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { shownSubject } from "@/server/tickets/subject";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("mail") };
}

const TONE = {
  ticket: "green",
  comment: "green",
  attached: "brand",
  unmatched: "amber",
  discarded: "neutral",
  ignored: "neutral",
} as const;

/** Support mail: the unmatched list to work, and what became of the most recent messages. */
export default async function MailPage() {
  const user = await getSessionUser();
  if (!can(user, "tickets.support")) return <Refused permission="tickets.support" />;
  const api = await serverCaller();
  const [unmatched, recent] = await Promise.all([api.email.unmatched({}), api.email.recent({ limit: 50 })]);
  const t = await getTranslations("emailChannel.unmatched");
  const tn = await getTranslations("nav");
  const tc = await getTranslations("common");
  const tt = await getTranslations();
  const format = await getFormatter();
  return (
    <>
      <PageHeader title={tn("mail")} />
      <div className="space-y-6">
        <UnmatchedList initial={unmatched} />
        <Card id="recent-mail" title={t("recentTitle")}>
          <Table caption={t("recentTitle")}>
            <thead>
              <tr>
                <Th>{t("received")}</Th>
                <Th>{t("from")}</Th>
                <Th>{t("subject")}</Th>
                <Th>{t("outcome")}</Th>
              </tr>
            </thead>
            <tbody>
              {recent.map((m) => (
                <tr key={m.id}>
                  <Td>{format.dateTime(m.receivedAt, { dateStyle: "short", timeStyle: "short" })}</Td>
                  <Td>{m.fromAddress ?? "?"}</Td>
                  <Td header>
                    {shownSubject(m.subject, tt("tickets.placeholders.noSubject"))}
                    {m.hasOriginal ? (
                      <a className="ml-2 text-xs text-brand-700 underline" href={`/api/email/${m.id}/raw`}>
                        .eml
                      </a>
                    ) : null}
                  </Td>
                  <Td>
                    <Badge tone={TONE[m.outcome]}>{t(`outcomes.${m.outcome}`)}</Badge>
                    {m.reason && t.has(`reasons.${m.reason}`) ? (
                      <span className="ml-1 text-xs text-slate-500">
                        {t(`reasons.${m.reason}` as "reasons.bounce")}
                      </span>
                    ) : null}
                    {m.ticketId ? (
                      <Link className="ml-2 text-xs text-brand-700 underline" href={`/tickets/${m.ticketId}`}>
                        {t("ticketLink", { id: m.ticketId })}
                      </Link>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <p className="mt-2 text-xs text-slate-500">
            {tc("timeZoneNote", { zone: zoneName(await getLocale(), await getTimeZone(), await getNow()) })}
          </p>
        </Card>
      </div>
    </>
  );
}
