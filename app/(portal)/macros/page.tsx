import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MacroManager } from "@/components/macros/macro-manager";
import { PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("macros") };
}

/** Macros (canned replies): the shared ones (kept by managers and admins) and the viewer's own. */
export default async function MacrosPage() {
  const user = await getSessionUser();
  if (!user || !can(user, "macros.use")) return <Refused permission="macros.use" />;
  await getQueryClient().fetchQuery(trpc.macros.list.queryOptions());
  const t = await getTranslations("macros");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <HydrateClient>
        <MacroManager canShare={can(user, "macros.shared")} />
      </HydrateClient>
    </>
  );
}
