/**
 * HTML mail as Markdown (turndown), so it is stored and rendered like any ticket text: through the
 * bounded Markdown renderer and its sanitizer (decision 015). Scripts, styles, images (inline parts
 * arrive as attachments) and links other than http(s) and mailto are dropped; a mail client's quoted
 * history block is dropped before converting. Pure.
 */
import TurndownService from "turndown";

let service: TurndownService | null = null;

function turndown(): TurndownService {
  if (service) return service;
  const s = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-" });
  s.remove(["script", "style", "head", "title", "meta", "link", "iframe", "object", "embed", "form"]);
  // Rules added first win over turndown's own (an image, a blockquote): dropped, not converted.
  s.addRule("noImages", { filter: "img", replacement: () => "" });
  // Quoted history that clients mark (Gmail, Outlook, Apple Mail, Thunderbird): not the new text.
  s.addRule("noQuotedHistory", {
    replacement: () => "",
    filter: (node) => {
      const el = node as unknown as { getAttribute?: (n: string) => string | null; nodeName: string };
      const cls = el.getAttribute?.("class") ?? "";
      const id = el.getAttribute?.("id") ?? "";
      return (
        /\b(gmail_quote|gmail_extra|moz-cite-prefix|yahoo_quoted|OutlookMessageHeader)\b/.test(cls) ||
        /^(divRplyFwdMsg|appendonsend|mail-editor-reference-message-container)$/.test(id) ||
        (el.nodeName === "BLOCKQUOTE" && el.getAttribute?.("type") === "cite")
      );
    },
  });
  s.addRule("safeLinks", {
    filter: "a",
    replacement: (content, node) => {
      const href = (node as unknown as { getAttribute: (n: string) => string | null }).getAttribute("href") ?? "";
      const text = content.trim();
      if (!/^(https?:|mailto:)/i.test(href) || !text) return content;
      const target = href.replace(/[()\s]/g, (c) => encodeURIComponent(c));
      return text === href || `mailto:${text}` === href ? `<${href.replace(/^mailto:/i, "")}>` : `[${text}](${target})`;
    },
  });
  service = s;
  return s;
}

/** Markdown for an HTML mail body. */
export function htmlToMarkdown(html: string): string {
  return turndown()
    .turndown(html)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
