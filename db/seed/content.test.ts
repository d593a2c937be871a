import { describe, expect, it } from "vitest";
import { DESCRIPTION } from "./content";

describe("demo ticket descriptions", () => {
  it("name the SDK platform as a customer writes it", () => {
    expect(DESCRIPTION("Audio drops", "react_native", "4.5.3")).toContain("- SDK: React Native 4.5.3");
    expect(DESCRIPTION("Audio drops", "macos", "4.5.1")).toContain("- SDK: macOS 4.5.1");
  });
});
