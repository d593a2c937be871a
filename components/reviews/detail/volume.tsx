import { ReviewBarChart } from "@/components/reviews/review-chart";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { reviewFormat } from "./format";
import { TrendChart, TrendTable } from "./trend";
import type { Snapshot } from "./types";

/** Ticket volume against the previous quarter: by month, by product area and by category. */
export async function VolumeCard({ snapshot: s }: { snapshot: Snapshot }) {
  const { t, change, month } = await reviewFormat();
  return (
    <Card
      id="volume"
      title={t("reviews.sections.volume")}
      description={t("reviews.volumeDescription", {
        current: s.volume.total,
        previous: s.volume.previousTotal,
        change: change(s.volume.total, s.volume.previousTotal),
      })}
    >
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="min-w-0">
          <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("reviews.byMonth")}</h3>
          <ReviewBarChart
            data={s.volume.byMonth.map((m) => ({ month: month(m.month), tickets: m.tickets }))}
            xKey="month"
            series={[{ key: "tickets", label: t("reviews.stats.tickets"), color: "#1d5fd6" }]}
          />
          <DataTable
            caption={t("reviews.byMonth")}
            columns={[{ label: t("reviews.month") }, { label: t("reviews.stats.tickets"), align: "right" }]}
            rows={s.volume.byMonth.map((m) => ({ key: m.month, cells: [month(m.month), m.tickets] }))}
          />
        </div>
        <div className="min-w-0">
          <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("reviews.byProductArea")}</h3>
          <TrendChart snapshot={s} rows={s.volume.byProductArea} label={(k) => t(`reviews.productAreas.${k}`)} angled />
          <TrendTable
            snapshot={s}
            caption={t("reviews.byProductArea")}
            rows={s.volume.byProductArea}
            label={(k) => t(`reviews.productAreas.${k}`)}
          />
        </div>
      </div>
      <div className="mt-6">
        <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("reviews.byCategory")}</h3>
        <TrendTable
          snapshot={s}
          caption={t("reviews.byCategory")}
          rows={s.volume.byCategory}
          label={(k) => t(`reviews.categories.${k}`)}
        />
      </div>
    </Card>
  );
}
