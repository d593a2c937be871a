import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { MarkReviewedButton } from "@/components/kb/mark-reviewed-button";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { Table, Td, Th } from "@/components/ui/table";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("kbGaps") };
}

export default async function KbReportPage({ searchParams }: { searchParams: Promise<{ stale?: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/kb/report")}`);
  if (!can(user, "kb.write")) return <Refused permission="kb.write" />;
  const staleMine = (await searchParams).stale === "mine";
  const [t, te, format, api] = await Promise.all([
    getTranslations("kb.reportPage"),
    getTranslations("kbEdit"),
    getFormatter(),
    serverCaller(),
  ]);
  const r = await api.kb.report({ staleMine });
  const filter = (mine: boolean) =>
    `rounded-md px-2.5 py-1 text-sm font-medium ${mine === staleMine ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`;
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const none = <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="space-y-6">
        <Card
          title={t("stale")}
          id="kb-stale"
          actions={
            <nav aria-label={te("staleFilter")} className="flex gap-1">
              <Link href="/kb/report" className={filter(false)} aria-current={staleMine ? undefined : "page"}>
                {te("staleAll")}
              </Link>
              <Link href="/kb/report?stale=mine" className={filter(true)} aria-current={staleMine ? "page" : undefined}>
                {te("staleMineOnly")}
              </Link>
            </nav>
          }
        >
          {r.stale.length === 0 ? (
            none
          ) : (
            <Table caption={t("stale")}>
              <thead>
                <tr>
                  <Th>{t("article")}</Th>
                  {staleMine ? null : <Th>{t("owner")}</Th>}
                  <Th>{t("reviewed")}</Th>
                  <Th>
                    <span className="relative">
                      <span className="sr-only">{te("desk.actions")}</span>
                    </span>
                  </Th>
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
                    {staleMine ? null : (
                      <Td>
                        {s.owner ?? "—"} {s.mine ? <Badge tone="brand">{t("staleMine")}</Badge> : null}
                      </Td>
                    )}
                    <Td>
                      <span className="whitespace-nowrap">{date(s.reviewedAt)}</span>
                    </Td>
                    <Td>
                      <span className="flex flex-col items-start gap-1 sm:flex-row sm:items-center sm:gap-2">
                        <Link
                          href={`/kb/${s.slug}/edit?lang=${s.locale}`}
                          className="text-sm font-medium text-brand-700 hover:underline"
                          aria-label={te("desk.editNamed", { title: s.title })}
                        >
                          {te("desk.edit")}
                        </Link>
                        {s.canReview ? (
                          <MarkReviewedButton articleId={s.id} label={te("desk.reviewNamed", { title: s.title })} />
                        ) : null}
                      </span>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card title={t("notHelpful")} id="kb-not-helpful">
          {r.notHelpful.length === 0 ? (
            none
          ) : (
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
          {r.noResults.length === 0 ? (
            none
          ) : (
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
