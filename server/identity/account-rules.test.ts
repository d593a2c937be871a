import { describe, expect, it } from "vitest";
import { passwordRefusal } from "./password-refusal";
import { describeBrowser, minutesLeft, nameProblem, linkUsable } from "./account-rules";

describe("describeBrowser", () => {
  const cases: [string, string | null, string | null][] = [
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
      "Chrome",
      "Linux",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0",
      "Edge",
      "Windows",
    ],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:131.0) Gecko/20100101 Firefox/131.0", "Firefox", "macOS"],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
      "Safari",
      "iOS",
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36",
      "Chrome",
      "Android",
    ],
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36",
      "Chrome",
      "Linux",
    ],
    ["", null, null],
  ];
  for (const [ua, browser, os] of cases)
    it(`${browser ?? "unknown"} on ${os ?? "unknown"}: ${ua.slice(0, 40) || "(empty)"}`, () =>
      expect(describeBrowser(ua)).toEqual({ browser, os }));
  it("no user agent is an unknown browser", () => expect(describeBrowser(null)).toEqual({ browser: null, os: null }));
});

describe("account rules", () => {
  it("a name is 1 to 120 characters after trimming, counted as characters, without control characters", () => {
    expect(nameProblem("  ")?.messageKey).toBe("errors.account.nameEmpty");
    expect(nameProblem("名".repeat(120))).toBeNull();
    expect(nameProblem("𝕏".repeat(121))?.messageKey).toBe("errors.account.nameTooLong");
    expect(nameProblem("a\tb")?.messageKey).toBe("errors.account.nameInvalid");
  });
  it("a refused password names its translated reason and the limits", () =>
    expect(passwordRefusal("tooShort")).toMatchObject({ messageKey: "errors.password.tooShort", values: { min: 12 } }));
  it("a reset link is usable until its hour is over and only once", () => {
    const now = new Date("2026-11-20T12:00:00Z");
    expect(linkUsable({ expiresAt: new Date(now.getTime() + 1), usedAt: null }, now)).toBe(true);
    expect(linkUsable({ expiresAt: now, usedAt: null }, now)).toBe(false);
    expect(linkUsable({ expiresAt: new Date(now.getTime() + 1), usedAt: now }, now)).toBe(false);
  });
  it("minutes left in a window round up, at least one", () => {
    const start = new Date("2026-11-20T12:00:00Z");
    expect(minutesLeft(start, 15 * 60_000, new Date("2026-11-20T12:00:30Z"))).toBe(15);
    expect(minutesLeft(start, 15 * 60_000, new Date("2026-11-20T12:14:59Z"))).toBe(1);
  });
});
