/**
 * Cross-site scripting payloads for the sanitizer and the browser test (e2e/security.spec.ts).
 * Every payload that could run calls `alert('xss-<name>')`, so a dialog names what got through.
 */
export const XSS_PAYLOADS: { name: string; markdown: string }[] = [
  { name: "script", markdown: "<script>alert('xss-script')</script>" },
  { name: "img-onerror", markdown: `<img src=x onerror="alert('xss-img-onerror')">` },
  { name: "svg-onload", markdown: "<svg onload=alert('xss-svg-onload')><circle r=1 /></svg>" },
  { name: "iframe", markdown: `<iframe src="javascript:alert('xss-iframe')"></iframe>` },
  { name: "iframe-srcdoc", markdown: `<iframe srcdoc="<script>alert('xss-srcdoc')</script>"></iframe>` },
  { name: "md-link", markdown: "[click me](javascript:alert('xss-md-link'))" },
  { name: "md-link-entity", markdown: "[click me too](jav&#x09;ascript:alert('xss-md-link-entity'))" },
  { name: "md-data-link", markdown: "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzLWRhdGEnKTwvc2NyaXB0Pg==)" },
  { name: "md-image-onerror", markdown: `![x](x" onerror="alert('xss-md-image'))` },
  { name: "a-href", markdown: `<a href="javascript:alert('xss-a-href')">a link</a>` },
  { name: "details-ontoggle", markdown: "<details open ontoggle=alert('xss-details')><summary>s</summary></details>" },
  { name: "body-onload", markdown: "<body onload=alert('xss-body')>" },
  { name: "math-mxss", markdown: "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss-math')>" },
  { name: "object", markdown: `<object data="javascript:alert('xss-object')"></object>` },
  { name: "embed", markdown: `<embed src="javascript:alert('xss-embed')">` },
  { name: "form", markdown: `<form action="javascript:alert('xss-form')"><button>go</button></form>` },
  { name: "input-autofocus", markdown: "<input autofocus onfocus=alert('xss-autofocus')>" },
  { name: "video-source", markdown: "<video><source onerror=alert('xss-video')></video>" },
  { name: "meta-refresh", markdown: `<meta http-equiv="refresh" content="0;url=javascript:alert('xss-meta')">` },
  { name: "base", markdown: `<base href="https://evil.example/">` },
  { name: "style-attr", markdown: `<div style="background:url(javascript:alert('xss-style'))">styled</div>` },
  {
    name: "noscript",
    markdown: `<noscript><p title="</noscript><img src=x onerror=alert('xss-noscript')>"></noscript>`,
  },
  { name: "clobber", markdown: `<a id="__next_f" name="location">clobber</a><form id="document"></form>` },
  { name: "clobber-heading", markdown: "## __next_f\n\n## document\n\n### location\n\n[top](#__next_f)" },
  { name: "html-entity-tag", markdown: "&lt;img src=x onerror=alert('xss-entity-tag')&gt;" },
  { name: "code-span", markdown: "`<script>alert('xss-code')</script>`" },
  { name: "reference-link", markdown: "[ref][evil]\n\n[evil]: javascript:alert('xss-reference')" },
  { name: "autolink", markdown: "<javascript:alert('xss-autolink')>" },
];

/** All payloads in one Markdown document, separated so each is parsed on its own. */
export const XSS_DOCUMENT = XSS_PAYLOADS.map((p) => `Payload ${p.name}:\n\n${p.markdown}`).join("\n\n");

const FORBIDDEN_TAGS = new Set([
  "script",
  "iframe",
  "object",
  "embed",
  "form",
  "base",
  "meta",
  "style",
  "svg",
  "math",
  "link",
  "input",
  "button",
  "video",
  "audio",
  "source",
  "body",
  "frame",
  "frameset",
  "noscript",
  "template",
]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "background", "poster"]);

/**
 * The unsafe parts of rendered HTML: forbidden elements, event handler or style attributes, URLs
 * with a script or HTML-document scheme, and ids or names without the user-content prefix (which
 * could clobber a global such as `__next_f` or `document`). Only real tags count: escaped text such
 * as `&#x3C;img onerror=...>` is shown to the reader as text and is harmless.
 */
export function unsafeMarkup(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.matchAll(
    /<([a-zA-Z][\w:-]*)((?:\s+[^\s=>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g,
  )) {
    const name = tag[1]!.toLowerCase();
    if (FORBIDDEN_TAGS.has(name)) found.push(`<${name}>`);
    for (const attr of tag[2]!.matchAll(/([^\s=>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const key = attr[1]!.toLowerCase();
      const value = (attr[2] ?? "").replace(/^["']|["']$/g, "");
      if (key.startsWith("on") || key === "style" || key === "srcdoc") found.push(`<${name} ${key}>`);
      if ((key === "id" || key === "name") && !value.startsWith("user-content-"))
        found.push(`<${name} ${key}=${value}>`);
      const decoded = value
        .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
        .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)));
      if (URL_ATTRIBUTES.has(key) && /^(javascript|vbscript|data):/i.test(decoded.replace(/[\u0000-\u0020]/g, "")))
        found.push(`<${name} ${key}=${value}>`);
    }
  }
  return found;
}
