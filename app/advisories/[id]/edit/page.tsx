import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdvisoryForm } from "@/components/advisories/advisory-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { loadAdvisory } from "../load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("advisories"))("edit") };
}

/** Staff change an advisory (a published one keeps its deadline and is not sent again). */
export default async function EditAdvisoryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!can(user, "advisories.manage")) return <Refused permission="advisories.manage" />;
  const a = await loadAdvisory((await params).id);
  if (!a) notFound();
  const t = await getTranslations("advisories");
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("edit")} />
      <Card>
        <AdvisoryForm
          initial={{
            id: a.id,
            titleEn: a.titleEn,
            titleZh: a.titleZh,
            bodyEn: a.bodyEn,
            bodyZh: a.bodyZh,
            productAreas: a.productAreas,
            affected: a.affected,
            cvssVector: a.cvssVector,
            upgradeStepsEn: a.upgradeStepsEn,
            upgradeStepsZh: a.upgradeStepsZh,
          }}
        />
      </Card>
    </div>
  );
}
