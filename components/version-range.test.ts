import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";
import { versionRangeText } from "./version-range";

type T = Parameters<typeof versionRangeText>[0];
const tEn = createTranslator({ locale: "en", messages: en }) as unknown as T;
const tZh = createTranslator({ locale: "zh", messages: zh }) as unknown as T;
const text = (range: string) => [versionRangeText(tEn, "en", range), versionRangeText(tZh, "zh", range)];

describe("affected versions as people write them", () => {
  it("a lower and an exclusive upper bound read 'from, up to (not including)'", () => {
    expect(text(">=4.4.0 <4.5.1")).toEqual(["4.4.0 up to (not including) 4.5.1", "4.4.0 至 4.5.1（不含 4.5.1）"]);
  });

  it("one bound reads 'and later' or 'versions before'", () => {
    expect(text(">=4.3.0")).toEqual(["4.3.0 and later", "4.3.0 及以上版本"]);
    expect(text("<4.5.0")).toEqual(["versions before 4.5.0", "低于 4.5.0 的版本"]);
    expect(text("<=4.5.0")).toEqual(["4.5.0 and earlier", "4.5.0 及以下版本"]);
    expect(text(">4.2.0")).toEqual(["versions after 4.2.0", "高于 4.2.0 的版本"]);
  });

  it("an exact version and a list of them read as the versions", () => {
    expect(text("=4.4.1")).toEqual(["4.4.1", "4.4.1"]);
    expect(text("4.4.1 || 4.4.3 || 4.5.0")).toEqual(["4.4.1, 4.4.3, 4.5.0", "4.4.1、4.4.3、4.5.0"]);
  });

  it("shorthand reads as its bounds, without semver's -0 pre-release mark", () => {
    expect(text("4.4.x")[0]).toBe("4.4.0 up to (not including) 4.5.0");
    expect(text("^4.2.0")[0]).toBe("4.2.0 up to (not including) 5.0.0");
    expect(text("4.2.0 - 4.4.3")).toEqual(["4.2.0 through 4.4.3", "4.2.0 至 4.4.3"]);
    expect(text("*")).toEqual(["all versions", "所有版本"]);
  });

  it("alternatives are listed, and several bounds on one side keep the tightest", () => {
    expect(text(">=4.2.0 <4.3.0 || >=4.4.0 <4.4.2")[0]).toBe(
      "4.2.0 up to (not including) 4.3.0, 4.4.0 up to (not including) 4.4.2",
    );
    expect(text(">=4.2.0 >=4.3.0 <4.5.0")[0]).toBe("4.3.0 up to (not including) 4.5.0");
    expect(text(">4.2.0 <=4.5.0")[0]).toBe("after 4.2.0 through 4.5.0");
    expect(text(">=4.2.0 >4.2.0 <4.5.0")[0]).toBe("after 4.2.0 and before 4.5.0");
  });

  it("a range semver cannot read is shown as written", () => {
    expect(text("not a range")).toEqual(["not a range", "not a range"]);
    expect(text("4.4.0-beta.1")).toEqual(["4.4.0-beta.1", "4.4.0-beta.1"]);
  });
});
