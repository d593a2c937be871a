import { describe, expect, it } from "vitest";
import { exactZone, matchZones, moveActive } from "./time-zone-match";

const ZONES = [
  "Africa/Abidjan",
  "America/New_York",
  "America/North_Dakota/New_Salem",
  "Asia/Tokyo",
  "Asia/Shanghai",
  "Europe/London",
  "Pacific/Tongatapu",
  "UTC",
];

describe("which zones a typed text offers", () => {
  it("a zone typed out exactly comes first, so Enter keeps it (Asia/Tokyo was saved as the head of the list)", () => {
    expect(matchZones("Asia/Tokyo", ZONES)[0]).toBe("Asia/Tokyo");
    expect(matchZones("asia tokyo", ZONES)).toEqual(["Asia/Tokyo"]);
  });

  it("a zone whose name or city starts with the text ranks above one that only contains it", () => {
    expect(matchZones("new", ZONES)).toEqual(["America/New_York", "America/North_Dakota/New_Salem"]);
    expect(matchZones("to", ZONES)).toEqual(["Asia/Tokyo", "Pacific/Tongatapu"]);
    expect(matchZones("don", ZONES)).toEqual(["Europe/London"]);
  });

  it("case, underscores, slashes and spaces do not matter", () => {
    expect(matchZones("NEW YORK", ZONES)).toEqual(["America/New_York"]);
    expect(matchZones("america/new_york", ZONES)).toEqual(["America/New_York"]);
  });

  it("an empty text offers every zone in the list's order; a text nothing matches offers none", () => {
    expect(matchZones("  ", ZONES)).toEqual(ZONES);
    expect(matchZones("atlantis", ZONES)).toEqual([]);
  });

  it("a zone named in full, in any case, counts without a choice from the list", () => {
    expect(exactZone(" asia/tokyo ", ZONES)).toBe("Asia/Tokyo");
    expect(exactZone("tokyo", ZONES)).toBeNull();
  });
});

describe("moving through the options with the arrow keys", () => {
  it("wraps round at either end, and starts at the first or last option when none is highlighted", () => {
    expect(moveActive(0, 1, 3)).toBe(1);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(-1, -1, 3)).toBe(2);
    expect(moveActive(0, 1, 0)).toBe(0);
  });
});
