import type { Metadata } from "next";
import { getFormatter, getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { RetryButton } from "@/components/email/retry-button";
import { zoneName } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { Table, Td, Th } from "@/components/ui/table";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("outbox") };
}

const TONE = { sent: "green", pending: "neutral", failed: "red" } as const;

/** Every email the portal wrote: read here without SMTP; with SMTP, each message's delivery status. */
export default async function OutboxPage() {
  const user = await getSessionUser();
  if (!can(user, "admin.settings")) return <Refused permission="admin.settings" />;
  const api = await serverCaller();
  const { smtp, items } = await api.notifications.outbox({ limit: 100 });
  const t = await getTranslations("notifications");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  return (
    <>
      <PageHeader title={t("outboxTitle")} description={smtp ? t("outboxSubtitleSmtp") : t("outboxSubtitle")} />
      <Card>
        {items.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-600">{t("outboxEmpty")}</p>
        ) : (
          <Table caption={t("outboxTitle")}>
            <thead>
              <tr>
                <Th>{t("created")}</Th>
                <Th>{t("delivery")}</Th>
                <Th>{t("to")}</Th>
                <Th>{t("subject")}</Th>
                <Th>{t("body")}</Th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <Td>{date(m.createdAt)}</Td>
                  <Td>
                    <Badge tone={TONE[m.status]}>
                      {smtp || m.status !== "pending" ? t(`deliveryStatus.${m.status}`) : t("deliveryStatus.kept")}
                    </Badge>
                    <span className="mt-1 block text-xs text-slate-500">
                      {m.sentAt ? t("sentAt", { at: date(m.sentAt) }) : null}
                      {m.attempts > 0 ? ` ${t("attempts", { n: m.attempts })}` : null}
                      {m.status === "failed" && m.nextAttemptAt
                        ? ` ${t("retryAt", { at: date(m.nextAttemptAt) })}`
                        : null}
                      {m.status === "failed" && !m.nextAttemptAt ? ` ${t("gaveUp")}` : null}
                    </span>
                    {m.status === "failed" && m.lastError ? (
                      <span className="block text-xs break-words text-red-700">{m.lastError}</span>
                    ) : null}
                    {smtp && m.status === "failed" ? <RetryButton id={m.id} /> : null}
                  </Td>
                  <Td>{m.to}</Td>
                  <Td header>{m.subject}</Td>
                  <Td>{m.body}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <p className="mt-2 text-xs text-slate-500">
          {tc("timeZoneNote", { zone: zoneName(await getLocale(), await getTimeZone(), await getNow()) })}
        </p>
      </Card>
    </>
  );
}
