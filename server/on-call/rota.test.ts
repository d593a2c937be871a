import { describe, expect, it } from "vitest";
import {
  chooseRota,
  coverage,
  findGaps,
  findOverlaps,
  handoverAt,
  localToInstant,
  onCallAt,
  type RotaPlan,
  type Shift,
} from "./rota";

const at = (iso: string) => new Date(iso);
const A = 1;
const B = 2;
const C = 3;

/** Weekly, Monday 09:00 New York, from Monday 2 March 2026 (the US clocks go forward on Sunday 8 March). */
const NEW_YORK: RotaPlan = {
  kind: "weekly",
  timeZone: "America/New_York",
  startDate: "2026-03-02",
  handoverTime: "09:00",
  members: [A, B, C],
  shifts: [],
  overrides: [],
};

describe("weekly rota", () => {
  it("hands over at 09:00 New York on both sides of the spring change: 14:00 UTC on 2 March, 13:00 UTC on 9 March", () => {
    expect(handoverAt(NEW_YORK, 0)).toEqual(at("2026-03-02T14:00:00Z"));
    expect(handoverAt(NEW_YORK, 1)).toEqual(at("2026-03-09T13:00:00Z"));
  });

  it("the week spanning the change lasts 167 hours: at 12:59 UTC on 9 March A is still primary, at 13:00 B takes over", () => {
    expect(onCallAt(NEW_YORK, at("2026-03-09T12:59:59Z"))).toEqual({ primary: A, secondary: B });
    expect(onCallAt(NEW_YORK, at("2026-03-09T13:00:00Z"))).toEqual({ primary: B, secondary: C });
    // A naive 7 × 24 h rotation would still have A on call at 13:30 UTC.
    expect(onCallAt(NEW_YORK, at("2026-03-09T13:30:00Z")).primary).toBe(B);
  });

  it("in autumn a Berlin week spanning the change lasts 169 hours and hands over at 09:00 local (08:00 UTC)", () => {
    const berlin: RotaPlan = { ...NEW_YORK, timeZone: "Europe/Berlin", startDate: "2026-10-19" };
    expect(handoverAt(berlin, 0)).toEqual(at("2026-10-19T07:00:00Z"));
    expect(handoverAt(berlin, 1)).toEqual(at("2026-10-26T08:00:00Z"));
    expect(onCallAt(berlin, at("2026-10-26T07:30:00Z")).primary).toBe(A);
    expect(onCallAt(berlin, at("2026-10-26T08:00:00Z")).primary).toBe(B);
  });

  it("the rotation goes round its members: week 3 is A's again", () => {
    expect(onCallAt(NEW_YORK, at("2026-03-23T14:00:00Z"))).toEqual({ primary: A, secondary: B });
  });

  it("nobody is on call before the first handover, and a one-person rota has no secondary", () => {
    expect(onCallAt(NEW_YORK, at("2026-03-02T13:59:59Z"))).toEqual({ primary: null, secondary: null });
    expect(onCallAt({ ...NEW_YORK, members: [A] }, at("2026-03-03T00:00:00Z"))).toEqual({
      primary: A,
      secondary: null,
    });
  });

  it("an override (a holiday swap) replaces the primary for its period only", () => {
    const plan: RotaPlan = {
      ...NEW_YORK,
      overrides: [
        { role: "primary", userId: C, startsAt: at("2026-03-04T00:00:00Z"), endsAt: at("2026-03-05T00:00:00Z") },
      ],
    };
    expect(onCallAt(plan, at("2026-03-03T23:59:59Z")).primary).toBe(A);
    expect(onCallAt(plan, at("2026-03-04T12:00:00Z"))).toEqual({ primary: C, secondary: B });
    expect(onCallAt(plan, at("2026-03-05T00:00:00Z")).primary).toBe(A);
  });
});

describe("custom rota, gaps and overlaps", () => {
  const shift = (role: Shift["role"], userId: number, from: string, to: string): Shift => ({
    role,
    userId,
    startsAt: at(from),
    endsAt: at(to),
  });
  const custom: RotaPlan = {
    ...NEW_YORK,
    kind: "custom",
    members: [],
    shifts: [
      shift("primary", A, "2026-03-01T00:00:00Z", "2026-03-01T12:00:00Z"),
      shift("primary", B, "2026-03-01T14:00:00Z", "2026-03-02T00:00:00Z"),
      shift("secondary", C, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z"),
    ],
  };

  it("a period with nobody primary is a gap, even with a secondary on", () => {
    expect(findGaps(custom, at("2026-03-01T00:00:00Z"), at("2026-03-02T00:00:00Z"))).toEqual([
      { startsAt: at("2026-03-01T12:00:00Z"), endsAt: at("2026-03-01T14:00:00Z") },
    ]);
  });

  it("the timeline is cut at each change and merged where nothing changes", () => {
    expect(coverage(custom, at("2026-03-01T00:00:00Z"), at("2026-03-02T00:00:00Z"))).toEqual([
      { startsAt: at("2026-03-01T00:00:00Z"), endsAt: at("2026-03-01T12:00:00Z"), primary: A, secondary: C },
      { startsAt: at("2026-03-01T12:00:00Z"), endsAt: at("2026-03-01T14:00:00Z"), primary: null, secondary: C },
      { startsAt: at("2026-03-01T14:00:00Z"), endsAt: at("2026-03-02T00:00:00Z"), primary: B, secondary: C },
    ]);
  });

  it("two primary shifts sharing an hour overlap; end-to-start and different roles do not", () => {
    const a = shift("primary", A, "2026-03-01T00:00:00Z", "2026-03-01T12:00:00Z");
    const b = shift("primary", B, "2026-03-01T11:00:00Z", "2026-03-01T20:00:00Z");
    const c = shift("primary", C, "2026-03-01T20:00:00Z", "2026-03-02T00:00:00Z");
    const d = shift("secondary", C, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z");
    expect(findOverlaps([c, b, a, d])).toEqual([[a, b]]);
  });
});

describe("local times in a rota's zone", () => {
  it("02:30 on 8 March 2026 does not exist in New York (clocks jump to 03:00) and is refused", () => {
    expect(localToInstant("2026-03-08T02:30", "America/New_York")).toBeNull();
    expect(localToInstant("2026-03-08T03:00", "America/New_York")).toEqual(at("2026-03-08T07:00:00Z"));
  });

  it("a malformed time is refused", () => {
    expect(localToInstant("2026-13-08T25:00", "Asia/Shanghai")).toBeNull();
  });
});

describe("which rota covers a ticket", () => {
  const rotas = [
    { id: 1, region: "americas", productArea: null },
    { id: 2, region: "americas", productArea: "live_streaming" },
    { id: 3, region: "china", productArea: null },
  ];
  it("the product area's rota wins over the region's general one, which covers the other areas", () => {
    expect(chooseRota(rotas, "americas", "live_streaming")?.id).toBe(2);
    expect(chooseRota(rotas, "americas", "voice_calling")?.id).toBe(1);
    expect(chooseRota(rotas, "emea", "voice_calling")).toBeNull();
  });
});
