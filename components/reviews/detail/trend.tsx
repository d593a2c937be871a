import { ReviewBarChart } from "@/components/reviews/review-chart";
import { DataTable } from "@/components/ui/data-table";
import { reviewFormat } from "./format";
import type { Snapshot } from "./types";

type Row = { key: string; current: number; previous: number };
type TrendProps = { snapshot: Snapshot; rows: Row[]; label: (k: string) => string };

/** This quarter's counts beside the previous quarter's, as bars. */
export async function TrendChart({ snapshot: s, rows, label, angled = false }: TrendProps & { angled?: boolean }) {
  const { quarter } = await reviewFormat();
  return (
    <ReviewBarChart
      angled={angled}
      data={rows.map((r) => ({ name: label(r.key), current: r.current, previous: r.previous }))}
      xKey="name"
      series={[
        { key: "previous", label: quarter(s.previousQuarter), color: "#94a3b8" },
        { key: "current", label: quarter(s.quarter), color: "#1d5fd6" },
      ]}
    />
  );
}

/** This quarter's counts beside the previous quarter's and the change, as a table. */
export async function TrendTable({ snapshot: s, caption, rows, label }: TrendProps & { caption: string }) {
  const { t, change, quarter } = await reviewFormat();
  return (
    <DataTable
      caption={caption}
      columns={[
        { label: caption },
        { label: quarter(s.quarter), align: "right" },
        { label: quarter(s.previousQuarter), align: "right" },
        { label: t("reviews.change"), align: "right" },
      ]}
      rows={rows.map((r) => ({
        key: r.key,
        cells: [label(r.key), r.current, r.previous, change(r.current, r.previous)],
      }))}
    />
  );
}
