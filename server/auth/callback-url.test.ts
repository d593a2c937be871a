import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "./callback-url";

/**
 * Callbacks as they reach the sign-in page, after the query string was decoded once. Each one,
 * given to a browser as a link on our portal, leads to another site (or runs script).
 */
const HOSTILE = [
  "//evil.example",
  "//evil.example/path",
  "///evil.example",
  "/\\evil.example", // callbackUrl=/%5Cevil.example
  "\\\\evil.example",
  "/\\/evil.example",
  "\\/evil.example",
  "/\t/evil.example", // callbackUrl=/%09/evil.example
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\u0000/evil.example",
  "/%5Cevil.example", // encoded once more than we were given: a server decoding before redirecting makes it /\evil
  "/%5cevil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "/%09/evil.example",
  "/%5C%5Cevil.example",
  "%2F%2Fevil.example",
  "https://evil.example",
  "https://evil.example/signin",
  "http:evil.example",
  "https:/evil.example",
  "HTTPS://evil.example",
  "//evil.example@attain.test",
  " //evil.example",
  "\t//evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "/\u2028/evil.example",
  "/%E2%80%A8/evil.example",
  "/%",
  "",
  "/".repeat(3000),
];

describe("[SECURITY] after signing in, only paths on the portal are followed", () => {
  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))("%s goes to the home page instead", (_, value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it.each([
    ["/", "/"],
    ["/tickets", "/tickets"],
    ["/tickets/42?tab=timeline#due", "/tickets/42?tab=timeline#due"],
    ["/kb?q=SDK%20error%201101", "/kb?q=SDK%20error%201101"],
    ["/kb?q=C%3A%5CProgram", "/kb?q=C%3A%5CProgram"],
    ["/sla?next=//elsewhere", "/sla?next=//elsewhere"],
    ["/reviews/7?quarter=2026-Q3", "/reviews/7?quarter=2026-Q3"],
    ["/kb/%E5%BF%AB%E9%80%9F%E5%85%A5%E9%97%A8", "/kb/%E5%BF%AB%E9%80%9F%E5%85%A5%E9%97%A8"],
    ["/a/../tickets", "/tickets"],
  ])("%s is kept as %s", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it("anything that is not a string goes home", () => {
    for (const v of [undefined, null, 42, ["/tickets"], { href: "/tickets" }]) expect(safeCallbackPath(v)).toBe("/");
  });

  it("every kept path resolves on the portal's own origin, as a browser would read it", () => {
    for (const value of [...HOSTILE, "/tickets", "/kb?q=x"]) {
      const kept = safeCallbackPath(value);
      expect(new URL(kept, "https://portal.example").origin).toBe("https://portal.example");
    }
  });
});

describe("[SECURITY] next-auth's redirect after sign-in and sign-out", () => {
  const base = "https://portal.example";

  it("keeps a path, or an absolute URL on the portal itself", () => {
    expect(safeRedirectUrl("/signin", base)).toBe("https://portal.example/signin");
    expect(safeRedirectUrl("https://portal.example/tickets?x=1", base)).toBe("https://portal.example/tickets?x=1");
  });

  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))("%s goes to the portal's home page", (_, value) => {
    expect(safeRedirectUrl(value, base)).toBe("https://portal.example/");
  });

  it("an absolute URL on the portal whose path is a network path goes home", () => {
    expect(safeRedirectUrl("https://portal.example/\\evil.example", base)).toBe("https://portal.example/");
    expect(safeRedirectUrl("https://portal.example//evil.example", base)).toBe("https://portal.example/");
    expect(safeRedirectUrl("https://portal.example.evil.example/", base)).toBe("https://portal.example/");
  });
});
