import { Card, Stat } from "@/components/ui/card";
import { reviewFormat } from "./format";
import type { Snapshot } from "./types";

/** The headline figures: tickets, first response attainment, breaches, worst month's availability, credits and satisfaction. */
export async function SummaryCard({ snapshot: s, breachCount }: { snapshot: Snapshot; breachCount: number }) {
  const { t, pct, money } = await reviewFormat();
  const worstMonth = s.availability.months.reduce<(typeof s.availability.months)[number] | null>(
    (w, m) => (w === null || m.availability < w.availability ? m : w),
    null,
  );
  return (
    <Card id="summary" title={t("reviews.sections.summary")}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat
          label={t("reviews.stats.tickets")}
          value={s.volume.total}
          hint={t("reviews.stats.previous", { value: s.volume.previousTotal })}
        />
        <Stat
          label={t("reviews.stats.firstResponse")}
          value={pct(s.attainment.current.byMetric.firstResponse.attainment)}
          hint={t("reviews.stats.n", { n: s.attainment.current.byMetric.firstResponse.n })}
        />
        <Stat label={t("reviews.stats.breaches")} value={breachCount} />
        <Stat
          label={t("reviews.stats.availability")}
          value={worstMonth ? pct(worstMonth.availability / 100, 3) : "—"}
          hint={t("reviews.stats.commitment", { value: pct(s.availability.commitment / 100, 2) })}
        />
        <Stat label={t("reviews.stats.credits")} value={money(s.availability.creditsCents)} />
        <Stat
          label={t("reviews.stats.satisfaction")}
          value={s.satisfaction.current.average?.toFixed(2) ?? "—"}
          hint={t("reviews.stats.ratings", { n: s.satisfaction.current.n })}
        />
      </dl>
    </Card>
  );
}
