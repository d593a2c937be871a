import { describe, expect, it } from "vitest";
import { isAbandoned, plainTextHtml, renderMarkdown } from "./markdown";

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
    // Raw HTML is shown as the text typed (escaped), never as an element with its handlers.
    expect(html).not.toMatch(/<[^>]*\son(error|click)=/i);
    expect(html).toContain('&#x3C;img src="x" onerror="alert(1)">');
    expect(html).toContain('<img src="https://example.com/a.png"');
  });

  it("a javascript: link keeps its text but loses its href", () => {
    const { html } = renderMarkdown(
      '[click me](javascript:alert(1)) and [ok](https://docs.example.com/x) and <a href="javascript:alert(2)">raw</a>',
    );
    expect(html).not.toMatch(/<a[^>]*href="javascript:/i);
    // The raw anchor is the text typed, escaped, not a link.
    expect(html).toContain('&#x3C;a href="javascript:alert(2)">raw&#x3C;/a>');
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

  it("headings get linkable ids, prefixed as user content, and h2/h3 form the table of contents", () => {
    const { html, toc } = renderMarkdown(
      "# Title\n\n## Find the device\n\ntext\n\n### On Android\n\n## 定位产生回声的设备\n\n#### deep",
    );
    expect(html).toContain('<h2 id="user-content-find-the-device">Find the device</h2>');
    expect(toc).toEqual([
      { id: "user-content-find-the-device", text: "Find the device", depth: 2 },
      { id: "user-content-on-android", text: "On Android", depth: 3 },
      { id: "user-content-定位产生回声的设备", text: "定位产生回声的设备", depth: 2 },
    ]);
  });

  it("a heading can never take an id the page or its scripts use (`## __next_f`, `## document`)", () => {
    const { html } = renderMarkdown("## __next_f\n\n## document\n\n## location", "ticket");
    const ids = [...html.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["user-content-__next_f", "user-content-document", "user-content-location"]);
  });

  it("in-page links follow the prefixed ids; other links and footnotes keep working", () => {
    const { html } = renderMarkdown(
      "## Find the device\n\nSee [above](#find-the-device), [定位](#定位), [docs](https://docs.example.com/#x) and a note[^1].\n\n[^1]: The note.",
    );
    expect(html).toContain('href="#user-content-find-the-device"');
    expect(html).toContain('href="#user-content-%E5%AE%9A%E4%BD%8D"');
    expect(html).toContain('href="https://docs.example.com/#x"');
    // Footnotes come prefixed from remark-rehype already; the ids and links stay single-prefixed and matching.
    const ids = new Set([...html.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/ href="#([^"]*)"/g)].map((m) => decodeURIComponent(m[1]!));
    for (const id of ids) expect(id).toMatch(/^user-content-(?!user-content-)/);
    for (const t of targets.filter((t) => t.includes("fn"))) expect(ids).toContain(t);
    expect(html).toMatch(/aria-describedby="user-content-footnote-label"/);
    expect(html).toContain('id="user-content-footnote-label"');
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

describe("renderMarkdown within limits", () => {
  it("a text over a limit of its kind is shown as escaped plain text, whitespace kept, without parsing", () => {
    const text = "> ".repeat(30) + "deep <b>quote</b> & more\n\n  indented   line";
    const { html, toc, plain } = renderMarkdown(text, "ticket");
    expect(plain).toBe(true);
    expect(toc).toEqual([]);
    expect(html).toBe(
      '<p class="md-plain">' + "&gt; ".repeat(30) + "deep &lt;b&gt;quote&lt;/b&gt; &amp; more\n\n  indented   line</p>",
    );
  });

  it("an article may hold what a ticket may not (each kind has its own limits)", () => {
    const text = "- item\n".repeat(400);
    expect(renderMarkdown(text, "ticket").plain).toBe(true);
    expect(renderMarkdown(text, "article").plain).toBe(false);
  });

  it("a render past its budget is abandoned for plain text, and the text is remembered as over budget", () => {
    const text = "- a\n".repeat(200) + "\n*b* `c` [d](e)\n";
    expect(isAbandoned(text, "ticket")).toBe(false);
    const first = renderMarkdown(text, "ticket", { budgetMs: 0 });
    expect(first.plain).toBe(true);
    expect(first.html).toBe(plainTextHtml(text));
    expect(isAbandoned(text, "ticket")).toBe(true);
    // Remembered: plain at once, whatever the budget, in this process.
    expect(renderMarkdown(text, "ticket").plain).toBe(true);
    // The same text as an article is another render, not remembered.
    expect(renderMarkdown(text, "article").plain).toBe(false);
  });
});
