import { Card } from "@/components/ui/card";
import { reviewFormat } from "./format";
import type { Snapshot } from "./types";

/** Average satisfaction this quarter and last. */
export async function SatisfactionCard({ snapshot: s }: { snapshot: Snapshot }) {
  const { t, quarter } = await reviewFormat();
  return (
    <Card id="satisfaction" title={t("reviews.sections.satisfaction")}>
      <dl className="space-y-3 text-sm">
        {(
          [
            [s.quarter, s.satisfaction.current],
            [s.previousQuarter, s.satisfaction.previous],
          ] as const
        ).map(([q, v]) => (
          <div key={q} className="flex items-baseline justify-between gap-3">
            <dt className="text-slate-600">{quarter(q)}</dt>
            <dd>
              <span className="text-lg font-semibold text-slate-900">{v.average?.toFixed(2) ?? "—"}</span>{" "}
              <span className="text-xs text-slate-500">{t("reviews.stats.ratings", { n: v.n })}</span>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
