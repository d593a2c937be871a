import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { joinList } from "@/components/format";
import { KnownIssueStatusBadge } from "@/components/known-issues/status-badge";
import { versionRangeText } from "@/components/version-range";
import { Card, PageHeader } from "@/components/ui/card";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { shownSubject } from "@/server/tickets/subject";

async function load(raw: string) {
  const id = /^\d{1,12}$/.test(raw) ? Number(raw) : null;
  if (!id) return null;
  try {
    return await (await serverCaller()).knownIssues.get({ id });
  } catch (err) {
    if (err instanceof Error && "code" in err && (err as { code: string }).code === "NOT_FOUND") return null;
    throw err;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const issue = await load((await params).id);
  const zh = (await getLocale()) === "zh";
  return { title: issue ? (zh ? issue.titleZh : issue.titleEn) : (await getTranslations("knownIssues"))("title") };
}

/** One known issue: symptoms, workaround, status and fix version; staff also see its organizations and tickets. */
export default async function KnownIssuePage({ params }: { params: Promise<{ id: string }> }) {
  const issue = await load((await params).id);
  if (!issue) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const zh = locale === "zh";
  const user = await getSessionUser();
  const staff = can(user, "tickets.support");
  const facts: [string, string][] = [
    [t("knownIssues.productArea"), t(`tickets.productAreas.${issue.productArea}`)],
    [
      t("knownIssues.platforms"),
      joinList(
        locale,
        issue.platforms.map((p) => t(`sdkPlatform.${p}` as never)),
      ) || "—",
    ],
    [t("knownIssues.affectedVersions"), versionRangeText(t, locale, issue.affectedVersions)],
    [t("knownIssues.visibility"), issue.public ? t("knownIssues.public") : t("knownIssues.limited")],
    [t("knownIssues.lastUpdate"), format.dateTime(issue.updatedAt, { dateStyle: "medium" })],
  ];
  return (
    <div className="mx-auto max-w-4xl">
      <Link href="/known-issues" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("knownIssues.title")}
      </Link>
      <PageHeader title={`${t("knownIssues.number", { id: issue.id })} ${zh ? issue.titleZh : issue.titleEn}`}>
        {staff ? (
          <Link
            href={`/known-issues/${issue.id}/edit`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700"
          >
            {t("knownIssues.edit")}
          </Link>
        ) : null}
      </PageHeader>
      <div className="space-y-6">
        <Card>
          <p className="mb-3">
            <KnownIssueStatusBadge status={issue.status} version={issue.fixVersion} />
          </p>
          <dl className="grid gap-2 text-sm sm:grid-cols-2">
            {facts.map(([k, v]) => (
              <div key={k}>
                <dt className="text-slate-500">{k}</dt>
                <dd className="font-medium text-slate-900">{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t("knownIssues.symptoms")}>
          <p className="text-sm whitespace-pre-wrap text-slate-800">{zh ? issue.symptomsZh : issue.symptomsEn}</p>
        </Card>
        <Card title={t("knownIssues.workaround")}>
          <p className="text-sm whitespace-pre-wrap text-slate-800">
            {(zh ? issue.workaroundZh : issue.workaroundEn) || t("knownIssues.noWorkaround")}
          </p>
        </Card>
        {staff ? (
          <Card title={t("knownIssues.linkedTickets", { n: issue.tickets.length })}>
            {issue.organizations.length > 0 ? (
              <p className="mb-2 text-sm text-slate-600">
                {t("knownIssues.limitedTo", { names: issue.organizations.map((o) => o.name).join(", ") })}
              </p>
            ) : null}
            <ul className="space-y-1 text-sm">
              {issue.tickets.map((tk) => (
                <li key={tk.id}>
                  <Link href={`/tickets/${tk.id}`} className="text-brand-700 hover:underline">
                    #{tk.id} {shownSubject(tk.subject, t("tickets.placeholders.noSubject"))}
                  </Link>{" "}
                  <span className="text-slate-500">· {tk.organization}</span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
