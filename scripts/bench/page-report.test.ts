import { describe, expect, it } from "vitest";
import { pageVerdicts, renderPages, slaScaleVerdict, weigh, type PageLoadResult } from "./page-report";
import { currentQuarter, HOME_ROUTER_STATE, trpcGetPath } from "./pages";

const result = (over: Partial<PageLoadResult>): PageLoadResult => ({
  name: "queue",
  path: "/queue",
  as: "agent@attain.test",
  list: true,
  html: { status: 200, bytes: 100_000, gzipBytes: 20_000, inlineRscBytes: 50_000 },
  rsc: { status: 200, bytes: 30_000, gzipBytes: 6_000, inlineRscBytes: 0 },
  single: { p50: 10, p95: 20 },
  loaded: { p50: 90, p95: 120, rps: 100, non2xx: 0, errors: 0 },
  rscSingle: { p50: 8, p95: 12 },
  callsP50Ms: 5,
  calls: ["tickets.queue"],
  error: null,
  ...over,
});

describe("page weights", () => {
  it("counts the inline RSC payload scripts apart from the rest of the HTML", () => {
    const push = `<script>self.__next_f.push([1,"0:{}"])</script>`;
    const html = `<html><body><p>row</p><script>(self.__next_f=self.__next_f||[]).push([0])</script>${push}<script src="/_next/a.js"></script></body></html>`;
    const w = weigh(200, html);
    expect(w.bytes).toBe(Buffer.byteLength(html));
    expect(w.inlineRscBytes).toBe(
      Buffer.byteLength(push) + "<script>(self.__next_f=self.__next_f||[]).push([0])</script>".length,
    );
    expect(w.gzipBytes).toBeGreaterThan(0);
  });
});

describe("page budgets", () => {
  it("a list page over 60 KB gzip misses the size budget even when it is fast", () => {
    expect(pageVerdicts(result({ html: { status: 200, bytes: 1, gzipBytes: 61 * 1024, inlineRscBytes: 0 } }))).toEqual({
      time: true,
      loaded: null,
      size: false,
    });
  });

  it("a page that is not a list has no size verdict, and p95 over 25 ms at one connection misses", () => {
    expect(pageVerdicts(result({ list: false, single: { p50: 20, p95: 26 } }))).toEqual({
      time: false,
      loaded: null,
      size: null,
    });
  });

  it("under load with a worker per core, p95 over 60 ms or a refused request misses; no second pass, no verdict", () => {
    const loaded = (p95: number, non2xx = 0) => ({ workers: 2, p50: 10, p95, rps: 100, non2xx });
    expect(pageVerdicts(result({ cluster: loaded(59) })).loaded).toBe(true);
    expect(pageVerdicts(result({ cluster: loaded(61) })).loaded).toBe(false);
    expect(pageVerdicts(result({ cluster: loaded(10, 3) })).loaded).toBe(false);
    expect(pageVerdicts(result({ cluster: null })).loaded).toBeNull();
  });

  it("a page answered with an error has no time verdict", () => {
    expect(
      pageVerdicts(result({ list: false, html: { status: 404, bytes: 1, gzipBytes: 1, inlineRscBytes: 0 } })).time,
    ).toBeNull();
  });

  it("/sla at 1M within 1.2x of /sla at 10k meets the scale budget", () => {
    expect(slaScaleVerdict(12, 10)).toBe(true);
    expect(slaScaleVerdict(13, 10)).toBe(false);
    expect(slaScaleVerdict(null, 10)).toBeNull();
  });

  it("the table shows the page's ratio to its tRPC calls", () => {
    const table = renderPages([result({})], 10).join("\n");
    expect(table).toContain("| queue | agent@attain.test |");
    expect(table).toContain("2.0×");
  });
});

describe("page requests", () => {
  it("a tRPC query without input has no input parameter; with input it is superjson-wrapped", () => {
    expect(trpcGetPath("home.staff", undefined)).toBe("/api/trpc/home.staff");
    expect(trpcGetPath("tickets.queue", { limit: 50 })).toBe(
      `/api/trpc/tickets.queue?input=${encodeURIComponent('{"json":{"limit":50}}')}`,
    );
  });

  it("the default /sla period is the quarter containing now (UTC)", () => {
    expect(currentQuarter(Date.UTC(2026, 11, 4, 23, 0))).toEqual({ kind: "quarter", quarter: "2026-Q4" });
    expect(currentQuarter(Date.UTC(2027, 0, 1, 0, 0))).toEqual({ kind: "quarter", quarter: "2027-Q1" });
  });

  it("the router state of the home page names the root, the portal group and its page", () => {
    expect(JSON.parse(HOME_ROUTER_STATE)).toEqual(["", { children: ["(portal)", { children: ["__PAGE__", {}] }] }]);
  });
});
