import type { AppRouter } from "@/server/api/root";
import type { QueueColumn } from "@/server/tickets/queue-views";
import type { inferRouterOutputs } from "@trpc/server";

/** A ticket of the queue as `tickets.queue` returns it. */
export type QueueItem = inferRouterOutputs<AppRouter>["tickets"]["queue"]["due"]["items"][number];

/** What every row shows whatever the columns: the link, the checkbox and the row's colour. */
type Always = "id" | "subject" | "breached" | "atRisk";

/** A row as the queue's table receives it: what every row shows, and what its columns read. */
export type QueueRow = Pick<QueueItem, Always> & Partial<Omit<QueueItem, Always>>;

/** The fields each column reads (components/queue/queue-table.tsx). */
const FIELDS: Record<QueueColumn, readonly Exclude<keyof QueueItem, Always>[]> = {
  requester: ["requester"],
  organization: ["organization", "tier", "region"],
  status: ["status"],
  age: ["createdAt"],
  updated: ["updatedAt"],
  assignee: ["assignee"],
  priority: ["priority"],
  level: ["escalationLevel"],
  appId: ["appId"],
  due: ["nextDueAt", "nextMetric", "paused"],
};

/**
 * A queue ticket narrowed to the chosen columns (issue 25). The table is a client component, so
 * its rows travel in the page's payload as well as in its HTML; a field no column shows (with the
 * default columns, half of them) would be sent for nothing, 100 rows a page.
 */
export function queueRow(item: QueueItem, columns: readonly QueueColumn[]): QueueRow {
  const row: Record<string, unknown> = {
    id: item.id,
    subject: item.subject,
    breached: item.breached,
    atRisk: item.atRisk,
  };
  for (const column of columns) for (const field of FIELDS[column]) row[field] = item[field];
  return row as QueueRow;
}
