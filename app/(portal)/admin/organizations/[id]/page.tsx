import { TRPCError } from "@trpc/server";
import { RouteMessages } from "@/components/i18n/route-messages";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OrganizationEditor } from "@/components/admin/organizations/organization-editor";
import { BackToOrganizations, OrganizationPageLayout } from "@/components/admin/organizations/organization-page";
import { SsoSettings } from "@/components/admin/organizations/sso-settings";
import { Refused } from "@/components/ui/refused";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizationsAdmin");
  return { title: t("metaEdit") };
}

/**
 * An organization's admin page: the edit form, then its single sign-on. Further sections (people)
 * go below, each an `OrganizationPageSection` inside the layout.
 */
export default async function OrganizationAdminPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const user = await getSessionUser();
  if (!can(user, "organizations.admin")) return <Refused permission="organizations.admin" />;
  const { id: raw } = await params;
  if (!/^[1-9]\d{0,9}$/.test(raw)) notFound();
  const id = Number(raw);
  const queryClient = getQueryClient();
  try {
    await Promise.all([
      queryClient.fetchQuery(trpc.organizations.get.queryOptions({ id })),
      queryClient.prefetchQuery(trpc.organizations.choices.queryOptions()),
    ]);
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { created } = await searchParams;
  return (
    <RouteMessages namespaces={["organizationsAdmin", "region", "tier"]}>
      <OrganizationPageLayout>
        <div>
          <BackToOrganizations />
          <HydrateClient>
            <OrganizationEditor id={id} justCreated={created === "1"} />
          </HydrateClient>
        </div>
        <HydrateClient>
          <SsoSettings organizationId={id} />
        </HydrateClient>
      </OrganizationPageLayout>
    </RouteMessages>
  );
}
