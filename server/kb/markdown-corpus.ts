/**
 * Pathological Markdown: the inputs that made the unbounded renderer run out of memory or hold the
 * event loop for seconds (issue #15), and the worst inputs of each shape that the limits still
 * accept. Used by the render-bounds test and its child process (scripts/markdown-bounds.ts).
 */
import { HIGHLIGHT_BUDGET_CHARS } from "./markdown";
import { MARKDOWN_LIMITS, markdownRefusal, type MarkdownKind } from "./markdown-limits";

/**
 * A render budget no input reaches, for measuring the corpus: the outcome (Markdown or plain text)
 * is the limits' alone and the time is the renderer's own (the bench and the bounds test use it).
 */
export const NO_RENDER_GUARD = { budgetMs: 60_000 } as const;

export type PathologicalInput = { name: string; markdown: string };

/** The most repetitions of `unit` (after `head`, before `tail`) that the limits of `kind` accept. */
export function fillToLimit(kind: MarkdownKind, unit: string, head = "", tail = ""): string {
  const build = (n: number) => head + unit.repeat(n) + tail;
  let lo = 0;
  let hi = Math.min(200_000, Math.ceil(MARKDOWN_LIMITS[kind].chars / unit.length));
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (markdownRefusal(build(mid), kind) === null) lo = mid;
    else hi = mid - 1;
  }
  return build(lo);
}

const nested = (open: string, middle: string, close: string, n: number) => open.repeat(n) + middle + close.repeat(n);

/** Texts far beyond the limits, as an attacker would send them: each must be refused, and shown as plain text. */
export const OVER_LIMIT_INPUTS: PathologicalInput[] = [
  { name: "20,000 >", markdown: ">".repeat(20_000) },
  { name: "'> ' x 10,000", markdown: "> ".repeat(10_000) + "x" },
  { name: "'1. ' x 6,000", markdown: "1. ".repeat(6_000) },
  { name: "lists nested 1,000 deep by indentation", markdown: nestedList(1_000) },
  { name: "quotes nested line by line to 200", markdown: lines(200, (i) => ">".repeat(i) + " x") },
  { name: "'*a' x 10,000", markdown: "*a".repeat(10_000) },
  { name: "'**a' x 6,666", markdown: "**a".repeat(6_666) },
  { name: "'*_' x 10,000", markdown: "*_".repeat(10_000) + "a" },
  { name: "'~~a' x 6,666", markdown: "~~a".repeat(6_666) },
  { name: "[ x 10,000", markdown: "[".repeat(10_000) },
  { name: "1,000 nested images", markdown: nested("![", "a", "](b)", 1_000) },
  { name: "5,000 nested brackets", markdown: nested("[", "a", "]", 5_000) },
  { name: "'[a](b) ' x 2,857", markdown: "[a](b) ".repeat(2_857) },
  { name: "4,997 footnote references", markdown: "[^a]".repeat(4_997) + "\n\n[^a]: x" },
  { name: "1,169 footnote definitions", markdown: lines(1_169, (i) => `[^${i}]: x [^${i}]`) },
  { name: "table of 98 x 98", markdown: table(98, 98) },
  {
    name: "table header of 2,856 columns",
    markdown: "|" + "a|".repeat(2_856) + "\n|" + "-|".repeat(2_856) + "\n" + "|x\n".repeat(2_856),
  },
  {
    name: "1-column table with 1,000-cell rows",
    markdown: "|a|\n|-|\n" + ("|" + "x|".repeat(1_000) + "\n").repeat(10),
  },
  { name: "5,000 setext headings", markdown: "a\n=\n".repeat(5_000) },
  { name: "4,000 headings", markdown: "## h\n".repeat(4_000) },
  { name: "6,666 paragraphs", markdown: "a\n\n".repeat(6_666) },
  { name: "5,000 list items", markdown: "- a\n".repeat(5_000) },
  { name: "2,500 task items", markdown: "- [ ] x\n".repeat(2_500) },
  { name: "5,000 nested code fences", markdown: "```\n".repeat(5_000) },
  { name: "2,858 fences in lists", markdown: lines(2_858, (i) => " ".repeat(Math.min(i, 3)) + "```") },
  { name: "a 20,000-character text over the ticket size", markdown: "a".repeat(20_001) },
  { name: "100,000 backslashes", markdown: "\\".repeat(100_000) },
  { name: "'&amp;' x 20,000", markdown: "&amp;".repeat(20_000) },
  { name: "'] ' x 10,000", markdown: "] ".repeat(10_000) },
  { name: "'<b>' x 4,001", markdown: "<b>".repeat(4_001) },
];

/** The worst inputs of each shape that the ticket limits accept: each must render as Markdown within the budget. */
export function atLimitInputs(kind: MarkdownKind): PathologicalInput[] {
  const fill = (unit: string, head = "", tail = "") => fillToLimit(kind, unit, head, tail);
  return [
    { name: "quotes nested to the limit, every line", markdown: fill(">".repeat(20) + "a\n") },
    { name: "'> ' nested to the limit, every line", markdown: fill("> ".repeat(20) + "a\n") },
    { name: "lists nested to the limit by indentation", markdown: fill(nestedList(20) + "\n") },
    { name: "ordered lists nested on one line", markdown: fill("1. ".repeat(20) + "a\n") },
    { name: "quoted lists nested on one line", markdown: fill("> - ".repeat(10) + "a\n") },
    { name: "lazy lines under a deep quote", markdown: fill("b\n", ">".repeat(20) + " a\n") },
    { name: "list items", markdown: fill("- a\n") },
    { name: "task items", markdown: fill("- [ ] x\n") },
    { name: "paragraphs", markdown: fill("a\n\n") },
    { name: "short lines", markdown: fill("a\n") },
    { name: "hard breaks", markdown: fill("a  \n") },
    { name: "blank lines", markdown: fill("\n") },
    { name: "'*a' emphasis runs", markdown: fill("*a") },
    { name: "'**a' strong runs", markdown: fill("**a") },
    { name: "one run of '**'", markdown: fill("**", "", "a") },
    { name: "'*_' mixed runs", markdown: fill("*_", "", "a") },
    { name: "'~~a' strikethrough runs", markdown: fill("~~a") },
    { name: "unicode punctuation runs", markdown: fill("*„") },
    { name: "emphasis in paragraphs", markdown: fill("*a* **b** _c_\n\n") },
    { name: "[ x many", markdown: fill("[") },
    { name: "nested brackets to the limit", markdown: fill(nested("[", "a", "]", 20) + " ") },
    { name: "nested images to the limit", markdown: fill(nested("![", "a", "](b)", 19) + "\n\n") },
    { name: "inline links", markdown: fill("[a](b) ") },
    { name: "unclosed link destinations", markdown: fill("[a](") },
    { name: "reference definitions and uses", markdown: fill("[r]\n", "[r]: https://example.com\n\n") },
    { name: "footnote references", markdown: fill("[^a]", "", "\n\n[^a]: x") },
    { name: "autolink literals", markdown: fill("https://a.example/x ") },
    { name: "www autolinks", markdown: fill("www.a.b ") },
    { name: "angle autolinks", markdown: fill("<http://a.b> ") },
    { name: "email autolinks", markdown: fill("a@b.co ") },
    { name: "ATX headings", markdown: fill("## h\n") },
    { name: "setext headings", markdown: fill("a\n=\n") },
    { name: "setext headings after many lines", markdown: fill("a\n=\n", "p\n".repeat(600) + "\n") },
    { name: "square table", markdown: tableToLimit(kind) },
    { name: "table rows", markdown: fill("|x|y|\n", "|a|b|\n|-|-|\n") },
    { name: "wide table rows under a narrow header", markdown: fill("|" + "x|".repeat(100) + "\n", "|a|\n|-|\n") },
    { name: "code fences", markdown: fill("```\n") },
    { name: "lines in one code block", markdown: fill("a\n", "```\n", "```\n") },
    { name: "highlighted code", markdown: fill("var a = 1; /* */ 'x' \n", "```js\n", "```\n") },
    { name: "long line of backticks", markdown: fill("`") },
    { name: "backtick runs of growing length", markdown: growingTicks(kind) },
    { name: "HTML-ish tags", markdown: fill("<div><a href=x onclick=y>") },
    { name: "HTML comments", markdown: fill("<!--") },
    { name: "character references", markdown: fill("&amp;&#123;") },
    { name: "escapes", markdown: fill("\\*") },
    { name: "backslashes", markdown: fill("\\") },
    { name: "escapes between words", markdown: fill("a\\*b ") },
    { name: "escapes in paragraphs", markdown: fill("\\*".repeat(50) + "\n\n") },
    { name: "named character references", markdown: fill("&amp;") },
    { name: "decimal character references", markdown: fill("&#123;") },
    { name: "hexadecimal character references", markdown: fill("&#x1F;") },
    { name: "character references between words", markdown: fill("a&lt;b ") },
    { name: "unknown character references", markdown: fill("&xyz;") },
    { name: "ampersands", markdown: fill("&") },
    { name: "angle brackets", markdown: fill("<") },
    { name: "inline HTML between words", markdown: fill("a <b> c ") },
    { name: "inline HTML in paragraphs", markdown: fill("a <b> c ".repeat(40) + "\n\n") },
    { name: "closing brackets", markdown: fill("]") },
    ...spread(kind, "]", "closing brackets"),
    ...spread(kind, "<b>", "inline HTML"),
    ...spread(kind, "\\*", "escapes"),
    ...spread(kind, "&amp;", "character references"),
    ...spread(kind, "[a](b)", "links"),
    { name: "closing brackets between words", markdown: fill("a ] b ") },
    { name: "closing brackets after a link", markdown: fill(" ]", "[a](b)") },
    { name: "exclamation marks", markdown: fill("!") },
    { name: "one-letter words", markdown: fill("a ") },
    { name: "lines of words in one paragraph", markdown: fill("ab cd ef gh ij kl mn op\n") },
    { name: "links in a long paragraph", markdown: fill("[a](b) " + "ab cd ".repeat(10)) },
    ...highlightedCode(kind),
    { name: "one long line", markdown: fill("a") },
    { name: "a thematic break of '- ' x many", markdown: fill("- ") },
    { name: "CJK text", markdown: fill("回声消除，") },
  ];
}

/**
 * The most `mark`s one paragraph may hold, spread evenly over the longest paragraph the kind
 * allows (every inline construct costs a pass over its paragraph), as one paragraph and as many.
 */
function spread(kind: MarkdownKind, mark: string, what: string): PathologicalInput[] {
  const { chars, paragraphMarkup } = MARKDOWN_LIMITS[kind];
  const filler = (n: number) => "ab cd ".repeat(Math.ceil(n / 6)).slice(0, n);
  const unit = mark + filler(Math.floor(chars / paragraphMarkup) - mark.length - 1) + " ";
  return [
    { name: `${what} spread over one long paragraph`, markdown: fillToLimit(kind, unit) },
    { name: `${what} spread over paragraphs`, markdown: fillToLimit(kind, unit.repeat(20) + "\n\n") },
  ];
}

/**
 * Fenced code up to the kind's highlight budget in the grammars that cost the most per character
 * (measured over every grammar highlight.js ships), and a block past it, which is shown unhighlighted.
 */
function highlightedCode(kind: MarkdownKind): PathologicalInput[] {
  const line = "x = 1 <a> {b} (c) d 'e' 'f' // h $i @j #k %l 0x1F\n";
  const code = (chars: number) => line.repeat(Math.ceil(chars / line.length)).slice(0, chars - 1) + "\n";
  const budget = HIGHLIGHT_BUDGET_CHARS[kind];
  return [
    ...["r", "css", "markdown", "yaml", "perl"].map((lang) => ({
      name: `highlighted ${lang} code at the highlight budget`,
      markdown: `\`\`\`${lang}\n${code(budget)}\`\`\`\n`,
    })),
    {
      name: "code blocks past the highlight budget",
      markdown: fillToLimit(kind, `\`\`\`r\n${code(budget / 2)}\`\`\`\n\n`),
    },
  ];
}

function lines(n: number, line: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => line(i)).join("\n");
}

/** A list nested `depth` levels by indentation, one item per level. */
function nestedList(depth: number): string {
  return lines(depth, (i) => "  ".repeat(i) + "- x");
}

function table(columns: number, rows: number): string {
  return (
    "|" + "a|".repeat(columns) + "\n|" + "-|".repeat(columns) + "\n" + ("|" + "b|".repeat(columns) + "\n").repeat(rows)
  );
}

/** The largest square table the limits accept. */
function tableToLimit(kind: MarkdownKind): string {
  let n = 1;
  while (markdownRefusal(table(n + 1, n + 1), kind) === null) n++;
  return table(n, n);
}

/** Backtick runs of lengths 1, 2, 3... none closed: each opening run looks ahead for its match. */
function growingTicks(kind: MarkdownKind): string {
  let n = 1;
  const build = (k: number) => Array.from({ length: k }, (_, i) => "`".repeat(i + 1) + "a").join(" ");
  while (markdownRefusal(build(n + 1), kind) === null && n < 10_000) n++;
  return build(n);
}
