import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewOrganization } from "@/components/admin/organizations/organization-editor";
import { BackToOrganizations, OrganizationPageLayout } from "@/components/admin/organizations/organization-page";
import { Refused } from "@/components/ui/refused";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizationsAdmin");
  return { title: t("metaNew") };
}

export default async function NewOrganizationPage() {
  const user = await getSessionUser();
  if (!can(user, "organizations.admin")) return <Refused permission="organizations.admin" />;
  await getQueryClient().prefetchQuery(trpc.organizations.choices.queryOptions());
  return (
    <OrganizationPageLayout>
      <div>
        <BackToOrganizations />
        <HydrateClient>
          <NewOrganization />
        </HydrateClient>
      </div>
    </OrganizationPageLayout>
  );
}
