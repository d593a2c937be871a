import { describe, expect, it } from "vitest";
import { ticketSubject } from "./inbound";

describe("a mail's subject as a ticket's", () => {
  it("drops reply and forward prefixes in English and Chinese, and stores no English placeholder for a missing subject", () => {
    expect(ticketSubject("Re: Fwd: 回复：Echo on Android")).toBe("Echo on Android");
    expect(ticketSubject("   ")).toBe("");
  });

  it("a subject over 200 characters ends at a word and says it goes on", () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    const clipped = ticketSubject(words);
    expect(clipped.length).toBeLessThanOrEqual(200);
    expect(clipped.endsWith("…")).toBe(true);
    expect(words.startsWith(clipped.slice(0, -1))).toBe(true);
    expect(words[clipped.length - 1]).toBe(" ");
  });

  it("a long Chinese subject is cut at the limit, never through an emoji", () => {
    expect(ticketSubject("回".repeat(300))).toBe(`${"回".repeat(199)}…`);
    const clipped = ticketSubject(`${"回".repeat(198)}😀😀`);
    expect(clipped).toBe(`${"回".repeat(198)}…`);
  });
});
