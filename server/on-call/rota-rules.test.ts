import { describe, expect, it } from "vitest";
import { rotaRefusal, shiftRefusal } from "./rota-rules";

const base = {
  timeZone: "Asia/Shanghai",
  kind: "weekly" as const,
  startDate: "2026-03-02",
  handoverTime: "09:00",
  members: [1, 2],
};

describe("rota rules", () => {
  it("a weekly rota in Shanghai from Monday 09:00 with two people is accepted", () => {
    expect(rotaRefusal(base)).toBeNull();
  });
  it("an unknown zone, a malformed time, a skipped handover, a duplicate or an empty rotation is refused", () => {
    expect(rotaRefusal({ ...base, timeZone: "Mars/Olympus" })?.messageKey).toBe("onCall.errors.zone");
    expect(rotaRefusal({ ...base, handoverTime: "9am" })?.messageKey).toBe("onCall.errors.handover");
    expect(
      rotaRefusal({ ...base, timeZone: "America/New_York", startDate: "2026-03-08", handoverTime: "02:30" })
        ?.messageKey,
    ).toBe("onCall.errors.handoverSkipped");
    expect(rotaRefusal({ ...base, members: [1, 1] })?.messageKey).toBe("onCall.errors.duplicateMember");
    expect(rotaRefusal({ ...base, members: [] })?.messageKey).toBe("onCall.errors.noMembers");
  });
  it("an override entered in New York local time is stored as instants; overlapping one of the same role is refused", () => {
    const ok = shiftRefusal(
      { role: "primary", userId: 3, startsLocal: "2026-12-24T18:00", endsLocal: "2026-12-26T09:00" },
      "America/New_York",
      [],
    );
    expect(ok).toEqual({ startsAt: new Date("2026-12-24T23:00:00Z"), endsAt: new Date("2026-12-26T14:00:00Z") });
    const clash = shiftRefusal(
      { role: "primary", userId: 4, startsLocal: "2026-12-25T00:00", endsLocal: "2026-12-25T12:00" },
      "America/New_York",
      [
        {
          role: "primary",
          userId: 3,
          startsAt: new Date("2026-12-24T23:00:00Z"),
          endsAt: new Date("2026-12-26T14:00:00Z"),
        },
      ],
    );
    expect(clash).toMatchObject({ refusal: { messageKey: "onCall.errors.overlap" } });
  });
  it("an end before the start, or a shift of more than 31 days, is refused", () => {
    expect(
      shiftRefusal(
        { role: "primary", userId: 1, startsLocal: "2026-03-02T09:00", endsLocal: "2026-03-02T08:00" },
        "UTC",
        [],
      ),
    ).toMatchObject({ refusal: { messageKey: "onCall.errors.endBeforeStart" } });
    expect(
      shiftRefusal(
        { role: "primary", userId: 1, startsLocal: "2026-03-01T00:00", endsLocal: "2026-04-15T00:00" },
        "UTC",
        [],
      ),
    ).toMatchObject({ refusal: { messageKey: "onCall.errors.tooLong" } });
  });
});
