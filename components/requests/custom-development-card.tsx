import Link from "@/components/ui/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { dateWriter } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { serverCaller } from "@/server/api/rsc";
import { shownSubject } from "@/server/tickets/subject";

/** How many requests the card lists until "Show all" is chosen: those awaiting a decision come first. */
export const CUSTOM_SHOWN = 20;

/**
 * The account manager's custom development requests to scope (managers and admins: every
 * organization's): those awaiting a decision first, newest first, the first CUSTOM_SHOWN unless
 * `showAll`, with a link to the whole list (at most the CUSTOM_QUEUE_MAX newest).
 */
export async function CustomDevelopmentCard({ showAll = false, allHref }: { showAll?: boolean; allHref: string }) {
  const api = await serverCaller();
  // The procedure puts those awaiting a decision first; only the rows shown are read.
  const { items: rows, total } = await api.requests.customQueue(showAll ? {} : { limit: CUSTOM_SHOWN });
  const t = await getTranslations("customDevelopment");
  const tt = await getTranslations("tickets");
  const createdOn = dateWriter(await getLocale(), await getTimeZone(), { dateStyle: "medium" });
  return (
    <Card id="custom-development" title={t("queueTitle")} description={t("queueDescription")}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("queueEmpty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {rows.map((r) => (
            <li key={r.ticketId} className="flex flex-wrap items-center gap-2 py-2 text-sm">
              <Link href={`/sla/tickets/${r.ticketId}`} className="font-medium text-brand-700 hover:underline">
                #{r.ticketId} {shownSubject(r.subject, tt("placeholders.noSubject"))}
              </Link>
              <span className="text-slate-600">
                {r.organization} · {createdOn(r.createdAt)}
              </span>
              <Badge tone={r.decision === "accepted" ? "green" : r.decision === "declined" ? "neutral" : "amber"}>
                {r.decision ? t(`decisions.${r.decision}`) : t("pending")}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      {rows.length < total ? (
        <p className="mt-3 text-sm">
          <Link href={allHref} className="font-medium text-brand-700 hover:underline">
            {t("showAll", { n: total })}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
