import { describe, expect, it } from "vitest";
import type { AdvisoryAffected } from "@/db/schema/advisories";
import { advisoryProblem, affectedOrganizations, fixDueAt, isAffected } from "./rules";

const ANDROID: AdvisoryAffected[] = [{ platform: "android", range: "4.2.0 - 4.4.x", fixedVersion: "4.5.1" }];
const VECTOR = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

describe("advisory ranges", () => {
  it.each([
    ["4.2.0", true],
    ["4.3.7", true],
    ["4.4.12", true],
    ["v4.4", true],
    ["4.1.9", false],
    ["4.5.0", false],
    ["4.5.1", false],
    ["not a version", false],
  ])("Android %s in 4.2.0 - 4.4.x: %s", (version, hit) => {
    expect(isAffected(ANDROID, "android", version)).toBe(hit);
  });

  it("an iOS 4.3.0 is not affected by an Android range", () => {
    expect(isAffected(ANDROID, "ios", "4.3.0")).toBe(false);
  });

  it("lists each organization once, only those with an SDK in range", () => {
    const sdks = [
      { organizationId: 3, platform: "android", version: "4.3.1" },
      { organizationId: 3, platform: "android", version: "4.4.0" },
      { organizationId: 1, platform: "android", version: "4.5.2" },
      { organizationId: 2, platform: "ios", version: "4.3.1" },
      { organizationId: 5, platform: "android", version: "4.2.0" },
      { organizationId: 6, platform: null, version: null },
    ];
    expect(affectedOrganizations(ANDROID, sdks)).toEqual([3, 5]);
  });

  it("refuses a range that does not parse, naming it", () => {
    expect(advisoryProblem({ affected: [{ ...ANDROID[0]!, range: "four-ish" }], cvssVector: VECTOR })).toMatchObject({
      messageKey: "advisories.errors.range",
      values: { range: "four-ish" },
    });
  });

  it("refuses a fixed version that is not a version, a bad vector, and no ranges", () => {
    expect(
      advisoryProblem({ affected: [{ ...ANDROID[0]!, fixedVersion: "soon" }], cvssVector: VECTOR })?.messageKey,
    ).toBe("advisories.errors.fixedVersion");
    expect(advisoryProblem({ affected: ANDROID, cvssVector: "CVSS:3.1/AV:N" })?.messageKey).toBe(
      "advisories.errors.cvss",
    );
    expect(advisoryProblem({ affected: [], cvssVector: VECTOR })?.messageKey).toBe("advisories.errors.noRange");
    expect(advisoryProblem({ affected: ANDROID, cvssVector: VECTOR })).toBeNull();
  });
});

describe("fix deadline by severity", () => {
  const published = new Date("2026-03-02T10:00:00Z");
  it("a critical advisory published Monday 10:00 UTC is due to be fixed the next Monday 10:00 UTC", () => {
    expect(fixDueAt("critical", published).toISOString()).toBe("2026-03-09T10:00:00.000Z");
  });
  it("high, medium and low get longer: 30, 90 and 180 days", () => {
    expect(fixDueAt("high", published).toISOString()).toBe("2026-04-01T10:00:00.000Z");
    expect(fixDueAt("medium", published).toISOString()).toBe("2026-05-31T10:00:00.000Z");
    expect(fixDueAt("low", published).toISOString()).toBe("2026-08-29T10:00:00.000Z");
  });
});
