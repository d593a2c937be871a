import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackToAdmin } from "@/components/admin/back-link";
import { OrganizationList } from "@/components/admin/organizations/organization-list";
import { Refused } from "@/components/ui/refused";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizationsAdmin");
  return { title: t("title") };
}

const PAGE_SIZE = 25;

export default async function OrganizationsAdminPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const user = await getSessionUser();
  if (!can(user, "organizations.admin")) return <Refused permission="organizations.admin" />;
  const sp = await searchParams;
  const search = sp.q?.trim().slice(0, 120) || undefined;
  const page = Math.min(Math.max(1, Math.floor(Number(sp.page) || 1)), 100_000);
  const api = await serverCaller();
  const list = await api.organizations.list({ search, page, pageSize: PAGE_SIZE });
  return (
    <>
      <BackToAdmin />
      <OrganizationList list={list} search={search} />
    </>
  );
}
