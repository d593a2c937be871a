import Link from "@/components/ui/link";
import { AlertFacts } from "@/components/alerts/alert-facts";
import { Card } from "@/components/ui/card";
import { reviewFormat } from "./format";
import type { Snapshot } from "./types";

/** The proactive alerts raised for the customer in the quarter. */
export async function AlertsCard({ snapshot: s }: { snapshot: Snapshot }) {
  const { t, day } = await reviewFormat();
  return (
    <Card id="alerts" title={t("reviews.sections.alerts", { n: s.proactiveAlerts.length })}>
      {s.proactiveAlerts.length === 0 ? (
        <p className="text-sm text-slate-600">{t("reviews.noAlerts")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {s.proactiveAlerts.map((a) => (
            <li key={a.id}>
              {day(a.detectedAt)} · {a.description}
              {a.ticketId ? (
                <>
                  {" "}
                  <Link href={`/tickets/${a.ticketId}`} className="text-brand-700 hover:underline">
                    #{a.ticketId}
                  </Link>
                </>
              ) : null}
              <AlertFacts facts={a} className="ml-4 text-xs text-slate-500" />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
