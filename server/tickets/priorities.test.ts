import { describe, expect, it } from "vitest";
import { PRIORITIES, TICKET_CATEGORIES } from "@/db/schema/enums";
import { allowedPriorities, isOutsideSla, isPriorityAllowed } from "./priorities";

describe("priorities a category allows", () => {
  it("a security vulnerability may only be P0 or P1; every other category may take any priority", () => {
    expect(allowedPriorities("security_vulnerability")).toEqual(["P0", "P1"]);
    for (const c of TICKET_CATEGORIES.filter((c) => c !== "security_vulnerability"))
      expect(allowedPriorities(c)).toEqual(PRIORITIES);
    expect(isPriorityAllowed("security_vulnerability", "P3")).toBe(false);
    expect(isPriorityAllowed("functional_bug", "P3")).toBe(true);
  });

  it("custom development and feature requests are outside the SLA; every other category is inside it", () => {
    expect(isOutsideSla("custom_development")).toBe(true);
    expect(isOutsideSla("feature_request")).toBe(true);
    for (const c of TICKET_CATEGORIES.filter((c) => c !== "custom_development" && c !== "feature_request"))
      expect(isOutsideSla(c)).toBe(false);
  });
});
