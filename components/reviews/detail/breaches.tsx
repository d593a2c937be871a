import Link from "@/components/ui/link";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
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
        <Table caption={t("reviews.sections.breaches", { n: count })}>
          <thead>
            <tr>
              <Th>{t("reviews.ticket")}</Th>
              <Th>{t("reviews.priority")}</Th>
              <Th>{t("reviews.metric")}</Th>
              <Th>{t("reviews.due")}</Th>
              <Th>{t("reviews.achieved")}</Th>
            </tr>
          </thead>
          <tbody>
            {shown.map((b) => (
              <tr key={`${b.ticketId}-${b.metric}`}>
                <Td header>
                  <Link href={`/tickets/${b.ticketId}`} className="text-brand-700 hover:underline">
                    #{b.ticketId} {b.subject}
                  </Link>
                </Td>
                <Td>
                  <Badge tone={PRIORITY_TONE[b.priority]}>{b.priority}</Badge>
                </Td>
                <Td>{t(`metric.${b.metric}`)}</Td>
                <Td>{when(b.dueAt)}</Td>
                <Td>{b.achievedAt ? when(b.achievedAt) : t("reviews.stillOpen")}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
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
