import { describe, expect, it } from "vitest";
import { entryDate, instantOfDay, isCalendarDay } from "./engagement-day";

const show = (e: { at: Date; day: string | null }, zone: string) => {
  const { instant, options } = entryDate(e, zone);
  return new Intl.DateTimeFormat("en-US", options).format(instant);
};

describe("an engagement's picked day", () => {
  const picked = { at: instantOfDay("2026-03-08"), day: "2026-03-08" };

  for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles", "Asia/Shanghai", "UTC"])
    it(`8 March picked is shown as 8 March to a viewer in ${zone}`, () => {
      expect(show(picked, zone)).toBe("Mar 8, 2026");
    });

  it("the same instant shown as a time would move to 9 March in Kiritimati (UTC+14): why the day is kept", () => {
    expect(show({ at: picked.at, day: null }, "Pacific/Kiritimati")).toMatch(/^Mar 9, 2026/);
  });

  it("only real calendar days are accepted", () => {
    expect(isCalendarDay("2026-02-28")).toBe(true);
    expect(isCalendarDay("2026-02-30")).toBe(false);
    expect(isCalendarDay("2026-2-3")).toBe(false);
  });
});
