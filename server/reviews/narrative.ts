import { renderMarkdown } from "@/server/kb/markdown";

/**
 * A review's narrative as the customer reads it: the account manager writes Markdown (headings,
 * lists, links), rendered by the one sanitizing pipeline with the ticket limits, so a link cannot
 * run script and typed HTML shows as text. Over the limits it is escaped plain text.
 */
export function narrativeHtml(markdown: string): string {
  return renderMarkdown(markdown, "ticket").html;
}
