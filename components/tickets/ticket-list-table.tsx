"use client";

import Link from "@/components/ui/link";
import { Badge, PRIORITY_TONE, type BadgeTone } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Th } from "@/components/ui/table";

/**
 * One ticket of the ticket list with its texts already written in the viewer's language: the
 * compact shape the page sends to the browser. Drawn here rather than by the page, its rows travel
 * as their HTML and these fields, not again as elements in the page's payload (issue 25).
 */
export type TicketListRow = {
  id: number;
  subject: string;
  /** The customer organization; null on a customer's own list, which has no such column. */
  organization: string | null;
  priority: "P0" | "P1" | "P2" | "P3";
  status: string;
  sla: { text: string; tone?: BadgeTone };
  /** Created, or next due when sorted by due time. */
  when: string;
};

export type TicketListLabels = {
  caption: string;
  number: string;
  subject: string;
  organization: string;
  priority: string;
  status: string;
  sla: string;
  when: string;
};

/** From md up a row per ticket; on a phone each row reads as a card whose cells are labelled lines (card-cell). */
export function TicketListTable({
  rows,
  labels,
  showOrganization,
}: {
  rows: TicketListRow[];
  labels: TicketListLabels;
  showOrganization: boolean;
}) {
  return (
    <ScrollRegion label={labels.caption} className="md:-mx-5 md:overflow-x-auto md:px-5">
      <table className="block w-full text-sm md:table md:min-w-[28rem] md:border-collapse">
        <caption className="sr-only">{labels.caption}</caption>
        <thead className="hidden md:table-header-group">
          <tr>
            <Th>{labels.number}</Th>
            <Th>{labels.subject}</Th>
            {showOrganization ? <Th>{labels.organization}</Th> : null}
            <Th>{labels.priority}</Th>
            <Th>{labels.status}</Th>
            <Th>{labels.sla}</Th>
            <Th>{labels.when}</Th>
          </tr>
        </thead>
        <tbody className="block space-y-3 md:table-row-group md:space-y-0">
          {rows.map((row) => (
            <tr key={row.id} className="card-row md:hover:bg-slate-50">
              <td data-label={labels.number} className="card-cell">
                {row.id}
              </td>
              <th scope="row" className="card-cell text-left font-medium text-slate-900" data-label={labels.subject}>
                <Link href={`/tickets/${row.id}`} className="break-words text-brand-700 hover:underline">
                  {row.subject}
                </Link>
              </th>
              {showOrganization ? (
                <td data-label={labels.organization} className="card-cell">
                  {row.organization}
                </td>
              ) : null}
              <td data-label={labels.priority} className="card-cell">
                <Badge tone={PRIORITY_TONE[row.priority]}>{row.priority}</Badge>
              </td>
              <td data-label={labels.status} className="card-cell">
                {row.status}
              </td>
              <td data-label={labels.sla} className="card-cell">
                <Badge tone={row.sla.tone}>{row.sla.text}</Badge>
              </td>
              <td data-label={labels.when} className="card-cell">
                {row.when}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
