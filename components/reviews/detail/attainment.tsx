import { ReviewBarChart } from "@/components/reviews/review-chart";
import { PRIORITY_TONE } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { reviewFormat } from "./format";
import type { Snapshot } from "./types";

const METRICS = ["firstResponse", "workaround", "resolution"] as const;
const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;

/** SLA attainment per metric against the previous quarter, as a chart and a table by priority. */
export async function AttainmentCard({ snapshot: s }: { snapshot: Snapshot }) {
  const { t, figure, quarter } = await reviewFormat();
  return (
    <Card id="attainment" title={t("reviews.sections.attainment")} description={t("reviews.attainmentDescription")}>
      <ReviewBarChart
        data={METRICS.map((m) => ({
          name: t(`metric.${m}`),
          previous:
            s.attainment.previous.byMetric[m].attainment === null
              ? null
              : Math.round(s.attainment.previous.byMetric[m].attainment! * 1000) / 10,
          current:
            s.attainment.current.byMetric[m].attainment === null
              ? null
              : Math.round(s.attainment.current.byMetric[m].attainment! * 1000) / 10,
        }))}
        xKey="name"
        unit="%"
        domain={[0, 100]}
        series={[
          { key: "previous", label: quarter(s.previousQuarter), color: "#94a3b8" },
          { key: "current", label: quarter(s.quarter), color: "#1d5fd6" },
        ]}
      />
      <DataTable
        caption={t("reviews.sections.attainment")}
        columns={[
          { label: t("reviews.metric") },
          { label: t("reviews.priority") },
          { label: quarter(s.quarter) },
          { label: quarter(s.previousQuarter) },
        ]}
        rows={METRICS.flatMap((m) => [
          {
            key: m,
            shaded: true,
            cells: [
              t(`metric.${m}`),
              t("reviews.allPriorities"),
              figure(s.attainment.current.byMetric[m]),
              figure(s.attainment.previous.byMetric[m]),
            ],
          },
          ...PRIORITIES.filter(
            (p) =>
              s.attainment.current.byMetricPriority[m][p].n +
                s.attainment.previous.byMetricPriority[m][p].n +
                s.attainment.current.byMetricPriority[m][p].excluded >
              0,
          ).map((p) => ({
            key: `${m}-${p}`,
            cells: [
              { text: t(`metric.${m}`), srOnly: true },
              { text: p, badge: PRIORITY_TONE[p] },
              figure(s.attainment.current.byMetricPriority[m][p]),
              figure(s.attainment.previous.byMetricPriority[m][p]),
            ],
          })),
        ])}
      />
    </Card>
  );
}
