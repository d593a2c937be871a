import { useTranslations } from "next-intl";
import type { AlertFacts as Facts } from "@/server/incidents/alert-facts";

/**
 * A monitoring alert's metric and App ID, under what it said, in the reader's language: they are
 * stored in the alert's own columns, never in English in its description (decision 043). The metric
 * reads as the monitor wrote it. Renders in server and client components alike.
 */
export function AlertFacts({ facts, className }: { facts: Facts | null; className?: string }) {
  const t = useTranslations("alerts.facts");
  if (!facts || (!facts.metric && !facts.appId)) return null;
  // Lines, not a list: the facts sit inside list entries (a timeline, alert lists), whose items
  // they must not add to.
  return (
    <div className={className}>
      {facts.metric ? <p>{t("metric", { metric: facts.metric })}</p> : null}
      {facts.appId ? <p>{t("appId", { appId: facts.appId })}</p> : null}
    </div>
  );
}
