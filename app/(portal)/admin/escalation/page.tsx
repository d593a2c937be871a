import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EscalationRoutesEditor } from "@/components/admin/escalation-routes-editor";
import { PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("escalationRoutes"))("title") };
}

/** Administrators set where an escalation to L2 goes, per product area (issue #22). */
export default async function EscalationRoutesPage() {
  const user = await getSessionUser();
  if (!user || !can(user, "admin.settings")) return <Refused permission="admin.settings" />;
  const data = await (await serverCaller()).tickets.escalationRoutes();
  const t = await getTranslations("escalationRoutes");
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <EscalationRoutesEditor routes={data.routes} candidates={data.candidates} />
    </>
  );
}
