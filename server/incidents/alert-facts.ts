/**
 * A monitoring alert's metric and App ID. They live in the alert's own columns, never in its
 * description (which holds only what the monitor or staff said): every page that shows the
 * description words them beside it in the reader's language (decision 043). Pure.
 */
export type AlertFacts = { metric: string | null; appId: string | null };

/** An alert row's facts, or null when it has none (a staff alert names no metric). */
export function alertFacts(row: { metric: string | null; appId: string | null }): AlertFacts | null {
  return row.metric || row.appId ? { metric: row.metric, appId: row.appId } : null;
}
