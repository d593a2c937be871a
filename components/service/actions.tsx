"use client";

import { toCsv } from "@/components/sla/csv";

type Cell = string | number | null;

/** Downloads the page's figures as CSV (built on the server from the same data the tables show) and prints it. */
export function ServiceActions({
  header,
  rows,
  filename,
  csvLabel,
  printLabel,
}: {
  header: string[];
  rows: Cell[][];
  filename: string;
  csvLabel: string;
  printLabel: string;
}) {
  const download = () => {
    // A byte-order mark so spreadsheets read Chinese text as UTF-8.
    const blob = new Blob(["\uFEFF", toCsv(header, rows)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  };
  const button =
    "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:border-brand-600 hover:text-brand-700";
  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      <button type="button" className={button} onClick={download}>
        {csvLabel}
      </button>
      <button type="button" className={button} onClick={() => window.print()}>
        {printLabel}
      </button>
    </div>
  );
}
