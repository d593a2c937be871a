import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/server/kb/markdown";
import { unsafeMarkup, XSS_DOCUMENT, XSS_PAYLOADS } from "./xss-corpus";

describe("[SECURITY] Markdown is sanitized for every XSS payload", () => {
  for (const { name, markdown } of XSS_PAYLOADS) {
    it(name, () => {
      expect(unsafeMarkup(renderMarkdown(markdown).html)).toEqual([]);
    });
  }

  it("the whole corpus as one document, and its text is still shown", () => {
    const { html } = renderMarkdown(XSS_DOCUMENT);
    expect(unsafeMarkup(html)).toEqual([]);
    expect(html).toContain("Payload script:");
    expect(html).toContain("&#x3C;script>alert('xss-code')&#x3C;/script>");
  });

  it("the checker itself catches unsafe markup (so the tests above can fail)", () => {
    expect(unsafeMarkup(`<p><img src=x onerror="alert(1)"></p>`)).toEqual(["<img onerror>"]);
    expect(unsafeMarkup(`<a href="jav&#x09;ascript:alert(1)">x</a><script>1</script>`)).toEqual([
      "<a href=jav&#x09;ascript:alert(1)>",
      "<script>",
    ]);
    expect(unsafeMarkup(`<p>&#x3C;img src=x onerror=alert(1)></p><a href="https://attain.test">ok</a>`)).toEqual([]);
    expect(unsafeMarkup(`<h2 id="__next_f">x</h2><h2 id="user-content-__next_f">y</h2>`)).toEqual(["<h2 id=__next_f>"]);
  });
});
