import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { Table, Td, Th } from "@/components/ui/table";
import { WebhookActions, WebhookForm } from "@/components/webhooks/webhook-form";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { translatedRefusal } from "@/server/i18n/refusals";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks"))("title") };
}

/** Admins' outgoing webhooks: register one, and read each one's latest deliveries with their responses. */
export default async function WebhooksPage() {
  const user = await getSessionUser();
  if (!user || !can(user, "webhooks.admin")) return <Refused permission="webhooks.admin" />;
  const api = await serverCaller();
  const hooks = await api.webhooks.list();
  const t = await getTranslations("webhooks");
  const format = await getFormatter();
  const locale = (await getLocale()) === "zh" ? "zh" : "en";
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="space-y-6">
        <Card title={t("new")}>
          <WebhookForm />
        </Card>
        {hooks.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
        {hooks.map((h) => (
          <Card
            key={h.id}
            title={h.name}
            description={`${h.url} · ${h.events.map((e) => t(`eventNames.${e}`)).join(", ")}`}
            actions={<WebhookActions hook={h} />}
          >
            {!h.active ? (
              <p role="status" className="mb-3 text-sm font-medium text-red-700">
                {h.disabledAt ? t("disabled") : t("paused")}
              </p>
            ) : null}
            {h.deliveries.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noDeliveries")}</p>
            ) : (
              <Table caption={t("deliveries")}>
                <thead>
                  <tr>
                    <Th>{t("col.at")}</Th>
                    <Th>{t("col.event")}</Th>
                    <Th>{t("col.status")}</Th>
                    <Th align="right">{t("col.attempts")}</Th>
                    <Th>{t("col.response")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {h.deliveries.map((d) => (
                    <tr key={d.id}>
                      <Td>{format.dateTime(d.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</Td>
                      <Td>{t(`eventNames.${d.event}`)}</Td>
                      <Td>
                        <Badge tone={d.status === "delivered" ? "green" : d.status === "failed" ? "red" : "neutral"}>
                          {t(`statuses.${d.status}`)}
                        </Badge>
                      </Td>
                      <Td align="right">{d.attempts}</Td>
                      <Td>
                        {d.refusal ? (
                          <span className="text-xs">
                            {translatedRefusal(locale, d.refusal.messageKey, d.refusal.values) ?? d.error}
                          </span>
                        ) : (
                          <span className="font-mono text-xs">
                            {d.responseStatus ?? ""} {(d.error ?? d.responseBody ?? "").slice(0, 120)}
                          </span>
                        )}
                        {d.nextAttemptAt ? (
                          <span className="block text-xs text-slate-600">
                            {t("nextAttempt", {
                              at: format.dateTime(d.nextAttemptAt, { dateStyle: "medium", timeStyle: "medium" }),
                            })}
                          </span>
                        ) : null}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        ))}
      </div>
    </>
  );
}
