import { describe, expect, it } from "vitest";
import { formatMs, formatRatio, percentile, ratio, summarize } from "./stats";

describe("percentile", () => {
  it("interpolates between the closest ranks: p50 of [1, 2] is 1.5", () => {
    expect(percentile([1, 2], 50)).toBe(1.5);
  });

  it("p0 and p100 are the minimum and the maximum", () => {
    expect(percentile([3, 5, 9], 0)).toBe(3);
    expect(percentile([3, 5, 9], 100)).toBe(9);
  });

  it("p95 of 1..100 is 95.05", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 95)).toBeCloseTo(95.05, 10);
  });

  it("a single sample is every percentile", () => {
    expect(percentile([7], 99)).toBe(7);
  });

  it("no samples give NaN, and an out-of-range p throws", () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow();
    expect(() => percentile([1], -1)).toThrow();
  });
});

describe("summarize", () => {
  it("sorts numerically (not as strings) before taking percentiles", () => {
    const s = summarize([10, 9, 100, 2, 1]);
    expect(s).toMatchObject({ n: 5, p50: 9, max: 100, mean: 24.4 });
  });

  it("an empty run has n 0 and NaN figures", () => {
    const s = summarize([]);
    expect(s.n).toBe(0);
    expect(s.p50).toBeNaN();
  });
});

describe("ratio and formatting", () => {
  it("a ratio needs two finite numbers and a positive denominator", () => {
    expect(ratio(10, 4)).toBe(2.5);
    expect(ratio(10, 0)).toBeNull();
    expect(ratio(null, 4)).toBeNull();
    expect(ratio(NaN, 4)).toBeNull();
  });

  it("milliseconds are shown with sensible precision, missing figures as n/a", () => {
    expect(formatMs(0.004)).toBe("4.0 µs");
    expect(formatMs(1.23456)).toBe("1.23 ms");
    expect(formatMs(45.67)).toBe("45.7 ms");
    expect(formatMs(2500)).toBe("2.50 s");
    expect(formatMs(null)).toBe("n/a");
    expect(formatRatio(12.34)).toBe("12.3×");
    expect(formatRatio(1234)).toBe("1234×");
    expect(formatRatio(null)).toBe("n/a");
  });
});
