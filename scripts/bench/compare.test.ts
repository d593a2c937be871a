import { describe, expect, it } from "vitest";
import { compareRows, renderComparison } from "./compare";

const timed = (samplesMs: number[], status = 200) => ({ samplesMs, status, bytes: 2048, gzipBytes: 1024 });

describe("comparison with osTicket", () => {
  it("Attain's speed-up is osTicket's median over Attain's", () => {
    const [row] = compareRows([{ page: "queue", attain: timed([10, 20, 30]), osticket: timed([50, 60, 70]) }]);
    expect(row!.attain.p50).toBe(20);
    expect(row!.osticket.p50).toBe(60);
    expect(row!.speedup).toBe(3);
  });

  it("a page either side did not answer 200 is flagged in the table", () => {
    const rows = compareRows([{ page: "ticket", attain: timed([10]), osticket: timed([40], 302) }]);
    const table = renderComparison(rows).join("\n");
    expect(table).toContain("| ticket (HTTP 302 / 200) |");
    expect(table).toContain("4.0×");
  });
});
