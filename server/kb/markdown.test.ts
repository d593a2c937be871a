import { describe, expect, it } from "vitest";
import {
  HIGHLIGHT_BUDGET_CHARS,
  REQUEST_RENDER_BUDGET_MS,
  RENDER_BUDGET_MS,
  isAbandoned,
  plainTextHtml,
  renderMarkdown,
  requestRenderBudget,
  type Stopwatch,
} from "./markdown";

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

describe("renderMarkdown's highlight budget", () => {
  const code = (chars: number, tag: string) => {
    const line = `${tag} = 1 // x\n`;
    return line.repeat(Math.ceil(chars / line.length)).slice(0, chars - 1) + "\n";
  };
  const block = (lang: string, body: string) => `\`\`\`${lang}\n${body}\`\`\`\n\n`;

  it("highlights code blocks in order while their code fits the kind's budget; a block past it is plain, escaped <pre><code>", () => {
    const budget = HIGHLIGHT_BUDGET_CHARS.ticket;
    const first = code(budget - 1_000, "first");
    const big = code(2_000, "big") + "<b>&</b>\n";
    const small = code(900, "small");
    const { html } = renderMarkdown(block("js", first) + block("js", big) + block("js", small), "ticket");
    const blocks = html.split("<pre>").slice(1);
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toContain('<code class="hljs language-js">');
    // The second does not fit what is left: plain, its text escaped, its language kept.
    expect(blocks[1]).toMatch(/^<code class="language-js">big = 1 \/\/ x\n/);
    expect(blocks[1]).not.toContain("hljs");
    expect(blocks[1]).toContain("&#x3C;b>&#x26;&#x3C;/b>");
    // A later, smaller block still fits.
    expect(blocks[2]).toContain('<code class="hljs language-js">');
  });

  it("articles may highlight more code than tickets; code without a language is never highlighted", () => {
    const text = block("js", code(HIGHLIGHT_BUDGET_CHARS.ticket + 100, "a")) + block("", code(50, "b"));
    expect(renderMarkdown(text, "ticket").html).not.toContain("hljs");
    const article = renderMarkdown(text, "article").html;
    expect(article).toContain('<code class="hljs language-js">');
    expect(article).toContain("<pre><code>b = 1");
  });
});

describe("renderMarkdown within a request's render budget", () => {
  /** Every render costs `ms`, whatever it renders: what renders depends on the counts alone. */
  const charging =
    (ms: number): Stopwatch =>
    () =>
    () =>
      ms;

  it("renders while the request's renders so far plus the kind's whole budget fit; the rest is plain text, deferred", () => {
    const request = requestRenderBudget(REQUEST_RENDER_BUDGET_MS, charging(100));
    const texts = Array.from({ length: 8 }, (_, i) => `## Part ${i}\n\n*deferred-test-${i}*`);
    const results = texts.map((t) => renderMarkdown(t, "ticket", { request }));
    // 100 ms each: renders start at 0, 100, ..., 500 ms spent (500 + 250 <= 800), not at 600.
    const rendered = Math.floor((REQUEST_RENDER_BUDGET_MS - RENDER_BUDGET_MS.ticket) / 100) + 1;
    expect(results.map((r) => r.deferred)).toEqual(texts.map((_, i) => i >= rendered));
    expect(request.spentMs).toBe(rendered * 100);
    expect(results[0]).toMatchObject({ plain: false, deferred: false });
    expect(results[0]!.toc).toEqual([{ id: "user-content-part-0", text: "Part 0", depth: 2 }]);
    expect(results.at(-1)).toEqual({ html: plainTextHtml(texts.at(-1)!), toc: [], plain: true, deferred: true });
    // Not remembered: a later request renders it.
    expect(isAbandoned(texts.at(-1)!, "ticket")).toBe(false);
    expect(renderMarkdown(texts.at(-1)!, "ticket", { request: requestRenderBudget() }).plain).toBe(false);
  });

  it("an article render needs room for the article budget: after one article, a second waits for another request", () => {
    const request = requestRenderBudget(REQUEST_RENDER_BUDGET_MS, charging(250));
    expect(renderMarkdown("# one", "article", { request }).deferred).toBe(false);
    expect(renderMarkdown("# two", "article", { request }).deferred).toBe(true);
    // A ticket text still fits: 250 + 250 <= 800.
    expect(renderMarkdown("three", "ticket", { request }).deferred).toBe(false);
  });

  it("texts over the limits or remembered as abandoned cost the request nothing", () => {
    const request = requestRenderBudget(REQUEST_RENDER_BUDGET_MS, charging(100));
    expect(renderMarkdown("> ".repeat(30) + "x", "ticket", { request })).toMatchObject({
      plain: true,
      deferred: false,
    });
    expect(request.spentMs).toBe(0);
  });
});
