import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { serverCaller } from "@/server/api/rsc";

/** The account manager's custom development requests to scope (managers and admins: every organization's). */
export async function CustomDevelopmentCard() {
  const api = await serverCaller();
  const rows = await api.requests.customQueue();
  const t = await getTranslations("customDevelopment");
  const format = await getFormatter();
  return (
    <Card id="custom-development" title={t("queueTitle")} description={t("queueDescription")}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("queueEmpty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {rows.map((r) => (
            <li key={r.ticketId} className="flex flex-wrap items-center gap-2 py-2 text-sm">
              <Link href={`/sla/tickets/${r.ticketId}`} className="font-medium text-brand-700 hover:underline">
                #{r.ticketId} {r.subject}
              </Link>
              <span className="text-slate-600">
                {r.organization} · {format.dateTime(r.createdAt, { dateStyle: "medium" })}
              </span>
              <Badge tone={r.decision === "accepted" ? "green" : r.decision === "declined" ? "neutral" : "amber"}>
                {r.decision ? t(`decisions.${r.decision}`) : t("pending")}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
