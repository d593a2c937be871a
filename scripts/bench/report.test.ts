import { describe, expect, it } from "vitest";
import { BUDGETS } from "./entries";
import type { LoadResult } from "./load";
import { entryVerdict, measuredEntries, renderDocument, renderRun, type BenchRun } from "./report";

const load = (p95: number, extra: Partial<LoadResult> = {}): LoadResult => ({
  latency: { n: 100, p50: p95 / 2, p95, p99: p95 * 1.5, mean: p95 / 2, max: p95 * 2 },
  requests: 100,
  rps: 500,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  statusCodes: { "200": 100 },
  seconds: 0.2,
  ...extra,
});

describe("entryVerdict", () => {
  it("an interactive read with p95 under 30 ms meets its budget, at or over misses it", () => {
    expect(entryVerdict(BUDGETS.interactive, load(29.9))).toBe("met");
    expect(entryVerdict(BUDGETS.interactive, load(30.1))).toBe("missed");
  });

  it("a fast entry that answered with errors or non-2xx misses its budget", () => {
    expect(entryVerdict(BUDGETS.interactive, load(5, { non2xx: 1 }))).toBe("missed");
    expect(entryVerdict(BUDGETS.dashboard, load(5, { errors: 2 }))).toBe("missed");
  });

  it("a write meets its budget at 300 requests per second with zero errors", () => {
    expect(entryVerdict(BUDGETS.write, load(50, { rps: 300 }))).toBe("met");
    expect(entryVerdict(BUDGETS.write, load(50, { rps: 299 }))).toBe("missed");
  });

  it("an entry that did not run misses; an entry without a budget has no verdict", () => {
    expect(entryVerdict(BUDGETS.search, null)).toBe("missed");
    expect(entryVerdict({ kind: "none", reason: "floor" }, load(1))).toBe("—");
  });
});

const RUN: BenchRun = {
  date: "2026-11-21T04:00:00.000Z",
  machine: { cpu: "AMD EPYC", cores: 2, memoryGb: 23, os: "Linux 6.1", node: "v20.20.2", loadAverage: [1, 1, 1] },
  dataset: {
    file: "data/scale.db",
    tickets: 1000,
    events: 5000,
    articles: 10,
    organizations: 5,
    users: 20,
    sizeMb: 2,
    anchor: "2026-11-21T00:00:00.000Z",
    seedSeconds: 1,
    rebuilt: false,
  },
  settings: { connections: 10, durationSec: 10, maxRequests: 1000 },
  entries: [
    {
      name: "health.ping",
      what: "",
      as: null,
      budget: { kind: "none", reason: "floor" },
      load: load(2),
      singleP50Ms: 0.5,
      error: null,
      peakRssBytes: 100 * 1024 * 1024,
      raw: null,
    },
    {
      name: "home.staff",
      what: "",
      as: "agent@attain.test",
      budget: BUDGETS.interactive,
      load: load(40),
      singleP50Ms: 7.5,
      singleP95Ms: 9.25,
      error: null,
      peakRssBytes: 120 * 1024 * 1024,
      raw: {
        entry: "home.staff",
        task: { name: "home.staff", p50Ms: 5, p99Ms: 6, meanMs: 5, opsPerSec: 200, samples: 10 },
        plans: [["SEARCH tickets USING INDEX tickets_queue_idx (status=?)"]],
      },
    },
  ],
  micro: [{ name: "evaluateSla", p50Ms: 0.01, p99Ms: 0.02, meanMs: 0.01, opsPerSec: 100_000, samples: 1000 }],
  recompute: { tickets: 1000, events: 5000, seconds: 0.1, drift: 0, aged: 0 },
  pages: [],
  server: { peakRssBytes: 120 * 1024 * 1024, hwmBytes: 130 * 1024 * 1024 },
  notes: [],
};

describe("renderRun", () => {
  it("shows each entry's ratio to its raw SQL and to health.ping, and the verdict", () => {
    const md = renderRun(RUN);
    const row = md.split("\n").find((l) => l.startsWith("| home.staff"))!;
    // p50 20 ms: 4× the raw SQL's 5 ms, 20× health.ping's 1 ms; 7.5 ms at one connection is 1.5× the raw SQL.
    expect(row).toContain("| 4.0× | 20.0× | 7.50 ms | 9.25 ms | 1.5× |");
    expect(row).toContain("❌ missed");
    expect(md).toContain("`SEARCH tickets USING INDEX tickets_queue_idx (status=?)`");
    expect(md).toContain("budget < 500 MB: ✅ met");
  });
});

describe("renderRun with one worker per core", () => {
  it("puts each budgeted entry's p95 and throughput with two workers beside the one-worker figures, and the memory per worker", () => {
    const md = renderRun({
      ...RUN,
      cluster: {
        workers: 2,
        entries: [{ name: "home.staff", budget: BUDGETS.interactive, load: load(24, { rps: 800 }), error: null }],
        peakRssBytes: 400 * 1024 * 1024,
        hwmBytes: 420 * 1024 * 1024,
        workerHwmBytes: [180 * 1024 * 1024, 190 * 1024 * 1024],
      },
    });
    const row = md.split("\n").find((l) => l.startsWith("| home.staff | p95 < 30 ms"))!;
    expect(row).toBe("| home.staff | p95 < 30 ms | 40.0 ms | 24.0 ms | 500 | 800 | 0 / 0 | ✅ met |");
    expect(md).toContain("With 2 workers");
    expect(md).toMatch(/each worker's high-water mark \(VmHWM\) 180 MB, 190 MB/);
    expect(md).toContain("budget < 500 MB per worker: ✅ met");
  });
});

describe("renderDocument", () => {
  it("keeps the hand-written findings and previous runs, newest first, at most `keep`", () => {
    const first = renderDocument(null, "### Run A", "# Benchmarks", 2);
    expect(first).toContain("No findings recorded yet.");
    const edited = first.replace("No findings recorded yet.", "home.staff scans every open ticket.");
    const second = renderDocument(edited, "### Run B", "# Benchmarks", 2);
    const third = renderDocument(second, "### Run C", "# Benchmarks", 2);
    expect(third).toContain("home.staff scans every open ticket.");
    expect(third.indexOf("### Run C")).toBeLessThan(third.indexOf("### Run B"));
    expect(third).not.toContain("### Run A");
  });

  it("keeps the newest run that measured the tRPC entries when only page runs followed it", () => {
    const table = (...rows: string[]) => ["| entry | as |", "| --- | --- |", ...rows].join("\n");
    const entries = Array.from({ length: 30 }, (_, i) => `| entry ${i} | anonymous |`);
    const full = `### Run F\n\n${table("| health.ping | anonymous |", ...entries)}`;
    // A run of a few entries (--only) is not a complete one.
    expect(measuredEntries(`### Run O\n\n${table("| health.ping | anonymous |", "| sign-in | anonymous |")}`)).toBe(
      false,
    );
    expect(measuredEntries(full)).toBe(true);
    const pages = (name: string) => `### Run ${name}\n\n${table("| health.ping | anonymous |")}\n\nPages`;
    let doc = renderDocument(null, full, "# Benchmarks", 2);
    for (const name of ["P1", "P2", "P3"]) doc = renderDocument(doc, pages(name), "# Benchmarks", 2);
    expect(doc).toContain("### Run P3");
    expect(doc).toContain("### Run P2");
    expect(doc).not.toContain("### Run P1");
    expect(doc).toContain("### Run F");
    expect(doc.indexOf("### Run P2")).toBeLessThan(doc.indexOf("### Run F"));
    // Once a newer complete run is among the kept ones, the older one goes.
    doc = renderDocument(doc, full.replace("Run F", "Run G"), "# Benchmarks", 2);
    expect(doc).toContain("### Run G");
    expect(doc).not.toContain("### Run F");
  });
});
