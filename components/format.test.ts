import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";
import {
  dateWriter,
  dayWriter,
  formatChange,
  formatSpan,
  formatTarget,
  monthWriter,
  quarterWriter,
  zoneName,
} from "./format";

type T = Parameters<typeof formatSpan>[0];
const tEn = createTranslator({ locale: "en", messages: en }) as unknown as T;
const tZh = createTranslator({ locale: "zh", messages: zh }) as unknown as T;
const MIN = 60_000;

describe("lengths of time as people read them", () => {
  it("a countdown names its two largest units in the viewer's language, never 'd' or 's' in Chinese", () => {
    const span = (2 * 1440 + 11 * 60 + 7) * MIN;
    expect(formatSpan(tEn, span)).toBe("2 days 11 h");
    expect(formatSpan(tZh, span)).toBe("2 天 11 小时");
    expect(formatSpan(tEn, -(3 * 60 + 5) * MIN)).toBe("3 h 5 min");
    expect(formatSpan(tZh, 8_000)).toBe("8 秒");
    expect(formatSpan(tEn, 1440 * MIN)).toBe("1 day");
  });

  it("a paging latency keeps its seconds beside the minutes", () => {
    expect(formatSpan(tEn, 250_000, { seconds: true })).toBe("4 min 10 s");
    expect(formatSpan(tZh, 250_000, { seconds: true })).toBe("4 分钟 10 秒");
  });

  it("a business-hours target reads in business days as the targets table writes it, not in minutes", () => {
    // Enterprise P1 resolution on a 09:00-17:30 calendar: 10 days of 510 minutes.
    expect(formatTarget(tEn, 5100, "business", 510)).toBe("10 business days");
    expect(formatTarget(tZh, 5100, "business", 510)).toBe("10 个工作日");
    expect(formatTarget(tEn, 240, "business", 510)).toBe("4 business hours");
    expect(formatTarget(tEn, 240, "always", null)).toBe("4 h");
  });
});

describe("dates written from a shared formatter", () => {
  it("write a picked day as that very day in every language", () => {
    expect(dayWriter("en")("2026-03-01")).toBe("Mar 1, 2026");
    expect(dayWriter("zh")("2026-03-01")).toBe("2026年3月1日");
  });
  const instants = [
    new Date("2026-01-05T23:30:00Z"),
    new Date("2026-07-01T08:05:00Z"),
    new Date("2024-02-29T00:00:00Z"),
  ];
  const optionSets: { dateStyle: "medium" | "short"; timeStyle?: "short"; timeZone?: string }[] = [
    { dateStyle: "medium", timeStyle: "short" },
    { dateStyle: "short", timeStyle: "short" },
    { dateStyle: "medium" },
    { dateStyle: "medium", timeZone: "UTC" },
  ];
  for (const locale of ["en", "zh"]) {
    for (const timeZone of ["Asia/Shanghai", "America/Los_Angeles", "UTC", undefined]) {
      it(`read as use-intl writes them (${locale}, ${timeZone ?? "no zone"})`, () => {
        const intl = createFormatter({ locale, timeZone, onError: () => {} });
        for (const options of optionSets) {
          const write = dateWriter(locale, timeZone, options);
          for (const d of instants) expect(write(d)).toBe(intl.dateTime(d, options));
        }
      });
    }
  }
});

describe("months, changes and zones as people write them", () => {
  it("a month key reads as the month's name and year, never YYYY-MM", () => {
    expect(monthWriter("en")("2026-07")).toBe("Jul 2026");
    expect(monthWriter("en", "long")("2026-07")).toBe("July 2026");
    expect(monthWriter("zh")("2026-07")).toBe("2026年7月");
    // A UTC period: January stays January for a viewer west of Greenwich.
    expect(monthWriter("en")("2026-01")).toBe("Jan 2026");
  });

  it("a change is a signed whole percentage; from nothing there is no percentage (the caller says 'new')", () => {
    expect(formatChange("en", 112, 100)).toBe("+12%");
    expect(formatChange("en", 95, 100)).toBe("-5%");
    expect(formatChange("zh", 100, 100)).toBe("0%");
    expect(formatChange("en", 0, 0)).toBe("0%");
    expect(formatChange("en", 3, 0)).toBeNull();
  });

  it("a zone is named by its generic clock, the same in winter and in summer (no PST beside a PDT time)", () => {
    const winter = new Date("2026-01-15T12:00:00Z");
    const summer = new Date("2026-07-15T12:00:00Z");
    for (const at of [winter, summer]) {
      expect(zoneName("en", "America/Los_Angeles", at)).toBe("America/Los_Angeles (Pacific Time)");
      expect(zoneName("zh", "America/Los_Angeles", at)).toBe("America/Los_Angeles（北美太平洋时间）");
      expect(zoneName("en", "Europe/London", at)).toBe("Europe/London (United Kingdom Time)");
    }
    expect(zoneName("en", "Asia/Shanghai", summer)).toBe("Asia/Shanghai (China Standard Time)");
  });
});

describe("quarters as people write them", () => {
  it("a Chinese page writes 2026-Q3 as 2026年第3季度; English keeps 2026-Q3", () => {
    expect(quarterWriter("zh")("2026-Q3")).toBe("2026年第3季度");
    expect(quarterWriter("en")("2026-Q3")).toBe("2026-Q3");
    expect(quarterWriter("zh")("not a quarter")).toBe("not a quarter");
  });
});
