import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewTicketForm } from "@/components/tickets/new-ticket-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { getSessionUser } from "@/server/auth/get-session";

export const metadata: Metadata = { title: "New ticket" };

export default async function NewTicketPage() {
  const user = await getSessionUser();
  if (user?.role !== "customer") return <Refused roles={["customer"]} />;
  const t = await getTranslations("tickets.form");
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("title")} description={t("subtitle")} />
      <Card>
        <NewTicketForm />
      </Card>
    </div>
  );
}
