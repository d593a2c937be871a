import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PRODUCT_AREAS, REGIONS } from "@/db/schema/enums";
import { serverCaller } from "@/server/api/rsc";
import { getSessionUser } from "@/server/auth/get-session";
import { can } from "@/server/auth/permissions";
import { SubscriptionForm } from "./subscription-form";

/**
 * The customer's incident and maintenance subscription (decision 027), as a card: on the account
 * page (`/account#incident-subscription`, where every notice mail links) and on the status page
 * ("Subscribe to updates"). Nothing for those who cannot subscribe (staff).
 */
export async function SubscriptionCard({ variant }: { variant: "account" | "status" }) {
  const user = await getSessionUser();
  if (!user || !can(user, "incidents.subscribe")) return null;
  const api = await serverCaller();
  const sub = await api.incidents.subscription();
  const t = await getTranslations("incidents.subscription");
  const tt = await getTranslations();
  const adminDefault = sub.incidents && sub.maintenance;
  const anchor = variant === "account" ? "incident-subscription" : "subscribe";
  return (
    // The anchor the status page's button and every notice mail link to (the card is `${anchor}-card`).
    <div id={anchor} className="scroll-mt-20">
      <Card
        id={`${anchor}-card`}
        title={variant === "account" ? t("title") : t("cta")}
        description={variant === "account" ? t("subtitle") : t("ctaCaption")}
      >
        <SubscriptionForm
          initial={sub}
          labels={{
            kinds: t("kinds"),
            incidents: t("incidents"),
            maintenance: t("maintenance"),
            areas: t("areas"),
            regions: t("regions"),
            all: t("all"),
            save: t("save"),
            saved: t("saved"),
            unsubscribed: t("unsubscribed"),
            unsubscribe: t("unsubscribe"),
            unsubscribeHint: t("unsubscribeHint"),
            subscribed: t("subscribed"),
            notSubscribed: t("notSubscribed"),
            defaultNote: sub.isDefault ? (adminDefault ? t("defaultAdmin") : t("defaultMember")) : null,
          }}
          areas={PRODUCT_AREAS.map((a) => ({ value: a, label: tt(`tickets.productAreas.${a}`) }))}
          regions={REGIONS.map((r) => ({ value: r, label: tt(`region.${r}`) }))}
        />
      </Card>
    </div>
  );
}
