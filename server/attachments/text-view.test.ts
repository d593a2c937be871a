import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { FIRST_LINES, MAX_LINE_CHARS, MAX_MATCHES, readTextView } from "./text-view";

/** A log as the store would stream it, in chunks of the given size. */
function streamOf(text: string, chunkBytes = 64 * 1024) {
  const buf = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunkBytes) chunks.push(buf.subarray(i, i + chunkBytes));
  return { open: () => Readable.from(chunks), size: buf.length };
}

const logLines = (n: number, line = (i: number) => `09:00:${String(i % 60).padStart(2, "0")} INFO frame ${i}`) =>
  Array.from({ length: n }, (_, i) => line(i + 1)).join("\n") + "\n";

describe("a text log read in the page", () => {
  it(`shows the first ${FIRST_LINES} lines numbered from 1 and says more follow`, async () => {
    const { open, size } = streamOf(logLines(1000));
    const view = await readTextView(open, size, null);
    expect(view.lines).toHaveLength(FIRST_LINES);
    expect(view.lines[0]).toEqual({ number: 1, text: "09:00:01 INFO frame 1" });
    expect(view.lines.at(-1)!.number).toBe(FIRST_LINES);
    expect(view.more).toBe(true);
    expect(view.matches).toBeNull();
    expect(view.partial).toBe(false);
  });

  it("a short log is shown whole, its last line kept even without a final newline", async () => {
    const { open, size } = streamOf("first\nsecond\nthird");
    const view = await readTextView(open, size, null);
    expect(view.lines.map((l) => l.text)).toEqual(["first", "second", "third"]);
    expect(view.more).toBe(false);
    expect(view.scannedBytes).toBe(size);
  });

  it("Windows line endings (CRLF) are not shown as part of the line", async () => {
    const { open, size } = streamOf("join ok\r\nleave ok\r\nerror 110\r\n");
    const view = await readTextView(open, size, "ERROR");
    expect(view.lines.map((l) => l.text)).toEqual(["join ok", "leave ok", "error 110"]);
    expect(view.matches).toEqual([{ number: 3, text: "error 110" }]);
  });

  it(`a line longer than ${MAX_LINE_CHARS} characters is cut for display with an ellipsis, and still found`, async () => {
    const long = `${"x".repeat(MAX_LINE_CHARS + 300)} needle-at-the-end`;
    const { open, size } = streamOf(`short\n${long}\n`);
    const view = await readTextView(open, size, "needle-at-the-end");
    expect(view.lines[1]!.text).toHaveLength(MAX_LINE_CHARS + 1);
    expect(view.lines[1]!.text.endsWith("…")).toBe(true);
    expect(view.matches).toHaveLength(1);
    expect(view.matches![0]!.number).toBe(2);
  });

  it("a multi-byte character split across two chunks is decoded whole", async () => {
    const { open, size } = streamOf("连接超时 timeout\n重新连接 reconnect\n", 5);
    const view = await readTextView(open, size, "重新");
    expect(view.lines.map((l) => l.text)).toEqual(["连接超时 timeout", "重新连接 reconnect"]);
    expect(view.matches).toEqual([{ number: 2, text: "重新连接 reconnect" }]);
  });

  it("searches the whole log case-insensitively, past the first lines, with the lines' own numbers", async () => {
    const { open, size } = streamOf(
      logLines(5000, (i) => (i === 4321 ? "09:12:00 ERROR onConnectionLost code=110" : `09:00:00 INFO frame ${i}`)),
    );
    const view = await readTextView(open, size, "  connectionlost ");
    expect(view.matches).toEqual([{ number: 4321, text: "09:12:00 ERROR onConnectionLost code=110" }]);
    expect(view.partial).toBe(false);
    expect(view.scannedBytes).toBe(size);
    expect(view.lines).toHaveLength(FIRST_LINES);
  });

  it(`stops at ${MAX_MATCHES} matches and says the search was partial, even when they all sit in one chunk`, async () => {
    const small = streamOf(logLines(MAX_MATCHES + 100, (i) => `WARN jitter ${i}`));
    expect(small.size).toBeLessThan(64 * 1024);
    const view = await readTextView(small.open, small.size, "jitter");
    expect(view.matches).toHaveLength(MAX_MATCHES);
    expect(view.matches!.at(-1)!.number).toBe(MAX_MATCHES);
    expect(view.partial).toBe(true);

    const big = streamOf(
      logLines(20_000, (i) => `WARN jitter ${i}`),
      4096,
    );
    const bigView = await readTextView(big.open, big.size, "jitter");
    expect(bigView.matches).toHaveLength(MAX_MATCHES);
    expect(bigView.partial).toBe(true);
    expect(bigView.scannedBytes).toBeLessThan(big.size);
  });

  it("exactly as many matches as the cap, the last on the last line, is a complete search", async () => {
    const { open, size } = streamOf(logLines(MAX_MATCHES, (i) => `WARN jitter ${i}`));
    const view = await readTextView(open, size, "jitter");
    expect(view.matches).toHaveLength(MAX_MATCHES);
    expect(view.partial).toBe(false);
  });

  it("gives up when the time budget is spent (an injected clock), saying how far it read", async () => {
    const { open, size } = streamOf(logLines(20_000), 4096);
    let now = 0;
    // each look at the clock is 300 ms later: the budget (700 ms) is spent after a few chunks
    const view = await readTextView(open, size, "frame 19999", () => (now += 300));
    expect(view.partial).toBe(true);
    expect(view.matches).toEqual([]);
    expect(view.scannedBytes).toBeGreaterThan(0);
    expect(view.scannedBytes).toBeLessThan(size);
    expect(view.more).toBe(true);
  });

  it("a clock that never moves lets the search finish", async () => {
    const { open, size } = streamOf(logLines(20_000), 4096);
    const view = await readTextView(open, size, "frame 19999", () => 0);
    expect(view.partial).toBe(false);
    expect(view.matches).toEqual([{ number: 19_999, text: expect.stringContaining("frame 19999") }]);
  });

  it("without a query, reading stops once the first lines are taken", async () => {
    const { open, size } = streamOf(logLines(50_000), 4096);
    const view = await readTextView(open, size, null);
    expect(view.more).toBe(true);
    expect(view.scannedBytes).toBeLessThan(size / 10);
  });

  it("a blank query is no search", async () => {
    const { open, size } = streamOf(logLines(10));
    expect((await readTextView(open, size, "   ")).matches).toBeNull();
  });

  it("a line of several megabytes without a newline does not hold the whole line in memory", async () => {
    const huge = "A".repeat(3 * 1024 * 1024);
    const { open, size } = streamOf(`head\n${huge}\ntail ERROR\n`);
    const view = await readTextView(open, size, "error", () => 0);
    expect(view.lines.map((l) => l.text.length)).toEqual([4, MAX_LINE_CHARS + 1, 10]);
    expect(view.matches).toEqual([{ number: 3, text: "tail ERROR" }]);
  });
});
