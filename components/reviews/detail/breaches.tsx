import Link from "next/link";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { reviewFormat } from "./format";
import type { Snapshot } from "./types";

/** How many breaches the review shows until the reader asks for all (issue 25: a key account has thousands). */
export const BREACHES_SHOWN = 50;
const PRIORITY_ORDER = ["P0", "P1", "P2", "P3"];

/**
 * The quarter's SLA breaches, each linked to its ticket: the most serious first (priority, then due
 * time), the first BREACHES_SHOWN unless `showAll`, with a link to the whole list.
 */
export async function BreachesCard({
  snapshot: s,
  showAll = false,
  allHref,
}: {
  snapshot: Snapshot;
  showAll?: boolean;
  allHref: string;
}) {
  const { t, when } = await reviewFormat();
  const ordered = [...s.breaches].sort(
    (a, b) =>
      PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority) ||
      new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime(),
  );
  const shown = showAll ? ordered : ordered.slice(0, BREACHES_SHOWN);
  return (
    <Card id="breaches" title={t("reviews.sections.breaches", { n: s.breaches.length })}>
      {s.breaches.length === 0 ? (
        <p className="text-sm text-slate-600">{t("reviews.noBreaches")}</p>
      ) : (
        <Table caption={t("reviews.sections.breaches", { n: s.breaches.length })}>
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
      {shown.length < s.breaches.length ? (
        <p className="mt-3 text-sm text-slate-600">
          {t("reviews.breachesShown", { shown: shown.length, n: s.breaches.length })}{" "}
          <Link href={allHref} className="font-medium text-brand-700 hover:underline print:hidden">
            {t("reviews.showAllBreaches", { n: s.breaches.length })}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
