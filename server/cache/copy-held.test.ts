import { describe, expect, it } from "vitest";
import { copyHeld } from "./read-cache";

describe("a held result's copy", () => {
  const held = {
    items: [{ id: 1, at: new Date("2026-12-07T00:00:00Z"), tags: ["a", "b"], note: null, gone: undefined }],
    byOrg: new Map([[7, { n: 2, next: "2026-12-08" }]]),
    seen: new Set([1, 2]),
    total: 1,
  };

  it("equals the result and shares nothing with it", () => {
    const copy = copyHeld(held);
    expect(copy).toEqual(held);
    expect(copy).toEqual(structuredClone(held));
    expect(copy.items).not.toBe(held.items);
    expect(copy.items[0]!.at).not.toBe(held.items[0]!.at);
    expect(copy.byOrg.get(7)).not.toBe(held.byOrg.get(7));
    copy.items[0]!.tags.push("c");
    copy.items[0]!.at.setTime(0);
    copy.byOrg.get(7)!.n = 99;
    copy.seen.add(3);
    expect(held.items[0]!.tags).toEqual(["a", "b"]);
    expect(held.items[0]!.at.toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(held.byOrg.get(7)!.n).toBe(2);
    expect(held.seen.size).toBe(2);
  });

  it("keeps a JSON column's own __proto__ key a key", () => {
    const held = { detail: JSON.parse('{"__proto__": {"polluted": true}, "a": 2}') as Record<string, unknown> };
    const copy = copyHeld(held);
    expect(Object.getPrototypeOf(copy.detail)).toBe(Object.prototype);
    expect(Object.keys(copy.detail)).toEqual(["__proto__", "a"]);
    expect(copy.detail).toEqual(structuredClone(held.detail));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("copies anything else as structuredClone does", () => {
    class Point {
      constructor(public x: number) {}
    }
    const copy = copyHeld({ p: new Point(3), bytes: new Uint8Array([1, 2]) });
    expect(copy).toEqual(structuredClone({ p: new Point(3), bytes: new Uint8Array([1, 2]) }));
  });
});
