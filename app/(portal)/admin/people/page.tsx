import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PeopleManager } from "@/components/people/people-manager";
import { PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { STAFF_ROLES } from "@/db/schema/enums";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people");
  return { title: t("title") };
}

/** Staff accounts for administrators: invite with a role, change roles, deactivate and reactivate. */
export default async function StaffPeoplePage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await getSessionUser();
  if (!user || !can(user, "people.staff")) return <Refused permission="people.staff" />;
  const t = await getTranslations("people");
  return (
    <>
      <PageHeader title={t("title")} description={t("staffSubtitle")} />
      <PeopleManager
        organizationId={null}
        viewerId={user.id}
        staffRoles={STAFF_ROLES}
        canChangeRoles
        canCorrectEmail={can(user, "people.email")}
        initialQuery={(await searchParams).q?.slice(0, 100)}
      />
    </>
  );
}
