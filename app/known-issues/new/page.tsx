import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { KnownIssueForm } from "@/components/known-issues/known-issue-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("knownIssues"))("new") };
}

/** Support staff record a confirmed fault as a known issue. */
export default async function NewKnownIssuePage() {
  const user = await getSessionUser();
  if (!can(user, "tickets.support")) return <Refused permission="tickets.support" />;
  const t = await getTranslations("knownIssues");
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("new")} description={t("newSubtitle")} />
      <Card>
        <KnownIssueForm />
      </Card>
    </div>
  );
}
