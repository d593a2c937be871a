import type { Metadata } from "next";
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

/** The customer administrator's page: the people of their own organization (never another's). */
export default async function OwnPeoplePage() {
  const user = await getSessionUser();
  if (!user || !can(user, "people.own") || user.organizationId === null) return <Refused permission="people.own" />;
  const org = await (await serverCaller()).accounts.organization({ organizationId: user.organizationId });
  const t = await getTranslations("people");
  return (
    <>
      <PageHeader title={t("title")} description={t("orgSubtitle", { organization: org.name })} />
      <PeopleManager
        organizationId={user.organizationId}
        viewerId={user.id}
        canCorrectEmail={can(user, "people.email")}
      />
    </>
  );
}
