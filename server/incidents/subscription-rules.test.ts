import { describe, expect, it } from "vitest";
import {
  covers,
  defaultSubscription,
  isSubscribed,
  normalized,
  reminderDueAt,
  shortNotice,
  subscriptionRefusal,
  toStore,
} from "./subscription-rules";

const H = 3_600_000;
const now = new Date("2026-11-20T12:00:00Z");
const video = {
  planned: false,
  productArea: "video_calling" as const,
  regions: ["americas" as const, "emea" as const],
};

describe("incident subscriptions", () => {
  it("a customer administrator hears about everything by default, a member about nothing", () => {
    expect(covers(defaultSubscription(true), video)).toBe(true);
    expect(covers(defaultSubscription(true), { ...video, planned: true })).toBe(true);
    expect(covers(defaultSubscription(false), video)).toBe(false);
  });

  it("a subscription covers an incident of its kind, in its area and one of its regions", () => {
    const sub = {
      productAreas: ["video_calling" as const],
      regions: ["emea" as const],
      incidents: true,
      maintenance: false,
    };
    expect(covers(sub, video)).toBe(true);
    expect(covers(sub, { ...video, planned: true })).toBe(false);
    expect(covers(sub, { ...video, productArea: "voice_calling" })).toBe(false);
    expect(covers(sub, { ...video, regions: ["china"] })).toBe(false);
  });

  it("maintenance under 72 hours ahead is short notice; the reminder is due an hour before", () => {
    expect(shortNotice(new Date(now.getTime() + 72 * H), now)).toBe(false);
    expect(shortNotice(new Date(now.getTime() + 72 * H - 1), now)).toBe(true);
    expect(reminderDueAt(new Date(now.getTime() + 5 * H))).toEqual(new Date(now.getTime() + 4 * H));
  });

  it("stores areas and regions once each, in canonical order", () => {
    expect(
      normalized({
        productAreas: ["other", "voice_calling", "other"],
        regions: ["emea", "china"],
        incidents: true,
        maintenance: true,
      }),
    ).toEqual({
      productAreas: ["voice_calling", "other"],
      regions: ["china", "emea"],
      incidents: true,
      maintenance: true,
    });
  });
});

describe("saving a subscription", () => {
  const chosen = {
    productAreas: ["video_calling" as const],
    regions: ["emea" as const],
    incidents: true,
    maintenance: false,
  };

  it("ticking no kind is unsubscribing: stored as nothing at all, whatever areas and regions were ticked", () => {
    const none = { ...chosen, incidents: false };
    expect(subscriptionRefusal(none)).toBeNull();
    expect(toStore(none)).toEqual({ productAreas: [], regions: [], incidents: false, maintenance: false });
    expect(isSubscribed(toStore(none))).toBe(false);
  });

  it("a kind without a product area or without a region is refused, as it would tell nobody anything", () => {
    expect(subscriptionRefusal({ ...chosen, productAreas: [] })?.messageKey).toBe("incidents.errors.subscriptionScope");
    expect(subscriptionRefusal({ ...chosen, regions: [] })?.messageKey).toBe("incidents.errors.subscriptionScope");
  });

  it("a kind, an area and a region is a subscription, stored in canonical order", () => {
    expect(subscriptionRefusal(chosen)).toBeNull();
    expect(isSubscribed(toStore(chosen))).toBe(true);
    expect(toStore({ ...chosen, regions: ["emea", "americas", "emea"] }).regions).toEqual(
      normalized({ ...chosen, regions: ["americas", "emea"] }).regions,
    );
    expect(isSubscribed(defaultSubscription(true))).toBe(true);
    expect(isSubscribed(defaultSubscription(false))).toBe(false);
  });
});
