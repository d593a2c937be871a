import { createFormatter } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { dateWriter } from "./section";

describe("the ticket page's dates", () => {
  const instants = [
    new Date("2026-01-05T23:30:00Z"),
    new Date("2026-07-01T08:05:00Z"),
    new Date("2024-02-29T00:00:00Z"),
  ];
  for (const locale of ["en", "zh"]) {
    for (const timeZone of ["Asia/Shanghai", "America/Los_Angeles", "UTC", undefined]) {
      it(`are written as use-intl writes them (${locale}, ${timeZone ?? "no zone"})`, () => {
        const intl = createFormatter({ locale, timeZone, onError: () => {} });
        const write = dateWriter(locale, timeZone);
        for (const d of instants) expect(write(d)).toBe(intl.dateTime(d, { dateStyle: "medium", timeStyle: "short" }));
      });
    }
  }
});
