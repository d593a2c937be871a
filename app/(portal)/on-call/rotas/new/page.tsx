import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RotaForm } from "@/components/on-call/rota-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Refused } from "@/components/ui/refused";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("onCall.rotas"))("new") };
}

/** A manager creates a rota. */
export default async function NewRotaPage() {
  const user = await getSessionUser();
  if (!user || !can(user, "oncall.manage")) return <Refused permission="oncall.manage" />;
  const api = await serverCaller();
  const candidates = await api.onCall.candidates();
  const t = await getTranslations("onCall.rotas");
  return (
    <>
      <PageHeader title={t("new")} description={t("subtitle")} />
      <Card>
        <RotaForm
          candidates={candidates}
          initial={{
            name: "",
            region: "china",
            productArea: null,
            timeZone: "Asia/Shanghai",
            kind: "weekly",
            startDate: "",
            handoverTime: "09:00",
            managerId: user.role === "manager" ? user.id : null,
            ackMinutesP0: 5,
            ackMinutesP1: 15,
            members: [],
          }}
        />
      </Card>
    </>
  );
}
