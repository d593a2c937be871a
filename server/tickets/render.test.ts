import { describe, expect, it } from "vitest";
import { renderMarkdown, requestRenderBudget } from "@/server/kb/markdown";
import { renderTicketMarkdown as renderWithBudget } from "./render";

/** A render with a request budget of its own, as a request with nothing else to render. */
const renderTicketMarkdown = (markdown: string) => renderWithBudget(markdown, requestRenderBudget());

describe("ticket Markdown rendering", () => {
  it("gives exactly the sanitized HTML of the Markdown pipeline, the first time and when remembered", () => {
    const md = "**Calls drop** after `30 s` <script>alert(1)</script> [docs](javascript:alert(1))";
    const expected = renderMarkdown(md, "ticket").html;
    expect(renderTicketMarkdown(md)).toBe(expected);
    expect(renderTicketMarkdown(md)).toBe(expected);
    expect(expected).toContain("<strong>Calls drop</strong>");
    expect(expected).not.toContain("<script");
    expect(expected).not.toContain("javascript:");
  });

  it("renders long texts with the same result, the first time and when remembered", () => {
    const md = `${"word ".repeat(3900)}**end**`;
    expect(renderTicketMarkdown(md)).toBe(renderMarkdown(md, "ticket").html);
    expect(renderTicketMarkdown(md)).toBe(renderMarkdown(md, "ticket").html);
  });

  it("uses the ticket limits: a text over them is shown as escaped plain text", () => {
    const md = "1. ".repeat(6000);
    expect(renderTicketMarkdown(md)).toBe(`<p class="md-plain">${md}</p>`);
  });

  it("shows HTML typed into a ticket as the text the customer typed, escaped, never dropped", () => {
    const html = renderTicketMarkdown(
      'The player renders <video autoplay muted> and then <div class="x">nothing</div>.',
    );
    expect(html).toContain("&#x3C;video autoplay muted>");
    expect(html).toContain('&#x3C;div class="x">nothing&#x3C;/div>');
    expect(html).not.toContain("<video");
    expect(html).not.toContain("<div");
    // A block of HTML keeps its text too, and a script never runs.
    const block = renderTicketMarkdown("<script>alert(1)</script>\n\nafter");
    expect(block).toContain("&#x3C;script>alert(1)&#x3C;/script>");
    expect(block).not.toContain("<script");
  });
});
