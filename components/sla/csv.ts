/**
 * CSV for the chart exports, generated in the browser from the same data the chart and its table
 * show. RFC 4180 quoting; a leading "=", "+", "-" or "@" is prefixed with an apostrophe so a
 * spreadsheet never runs a cell as a formula (ticket subjects are customer-written). Pure.
 */
type Cell = string | number | null;

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const cell = (v: Cell) => {
    if (v === null) return "";
    let s = String(v);
    if (typeof v === "string" && /^[=+\-@]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
