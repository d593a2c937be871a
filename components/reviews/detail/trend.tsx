import { getTranslations } from "next-intl/server";
import { ReviewBarChart } from "@/components/reviews/review-chart";
import { Table, Td, Th } from "@/components/ui/table";
import { change } from "./format";
import type { Snapshot } from "./types";

type Row = { key: string; current: number; previous: number };
type TrendProps = { snapshot: Snapshot; rows: Row[]; label: (k: string) => string };

/** This quarter's counts beside the previous quarter's, as bars. */
export function TrendChart({ snapshot: s, rows, label, angled = false }: TrendProps & { angled?: boolean }) {
  return (
    <ReviewBarChart
      angled={angled}
      data={rows.map((r) => ({ name: label(r.key), current: r.current, previous: r.previous }))}
      xKey="name"
      series={[
        { key: "previous", label: s.previousQuarter, color: "#94a3b8" },
        { key: "current", label: s.quarter, color: "#1d5fd6" },
      ]}
    />
  );
}

/** This quarter's counts beside the previous quarter's and the change, as a table. */
export async function TrendTable({ snapshot: s, caption, rows, label }: TrendProps & { caption: string }) {
  const t = await getTranslations();
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{caption}</Th>
          <Th align="right">{s.quarter}</Th>
          <Th align="right">{s.previousQuarter}</Th>
          <Th align="right">{t("reviews.change")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <Td header>{label(r.key)}</Td>
            <Td align="right">{r.current}</Td>
            <Td align="right">{r.previous}</Td>
            <Td align="right">{change(r.current, r.previous)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
