import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { Table, Td, Th } from "@/components/ui/table";
import { STAFF_ROLES } from "@/db/schema/enums";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";

export const metadata: Metadata = { title: "Knowledge gaps" };

export default async function KbReportPage() {
  const user = await getSessionUser();
  if (!user || user.role === "customer") return <Refused roles={[...STAFF_ROLES]} />;
  const [t, format, api] = await Promise.all([getTranslations("kb.reportPage"), getFormatter(), serverCaller()]);
  const r = await api.kb.report();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const none = <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="space-y-6">
        <Card title={t("stale")} id="kb-stale">
          {r.stale.length === 0 ? none : (
            <Table caption={t("stale")}>
              <thead>
                <tr>
                  <Th>{t("article")}</Th>
                  <Th>{t("owner")}</Th>
                  <Th>{t("reviewed")}</Th>
                </tr>
              </thead>
              <tbody>
                {r.stale.map((s) => (
                  <tr key={`${s.slug}-${s.locale}`}>
                    <Td header>
                      <Link href={`/kb/${s.slug}?lang=${s.locale}`} className="text-brand-700 hover:underline">
                        {s.title}
                      </Link>
                    </Td>
                    <Td>
                      {s.owner ?? "—"} {s.mine ? <Badge tone="brand">{t("staleMine")}</Badge> : null}
                    </Td>
                    <Td>{date(s.reviewedAt)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card title={t("notHelpful")} id="kb-not-helpful">
          {r.notHelpful.length === 0 ? none : (
            <Table caption={t("notHelpful")}>
              <thead>
                <tr>
                  <Th>{t("article")}</Th>
                  <Th align="right">{t("viewsCol")}</Th>
                  <Th align="right">{t("helpfulCol")}</Th>
                  <Th align="right">{t("notHelpfulCol")}</Th>
                </tr>
              </thead>
              <tbody>
                {r.notHelpful.map((s) => (
                  <tr key={`${s.slug}-${s.locale}`}>
                    <Td header>
                      <Link href={`/kb/${s.slug}?lang=${s.locale}`} className="text-brand-700 hover:underline">
                        {s.title}
                      </Link>
                    </Td>
                    <Td align="right">{format.number(s.views)}</Td>
                    <Td align="right">{format.number(s.helpfulCount)}</Td>
                    <Td align="right">{format.number(s.notHelpfulCount)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card title={t("noResults")} id="kb-no-results">
          {r.noResults.length === 0 ? none : (
            <Table caption={t("noResults")}>
              <thead>
                <tr>
                  <Th>{t("query")}</Th>
                  <Th align="right">{t("times")}</Th>
                  <Th>{t("last")}</Th>
                </tr>
              </thead>
              <tbody>
                {r.noResults.map((s) => (
                  <tr key={s.query}>
                    <Td header>{s.query}</Td>
                    <Td align="right">{s.count}</Td>
                    <Td>{date(s.lastAt)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
