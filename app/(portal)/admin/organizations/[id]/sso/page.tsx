import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SsoSettings } from "@/components/admin/organizations/sso-settings";
import { PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sso.settings");
  return { title: t("metaTitle") };
}

/** An organization's single sign-on settings (the organization edit page mounts the same component). */
export default async function OrganizationSsoPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!can(user, "organizations.admin")) return <Refused permission="organizations.admin" />;
  const { id: raw } = await params;
  if (!/^[1-9]\d{0,9}$/.test(raw)) notFound();
  const organizationId = Number(raw);
  let name: string;
  try {
    const view = await getQueryClient().fetchQuery(trpc.sso.provider.queryOptions({ organizationId }));
    name = view.organization.name;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const t = await getTranslations("sso.settings");
  return (
    <>
      <PageHeader title={`${name} · ${t("title")}`} />
      <HydrateClient>
        <SsoSettings organizationId={organizationId} />
      </HydrateClient>
    </>
  );
}
