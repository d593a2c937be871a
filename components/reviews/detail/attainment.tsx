import { ReviewBarChart } from "@/components/reviews/review-chart";
import { Badge, PRIORITY_TONE } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { reviewFormat } from "./format";
import type { Snapshot } from "./types";

const METRICS = ["firstResponse", "workaround", "resolution"] as const;
const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;

/** SLA attainment per metric against the previous quarter, as a chart and a table by priority. */
export async function AttainmentCard({ snapshot: s }: { snapshot: Snapshot }) {
  const { t, figure } = await reviewFormat();
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
          { key: "previous", label: s.previousQuarter, color: "#94a3b8" },
          { key: "current", label: s.quarter, color: "#1d5fd6" },
        ]}
      />
      <Table caption={t("reviews.sections.attainment")}>
        <thead>
          <tr>
            <Th>{t("reviews.metric")}</Th>
            <Th>{t("reviews.priority")}</Th>
            <Th>{s.quarter}</Th>
            <Th>{s.previousQuarter}</Th>
          </tr>
        </thead>
        <tbody>
          {METRICS.flatMap((m) => [
            <tr key={m} className="bg-slate-50">
              <Td header>{t(`metric.${m}`)}</Td>
              <Td>{t("reviews.allPriorities")}</Td>
              <Td>{figure(s.attainment.current.byMetric[m])}</Td>
              <Td>{figure(s.attainment.previous.byMetric[m])}</Td>
            </tr>,
            ...PRIORITIES.filter(
              (p) =>
                s.attainment.current.byMetricPriority[m][p].n +
                  s.attainment.previous.byMetricPriority[m][p].n +
                  s.attainment.current.byMetricPriority[m][p].excluded >
                0,
            ).map((p) => (
              <tr key={`${m}-${p}`}>
                <Td>
                  <span className="sr-only">{t(`metric.${m}`)}</span>
                </Td>
                <Td>
                  <Badge tone={PRIORITY_TONE[p]}>{p}</Badge>
                </Td>
                <Td>{figure(s.attainment.current.byMetricPriority[m][p])}</Td>
                <Td>{figure(s.attainment.previous.byMetricPriority[m][p])}</Td>
              </tr>
            )),
          ])}
        </tbody>
      </Table>
    </Card>
  );
}
