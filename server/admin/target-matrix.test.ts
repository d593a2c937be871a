import { describe, expect, it } from "vitest";
import { METRICS, PRIORITIES } from "@/db/schema/enums";
import {
  diffTargetCells,
  parseTargetAmount,
  preferredUnit,
  toStoredCells,
  validateTargetSave,
  type TargetCell,
} from "./target-matrix";

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe("target matrix", () => {
  const cell = (
    priority: TargetCell["priority"],
    metric: TargetCell["metric"],
    minutes: number | null,
    calendarMode: TargetCell["calendarMode"] = "business",
  ) => ({ priority, metric, minutes, calendarMode });

  it("zero, negative, fractional and absurd minutes are refused on the cell; empty means no target", () => {
    const issues = validateTargetSave({
      note: "why",
      cells: [
        cell("P0", "firstResponse", 0),
        cell("P1", "firstResponse", -5),
        cell("P2", "firstResponse", 2.5),
        cell("P3", "firstResponse", 10_000_000),
        cell("P0", "workaround", null),
      ],
    });
    expect(issues.filter((i) => i.code !== "missingCell").map((i) => [i.path.join("."), i.code])).toEqual([
      ["cells.0.minutes", "minutesPositive"],
      ["cells.1.minutes", "minutesPositive"],
      ["cells.2.minutes", "minutesWhole"],
      ["cells.3.minutes", "minutesTooLarge"],
    ]);
  });

  it("a note is required and a cell may be given once", () => {
    expect(
      codes(
        validateTargetSave({ note: " ", cells: [cell("P0", "resolution", 60), cell("P0", "resolution", 90)] }),
      ).filter((c) => c !== "missingCell"),
    ).toEqual(["noteRequired", "duplicateCell"]);
  });

  it("a version is a whole matrix: a missing cell and a one-character note are refused", () => {
    const full = PRIORITIES.flatMap((p) => METRICS.map((m) => cell(p, m, 60)));
    expect(codes(validateTargetSave({ note: "Yearly review", cells: full }))).toEqual([]);
    const issues = validateTargetSave({ note: "x", cells: full.slice(1) });
    expect(issues.map((i) => [i.code, i.values])).toEqual([
      ["noteTooShort", { min: 2 }],
      ["missingCell", { priority: "P0", metric: "firstResponse" }],
    ]);
  });

  it("stored cells drop empty ones and follow matrix order", () => {
    expect(
      toStoredCells([
        cell("P1", "resolution", 60),
        cell("P0", "workaround", null),
        cell("P0", "resolution", 30),
        cell("P0", "firstResponse", 15, "always"),
      ]),
    ).toEqual([cell("P0", "firstResponse", 15, "always"), cell("P0", "resolution", 30), cell("P1", "resolution", 60)]);
  });

  it("the change list names each added, removed and changed cell", () => {
    const before = [
      cell("P0", "firstResponse", 240),
      cell("P0", "workaround", 1020),
      cell("P2", "resolution", 100),
    ] as TargetCell[];
    const after = [
      cell("P0", "firstResponse", 120),
      cell("P2", "resolution", 100, "always"),
      cell("P3", "workaround", 60),
    ] as TargetCell[];
    expect(diffTargetCells(before, after)).toEqual([
      {
        priority: "P0",
        metric: "firstResponse",
        before: { minutes: 240, calendarMode: "business" },
        after: { minutes: 120, calendarMode: "business" },
      },
      { priority: "P0", metric: "workaround", before: { minutes: 1020, calendarMode: "business" }, after: null },
      {
        priority: "P2",
        metric: "resolution",
        before: { minutes: 100, calendarMode: "business" },
        after: { minutes: 100, calendarMode: "always" },
      },
      { priority: "P3", metric: "workaround", before: null, after: { minutes: 60, calendarMode: "business" } },
    ]);
    expect(diffTargetCells(before, [...before].reverse())).toEqual([]);
  });

  it("amounts typed in hours or business days become whole minutes, or are refused", () => {
    expect(parseTargetAmount("1.5", "hours", 510)).toEqual({ minutes: 90 });
    expect(parseTargetAmount("2", "businessDays", 510)).toEqual({ minutes: 1020 });
    expect(parseTargetAmount(" ", "hours", 510)).toEqual({ minutes: null });
    expect(parseTargetAmount("0.47", "businessDays", 510)).toMatchObject({
      issue: "minutesWhole",
      values: { minutes: 239.7 },
    });
    expect(parseTargetAmount("-4", "hours", 510)).toMatchObject({ issue: "minutesPositive" });
    expect(parseTargetAmount("0", "minutes", 510)).toMatchObject({ issue: "minutesPositive" });
    expect(parseTargetAmount("4h", "hours", 510)).toEqual({ issue: "amountFormat" });
  });

  it("targets are shown in the unit people state them in", () => {
    expect(preferredUnit(1020, "business", 510)).toBe("businessDays");
    expect(preferredUnit(240, "business", 510)).toBe("hours");
    expect(preferredUnit(1440, "always", 510)).toBe("hours");
    expect(preferredUnit(15, "always", 510)).toBe("minutes");
  });
});
