import { describe, expect, it } from "vitest";
import { narrativeHtml } from "./narrative";

describe("review narrative", () => {
  it("renders the account manager's Markdown: emphasis, lists and safe links", () => {
    const html = narrativeHtml(
      "**Q3 went well.**\n\n- P1 first responses all met\n- [Upgrade guide](https://docs.example.com/up)",
    );
    expect(html).toContain("<strong>Q3 went well.</strong>");
    expect(html).toContain("<li>P1 first responses all met</li>");
    expect(html).toContain('href="https://docs.example.com/up"');
  });

  it("never lets a narrative run script: javascript: links lose their href, typed HTML is text", () => {
    const html = narrativeHtml("[x](javascript:alert(1)) <img src=x onerror=alert(2)>");
    expect(html).not.toMatch(/<a[^>]*href="javascript:/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("&#x3C;img src=x onerror=alert(2)>");
  });
});
