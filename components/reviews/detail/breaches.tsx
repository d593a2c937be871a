import Link from "@/components/ui/link";
import { PRIORITY_TONE } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { reviewFormat } from "./format";
import type { Snapshot } from "./types";

/**
 * The quarter's SLA breaches, each linked to its ticket, as the review was read: the most serious
 * first, the first BREACHES_SHOWN of `count` unless all were asked for, with a link to the whole list.
 */
export async function BreachesCard({
  snapshot: s,
  count,
  allHref,
}: {
  snapshot: Snapshot;
  count: number;
  allHref: string;
}) {
  const { t, when } = await reviewFormat();
  const shown = s.breaches;
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
              { text: `#${b.ticketId} ${b.subject}`, href: `/tickets/${b.ticketId}` },
              { text: b.priority, badge: PRIORITY_TONE[b.priority] },
              t(`metric.${b.metric}`),
              when(b.dueAt),
              b.achievedAt ? when(b.achievedAt) : t("reviews.stillOpen"),
            ],
          }))}
        />
      )}
      {shown.length < count ? (
        <p className="mt-3 text-sm text-slate-600">
          {t("reviews.breachesShown", { shown: shown.length, n: count })}{" "}
          <Link href={allHref} className="font-medium text-brand-700 hover:underline print:hidden">
            {t("reviews.showAllBreaches", { n: count })}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
