import type { Metadata } from "next";
import { getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { zoneName } from "@/components/format";
import { IncidentForm } from "@/components/incidents/incident-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("recordIncident") };
}

export default async function NewIncidentPage() {
  const user = await getSessionUser();
  if (!can(user, "incidents.write")) return <Refused permission="incidents.write" />;
  const t = await getTranslations("incidents.form");
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("newTitle")} description={t("newSubtitle")} />
      <Card>
        <IncidentForm zoneLabel={zoneName(await getLocale(), await getTimeZone(), await getNow())} />
      </Card>
    </div>
  );
}
