import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewTicketForm } from "@/components/tickets/new-ticket-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { getSessionUser } from "@/server/auth/get-session";
import "@/app/kb/kb.css";

export const metadata: Metadata = { title: "New ticket" };

export default async function NewTicketPage() {
  const user = await getSessionUser();
  const allowed = ["customer", "agent", "expert", "manager"] as const;
  if (!user || !(allowed as readonly string[]).includes(user.role)) return <Refused roles={[...allowed]} />;
  const staff = user.role !== "customer";
  const t = await getTranslations("tickets.form");
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={staff ? t("staffTitle") : t("title")}
        description={staff ? t("staffSubtitle") : t("subtitle")}
      />
      <Card>
        <NewTicketForm staff={staff} />
      </Card>
    </div>
  );
}
