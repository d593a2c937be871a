import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PeopleManager } from "@/components/people/people-manager";
import { PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people");
  return { title: t("title") };
}

/** A customer organization's people, for administrators and account managers. */
export default async function OrganizationPeoplePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ q?: string }>;
}) {
  const user = await getSessionUser();
  if (!user || user.role === "customer" || !can(user, "people.customers"))
    return <Refused permission="people.customers" />;
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const org = await (await serverCaller()).accounts.organization({ organizationId: id }).catch(() => null);
  if (!org) notFound();
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={`${org.name}: ${t("people.title")}`}
        description={t("people.orgSubtitle", { organization: org.name })}
      >
        <Link href={`/organizations/${id}`} className="text-sm font-medium text-brand-700 hover:underline">
          {org.name}
        </Link>
      </PageHeader>
      <PeopleManager
        organizationId={id}
        viewerId={user.id}
        canCorrectEmail={can(user, "people.email")}
        initialQuery={(await searchParams).q?.slice(0, 100)}
      />
    </>
  );
}
