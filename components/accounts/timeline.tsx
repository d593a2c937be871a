import { AlertFacts } from "@/components/alerts/alert-facts";
import Link from "@/components/ui/link";
import { getLocale, getNow, getTranslations } from "next-intl/server";
import { dateWriter, zoneName } from "@/components/format";
import { entryDate } from "@/server/accounts/engagement-day";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";
import type { ReactNode } from "react";
import { quarterLabel } from "@/server/periods/periods";
import { shownSubject } from "@/server/tickets/subject";

type Entry = inferRouterOutputs<AppRouter>["accounts"]["timeline"][number];

const TONE: Record<Entry["kind"], BadgeTone> = {
  meeting: "brand",
  training: "green",
  check_in: "neutral",
  review: "brand",
  proactive_alert: "amber",
  escalation: "red",
  custom_development: "brand",
};

/** How many entries an organization's page shows until the reader asks for older ones (issue 25). */
const TIMELINE_SHOWN = 20;

/** How many entries a page reads for the timeline: one more than it shows, to know whether there are older ones. */
export function timelineLimit(showAll: boolean): number {
  return showAll ? 100 : TIMELINE_SHOWN + 1;
}

/**
 * The organization's timeline, newest first; escalations and alerts link to their tickets. Given
 * the entries read with `timelineLimit(showAll)`, it shows TIMELINE_SHOWN of them unless `showAll`,
 * with a link to all of them (`allHref`) when there are more.
 */
export async function Timeline({
  entries: read,
  timeZone,
  actions,
  showAll = false,
  allHref,
}: {
  entries: Entry[];
  timeZone: string;
  actions?: ReactNode;
  showAll?: boolean;
  allHref: string;
}) {
  const entries = showAll ? read : read.slice(0, TIMELINE_SHOWN);
  const olderHref = entries.length < read.length ? allHref : undefined;
  const t = await getTranslations("accounts.timeline");
  const now = await getNow();
  const tc = await getTranslations("common");
  const tt = await getTranslations("tickets");
  const locale = await getLocale();
  const zone = zoneName(locale, timeZone, now);
  const dateOf = (e: Entry) => {
    const { instant, options } = entryDate(e, timeZone);
    return dateWriter(locale, timeZone, options)(instant);
  };
  return (
    <Card id="timeline" title={t("title")} description={t("description")}>
      {actions}
      {entries.length > 0 ? <p className="mb-3 text-xs text-slate-500">{tc("timeZoneNote", { zone })}</p> : null}
      {entries.length === 0 ? (
        <p className="py-4 text-center text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="relative space-y-4 border-l border-slate-200 pl-5">
          {entries.map((e) => (
            <li key={e.key} className="relative">
              <span
                aria-hidden
                className="absolute top-1.5 -left-[1.65rem] h-2.5 w-2.5 rounded-full bg-slate-300 ring-4 ring-white"
              />
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                <time dateTime={e.day ?? e.at.toISOString()}>{dateOf(e)}</time>
                <Badge tone={TONE[e.kind]}>{t(`kinds.${e.kind}`)}</Badge>
                {e.at > now ? <Badge>{t("upcoming")}</Badge> : null}
                {e.automatic ? <span>{t("automatic")}</span> : null}
              </div>
              <p className="mt-1 text-sm font-medium text-slate-900">
                {e.kind === "escalation" ? t("escalatedTo", { level: e.level ?? "?" }) + " " : null}
                {e.ticketId ? (
                  <Link href={`/tickets/${e.ticketId}`} className="text-brand-700 hover:underline">
                    #{e.ticketId}{" "}
                    {e.kind === "proactive_alert" ? e.title : shownSubject(e.title, tt("placeholders.noSubject"))}
                  </Link>
                ) : e.review ? (
                  <Link href={`/reviews/${e.review.id}`} className="text-brand-700 hover:underline">
                    {t("reviewShared", { quarter: quarterLabel(e.review.quarter, locale) })}
                  </Link>
                ) : (
                  e.title
                )}
              </p>
              <AlertFacts facts={e.alert} className="mt-0.5 text-sm text-slate-600" />
              {e.notes && e.kind !== "proactive_alert" ? (
                <p className="mt-0.5 text-sm whitespace-pre-line text-slate-600">{e.notes}</p>
              ) : null}
              {e.by ? <p className="mt-0.5 text-xs text-slate-500">{t("by", { name: e.by })}</p> : null}
            </li>
          ))}
        </ol>
      )}
      {olderHref ? (
        <p className="mt-4 text-sm">
          <Link href={olderHref} className="font-medium text-brand-700 hover:underline">
            {t("showOlder")}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
