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
import { languageTag } from "@/server/i18n/negotiate";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("kbEdit.desk");
  return { title: t("title") };
}

/** The writer's desk: "My articles" (stale first, with Mark reviewed) and every draft waiting to be published. */
export default async function KbDeskPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/kb/drafts")}`);
  if (!can(user, "kb.write")) return <Refused permission="kb.write" />;
  const view = (await searchParams).view === "drafts" ? "drafts" : "mine";
  const [t, tk, format, api] = await Promise.all([
    getTranslations("kbEdit.desk"),
    getTranslations("kb"),
    getFormatter(),
    serverCaller(),
  ]);
  const rows = await api.kb.desk({ view });
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const tab = (v: "mine" | "drafts") =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${v === view ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")}>
        <div className="flex flex-wrap items-center gap-3">
          <Link
            href="/kb/new"
            className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            {t("new")}
          </Link>
        </div>
      </PageHeader>
      <nav aria-label={t("views")} className="mb-4 flex gap-2">
        <Link href="/kb/drafts" className={tab("mine")} aria-current={view === "mine" ? "page" : undefined}>
          {t("mine")}
        </Link>
        <Link
          href="/kb/drafts?view=drafts"
          className={tab("drafts")}
          aria-current={view === "drafts" ? "page" : undefined}
        >
          {t("drafts")}
        </Link>
      </nav>
      <Card>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{view === "mine" ? t("emptyMine") : t("emptyDrafts")}</p>
        ) : (
          <Table caption={view === "mine" ? t("mine") : t("drafts")}>
            <thead>
              <tr>
                <Th>{t("article")}</Th>
                {view === "drafts" ? <Th>{t("owner")}</Th> : null}
                <Th>{t("reviewed")}</Th>
                <Th>
                  <span className="relative">
                    <span className="sr-only">{t("actions")}</span>
                  </span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <Td header>
                    <Link
                      href={`/kb/${r.slug}?lang=${r.locale}`}
                      lang={languageTag(r.locale)}
                      className="text-brand-700 hover:underline"
                    >
                      {r.title}
                    </Link>
                    <span className="mt-1 flex flex-wrap items-center gap-1 text-xs font-normal text-slate-500">
                      <Badge tone={r.status === "published" ? "green" : "neutral"}>
                        {r.status === "published" ? t("published") : tk("draft")}
                      </Badge>
                      {r.internal ? <Badge tone="red">{tk("internal")}</Badge> : null}
                      <span>{tk(`languages.${r.locale}`)}</span>
                      <span aria-hidden>·</span>
                      <span>{t("editedOn", { date: date(r.updatedAt) })}</span>
                    </span>
                  </Td>
                  {view === "drafts" ? <Td>{r.owner ?? "—"}</Td> : null}
                  <Td>
                    <span className="flex flex-col items-start gap-1 whitespace-nowrap">
                      {date(r.reviewedAt)}
                      {r.stale ? <Badge tone="amber">{tk("stale")}</Badge> : null}
                    </span>
                  </Td>
                  <Td>
                    <span className="flex flex-col items-start gap-1 sm:flex-row sm:items-center sm:gap-2">
                      <Link
                        href={`/kb/${r.slug}/edit?lang=${r.locale}`}
                        className="text-sm font-medium text-brand-700 hover:underline"
                        aria-label={t("editNamed", { title: r.title })}
                      >
                        {t("edit")}
                      </Link>
                      {r.stale && r.canReview ? (
                        <MarkReviewedButton articleId={r.id} label={t("reviewNamed", { title: r.title })} />
                      ) : null}
                    </span>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
