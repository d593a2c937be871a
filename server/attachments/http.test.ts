import { describe, expect, it } from "vitest";
import { contentDisposition, parseRange } from "./http";

describe("byte ranges (video seeking, resumed downloads)", () => {
  const size = 1000;

  it("reads a-b, a- and -n within the file", () => {
    expect(parseRange("bytes=0-99", size)).toEqual({ start: 0, end: 99 });
    expect(parseRange("bytes=900-", size)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=-100", size)).toEqual({ start: 900, end: 999 });
    expect(parseRange(" bytes=10-10 ", size)).toEqual({ start: 10, end: 10 });
  });

  it("clamps an end past the file and a suffix longer than the file", () => {
    expect(parseRange("bytes=500-5000", size)).toEqual({ start: 500, end: 999 });
    expect(parseRange("bytes=-5000", size)).toEqual({ start: 0, end: 999 });
  });

  it("answers null (416) for a start past the end, a reversed range, an empty suffix, an empty file", () => {
    expect(parseRange("bytes=1000-", size)).toBeNull();
    expect(parseRange("bytes=1000-1200", size)).toBeNull();
    expect(parseRange("bytes=5-3", size)).toBeNull();
    expect(parseRange("bytes=-0", size)).toBeNull();
    expect(parseRange("bytes=0-10", 0)).toBeNull();
  });

  it("answers null for what it does not serve: several ranges, other units, garbage, none", () => {
    for (const h of ["bytes=0-1,5-6", "items=0-1", "bytes=-", "bytes=a-b", "bytes=0x10-", "", null])
      expect(parseRange(h, size), String(h)).toBeNull();
  });
});

describe("the download's file name", () => {
  it("carries an ASCII fallback and the exact name encoded as RFC 5987", () => {
    expect(contentDisposition("attachment", "agora-sdk.log")).toBe(
      `attachment; filename="agora-sdk.log"; filename*=UTF-8''agora-sdk.log`,
    );
    expect(contentDisposition("attachment", "崩溃 截图.png")).toBe(
      `attachment; filename="__ __.png"; filename*=UTF-8''%E5%B4%A9%E6%BA%83%20%E6%88%AA%E5%9B%BE.png`,
    );
    expect(contentDisposition("inline", "résumé.pdf")).toMatch(/^inline; filename="r_sum_.pdf"; /);
  });

  it("a quote, a backslash or a semicolon cannot end the fallback or start another parameter", () => {
    const header = contentDisposition("attachment", 'a"; filename="evil.html\\.log');
    expect(header).toBe(
      `attachment; filename="a_; filename=_evil.html_.log"; filename*=UTF-8''a%22%3B%20filename%3D%22evil.html%5C.log`,
    );
  });

  it("the encoded name uses only RFC 5987 attribute characters: ' ( ) * are escaped too", () => {
    const header = contentDisposition("attachment", "it's (final)*.log");
    const encoded = header.split("filename*=UTF-8''")[1]!;
    expect(encoded).toBe("it%27s%20%28final%29%2A.log");
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(encoded)).toBe("it's (final)*.log");
  });
});
