import { refuseIf } from "@/server/errors";
import { renderMarkdown, type RequestRenderBudget } from "@/server/kb/markdown";
import { markdownRefusal } from "@/server/kb/markdown-limits";

/**
 * Ticket Markdown (descriptions, comments, internal notes) rendered to sanitized HTML with the
 * ticket limits (server/kb/markdown-limits.ts), remembered per text. Rendering is pure and
 * comments never change once written, so the ticket page, which is read again after every action
 * on it, need not run the Markdown pipeline (up to the render budget for a text at the limits)
 * for the same text twice. Bounded: at most MAX_ENTRIES texts and MAX_CACHED_CHARS characters of
 * text and HTML together, least recently used out first. A ticket text's HTML is at most about
 * six times its 20,000 characters (an `&` becomes `&#x26;`; highlighting stops at 5,000
 * characters of code), so 4 million characters hold at least 28 texts at their worst, and about
 * 90 replies of 20,000 characters of code. Past that a page renders within its request's
 * render budget (docs/decisions/015-bounded-markdown.md), never all of it on every load.
 */
const MAX_ENTRIES = 2000;
const MAX_CACHED_CHARS = 4_000_000;
const cache = new Map<string, string>();
let cachedChars = 0;

export function renderTicketMarkdown(markdown: string, request: RequestRenderBudget): string {
  const hit = cache.get(markdown);
  if (hit !== undefined) {
    // Least recently used first out: re-insert so the Map's order tracks recency.
    cache.delete(markdown);
    cache.set(markdown, hit);
    return hit;
  }
  const { html, deferred } = renderMarkdown(markdown, "ticket", { request });
  // Plain text only because this request spent its render budget: a later load renders it.
  if (deferred) return html;
  const size = markdown.length + html.length;
  if (size > MAX_CACHED_CHARS / 10) return html;
  cache.set(markdown, html);
  cachedChars += size;
  while (cache.size > MAX_ENTRIES || cachedChars > MAX_CACHED_CHARS) {
    const [oldest, oldHtml] = cache.entries().next().value!;
    cache.delete(oldest);
    cachedChars -= oldest.length + oldHtml.length;
  }
  return html;
}

/**
 * The ticket forms' preview: exactly what the ticket page will show. A text over the ticket limits
 * is refused with what to fix, as filing or replying with it would be.
 */
export function previewTicketMarkdown(markdown: string, request: RequestRenderBudget): { html: string } {
  refuseIf(markdownRefusal(markdown, "ticket"));
  return { html: renderTicketMarkdown(markdown, request) };
}
