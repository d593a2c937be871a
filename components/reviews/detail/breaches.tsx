import Link from "next/link";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { reviewFormat } from "./format";
import type { Snapshot } from "./types";

/** The quarter's SLA breaches, each linked to its ticket. */
export async function BreachesCard({ snapshot: s }: { snapshot: Snapshot }) {
  const { t, when } = await reviewFormat();
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
            {s.breaches.map((b) => (
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
    </Card>
  );
}
