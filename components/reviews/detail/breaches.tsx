import Link from "@/components/ui/link";
import { PRIORITY_TONE } from "@/components/ui/badge";
import { Pager } from "@/components/kb/pager";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { reviewFormat } from "./format";
import { BREACH_PAGE } from "@/server/reviews/service";
import type { Snapshot } from "./types";
import { shownSubject } from "@/server/tickets/subject";

/**
 * The quarter's SLA breaches, each linked to its ticket, as the review was read: the most serious
 * first, the first BREACHES_SHOWN of `count` with a link to all of them, which are read a page
 * (BREACH_PAGE) at a time from `offset`.
 */
export async function BreachesCard({
  snapshot: s,
  count,
  offset,
  all,
  pageHref,
}: {
  snapshot: Snapshot;
  count: number;
  offset: number;
  all: boolean;
  pageHref: (page: number) => string;
}) {
  const { t, when } = await reviewFormat();
  const shown = s.breaches;
  const pages = Math.ceil(count / BREACH_PAGE);
  return (
    <Card id="breaches" title={t("reviews.sections.breaches", { n: count })}>
      {count === 0 ? (
        <p className="text-sm text-slate-600">{t("reviews.noBreaches")}</p>
      ) : (
        <DataTable
          caption={t("reviews.sections.breaches", { n: count })}
          columns={[
            { label: t("reviews.ticket") },
            { label: t("reviews.priority") },
            { label: t("reviews.metric") },
            { label: t("reviews.due") },
            { label: t("reviews.achieved") },
          ]}
          rows={shown.map((b) => ({
            key: `${b.ticketId}-${b.metric}`,
            cells: [
              {
                text: `#${b.ticketId} ${shownSubject(b.subject, t("tickets.placeholders.noSubject"))}`,
                href: `/tickets/${b.ticketId}`,
              },
              { text: b.priority, badge: PRIORITY_TONE[b.priority] },
              t(`metric.${b.metric}`),
              when(b.dueAt),
              b.achievedAt ? when(b.achievedAt) : t("reviews.stillOpen"),
            ],
          }))}
        />
      )}
      {all && pages > 1 ? (
        <>
          <p className="mt-3 text-sm text-slate-600">
            {t("reviews.breachesRange", { from: offset + 1, to: offset + shown.length, n: count })}
          </p>
          <Pager label={t("reviews.breachPages")} page={offset / BREACH_PAGE + 1} pages={pages} href={pageHref} />
        </>
      ) : !all && shown.length < count ? (
        <p className="mt-3 text-sm text-slate-600">
          {t("reviews.breachesShown", { shown: shown.length, n: count })}{" "}
          <Link href={pageHref(1)} className="font-medium text-brand-700 hover:underline print:hidden">
            {t("reviews.showAllBreaches", { n: count })}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
