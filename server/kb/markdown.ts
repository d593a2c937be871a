import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

export type TocEntry = { id: string; text: string; depth: 2 | 3 };
export type RenderedMarkdown = { html: string; toc: TocEntry[] };

/**
 * The sanitizer runs on the untrusted tree, before the plugins that add trusted attributes: raw
 * HTML is never parsed (remark-rehype drops it), and GitHub's schema keeps only safe elements and
 * URL protocols, so `<script>`, `onerror=` and `javascript:` links cannot survive. Ids are not
 * prefixed because rehype-slug adds them afterwards from the heading text.
 */
const schema = { ...defaultSchema, clobberPrefix: "" };

function collectToc(toc: TocEntry[]) {
  return () => (tree: Root) => {
    const walk = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        if ((child.tagName === "h2" || child.tagName === "h3") && typeof child.properties.id === "string") {
          toc.push({ id: child.properties.id, text: toString(child), depth: child.tagName === "h2" ? 2 : 3 });
        }
        walk(child);
      }
    };
    walk(tree);
  };
}

/** External links open as ordinary links but never pass the portal as referrer or authority. */
function hardenLinks() {
  return (tree: Root) => {
    const walk = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        if (
          child.tagName === "a" &&
          typeof child.properties.href === "string" &&
          /^https?:/i.test(child.properties.href)
        ) {
          child.properties.rel = ["noopener", "noreferrer", "nofollow"];
        }
        walk(child);
      }
    };
    walk(tree);
  };
}

/**
 * Renders an article's Markdown (GFM tables, task lists, fenced code) to sanitized HTML with
 * linkable headings and highlighted code, plus the h2/h3 table of contents. Pure: same input,
 * same output.
 */
export function renderMarkdown(markdown: string): RenderedMarkdown {
  const toc: TocEntry[] = [];
  const html = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: false })
    .use(rehypeSanitize, schema)
    .use(rehypeSlug)
    .use(rehypeHighlight, { detect: false })
    .use(hardenLinks)
    .use(collectToc(toc))
    .use(rehypeStringify)
    .processSync(markdown);
  return { html: String(html), toc };
}
