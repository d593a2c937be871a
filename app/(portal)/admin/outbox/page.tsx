import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { Table, Td, Th } from "@/components/ui/table";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";

export const metadata: Metadata = { title: "Email outbox" };

export default async function OutboxPage() {
  const user = await getSessionUser();
  if (user?.role !== "admin") return <Refused roles={["admin"]} />;
  const api = await serverCaller();
  const mail = await api.notifications.outbox({ limit: 100 });
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  return (
    <>
      <PageHeader title={t("outboxTitle")} description={t("outboxSubtitle")} />
      <Card>
        {mail.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-600">{t("outboxEmpty")}</p>
        ) : (
          <Table caption={t("outboxTitle")}>
            <thead>
              <tr>
                <Th>{t("created")}</Th>
                <Th>{t("to")}</Th>
                <Th>{t("subject")}</Th>
                <Th>{t("body")}</Th>
              </tr>
            </thead>
            <tbody>
              {mail.map((m) => (
                <tr key={m.id}>
                  <Td>{format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" })}</Td>
                  <Td>{m.to}</Td>
                  <Td header>{m.subject}</Td>
                  <Td>{m.body}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
