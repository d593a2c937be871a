import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { LifecycleEditor } from "@/components/lifecycle/lifecycle-editor";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lifecycle"))("adminTitle") };
}

/** Administrators keep the SDK support lifecycle that the public page and every ticket read. */
export default async function AdminLifecyclePage() {
  const user = await getSessionUser();
  if (!can(user, "admin.settings")) return <Refused permission="admin.settings" />;
  const api = await serverCaller();
  const lines = await api.lifecycle.list();
  const t = await getTranslations("lifecycle");
  return (
    <>
      <PageHeader title={t("adminTitle")} description={t("adminSubtitle")}>
        <Link href="/sdk-lifecycle" className="text-sm font-medium text-brand-700 hover:underline">
          {t("publicLink")}
        </Link>
      </PageHeader>
      <Card>
        <LifecycleEditor lines={lines} />
      </Card>
    </>
  );
}
