import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { joinList } from "@/components/format";
import { versionRangeText } from "@/components/version-range";
import { KnownIssueStatusBadge } from "@/components/known-issues/status-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { KNOWN_ISSUE_STATUSES, type KnownIssueStatus } from "@/db/schema/enums";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("knownIssues"))("title") };
}

/** The known issues a visitor may read, searchable in both languages and by status. */
export default async function KnownIssuesPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; status?: string }>;
}) {
  const sp = await searchParams;
  const q = sp.q?.trim().slice(0, 200) || null;
  const status = (KNOWN_ISSUE_STATUSES as readonly string[]).includes(sp.status ?? "")
    ? (sp.status as KnownIssueStatus)
    : null;
  const api = await serverCaller();
  const issues = await api.knownIssues.list({ q, status });
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const zh = locale === "zh";
  const user = await getSessionUser();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("knownIssues.title")} description={t("knownIssues.subtitle")}>
        {can(user, "tickets.support") ? (
          <Link
            href="/known-issues/new"
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
          >
            {t("knownIssues.new")}
          </Link>
        ) : null}
      </PageHeader>
      <Card>
        <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("knownIssues.search")}</span>
            <input
              name="q"
              type="search"
              defaultValue={q ?? ""}
              maxLength={200}
              className="mt-1 w-64 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("knownIssues.status")}</span>
            <select
              name="status"
              defaultValue={status ?? ""}
              className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            >
              <option value="">{t("knownIssues.anyStatus")}</option>
              {KNOWN_ISSUE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`knownIssues.statusNames.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white">
            {t("knownIssues.apply")}
          </button>
        </form>
        {issues.length === 0 ? (
          <p className="py-8 text-center text-sm text-slate-600">{t("knownIssues.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {issues.map((i) => (
              <li key={i.id} className="py-3">
                <Link href={`/known-issues/${i.id}`} className="font-medium text-brand-700 hover:underline">
                  {t("knownIssues.number", { id: i.id })} {zh ? i.titleZh : i.titleEn}
                </Link>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                  <KnownIssueStatusBadge status={i.status} version={i.fixVersion} />
                  <span>{t(`tickets.productAreas.${i.productArea}`)}</span>
                  <span>
                    {joinList(
                      zh ? "zh" : "en",
                      i.platforms.map((p) => t(`sdkPlatform.${p}` as never)),
                    )}
                  </span>
                  <span>{t("knownIssues.affects", { range: versionRangeText(t, locale, i.affectedVersions) })}</span>
                  <span>{t("knownIssues.updated", { at: format.dateTime(i.updatedAt, { dateStyle: "medium" }) })}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
