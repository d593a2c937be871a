import { Card } from "@/components/ui/card";
import { reviewFormat } from "./format";
import type { Snapshot } from "./types";

/** Searches that found no article: the knowledge base's gaps for this customer. */
export async function KbGapsCard({ snapshot: s }: { snapshot: Snapshot }) {
  const { t } = await reviewFormat();
  return (
    <Card
      id="kb-gaps"
      title={t("reviews.sections.kbGaps")}
      description={t("reviews.kbGapsDescription", { n: s.kbGaps.tickets })}
    >
      {s.kbGaps.queries.length === 0 ? (
        <p className="text-sm text-slate-600">{t("reviews.noKbGaps")}</p>
      ) : (
        <ol className="list-decimal space-y-1 pl-5 text-sm">
          {s.kbGaps.queries.map((q) => (
            <li key={q.query}>
              {q.query} <span className="text-slate-500">×{q.count}</span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
