import type { Metadata } from "next";
import { getLocale, getNow, getTimeZone, getTranslations } from "next-intl/server";
import { zoneName } from "@/components/format";
import { NewTicketForm } from "@/components/tickets/new-ticket-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { getSessionUser } from "@/server/auth/get-session";
import "@/app/kb/kb.css";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("newTicket") };
}

export default async function NewTicketPage() {
  const user = await getSessionUser();
  if (!user || !can(user, "tickets.work")) return <Refused permission="tickets.work" />;
  const staff = user.role !== "customer";
  const t = await getTranslations("tickets.form");
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={staff ? t("staffTitle") : t("title")}
        description={staff ? t("staffSubtitle") : t("subtitle")}
      />
      <Card>
        <NewTicketForm staff={staff} zoneLabel={zoneName(await getLocale(), await getTimeZone(), await getNow())} />
      </Card>
    </div>
  );
}
