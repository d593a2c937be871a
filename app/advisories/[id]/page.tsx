import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { joinList } from "@/components/format";
import { AcknowledgeButton, PublishButton } from "@/components/advisories/advisory-actions";
import { SeverityBadge } from "@/components/advisories/severity-badge";
import { versionRangeText } from "@/components/version-range";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { loadAdvisory } from "./load";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const a = await loadAdvisory((await params).id);
  const zh = (await getLocale()) === "zh";
  return { title: a ? (zh ? a.titleZh : a.titleEn) : (await getTranslations("advisories"))("title") };
}

/**
 * One advisory: severity and vector, affected versions with their fixes, the upgrade steps. A customer
 * whose organization it was sent to acknowledges it here; staff publish it and see who has not.
 */
export default async function AdvisoryPage({ params }: { params: Promise<{ id: string }> }) {
  const a = await loadAdvisory((await params).id);
  if (!a) notFound();
  const [t, format, user] = await Promise.all([getTranslations(), getFormatter(), getSessionUser()]);
  const locale = await getLocale();
  const zh = locale === "zh";
  const staff = can(user, "advisories.manage");
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const pending = a.organizations.filter((o) => !o.acknowledgedAt).length;
  return (
    <div className="mx-auto max-w-4xl">
      <Link href="/advisories" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("advisories.back")}
      </Link>
      <PageHeader title={zh ? a.titleZh : a.titleEn}>
        {staff ? (
          <Link
            href={`/advisories/${a.id}/edit`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700"
          >
            {t("advisories.edit")}
          </Link>
        ) : null}
      </PageHeader>
      <div className="space-y-6">
        {a.ours ? (
          <Card>
            {a.ours.acknowledgedAt ? (
              <p role="status" className="text-sm text-emerald-800">
                {t("advisories.acknowledged", { date: date(a.ours.acknowledgedAt) })}
              </p>
            ) : (
              <div className="space-y-3">
                <p className="text-sm font-medium text-red-800">{t("advisories.affectsYou")}</p>
                <AcknowledgeButton id={a.id} label={t("advisories.acknowledge")} />
              </div>
            )}
          </Card>
        ) : null}
        <Card>
          <div className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={a.severity} score={a.cvssScore} />
            {a.status === "draft" ? <Badge>{t("advisories.draft")}</Badge> : null}
            {a.publishedAt ? (
              <span className="text-sm text-slate-600">{t("advisories.published", { date: date(a.publishedAt) })}</span>
            ) : null}
            {a.fixDueAt ? (
              <span className="text-sm font-medium text-slate-800">
                {t("advisories.fixDue", { date: date(a.fixDueAt) })}
              </span>
            ) : null}
          </div>
          <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">{t("advisories.vector")}</dt>
              <dd className="font-mono text-xs break-all text-slate-900">{a.cvssVector}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("advisories.products")}</dt>
              <dd className="font-medium text-slate-900">
                {joinList(
                  zh ? "zh" : "en",
                  a.productAreas.map((p) => t(`tickets.productAreas.${p}`)),
                ) || "—"}
              </dd>
            </div>
          </dl>
        </Card>
        <Card title={t("advisories.affected")}>
          {/* one block per platform, label beside value: readable at phone width without scrolling sideways */}
          <ul aria-label={t("advisories.affected")} className="divide-y divide-slate-100">
            {a.affected.map((r, i) => (
              <li key={i} className="py-3 first:pt-0 last:pb-0">
                <h3 className="text-sm font-semibold text-slate-900">{t(`sdkPlatform.${r.platform}`)}</h3>
                <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
                  <dt className="text-slate-500">{t("advisories.range")}</dt>
                  <dd className="text-slate-900">{versionRangeText(t, locale, r.range)}</dd>
                  <dt className="text-slate-500">{t("advisories.fixedVersion")}</dt>
                  <dd className="font-medium text-slate-900">{r.fixedVersion ?? t("advisories.noFix")}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t("advisories.details")}>
          <p className="text-sm whitespace-pre-wrap text-slate-800">{zh ? a.bodyZh : a.bodyEn}</p>
        </Card>
        {(zh ? a.upgradeStepsZh : a.upgradeStepsEn) ? (
          <Card title={t("advisories.upgradeSteps")}>
            <p className="text-sm whitespace-pre-wrap text-slate-800">{zh ? a.upgradeStepsZh : a.upgradeStepsEn}</p>
          </Card>
        ) : null}
        {staff && a.status === "draft" ? (
          <Card>
            <PublishButton id={a.id} label={t("advisories.publish")} />
          </Card>
        ) : null}
        {staff && a.status === "published" ? (
          <Card title={t("advisories.acknowledgements")}>
            <p className="mb-3 text-sm text-slate-700">
              {t("advisories.publishedTo", { n: a.organizations.length })}{" "}
              {a.organizations.length > 0
                ? t("advisories.pendingCount", { pending, total: a.organizations.length })
                : t("advisories.noOrganizations")}
            </p>
            {a.organizations.length > 0 ? (
              <Table caption={t("advisories.acknowledgements")}>
                <thead>
                  <tr>
                    <Th>{t("advisories.organization")}</Th>
                    <Th>{t("advisories.notified")}</Th>
                    <Th>{t("advisories.ackColumn")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {[...a.organizations]
                    .sort((x, y) => Number(!!x.acknowledgedAt) - Number(!!y.acknowledgedAt))
                    .map((o) => (
                      <tr key={o.id}>
                        <Td header>{o.name}</Td>
                        <Td>{date(o.notifiedAt)}</Td>
                        <Td>
                          {o.acknowledgedAt ? (
                            t("advisories.ackBy", { date: date(o.acknowledgedAt), name: o.acknowledgedBy ?? "—" })
                          ) : (
                            <Badge tone="red">{t("advisories.notAcknowledged")}</Badge>
                          )}
                        </Td>
                      </tr>
                    ))}
                </tbody>
              </Table>
            ) : null}
          </Card>
        ) : null}
      </div>
    </div>
  );
}
