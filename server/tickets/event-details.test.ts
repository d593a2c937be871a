import { describe, expect, it } from "vitest";
import { eventChange } from "./event-details";

describe("eventChange: what a timeline entry changed", () => {
  it("reads each kind of change as its own kind of value", () => {
    expect(eventChange("priorityChanged", { from: "P3", priority: "P1", reason: "x" })).toEqual({
      kind: "priority",
      from: "P3",
      to: "P1",
    });
    expect(eventChange("categoryChanged", { from: "functional_bug", to: "performance" })).toMatchObject({
      kind: "category",
    });
    expect(eventChange("productAreaChanged", { from: "other", to: "video_calling" })).toMatchObject({
      kind: "productArea",
    });
    expect(eventChange("featureStatusChanged", { from: "under_review", to: "planned", note: null })).toEqual({
      kind: "roadmapStatus",
      from: "under_review",
      to: "planned",
    });
  });

  it("names no change for other events, or where the stored values are not the kind's", () => {
    expect(eventChange("created", { priority: "P2" })).toBeNull();
    expect(eventChange("priorityChanged", { from: "under_review", priority: "P1" })).toBeNull();
    expect(eventChange("categoryChanged", { from: "P1", to: "performance" })).toBeNull();
    expect(eventChange("featureStatusChanged", null)).toBeNull();
  });
});
