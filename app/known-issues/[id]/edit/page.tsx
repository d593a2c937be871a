import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { KnownIssueForm } from "@/components/known-issues/known-issue-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("knownIssues"))("edit") };
}

/** Staff change a known issue: its texts, status and fix version, and who sees it. */
export default async function EditKnownIssuePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!can(user, "tickets.support")) return <Refused permission="tickets.support" />;
  const raw = (await params).id;
  if (!/^\d{1,12}$/.test(raw)) notFound();
  const issue = await (await serverCaller()).knownIssues.get({ id: Number(raw) }).catch(() => null);
  if (!issue) notFound();
  const t = await getTranslations("knownIssues");
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={`${t("edit")}: ${t("number", { id: issue.id })}`} />
      <Card>
        <KnownIssueForm initial={{ ...issue, organizationIds: issue.organizations.map((o) => o.id) }} />
      </Card>
    </div>
  );
}
