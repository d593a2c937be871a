import { describe, expect, it } from "vitest";
import { isCrossSiteMutation } from "./cross-site";

const h = (o: Record<string, string>) => new Headers(o);

describe("isCrossSiteMutation", () => {
  it("a POST from another site (Sec-Fetch-Site: cross-site or same-site) is refused", () => {
    expect(isCrossSiteMutation("POST", h({ "sec-fetch-site": "cross-site", host: "attain.test" }))).toBe(true);
    expect(isCrossSiteMutation("POST", h({ "sec-fetch-site": "same-site", host: "attain.test" }))).toBe(true);
  });

  it("a POST from the portal itself is accepted", () => {
    expect(
      isCrossSiteMutation(
        "POST",
        h({ "sec-fetch-site": "same-origin", origin: "https://attain.test", host: "attain.test" }),
      ),
    ).toBe(false);
  });

  it("without Sec-Fetch-Site, the Origin must be the host the request was sent to", () => {
    expect(isCrossSiteMutation("POST", h({ origin: "https://evil.example", host: "attain.test" }))).toBe(true);
    expect(isCrossSiteMutation("POST", h({ origin: "null", host: "attain.test" }))).toBe(true);
    expect(isCrossSiteMutation("POST", h({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).toBe(false);
    expect(
      isCrossSiteMutation(
        "POST",
        h({ origin: "https://attain.test", host: "10.0.0.5:3000", "x-forwarded-host": "attain.test" }),
      ),
    ).toBe(false);
  });

  it("a non-browser client (no Origin, no Sec-Fetch-Site) and safe methods are not refused", () => {
    expect(isCrossSiteMutation("POST", h({ host: "attain.test" }))).toBe(false);
    expect(isCrossSiteMutation("GET", h({ "sec-fetch-site": "cross-site", host: "attain.test" }))).toBe(false);
  });
});
