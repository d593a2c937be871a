import { describe, expect, it } from "vitest";
import { DEMO_ARTICLES } from "@/db/seed/articles";
import { DESCRIPTION } from "@/db/seed/content";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";
import { MARKDOWN_LIMITS, markdownRefusal, measureMarkdown, type MarkdownMeasure } from "./markdown-limits";

const measure = (text: string, which: MarkdownMeasure) => measureMarkdown(text)[which];

describe("measureMarkdown", () => {
  it("counts lines ending in \\n, \\r\\n or \\r", () => {
    expect(measure("a", "lines")).toBe(1);
    expect(measure("a\nb\r\nc\rd\n", "lines")).toBe(5);
  });

  it("nesting: block quotes and list markers at the start of a line, and lists nested by indentation", () => {
    expect(measure(">>> a", "depth")).toBe(3);
    expect(measure("> > > a", "depth")).toBe(3);
    expect(measure("1. 1. 1. a", "depth")).toBe(3);
    expect(measure("> - > 2) * a", "depth")).toBe(5);
    // Each level of a list nested by indentation needs two more columns.
    expect(measure("- a\n  - b\n    - c\n      - d", "depth")).toBe(4);
    expect(measure("> - a\n>   - b", "depth")).toBe(3);
    // A tab is four columns.
    expect(measure("- a\n\t- b\n\t\t- c", "depth")).toBe(5);
    // Not containers: thematic breaks, text, emphasis, numbers without a marker's space.
    expect(measure("- - -\n* * *\n***\n*emphasis*\n3.14\n-1\n#1. x", "depth")).toBe(0);
    // A list item may hold a thematic break.
    expect(measure("- * * *", "depth")).toBe(1);
  });

  it("markers add up the nesting of every line, since every line re-enters every level", () => {
    expect(measure(">> a\n>> b\n>> c", "markers")).toBe(6);
    expect(measure("- a\n  - b", "markers")).toBe(3);
    // A lazy continuation line stays inside the levels its paragraph opened, until a blank line.
    expect(measure("- a\n  - b\ntext\n\ntext", "markers")).toBe(5);
    expect(measure(">>>>> deep\nlazy\nlazy", "markers")).toBe(15);
  });

  it("list items are list markers, including nested and task items", () => {
    expect(measure("- a\n- b\n  1. c\n- [ ] d\n+ e\n> * f", "listItems")).toBe(6);
    expect(measure("-not a list\n1.5 either", "listItems")).toBe(0);
  });

  it("headings: ATX and setext underlines under a line of text", () => {
    expect(measure("# a\n## b\n###### c\n####### not\n#not", "headings")).toBe(3);
    expect(measure("Title\n=====\n\nSub\n---\n\n---\n\n> q\n> ===", "headings")).toBe(3);
  });

  it("brackets, their nesting per paragraph, and links, images, footnotes and definitions", () => {
    expect(measure("[a](b) ![c](d) [e][f] [^1]", "links")).toBe(4);
    expect(measure("[a](b) [c]", "links")).toBe(1);
    // A shortcut reference `[c]` is a link once a definition exists (whose URL also looks like an autolink:
    // an upper bound).
    expect(measure("[a](b) [c]\n\n[c]: https://example.com", "links")).toBe(4);
    expect(measure("see https://a.example/x, www.b.example, ops@c.example and <https://d.example>", "links")).toBe(4);
    expect(measure("arr[i][j] = 1", "links")).toBe(1);
    expect(measure("[[[a]]] [b]", "bracketDepth")).toBe(3);
    expect(measure("[[[a]]] [b]", "brackets")).toBe(4);
    // Nesting restarts with each paragraph; escaped brackets do not count.
    expect(measure("[[a\n\n[b", "bracketDepth")).toBe(2);
    expect(measure("\\[\\[\\[a", "bracketDepth")).toBe(0);
  });

  it("emphasis counts delimiter runs that can open or close, per text and per paragraph", () => {
    expect(measure("*a* **b** _c_ ~~d~~", "emphasis")).toBe(8);
    // Intraword underscores (snake_case) cannot open or close; spaced stars neither.
    expect(measure("snake_case_name and a * b and a_b", "emphasis")).toBe(0);
    expect(measure("*a*\n\n*b* *c*", "paragraphEmphasis")).toBe(4);
    expect(measure("\\*not\\*", "emphasis")).toBe(0);
  });

  it("backtick runs per paragraph (an unclosed code span is looked for to the paragraph's end)", () => {
    expect(measure("`a` and ``b`` and ```", "paragraphCode")).toBe(5);
    expect(measure("`a`\n\n`b`", "paragraphCode")).toBe(2);
  });

  it("markup: brackets, closing brackets that close nothing, `<`, escapes and character references, per text and per paragraph", () => {
    // Each `[`, and a `]` only when no `[` of its paragraph is open.
    expect(measure("[a] [b](c) ]", "markup")).toBe(3);
    expect(measure("]]]", "markup")).toBe(3);
    expect(measure("[\n\n]", "markup")).toBe(2);
    // Every `<`: inline HTML, autolinks and lone ones alike.
    expect(measure("a <b> c </b> <https://x.example> 1 < 2", "markup")).toBe(4);
    // A backslash before punctuation or at a line's end (a hard break); not before a letter or digit.
    expect(measure("\\* \\\\ \\_ a\\\nb \\d \\1", "markup")).toBe(4);
    // Character references the parser would decode; a bare `&` or an unterminated one is text.
    expect(measure("&amp; &#123; &#x1F; &lt;", "markup")).toBe(4);
    expect(measure("AT&T & co &amp no", "markup")).toBe(0);
    // Per paragraph: counted anew after each blank line.
    expect(measure("<a> <b>\n\n<c>", "paragraphMarkup")).toBe(2);
    expect(measure("<a> <b>\n\n<c>", "markup")).toBe(3);
  });

  it("table cells: every row costs the header's columns or its own cells, whichever is more", () => {
    expect(measure("| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |", "tableCells")).toBe(8);
    // Rows are padded to the header.
    expect(measure("|a|b|c|\n|-|-|-|\n|x", "tableCells")).toBe(9);
    // Extra cells are still parsed.
    expect(measure("|a|\n|-|\n|1|2|3|4|", "tableCells")).toBe(6);
    // The table ends at a blank line; a lone `---` is no delimiter row.
    expect(measure("|a|\n|-|\n|1|\n\n|2|\n|3|", "tableCells")).toBe(3);
    expect(measure("a\n---\nb", "tableCells")).toBe(0);
  });
});

describe("markdownRefusal", () => {
  it("names the first limit exceeded, with the numbers to show the writer", () => {
    expect(markdownRefusal(`${"> ".repeat(40)}help`, "ticket")).toEqual({
      measure: "depth",
      message: "Quotes or lists are nested 40 levels deep; at most 20 are allowed.",
      messageKey: "markdown.limits.depth",
      values: { found: 40, max: 20 },
    });
    expect(markdownRefusal("- a\n".repeat(301), "ticket")).toMatchObject({
      messageKey: "markdown.limits.listItems",
      values: { found: 301, max: 300 },
    });
    expect(markdownRefusal("x".repeat(20_001), "ticket")).toMatchObject({
      messageKey: "markdown.limits.chars",
      values: { found: 20_001, max: 20_000 },
    });
    expect(markdownRefusal("Calls drop after **30 s** on [Android](https://docs.example.com).", "ticket")).toBeNull();
  });

  it("every limit's refusal reads as a sentence in both languages, with the numbers in it", () => {
    for (const measure of Object.keys(MARKDOWN_LIMITS.ticket)) {
      for (const messages of [en, zh]) {
        const sentence = (messages.markdown.limits as Record<string, string>)[measure];
        expect(sentence, measure).toMatch(/\{found, number\}.*\{max, number\}/);
      }
    }
  });

  it("names the markup limits: 100,000 backslashes in an article, 4,001 `<` in one paragraph of a ticket", () => {
    expect(markdownRefusal("\\".repeat(100_000), "article")).toMatchObject({
      messageKey: "markdown.limits.paragraphMarkup",
      values: { found: 50_000, max: 4_000 },
    });
    expect(markdownRefusal(`${"\\* ".repeat(10)}\n\n`.repeat(1_001), "article")).toMatchObject({
      messageKey: "markdown.limits.markup",
      values: { found: 10_010, max: 10_000 },
    });
    expect(markdownRefusal("<b>".repeat(4_001), "ticket")).toMatchObject({
      message:
        "A paragraph has 4001 square brackets, angle brackets (<), backslash escapes or character references; at most 4000 are allowed in one paragraph.",
      values: { found: 4_001, max: 4_000 },
    });
  });

  it("accepts what people paste into a ticket: 17 KB of XML, 20 KB of a bracketed log, in a code block", () => {
    const xml = Array.from({ length: 300 }, (_, i) => `  <item id="${i}"><name>n${i}</name><value>${i}</value></item>`);
    expect(
      markdownRefusal("Config:\n\n```xml\n<config>\n" + xml.join("\n") + "\n</config>\n```\n", "ticket"),
    ).toBeNull();
    const log = Array.from(
      { length: 400 },
      (_, i) => `[10:00:${String(i % 60).padStart(2, "0")}] onJoinChannelSuccess <uid=${i}>`,
    );
    expect(markdownRefusal("```\n" + log.join("\n") + "\n```\n", "ticket")).toBeNull();
  });

  it("each kind has its own limits: an article may be five times a ticket", () => {
    const text = "- item\n".repeat(1_000);
    expect(markdownRefusal(text, "ticket")?.measure).toBe("lines");
    expect(markdownRefusal(text, "article")).toBeNull();
  });

  it("every demo article is within a tenth of every article limit (room for real documents)", () => {
    for (const a of DEMO_ARTICLES) {
      const m = measureMarkdown(a.body);
      for (const [k, v] of Object.entries(m)) {
        expect(v, `${a.slug}/${a.locale} ${k}`).toBeLessThanOrEqual(MARKDOWN_LIMITS.article[k as MarkdownMeasure] / 10);
      }
      expect(markdownRefusal(a.body, "article")).toBeNull();
    }
  });

  it("the seeds' ticket descriptions (demo and scale) are within the ticket limits", () => {
    expect(
      markdownRefusal(DESCRIPTION("Remote video freezes for all viewers", "Android", "4.5.2"), "ticket"),
    ).toBeNull();
  });

  it("a realistic ticket with a pasted log, a stack trace and code is within the ticket limits", () => {
    const log = Array.from(
      { length: 150 },
      (_, i) =>
        `2026-07-01 10:${String(i % 60).padStart(2, "0")}:00.123 W/RtcEngine( 4242): [conn_${i}] rtt=${i * 3} ms, lost=${i % 7}%`,
    ).join("\n");
    const ticket = [
      "## What happens",
      "",
      "After **30 s** the call drops on *some* Android devices (see [the guide](https://docs.example.com/x)).",
      "",
      "1. Join channel `room_42`",
      "2. Switch from Wi-Fi to 5G",
      "   - observed on Pixel 7",
      "   - not on iPhone 15",
      "",
      "> Our QA said: it started with 4.5.1",
      "",
      "```",
      log,
      "```",
      "",
      "```kotlin",
      'engine.joinChannel(token, "room_42", 0, options) // returns -17 (ERR_JOIN_CHANNEL_REJECTED)',
      "val list = arrayOf(arrayOf(1, 2), arrayOf(3, 4))[0][1] * factor_of_safety",
      "```",
      "",
      "| device | result |",
      "| --- | --- |",
      "| Pixel 7 | drops |",
      "| iPhone 15 | fine |",
    ].join("\n");
    expect(ticket.length).toBeGreaterThan(10_000);
    expect(markdownRefusal(ticket, "ticket")).toBeNull();
  });
});
