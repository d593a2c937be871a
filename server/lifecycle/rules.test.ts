import { describe, expect, it } from "vitest";
import { compareLines, lineOf, lineProblem, lineState, supportOf, type LifecycleLine } from "./rules";

const line = (l: string, full: string, security: string): LifecycleLine => ({
  platform: "android",
  line: l,
  releasedOn: "2025-01-01",
  fullSupportUntil: full,
  securityUntil: security,
  guideSlug: null,
});

describe("SDK lifecycle rules", () => {
  it("reads the release line of a reported version", () => {
    expect(lineOf("4.5.3")).toBe("4.5");
    expect(lineOf("v4.5")).toBe("4.5");
    expect(lineOf("4.10.0-beta.2")).toBe("4.10");
    expect(lineOf("latest")).toBeNull();
    expect(lineOf("")).toBeNull();
  });

  it("counts the last day of each window", () => {
    const l = line("4.3", "2026-06-30", "2026-12-31");
    expect(lineState(l, "2026-06-30")).toBe("supported");
    expect(lineState(l, "2026-07-01")).toBe("security_only");
    expect(lineState(l, "2026-12-31")).toBe("security_only");
    expect(lineState(l, "2027-01-01")).toBe("unsupported");
  });

  it("finds a version's line on its platform only", () => {
    const lines = [line("4.2", "2025-06-30", "2025-12-31"), line("4.5", "2027-06-30", "2027-12-31")];
    expect(supportOf(lines, "android", "4.2.1", "2026-12-04").state).toBe("unsupported");
    expect(supportOf(lines, "android", "4.5.0", "2026-12-04").state).toBe("supported");
    expect(supportOf(lines, "ios", "4.2.1", "2026-12-04").state).toBe("unknown");
    expect(supportOf(lines, "android", "3.9.9", "2026-12-04").state).toBe("unknown");
    expect(supportOf(lines, "android", null, "2026-12-04").state).toBe("unknown");
  });

  it("refuses a badly written line, impossible dates and dates out of order", () => {
    const ok = {
      line: "4.5",
      releasedOn: "2026-01-01",
      fullSupportUntil: "2027-06-30",
      securityUntil: "2027-12-31",
      guideSlug: null,
    };
    expect(lineProblem(ok)).toBeNull();
    expect(lineProblem({ ...ok, line: "4.5.1" })?.messageKey).toBe("lifecycle.errors.line");
    expect(lineProblem({ ...ok, line: "four" })?.messageKey).toBe("lifecycle.errors.line");
    expect(lineProblem({ ...ok, fullSupportUntil: "2027-02-30" })?.messageKey).toBe("lifecycle.errors.date");
    expect(lineProblem({ ...ok, securityUntil: "2027-01-01" })?.messageKey).toBe("lifecycle.errors.order");
  });

  it("orders lines numerically, newest first", () => {
    expect(["4.9", "4.10", "3.12"].sort(compareLines)).toEqual(["4.10", "4.9", "3.12"]);
  });
});
