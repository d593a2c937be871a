import type { Metadata } from "next";
import { getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { zoneName } from "@/components/format";
import { IncidentForm } from "@/components/incidents/incident-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { getSessionUser } from "@/server/auth/get-session";
import { INCIDENT_WRITERS } from "@/server/incidents/service";

export const metadata: Metadata = { title: "Record incident" };

export default async function NewIncidentPage() {
  const user = await getSessionUser();
  if (!user || !(INCIDENT_WRITERS as readonly string[]).includes(user.role))
    return <Refused roles={[...INCIDENT_WRITERS]} />;
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
