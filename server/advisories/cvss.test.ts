import { describe, expect, it } from "vitest";
import { isCvss31Vector, scoreCvss, severityOf } from "./cvss";

describe("CVSS v3.1 base score", () => {
  // Examples from the FIRST CVSS v3.1 specification and its calculator.
  it.each([
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "critical"],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10, "critical"],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, "medium"],
    ["CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 8.8, "high"],
    ["CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", 5.5, "medium"],
    ["CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6, "low"],
  ])("%s scores %s (%s)", (vector, score, severity) => {
    expect(scoreCvss(vector)).toEqual({ vector, score, severity });
  });

  it("a vector with every impact None scores 0.0 and has no severity", () => {
    expect(scoreCvss("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N")).toMatchObject({ score: 0, severity: null });
  });

  it.each([
    "garbage",
    "",
    "CVSS:3.1/AV:N/AC:L",
    "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1",
  ])("refuses %j", (vector) => {
    expect(isCvss31Vector(vector)).toBe(false);
    expect(scoreCvss(vector)).toBeNull();
  });

  it("accepts temporal metrics after the base ones", () => {
    expect(isCvss31Vector("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C")).toBe(true);
  });

  it("rates on the specification's scale: 0.1 low, 4.0 medium, 7.0 high, 9.0 critical", () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(severityOf)).toEqual([
      null,
      "low",
      "low",
      "medium",
      "medium",
      "high",
      "high",
      "critical",
      "critical",
    ]);
  });
});
