import { describe, expect, it } from "vitest";
import { isWebLink, slugForName, validateOrganization, type OrganizationInput } from "./rules";

const base: OrganizationInput = {
  name: "Nimbus Live",
  tierCode: "enterprise",
  region: "americas",
  calendarId: 1,
  contractStart: "2026-01-01",
  contractEnd: "2026-12-31",
  availabilityCommitment: null,
  accountManagerId: null,
  technicalAccountManagerId: null,
  hotline: null,
  supportEmail: null,
  chatHandle: null,
  groupLink: null,
};
const codes = (extra: Partial<OrganizationInput>) => validateOrganization({ ...base, ...extra }).map((i) => i.code);

describe("organization rules", () => {
  it("a complete record has no issues; blank channels count as none", () => {
    expect(codes({ hotline: "  ", supportEmail: "", chatHandle: " ", groupLink: "" })).toEqual([]);
  });

  it("a contract that ends on or before its start day is refused on the end date", () => {
    expect(validateOrganization({ ...base, contractEnd: "2025-12-31" })).toEqual([
      { field: "contractEnd", code: "endBeforeStart", values: { start: "2026-01-01" } },
    ]);
    expect(codes({ contractEnd: "2026-01-01" })).toEqual(["endBeforeStart"]);
    expect(codes({ contractEnd: "2026-02-29" })).toEqual(["dateFormat"]);
  });

  it("an empty contract date is asked for, not refused as badly written", () => {
    expect(validateOrganization({ ...base, contractStart: " ", contractEnd: "" })).toEqual([
      { field: "contractStart", code: "contractStartRequired" },
      { field: "contractEnd", code: "contractEndRequired" },
    ]);
    expect(codes({ contractStart: "1 Jan 2026" })).toEqual(["dateFormat"]);
  });

  it("the availability commitment is from 90 % to 100 % with at most three decimals, or none", () => {
    expect(codes({ availabilityCommitment: 90 })).toEqual([]);
    expect(codes({ availabilityCommitment: 100 })).toEqual([]);
    expect(codes({ availabilityCommitment: 99.995 })).toEqual([]);
    expect(codes({ availabilityCommitment: 89.999 })).toEqual(["commitmentRange"]);
    expect(codes({ availabilityCommitment: 100.001 })).toEqual(["commitmentRange"]);
    expect(codes({ availabilityCommitment: 99.9999 })).toEqual(["commitmentPrecision"]);
  });

  it("a tier and a calendar are required", () => {
    expect(codes({ tierCode: null, calendarId: null })).toEqual(["tierRequired", "calendarRequired"]);
  });

  it("only http and https links with a host are web links", () => {
    expect(isWebLink("https://chat.example/g/1")).toBe(true);
    expect(isWebLink("http://chat.example")).toBe(true);
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "//chat.example", "chat.example", "https://"])
      expect(isWebLink(bad)).toBe(false);
    expect(codes({ groupLink: "javascript:alert(1)" })).toEqual(["linkFormat"]);
  });

  it("hotlines are digits with + ( ) - . and spaces; emails need a domain; handles no spaces", () => {
    expect(codes({ hotline: "+86 (21) 5555-0101", supportEmail: "help@x.example", chatHandle: "@help" })).toEqual([]);
    expect(codes({ hotline: "400-CALL", supportEmail: "help@x", chatHandle: "@help desk" })).toEqual([
      "hotlineFormat",
      "emailFormat",
      "chatHandleFormat",
    ]);
  });

  it("a slug comes from the name; a name without Latin letters falls back to a numbered one", () => {
    expect(slugForName("Nimbus Live!")).toEqual({ slug: "nimbus-live", derived: true });
    expect(slugForName("云视互动")).toEqual({ slug: "organization", derived: false });
  });
});
