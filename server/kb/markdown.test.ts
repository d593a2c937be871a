import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("a <script> tag in an article is dropped, never rendered as an element", () => {
    const { html } = renderMarkdown("Hello\n\n<script>alert(1)</script>\n\nWorld <script>alert(2)</script>");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("Hello");
  });

  it("an onerror= attribute on inline HTML never survives", () => {
    const { html } = renderMarkdown(
      '<img src="x" onerror="alert(1)">\n\n<p onclick="alert(2)">x</p>\n\n![a](https://example.com/a.png "t")',
    );
    expect(html).not.toMatch(/onerror|onclick/i);
    expect(html).toContain('<img src="https://example.com/a.png"');
  });

  it("a javascript: link keeps its text but loses its href", () => {
    const { html } = renderMarkdown(
      '[click me](javascript:alert(1)) and [ok](https://docs.example.com/x) and <a href="javascript:alert(2)">raw</a>',
    );
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain("click me");
    expect(html).toContain('href="https://docs.example.com/x"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it("an iframe, a style tag and a data: URL image are removed", () => {
    const { html } = renderMarkdown(
      '<iframe src="https://evil.example"></iframe>\n\n<style>body{display:none}</style>\n\n![x](data:image/svg+xml;base64,PHN2Zz4=)',
    );
    expect(html).not.toMatch(/<iframe|<style|data:image/i);
  });

  it("GFM tables render as tables", () => {
    const { html } = renderMarkdown("| code | meaning |\n| --- | --- |\n| 110 | token expired |");
    expect(html).toContain("<table>");
    expect(html).toContain("<td>token expired</td>");
  });

  it("headings get linkable ids and h2/h3 form the table of contents", () => {
    const { html, toc } = renderMarkdown(
      "# Title\n\n## Find the device\n\ntext\n\n### On Android\n\n## 定位产生回声的设备\n\n#### deep",
    );
    expect(html).toContain('<h2 id="find-the-device">Find the device</h2>');
    expect(toc).toEqual([
      { id: "find-the-device", text: "Find the device", depth: 2 },
      { id: "on-android", text: "On Android", depth: 3 },
      { id: "定位产生回声的设备", text: "定位产生回声的设备", depth: 2 },
    ]);
  });

  it("fenced code is highlighted by language with hljs classes", () => {
    const { html } = renderMarkdown("```js\nconst token = await fetchToken();\n```");
    expect(html).toContain('class="hljs language-js"');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
  });

  it("code of an unknown language is still shown, escaped", () => {
    const { html } = renderMarkdown("```nosuchlang\n<b>x</b>\n```");
    expect(html).toContain("&#x3C;b>x&#x3C;/b>");
  });
});
