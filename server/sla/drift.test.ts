import { describe, expect, it } from "vitest";
import { classifyStateChange } from "./drift";
import type { StoredSlaState } from "./state";

const t = (iso: string) => new Date(iso);
const EMPTY: StoredSlaState = {
  frDueAt: null,
  frAchievedAt: null,
  frStatus: null,
  waDueAt: null,
  waAchievedAt: null,
  waStatus: null,
  resDueAt: null,
  resAchievedAt: null,
  resStatus: null,
  nextDueAt: null,
};
/** An Enterprise P2 ticket (UTC instants): first response met, resolution open. */
const STORED: StoredSlaState = {
  ...EMPTY,
  frDueAt: t("2026-03-02T03:00:00Z"),
  frAchievedAt: t("2026-03-02T02:10:00Z"),
  frStatus: "met",
  resDueAt: t("2026-03-30T09:30:00Z"),
  resAchievedAt: null,
  resStatus: "running",
  nextDueAt: t("2026-03-30T09:30:00Z"),
};

describe("classifyStateChange", () => {
  it("identical states are the same", () => {
    expect(classifyStateChange(STORED, { ...STORED })).toBe("same");
    expect(classifyStateChange(EMPTY, { ...EMPTY })).toBe("same");
  });

  it("an open metric that was running and is now breached at the same due time has aged", () => {
    expect(classifyStateChange(STORED, { ...STORED, resStatus: "breached" })).toBe("aged");
  });

  it("a paused metric whose due time moved later while still paused has aged", () => {
    const paused = { ...STORED, resStatus: "paused" as const };
    const later = t("2026-04-02T09:30:00Z");
    expect(classifyStateChange(paused, { ...paused, resDueAt: later, nextDueAt: later })).toBe("aged");
  });

  it("a paused metric whose due time moved earlier has drifted", () => {
    const paused = { ...STORED, resStatus: "paused" as const };
    const earlier = t("2026-03-20T09:30:00Z");
    expect(classifyStateChange(paused, { ...paused, resDueAt: earlier, nextDueAt: earlier })).toBe("drift");
  });

  it("a running metric whose due time changed has drifted, whatever its status", () => {
    const moved = t("2026-03-31T09:30:00Z");
    expect(classifyStateChange(STORED, { ...STORED, resDueAt: moved, nextDueAt: moved })).toBe("drift");
    expect(classifyStateChange(STORED, { ...STORED, resDueAt: moved, resStatus: "breached", nextDueAt: moved })).toBe(
      "drift",
    );
  });

  it("an achieved metric whose outcome or times differ has drifted: time cannot change a settled metric", () => {
    expect(classifyStateChange(STORED, { ...STORED, frStatus: "breached" })).toBe("drift");
    expect(classifyStateChange(STORED, { ...STORED, frAchievedAt: t("2026-03-02T02:11:00Z") })).toBe("drift");
    expect(classifyStateChange(STORED, { ...STORED, frDueAt: t("2026-03-02T03:15:00Z") })).toBe("drift");
  });

  it("a metric achieved in the events but open in storage has drifted (a write forgot to refresh the state)", () => {
    expect(
      classifyStateChange(STORED, {
        ...STORED,
        resAchievedAt: t("2026-03-10T08:00:00Z"),
        resStatus: "met",
        nextDueAt: null,
      }),
    ).toBe("drift");
  });

  it("a metric appearing or vanishing has drifted", () => {
    expect(classifyStateChange(STORED, { ...STORED, waDueAt: t("2026-03-02T08:00:00Z"), waStatus: "running" })).toBe(
      "drift",
    );
    expect(classifyStateChange(STORED, { ...STORED, frDueAt: null, frAchievedAt: null, frStatus: null })).toBe("drift");
  });

  it("a breached metric that is running again has drifted: time only moves forward", () => {
    expect(classifyStateChange({ ...STORED, resStatus: "breached" }, STORED)).toBe("drift");
  });

  it("nextDueAt disagreeing while every metric is the same has drifted", () => {
    expect(classifyStateChange(STORED, { ...STORED, nextDueAt: t("2026-03-02T03:00:00Z") })).toBe("drift");
  });
});
