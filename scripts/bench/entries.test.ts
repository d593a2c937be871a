import { describe, expect, it } from "vitest";
import { capitalsOf } from "./entries";

describe("capitalsOf", () => {
  it("capitalises the letters whose position is a set bit, and leaves the rest of the text as it is", () => {
    expect(capitalsOf("android quick start", 0)).toBe("android quick start");
    expect(capitalsOf("android quick start", 0b101)).toBe("AnDroid quick start");
    expect(capitalsOf("ab cd", 0b1100)).toBe("ab CD");
  });

  it("gives every request of a run its own spelling", () => {
    const spellings = new Set(Array.from({ length: 5000 }, (_, seq) => capitalsOf("android quick start", seq)));
    expect(spellings.size).toBe(5000);
  });
});
