import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdvisoryForm } from "@/components/advisories/advisory-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("advisories"))("new") };
}

/** Staff write a security advisory as a draft, to publish from its page. */
export default async function NewAdvisoryPage() {
  const user = await getSessionUser();
  if (!can(user, "advisories.manage")) return <Refused permission="advisories.manage" />;
  const t = await getTranslations("advisories");
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("new")} />
      <Card>
        <AdvisoryForm />
      </Card>
    </div>
  );
}
