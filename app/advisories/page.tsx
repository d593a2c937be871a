import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { SeverityBadge } from "@/components/advisories/severity-badge";
import { versionRangeText } from "@/components/version-range";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("advisories"))("title") };
}

/** The published security advisories, newest first (staff who manage them also see drafts). */
export default async function AdvisoriesPage() {
  const [api, t, format, user] = await Promise.all([
    serverCaller(),
    getTranslations(),
    getFormatter(),
    getSessionUser(),
  ]);
  const locale = await getLocale();
  const zh = locale === "zh";
  const advisories = await api.advisories.list();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("advisories.title")} description={t("advisories.subtitle")}>
        {can(user, "advisories.manage") ? (
          <Link
            href="/advisories/new"
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
          >
            {t("advisories.new")}
          </Link>
        ) : null}
      </PageHeader>
      <Card>
        {advisories.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-600">{t("advisories.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {advisories.map((a) => (
              <li key={a.id} className="py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <SeverityBadge severity={a.severity} score={a.cvssScore} />
                  {a.status === "draft" ? <Badge>{t("advisories.draft")}</Badge> : null}
                  <Link href={`/advisories/${a.id}`} className="font-medium text-brand-700 hover:underline">
                    {zh ? a.titleZh : a.titleEn}
                  </Link>
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {a.affected
                    .map((r) => `${t(`sdkPlatform.${r.platform}`)} ${versionRangeText(t, locale, r.range)}`)
                    .join(" · ")}
                  {a.publishedAt
                    ? ` — ${t("advisories.published", { date: format.dateTime(a.publishedAt, { dateStyle: "medium" }) })}`
                    : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
