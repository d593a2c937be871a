/** Links of the customer's service page (pure, shared by the page and its drill-down). */
export type ServiceDrill = {
  quarter: string;
  month?: string;
  metric?: "firstResponse" | "workaround" | "resolution";
  priority?: "P0" | "P1" | "P2" | "P3";
  outcome?: "met" | "breached" | "excluded";
  /** The instant the page's figures were read at (ms): the drill-down reads as of it. */
  at?: number;
};

/** The drill-down of one figure: /organization/sla/tickets with its quarter, month, metric, priority and outcome. */
export function serviceTicketsHref(d: ServiceDrill): string {
  const q = new URLSearchParams({ quarter: d.quarter });
  if (d.month) q.set("month", d.month);
  if (d.metric) q.set("metric", d.metric);
  if (d.priority) q.set("priority", d.priority);
  if (d.outcome) q.set("outcome", d.outcome);
  if (d.at !== undefined) q.set("at", String(d.at));
  return `/organization/sla/tickets?${q.toString()}`;
}
