import { describe, expect, it } from "vitest";
import { ALWAYS_OPEN } from "@/server/sla/clock";
import { riskThreshold } from "@/server/sla/risk";
import { warningFor } from "./warnings";

const t = (iso: string) => new Date(iso).getTime();

describe("at-risk and breach warnings", () => {
  it("a 4-hour target on an always-open calendar is at risk in its last hour at 25 %, its last 48 minutes at 20 %", () => {
    const now = new Date("2026-03-02T10:00:00Z");
    expect(riskThreshold(now, { minutes: 240, calendar: ALWAYS_OPEN }, 25).getTime()).toBe(
      t("2026-03-02T11:00:00Z") + 1,
    );
    expect(riskThreshold(now, { minutes: 240, calendar: ALWAYS_OPEN }, 20).getTime()).toBe(
      t("2026-03-02T10:48:00Z") + 1,
    );
  });

  it("a running metric due inside the share warns at risk; due later, nothing; a paused or met one never", () => {
    const now = t("2026-03-02T10:00:00Z");
    const th = t("2026-03-02T11:00:00Z") + 1;
    const run = (due: string) => ({ status: "running", achievedAt: null, dueAt: t(due) });
    expect(warningFor(run("2026-03-02T11:00:00Z"), now, th, now - 60_000)).toBe("at_risk");
    expect(warningFor(run("2026-03-02T11:00:01Z"), now, th, now - 60_000)).toBeNull();
    expect(warningFor({ ...run("2026-03-02T10:30:00Z"), status: "paused" }, now, th, now - 60_000)).toBeNull();
    expect(
      warningFor({ ...run("2026-03-02T10:30:00Z"), status: "met", achievedAt: now }, now, th, now - 60_000),
    ).toBeNull();
  });

  it("a metric whose due time passed since the last pass warns as breached; one breached before it does not again", () => {
    const now = t("2026-03-02T10:00:00Z");
    const since = t("2026-03-02T09:59:00Z");
    expect(
      warningFor({ status: "breached", achievedAt: null, dueAt: t("2026-03-02T09:59:30Z") }, now, undefined, since),
    ).toBe("breach");
    expect(
      warningFor({ status: "breached", achievedAt: null, dueAt: t("2026-03-02T09:58:00Z") }, now, undefined, since),
    ).toBeNull();
  });
});
