import { renderMarkdown } from "@/server/kb/markdown";

/**
 * Ticket Markdown (descriptions, comments) rendered to sanitized HTML, remembered per text.
 * Rendering is pure and comments never change once written, so the ticket page, which is read
 * again after every action on it, need not run the Markdown pipeline (several ms per text) for
 * the same text twice. Bounded: at most MAX_ENTRIES texts of at most MAX_CACHED_LENGTH characters.
 */
const MAX_ENTRIES = 2000;
const MAX_CACHED_LENGTH = 4000;
const cache = new Map<string, string>();

export function renderTicketMarkdown(markdown: string): string {
  if (markdown.length > MAX_CACHED_LENGTH) return renderMarkdown(markdown).html;
  const hit = cache.get(markdown);
  if (hit !== undefined) {
    // Least recently used first out: re-insert so the Map's order tracks recency.
    cache.delete(markdown);
    cache.set(markdown, hit);
    return hit;
  }
  const html = renderMarkdown(markdown).html;
  cache.set(markdown, html);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return html;
}
