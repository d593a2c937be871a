import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes cells with commas, quotes and line breaks, and leaves numbers and empty cells plain", () => {
    expect(
      toCsv(
        ["tier", "n"],
        [
          ["Enterprise, Americas", 12],
          ['say "hi"', null],
          ["two\nlines", 0.5],
        ],
      ),
    ).toBe('tier,n\r\n"Enterprise, Americas",12\r\n"say ""hi""",\r\n"two\nlines",0.5\r\n');
  });

  it("defuses text that a spreadsheet would run as a formula, but not negative numbers", () => {
    expect(toCsv(["subject"], [['=HYPERLINK("x")'], ["@SUM(A1)"], [-3]])).toBe(
      'subject\r\n"\'=HYPERLINK(""x"")"\r\n\'@SUM(A1)\r\n-3\r\n',
    );
  });
});
