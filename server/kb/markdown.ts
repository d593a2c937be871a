import { createHash } from "node:crypto";
import type { Element, Root } from "hast";
import type { Root as MdastRoot } from "mdast";
import { toString } from "hast-util-to-string";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { markdownRefusal, type MarkdownKind } from "./markdown-limits";

export type TocEntry = { id: string; text: string; depth: 2 | 3 };
/** `plain` when the text was shown as escaped plain text instead of Markdown (over a limit or over budget). */
export type RenderedMarkdown = { html: string; toc: TocEntry[]; plain: boolean };

/**
 * Every id in rendered user content starts with this, and in-page links (`#x`) are rewritten to
 * match, so that no heading (`## __next_f`, `## document`) can take an id the page's own markup
 * or scripts use: an element id is also a global variable in the browser.
 */
export const USER_CONTENT_PREFIX = "user-content-";

/**
 * The time one render of each kind is designed to stay within: the limits (markdown-limits.ts)
 * keep the worst input of every known shape under it, and server/kb/markdown-bounds.test.ts
 * checks that. A render that still ends a phase past twice its budget is abandoned for plain text.
 * Time is the smaller of the process's CPU time and wall time (see `spentSince`).
 */
export const RENDER_BUDGET_MS: Record<MarkdownKind, number> = { ticket: 250, article: 1_500 };

/**
 * The sanitizer runs on the untrusted tree, before the plugins that add trusted attributes: raw
 * HTML is never parsed (remark-rehype drops it), and GitHub's schema keeps only safe elements and
 * URL protocols, so `<script>`, `onerror=` and `javascript:` links cannot survive. Its own id
 * prefixing is off because rehype-slug adds heading ids afterwards; userContent prefixes them all.
 */
const schema = { ...defaultSchema, clobberPrefix: "" };

const prefixed = (id: string) => (id.startsWith(USER_CONTENT_PREFIX) ? id : USER_CONTENT_PREFIX + id);

/**
 * One walk over the trusted tree: every id (and the ARIA references to ids) gets the user-content
 * prefix and `href="#x"` follows it; external links never pass the portal as referrer or authority.
 */
function userContent() {
  return (tree: Root) => {
    const walk = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        const p = child.properties;
        if (typeof p.id === "string" && p.id) p.id = prefixed(p.id);
        for (const key of ["ariaDescribedBy", "ariaLabelledBy"] as const) {
          const refs = p[key];
          if (Array.isArray(refs)) p[key] = refs.map((r) => prefixed(String(r)));
        }
        if (child.tagName === "a" && typeof p.href === "string") {
          if (p.href.length > 1 && p.href.startsWith("#")) p.href = `#${prefixed(p.href.slice(1))}`;
          else if (/^https?:/i.test(p.href)) p.rel = ["noopener", "noreferrer", "nofollow"];
        }
        walk(child);
      }
    };
    walk(tree);
  };
}

/** The h2/h3 headings, with their (prefixed) ids, for an article's table of contents. */
function tableOfContents(tree: Root): TocEntry[] {
  const toc: TocEntry[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      if ((child.tagName === "h2" || child.tagName === "h3") && typeof child.properties.id === "string")
        toc.push({ id: child.properties.id, text: toString(child), depth: child.tagName === "h2" ? 2 : 3 });
      walk(child);
    }
  };
  walk(tree);
  return toc;
}

/**
 * Raw HTML in the Markdown (a tag typed into a ticket, `<video>` in a question) becomes the text
 * that was typed: shown escaped, as written, instead of silently vanishing (remark-rehype drops
 * raw HTML nodes). It is never parsed as HTML, so nothing in it can run.
 */
function rawHtmlAsText() {
  return (tree: MdastRoot) => {
    const walk = (node: { type: string; children?: unknown[] }) => {
      if (node.type === "html") node.type = "text";
      for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
    };
    walk(tree);
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(rawHtmlAsText)
  .use(remarkRehype, { allowDangerousHtml: false })
  .use(rehypeSanitize, schema)
  .use(rehypeSlug)
  .use(userContent)
  .use(rehypeHighlight, { detect: false })
  .use(rehypeStringify)
  .freeze();

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** The text itself, escaped, its line breaks and spacing kept (`.md-plain` is `white-space: pre-wrap`). */
export function plainTextHtml(text: string): string {
  return `<p class="md-plain">${text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)}</p>`;
}

const plain = (text: string): RenderedMarkdown => ({ html: plainTextHtml(text), toc: [], plain: true });

/**
 * Texts whose render was abandoned (past its budget, or the parser failed), by hash: they are
 * shown as plain text at once from then on, so one such text costs one render per process.
 */
const abandoned = new Set<string>();
const MAX_ABANDONED = 1_000;
const fingerprint = (kind: MarkdownKind, text: string) =>
  createHash("sha256").update(kind).update("\0").update(text).digest("base64");

function abandon(key: string, text: string): RenderedMarkdown {
  abandoned.add(key);
  if (abandoned.size > MAX_ABANDONED) abandoned.delete(abandoned.values().next().value!);
  return plain(text);
}

type Clock = { cpu: NodeJS.CpuUsage; wall: number };
const startClock = (): Clock => ({ cpu: process.cpuUsage(), wall: performance.now() });

/**
 * Milliseconds of work since `start`: the smaller of the process's CPU time (which a busy machine
 * does not inflate, but the garbage collector's helper threads add to) and wall time (which those
 * threads do not add to). Either bounds the main thread's own work from above, so the smaller does.
 */
export function spentSince(start: Clock): number {
  const cpu = process.cpuUsage(start.cpu);
  return Math.min((cpu.user + cpu.system) / 1000, performance.now() - start.wall);
}

/**
 * Renders Markdown (GFM tables, task lists, fenced code) to sanitized HTML with prefixed heading
 * ids and highlighted code, plus the h2/h3 table of contents. Bounded: a text over a limit of its
 * kind (stored before the limits existed) is shown as escaped plain text without being parsed,
 * and so is one whose render ends a phase (parse, transform) past twice the kind's budget.
 * Same input, same output, except that an abandoned text stays plain for the process's life.
 */
export function renderMarkdown(
  markdown: string,
  kind: MarkdownKind = "article",
  options: { budgetMs?: number } = {},
): RenderedMarkdown {
  if (markdownRefusal(markdown, kind)) return plain(markdown);
  const key = fingerprint(kind, markdown);
  if (abandoned.has(key)) return plain(markdown);
  const allowed = 2 * (options.budgetMs ?? RENDER_BUDGET_MS[kind]);
  const clock = startClock();
  try {
    const mdast = processor.parse(markdown);
    if (spentSince(clock) > allowed) return abandon(key, markdown);
    const hast = processor.runSync(mdast) as Root;
    if (spentSince(clock) > allowed) return abandon(key, markdown);
    return { html: processor.stringify(hast), toc: tableOfContents(hast), plain: false };
  } catch {
    // A parser failure (such as a too-deep recursion) on some unforeseen input: plain text, remembered.
    return abandon(key, markdown);
  }
}

/** Whether a text is remembered as abandoned (for tests). */
export const isAbandoned = (markdown: string, kind: MarkdownKind) => abandoned.has(fingerprint(kind, markdown));
