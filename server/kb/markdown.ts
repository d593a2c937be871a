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
/**
 * `plain` when the text was shown as escaped plain text instead of Markdown (over a limit or over
 * budget); `deferred` when only because its request had spent its render budget
 * (REQUEST_RENDER_BUDGET_MS): such a result is not to be cached, since a later request renders it.
 */
export type RenderedMarkdown = { html: string; toc: TocEntry[]; plain: boolean; deferred: boolean };

/**
 * Every id in rendered user content starts with this, and in-page links (`#x`) are rewritten to
 * match, so that no heading (`## __next_f`, `## document`) can take an id the page's own markup
 * or scripts use: an element id is also a global variable in the browser.
 */
export const USER_CONTENT_PREFIX = "user-content-";

/**
 * The time one render of each kind is designed to stay within: the limits (markdown-limits.ts)
 * keep the worst input of every known shape under it (the corpus, server/kb/markdown-corpus.ts;
 * scripts/bench/micro.ts times its slowest against this). A render that still ends a phase past
 * one and a half times its budget (375 and 900 ms, under the one-second bar) is abandoned for
 * plain text. Time is the smaller of the process's CPU time and wall time (see `spentSince`).
 */
export const RENDER_BUDGET_MS: Record<MarkdownKind, number> = { ticket: 250, article: 600 };

/** How far past its budget a render may end a phase before it is abandoned. */
const ABANDON_AFTER_BUDGET = 1.5;

/**
 * The characters of fenced code one text may have highlighted, per kind. Highlighting costs about
 * 1.5-4 microseconds a character and multiplies the code's HTML up to 18 times (a span per token),
 * so past this budget code blocks are shown as they are, escaped, in plain `<pre><code>`. Blocks
 * are highlighted in the text's order while they fit; a demo article has at most 2,629 characters
 * of code.
 */
export const HIGHLIGHT_BUDGET_CHARS: Record<MarkdownKind, number> = { ticket: 5_000, article: 20_000 };

/**
 * The render time one request may spend on all its texts (a batch of previews, a ticket page with
 * many comments): a render starts only while the request's renders so far plus the whole budget of
 * the text's kind fit in it, so, with every known shape within its kind's budget, no request
 * renders for longer than this. Texts past it are shown as plain text for this request only.
 */
export const REQUEST_RENDER_BUDGET_MS = 800;

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

/** One highlighter (highlight.js grammars compile once per instance) for every kind's pipeline. */
const highlight = rehypeHighlight({ detect: false });

/** Whether an element is the `<code>` of a fenced block with a language (the sanitizer keeps only `language-*`). */
function hasLanguage(code: Element): boolean {
  const classes = code.properties.className;
  return Array.isArray(classes) && classes.some((c) => String(c).startsWith("language-"));
}

/**
 * Highlights the fenced code blocks that have a language, in the text's order, while their code
 * adds up to at most `budgetChars` characters; a block that does not fit stays plain `<pre><code>`
 * (its text escaped by the stringifier like any other), and a later, smaller one may still fit.
 */
function boundedHighlight(options: { budgetChars: number }) {
  return (tree: Root, file: Parameters<typeof highlight>[1]) => {
    let left = options.budgetChars;
    const blocks: Element[] = [];
    const walk = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        const code = child.tagName === "pre" ? child.children.find((c) => c.type === "element") : undefined;
        if (code?.tagName === "code" && hasLanguage(code)) {
          const chars = toString(code).length;
          if (chars <= left) {
            left -= chars;
            blocks.push(child);
          }
        } else walk(child);
      }
    };
    walk(tree);
    // rehype-highlight rewrites each block's <code> in place; handing it only the blocks that fit.
    if (blocks.length > 0) highlight({ type: "root", children: blocks }, file);
  };
}

const pipeline = (kind: MarkdownKind) =>
  unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(rawHtmlAsText)
    .use(remarkRehype, { allowDangerousHtml: false })
    .use(rehypeSanitize, schema)
    .use(rehypeSlug)
    .use(userContent)
    .use(boundedHighlight, { budgetChars: HIGHLIGHT_BUDGET_CHARS[kind] })
    .use(rehypeStringify)
    .freeze();

const processors: Record<MarkdownKind, ReturnType<typeof pipeline>> = {
  ticket: pipeline("ticket"),
  article: pipeline("article"),
};

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** The text itself, escaped, its line breaks and spacing kept (`.md-plain` is `white-space: pre-wrap`). */
export function plainTextHtml(text: string): string {
  return `<p class="md-plain">${text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)}</p>`;
}

const plain = (text: string, deferred = false): RenderedMarkdown => ({
  html: plainTextHtml(text),
  toc: [],
  plain: true,
  deferred,
});

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

/** Starts timing one render: the function returned gives the milliseconds of work since. */
export type Stopwatch = () => () => number;

/** The renderer's stopwatch: work as `spentSince` counts it. */
const workStopwatch: Stopwatch = () => {
  const clock = startClock();
  return () => spentSince(clock);
};

/**
 * The render time one request has spent, against its budget (REQUEST_RENDER_BUDGET_MS). One per
 * request, made with its tRPC context, so the calls of an HTTP batch and the reads of a server-side
 * page share it. The stopwatch times every render counted against it (tests pass one that
 * charges a fixed time per render, so what renders and what is deferred does not depend on the machine).
 */
export type RequestRenderBudget = { readonly ms: number; spentMs: number; readonly stopwatch: Stopwatch };

export function requestRenderBudget(
  ms = REQUEST_RENDER_BUDGET_MS,
  stopwatch: Stopwatch = workStopwatch,
): RequestRenderBudget {
  return { ms, spentMs: 0, stopwatch };
}

/**
 * Renders Markdown (GFM tables, task lists, fenced code) to sanitized HTML with prefixed heading
 * ids and code highlighted up to HIGHLIGHT_BUDGET_CHARS, plus the h2/h3 table of contents.
 * Bounded: a text over a limit of its kind (stored before the limits existed) is shown as escaped
 * plain text without being parsed, and so is one whose render ends a phase (parse, transform) past
 * one and a half times the kind's budget. Given its `request`'s budget, a text is rendered only while the
 * request's renders so far plus the kind's whole budget fit in it, and otherwise shown as plain
 * text (`deferred`). Same input, same output, except that an abandoned text stays plain for the
 * process's life and a deferred one is plain for its request.
 */
export function renderMarkdown(
  markdown: string,
  kind: MarkdownKind = "article",
  options: { budgetMs?: number; request?: RequestRenderBudget } = {},
): RenderedMarkdown {
  if (markdownRefusal(markdown, kind)) return plain(markdown);
  const key = fingerprint(kind, markdown);
  if (abandoned.has(key)) return plain(markdown);
  const { request } = options;
  const budgetMs = options.budgetMs ?? RENDER_BUDGET_MS[kind];
  if (request && request.spentMs + budgetMs > request.ms) return plain(markdown, true);
  const allowed = ABANDON_AFTER_BUDGET * budgetMs;
  const processor = processors[kind];
  const spent = (request?.stopwatch ?? workStopwatch)();
  try {
    const mdast = processor.parse(markdown);
    if (spent() > allowed) return abandon(key, markdown);
    const hast = processor.runSync(mdast) as Root;
    if (spent() > allowed) return abandon(key, markdown);
    return { html: processor.stringify(hast), toc: tableOfContents(hast), plain: false, deferred: false };
  } catch {
    // A parser failure (such as a too-deep recursion) on some unforeseen input: plain text, remembered.
    return abandon(key, markdown);
  } finally {
    if (request) request.spentMs += spent();
  }
}

/** Whether a text is remembered as abandoned (for tests). */
export const isAbandoned = (markdown: string, kind: MarkdownKind) => abandoned.has(fingerprint(kind, markdown));
