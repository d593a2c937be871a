"use client";

import Link from "@/components/ui/link";
import { Badge, type BadgeTone } from "./badge";
import { Table, Td, Th } from "./table";

/*
 * A table of written-out values, drawn from compact rows (issue 25). A server component's table
 * travels to the browser twice: as HTML, and again as the elements behind it in the page's payload
 * (a cell with its classes is 100-400 bytes there). From a client component it travels as its HTML
 * and its values. The server translates and formats every text; this component only lays them out
 * with the portal's table styles (components/ui/table.tsx).
 */

/** A cell: plain text, or text with a link, a badge, emphasis, a note after it, or read only by screen readers. */
export type DataCell =
  | string
  | number
  | null
  | {
      text: string;
      href?: string;
      badge?: BadgeTone;
      strong?: boolean;
      /** Smaller, muted text after the value ("n=12, excluded 0"). */
      note?: string;
      /** Read out but not shown (a repeated row heading). */
      srOnly?: boolean;
    };

type DataRow = { key: string; cells: DataCell[]; shaded?: boolean };
type DataColumn = { label: string; align?: "left" | "right" };

function CellContent({ cell }: { cell: DataCell }) {
  if (cell === null || typeof cell !== "object") return <>{cell}</>;
  if (cell.srOnly) return <span className="sr-only">{cell.text}</span>;
  const value = cell.href ? (
    <Link href={cell.href} className="text-brand-700 hover:underline">
      {cell.text}
    </Link>
  ) : cell.badge ? (
    <Badge tone={cell.badge}>{cell.text}</Badge>
  ) : cell.strong ? (
    <span className="font-medium">{cell.text}</span>
  ) : (
    cell.text
  );
  return cell.note === undefined ? (
    <>{value}</>
  ) : (
    <>
      {value} <span className="text-xs text-slate-500">{cell.note}</span>
    </>
  );
}

/** A captioned table: the first cell of each row is its heading unless `rowHeader` is false. */
export function DataTable({
  caption,
  columns,
  rows,
  rowHeader = true,
}: {
  caption: string;
  columns: DataColumn[];
  rows: DataRow[];
  rowHeader?: boolean;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <Th key={i} align={c.align}>
              {c.label}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={r.shaded ? "bg-slate-50" : undefined}>
            {r.cells.map((cell, i) => (
              <Td key={i} align={columns[i]?.align} header={rowHeader && i === 0}>
                <CellContent cell={cell} />
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
