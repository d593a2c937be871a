/**
 * A text log read in the page: its first lines, and the lines matching a search, read from the
 * store as a stream in bounded work (at most MAX_MATCHES lines, SCAN_BUDGET_MS of scanning), so a
 * 100 MB log never holds the server. Lines are cut at MAX_LINE_CHARS for display.
 */
import { StringDecoder } from "node:string_decoder";
import type { Readable } from "node:stream";

export const FIRST_LINES = 200;
export const MAX_MATCHES = 200;
export const MAX_LINE_CHARS = 500;
const FIRST_LINES_MAX_BYTES = 64 * 1024;
const SCAN_BUDGET_MS = 700;

export type TextLine = { number: number; text: string };
export type TextView = {
  lines: TextLine[];
  /** More lines follow the first ones shown. */
  more: boolean;
  matches: TextLine[] | null;
  /** The search stopped early (too many matches or the time budget); `scannedBytes` says how far. */
  partial: boolean;
  scannedBytes: number;
  totalBytes: number;
};

const clip = (s: string) => (s.length > MAX_LINE_CHARS ? `${s.slice(0, MAX_LINE_CHARS)}…` : s);

/** Reads the first lines and, with a query, the matching lines (case-insensitive) of a text stream. */
export async function readTextView(
  open: () => Readable,
  totalBytes: number,
  query: string | null,
  clock: () => number = Date.now,
): Promise<TextView> {
  const lines: TextLine[] = [];
  let more = false;
  const needle = query?.trim().toLowerCase() || null;
  const matches: TextLine[] | null = needle ? [] : null;
  let partial = false;
  let scannedBytes = 0;
  const started = clock();
  const stream = open();
  const decoder = new StringDecoder("utf8");
  let carry = "";
  let lineNo = 0;
  let firstBytes = 0;
  const take = (line: string): boolean => {
    lineNo++;
    const text = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (lines.length < FIRST_LINES && firstBytes < FIRST_LINES_MAX_BYTES) {
      const shown = clip(text);
      lines.push({ number: lineNo, text: shown });
      // what is shown counts, not the whole line: one huge line must not hide the lines after it
      firstBytes += shown.length;
    } else more = true;
    if (matches && needle && text.toLowerCase().includes(needle)) {
      matches.push({ number: lineNo, text: clip(text) });
      if (matches.length >= MAX_MATCHES) return false;
    }
    return !(more && !matches);
  };
  try {
    outer: for await (const chunk of stream as AsyncIterable<Buffer>) {
      scannedBytes += chunk.byteLength;
      const parts = (carry + decoder.write(chunk)).split("\n");
      carry = parts.pop() ?? "";
      for (let i = 0; i < parts.length; i++)
        if (!take(parts[i]!)) {
          // stopped at the match cap: partial when anything at all is left unread
          partial = matches !== null && (i < parts.length - 1 || carry.length > 0 || scannedBytes < totalBytes);
          break outer;
        }
      if (carry.length > 1024 * 1024) carry = carry.slice(0, MAX_LINE_CHARS + 1);
      if (clock() - started > SCAN_BUDGET_MS) {
        partial = scannedBytes < totalBytes;
        more = more || scannedBytes < totalBytes;
        break;
      }
    }
    if (!partial && scannedBytes >= totalBytes) {
      const rest = carry + decoder.end();
      if (rest.length > 0) take(rest);
    }
  } finally {
    stream.destroy();
  }
  return { lines, more, matches, partial, scannedBytes, totalBytes };
}
