import { describe, expect, it } from "vitest";
import { migrationStateProblem } from "./migrations";

const committed = [
  { tag: "0000_init", hash: "a0" },
  { tag: "0001_kb_fts", hash: "b1" },
  { tag: "0002_covering_indexes", hash: "c2" },
];

describe("a database's applied migrations must be a prefix of the committed ones", () => {
  it("all of them, or the first few (the migrator applies the rest), are a known state", () => {
    expect(migrationStateProblem([{ hash: "a0" }, { hash: "b1" }, { hash: "c2" }], committed)).toBeNull();
    expect(migrationStateProblem([{ hash: "a0" }], committed)).toBeNull();
  });

  it("none applied is not an Attain database at a known migration", () => {
    expect(migrationStateProblem([], committed)).toBe("it records no applied migration");
  });

  it("a changed, missing or reordered migration is refused, naming the one that differs", () => {
    expect(migrationStateProblem([{ hash: "a0" }, { hash: "zz" }], committed)).toBe(
      "its migration 2 is not 0001_kb_fts as this version of Attain has it",
    );
    expect(migrationStateProblem([{ hash: "b1" }, { hash: "a0" }], committed)).toMatch(/migration 1 is not 0000_init/);
    expect(migrationStateProblem([{ hash: "a0" }, { hash: "c2" }], committed)).toMatch(/migration 2 is not/);
  });

  it("more migrations than this version has means a newer version made it", () => {
    expect(migrationStateProblem([{ hash: "a0" }, { hash: "b1" }, { hash: "c2" }, { hash: "d3" }], committed)).toMatch(
      /4 migrations applied and this version of Attain knows 3: it was made by a newer version/,
    );
  });
});
