import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { zoneName } from "@/components/format";
import { IncidentForm } from "@/components/incidents/incident-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("editIncident") };
}

export default async function EditIncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!can(user, "incidents.write")) return <Refused permission="incidents.write" />;
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const api = await serverCaller();
  const incident = await api.incidents.get({ id }).catch((err: unknown) => {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const t = await getTranslations("incidents.form");
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("editTitle")} description={incident.title} />
      <Card>
        <IncidentForm
          zoneLabel={zoneName(await getLocale(), await getTimeZone(), await getNow())}
          initial={{ ...incident, organizationIds: incident.affectedOrganizations.map((o) => o.id) }}
        />
      </Card>
    </div>
  );
}
