/**
 * What a Markdown text may contain before the parser sees it (docs/decisions/015-bounded-markdown.md).
 *
 * The Markdown parser (micromark) spends about 0.1-0.2 ms on each block, list item, link, heading or
 * table row, some 10-40 microseconds on each escape, character reference or inline tag, and some
 * constructs cost more than their length: nested quotes and lists (every line re-opens every level),
 * nested images, setext headings (each looks back over the whole text), table rows (padded to the
 * header's columns) and every inline construct in a long paragraph (each costs a pass over the
 * paragraph's tokens). One linear pass here measures each of those with an
 * upper bound, so that a text within the limits parses in bounded time and memory; a text over a
 * limit is refused when written and shown as plain text when it was stored before the limits.
 * Pure: no database, no clock; importable by client components.
 */

/** The kinds of Markdown text: ticket descriptions, replies and notes; knowledge base articles. */
export type MarkdownKind = "ticket" | "article";

export type MarkdownMeasure =
  | "chars"
  | "lines"
  | "depth"
  | "markers"
  | "bracketDepth"
  | "brackets"
  | "links"
  | "listItems"
  | "headings"
  | "tableCells"
  | "emphasis"
  | "paragraphEmphasis"
  | "paragraphCode"
  | "markup"
  | "paragraphMarkup";

export type MarkdownMeasures = Record<MarkdownMeasure, number>;

/**
 * The limits per kind. Each keeps the worst input of its shape within the kind's render budget
 * (server/kb/markdown-bounds.test.ts renders them); real documents stay far below them (the ~150
 * demo articles use at most a tenth of any article limit, see markdown-limits.test.ts). Article
 * limits are five times the ticket limits, as is their size, except where five times would cost
 * more than the article budget: lines, table cells and markup (brackets, `<`, escapes and
 * references), in all and per paragraph. A ticket's markup limit admits what people paste in a code
 * block (the measuring pass does not see code): 17 KB of XML, a 400-line bracketed log.
 */
export const MARKDOWN_LIMITS: Record<MarkdownKind, MarkdownMeasures> = {
  ticket: {
    chars: 20_000,
    lines: 1_000,
    depth: 20,
    markers: 2_000,
    bracketDepth: 20,
    brackets: 1_000,
    links: 300,
    listItems: 300,
    headings: 100,
    tableCells: 1_000,
    emphasis: 1_000,
    paragraphEmphasis: 500,
    paragraphCode: 250,
    markup: 4_000,
    paragraphMarkup: 4_000,
  },
  article: {
    chars: 100_000,
    lines: 2_500,
    depth: 20,
    markers: 10_000,
    bracketDepth: 20,
    brackets: 5_000,
    links: 1_500,
    listItems: 1_500,
    headings: 500,
    tableCells: 4_000,
    emphasis: 5_000,
    paragraphEmphasis: 500,
    paragraphCode: 250,
    markup: 10_000,
    paragraphMarkup: 4_000,
  },
};

/** The order in which limits are checked (the first one exceeded is reported). */
const MEASURES: readonly MarkdownMeasure[] = [
  "chars",
  "lines",
  "depth",
  "markers",
  "bracketDepth",
  "brackets",
  "links",
  "listItems",
  "headings",
  "tableCells",
  "paragraphEmphasis",
  "emphasis",
  "paragraphCode",
  "paragraphMarkup",
  "markup",
];

const SENTENCES: Record<MarkdownMeasure, (found: number, max: number) => string> = {
  chars: (f, m) => `The text has ${f} characters; at most ${m} are allowed.`,
  lines: (f, m) => `The text has ${f} lines; at most ${m} are allowed.`,
  depth: (f, m) => `Quotes or lists are nested ${f} levels deep; at most ${m} are allowed.`,
  markers: (f, m) => `The text has ${f} quote and list markers; at most ${m} are allowed.`,
  bracketDepth: (f, m) => `Square brackets are nested ${f} levels deep; at most ${m} are allowed.`,
  brackets: (f, m) => `The text has ${f} square brackets; at most ${m} are allowed.`,
  links: (f, m) => `The text has ${f} links, images or footnotes; at most ${m} are allowed.`,
  listItems: (f, m) => `The text has ${f} list items; at most ${m} are allowed.`,
  headings: (f, m) => `The text has ${f} headings; at most ${m} are allowed.`,
  tableCells: (f, m) => `Its tables have ${f} cells; at most ${m} are allowed.`,
  paragraphEmphasis: (f, m) =>
    `A paragraph has ${f} emphasis marks (*, _ or ~); at most ${m} are allowed in one paragraph.`,
  emphasis: (f, m) => `The text has ${f} emphasis marks (*, _ or ~); at most ${m} are allowed.`,
  paragraphCode: (f, m) => `A paragraph has ${f} runs of backticks (\`); at most ${m} are allowed in one paragraph.`,
  paragraphMarkup: (f, m) =>
    `A paragraph has ${f} square brackets, angle brackets (<), backslash escapes or character references; at most ${m} are allowed in one paragraph.`,
  markup: (f, m) =>
    `The text has ${f} square brackets, angle brackets (<), backslash escapes or character references; at most ${m} are allowed.`,
};

/** Why a text cannot be rendered as Markdown: the English sentence, its i18n key and the numbers in it. */
export type MarkdownRefusal = {
  measure: MarkdownMeasure;
  message: string;
  messageKey: string;
  values: { found: number; max: number };
};

/** The first limit of `kind` the text exceeds, as a sentence that says what to fix, or null. */
export function markdownRefusal(text: string, kind: MarkdownKind): MarkdownRefusal | null {
  const limits = MARKDOWN_LIMITS[kind];
  // Measuring is linear, but no need to walk a text that is already too long or has too many lines.
  const lines = text.length > limits.chars ? 0 : countLines(text);
  const measured = text.length > limits.chars || lines > limits.lines ? null : measureMarkdown(text);
  for (const measure of MEASURES) {
    const found = measure === "chars" ? text.length : measure === "lines" ? lines : (measured?.[measure] ?? 0);
    const max = limits[measure];
    if (found > max)
      return {
        measure,
        message: SENTENCES[measure](found, max),
        messageKey: `markdown.limits.${measure}`,
        values: { found, max },
      };
  }
  return null;
}

/** Lines end at `\n`, `\r\n` or `\r`. */
function countLines(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) n++;
  }
  return n;
}

/** Whether the text is within every limit of its kind. */
export const withinMarkdownLimits = (text: string, kind: MarkdownKind): boolean => markdownRefusal(text, kind) === null;

const SPACE = 0x20;
const TAB = 0x09;

/** A list marker ends at a space, a tab or the end of the line. */
function endsMarker(line: string, at: number): boolean {
  const c = line.charCodeAt(at);
  return Number.isNaN(c) || c === SPACE || c === TAB;
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

function isWhitespace(ch: string | undefined): boolean {
  return ch === undefined || /\s/u.test(ch);
}

/** ASCII punctuation and Unicode punctuation or symbols, as the Markdown flanking rules define them. */
function isPunctuation(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{P}\p{S}]/u.test(ch);
}

/** A line of only `-`, `*` or `_` (at least three of one of them) and spaces: a thematic break, not list markers. */
function isThematicBreak(line: string, from: number): boolean {
  let marker = "";
  let count = 0;
  for (let i = from; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === " " || ch === "\t") continue;
    if (ch !== "-" && ch !== "*" && ch !== "_") return false;
    if (marker && ch !== marker) return false;
    marker = ch;
    count++;
  }
  return count >= 3;
}

/** A table's delimiter row (`| --- | :-: |`): only pipes, dashes, colons and spaces, with a pipe and a dash. */
function tableColumns(line: string, from: number): number {
  const first = line[from];
  if (first !== "|" && first !== "-" && first !== ":") return 0;
  let pipes = 0;
  let dashes = 0;
  for (let i = from; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "|") pipes++;
    else if (ch === "-") dashes++;
    else if (ch !== ":" && ch !== " " && ch !== "\t") return 0;
  }
  if (pipes === 0 || dashes === 0) return 0;
  return rowCells(line.slice(from));
}

const ANGLE_URL = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:/y;
const ANGLE_EMAIL = /<[^\s<>@]{1,64}@/y;
const isAlnum = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const EMAIL_LOCAL = /[A-Za-z0-9._+-]/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** What the parser reads as a character reference when the name is known (`&amp;`, `&#123;`, `&#x1F;`). */
const CHARACTER_REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

/**
 * Measures a text in one pass: an upper bound for each quantity the parser's work grows with.
 * Lines end at `\n`, `\r\n` or `\r`. Code is measured like prose (the pass does not track code
 * blocks), so it can only over-count, never under-count. Markup counts each `[`, each `]` that
 * closes no `[` of its paragraph, each `<`, each backslash before punctuation or at a line's end,
 * and each character reference (`&amp;`, `&#123;`, `&#x1F;`).
 */
export function measureMarkdown(text: string): MarkdownMeasures {
  const m: MarkdownMeasures = {
    chars: text.length,
    lines: 0,
    depth: 0,
    markers: 0,
    bracketDepth: 0,
    brackets: 0,
    links: 0,
    listItems: 0,
    headings: 0,
    tableCells: 0,
    emphasis: 0,
    paragraphEmphasis: 0,
    paragraphCode: 0,
    markup: 0,
    paragraphMarkup: 0,
  };
  let bracketDepth = 0;
  let paragraphEmphasis = 0;
  // An inline code span that is never closed makes the parser look for its end up to the end of
  // the paragraph: the work grows with backtick runs times paragraph length.
  let paragraphCode = 0;
  // Every inline construct splits the paragraph's text, and the parser then merges the text around
  // it by moving the rest of the paragraph's tokens; a closing bracket that closes nothing looks back
  // over the whole paragraph for an opening one. The work grows with their number times the
  // paragraph's length (emphasis runs and backtick runs have limits of their own).
  let paragraphMarkup = 0;
  const markup = () => {
    m.markup++;
    paragraphMarkup++;
    if (paragraphMarkup > m.paragraphMarkup) m.paragraphMarkup = paragraphMarkup;
  };
  // Lines of a paragraph continued lazily under quotes or list items re-enter the open levels too.
  let openDepth = 0;
  let previousBlank = true;
  let tableColumnsOpen = 0;
  let previousRow = "";
  // `[x]` alone is a link only when a definition `[x]: url` exists somewhere in the text.
  let definitions = 0;
  let shortcuts = 0;

  const lines = text.split(/\r\n|\r|\n/);
  m.lines = lines.length;
  for (const line of lines) {
    // A blank line ends paragraphs (bracket nesting, emphasis runs) and tables.
    if (isBlank(line)) {
      previousBlank = true;
      bracketDepth = 0;
      paragraphEmphasis = 0;
      paragraphCode = 0;
      paragraphMarkup = 0;
      openDepth = 0;
      tableColumnsOpen = 0;
      continue;
    }

    // The line's container prefix: block quote and list markers and the spaces around them. Every
    // line re-enters every open level, so the parser's work grows with their sum over the lines.
    // A list nested by indentation under the previous line's item needs two columns per level
    // (one marker character and one space); one space after each marker on this line is its own.
    let i = 0;
    let columns = 0;
    let markers = 0;
    let listMarkers = 0;
    let indentNesting = 0;
    for (;;) {
      const code = line.charCodeAt(i);
      if (code === SPACE) {
        columns++;
        i++;
        continue;
      }
      if (code === TAB) {
        columns += 4 - (columns % 4);
        i++;
        continue;
      }
      const ch = line[i];
      if (ch === ">") {
        markers++;
        i++;
        continue;
      }
      let end = -1;
      if ((ch === "-" || ch === "+" || ch === "*") && endsMarker(line, i + 1)) {
        if (ch !== "+" && isThematicBreak(line, i)) break;
        end = i + 1;
      } else if (ch !== undefined && ch >= "0" && ch <= "9") {
        let j = i;
        while (j < line.length && j - i < 9 && line[j]! >= "0" && line[j]! <= "9") j++;
        if ((line[j] === "." || line[j] === ")") && endsMarker(line, j + 1)) end = j + 1;
      }
      if (end < 0) break;
      indentNesting = Math.floor(Math.max(0, columns - markers) / 2);
      markers++;
      listMarkers++;
      i = end;
    }
    const depth = markers + indentNesting;
    if (depth > m.depth) m.depth = depth;
    if (markers > 0) openDepth = depth;
    m.markers += Math.max(depth, openDepth);
    m.listItems += listMarkers;

    // Headings: ATX (`## x`) and setext underlines (`===` or `---` under a line of text).
    const first = line[i];
    if (first === "#" && /^#{1,6}(?:[ \t]|$)/.test(line.slice(i, i + 8))) m.headings++;
    else if (!previousBlank && (first === "=" || first === "-") && /^(?:=+|-+)[ \t]*$/.test(line.slice(i)))
      m.headings++;

    // Tables: from a delimiter row until a blank line, each row costs the larger of the header's
    // columns (rows are padded to it) and its own cells.
    const columnsHere = previousBlank ? 0 : tableColumns(line, i);
    if (columnsHere > 0) {
      tableColumnsOpen = columnsHere;
      m.tableCells += Math.max(columnsHere, rowCells(previousRow)) + columnsHere;
    } else if (tableColumnsOpen > 0) {
      m.tableCells += Math.max(tableColumnsOpen, rowCells(line.slice(i)));
    }
    previousRow = line.slice(i);

    // Inline: brackets and their nesting, links (and images, footnotes, references, autolinks),
    // and the emphasis delimiter runs that can open or close.
    for (let k = i; k < line.length; k++) {
      const ch = line[k]!;
      if (ch === "\\") {
        // A backslash before punctuation is an escape, at the end of a line a hard break: a token each.
        if (k + 1 === line.length || ASCII_PUNCTUATION.test(line[k + 1]!)) markup();
        k++;
      } else if (ch === "&") {
        CHARACTER_REFERENCE.lastIndex = k;
        if (CHARACTER_REFERENCE.test(line)) markup();
      } else if (ch === "[") {
        m.brackets++;
        markup();
        bracketDepth++;
        if (bracketDepth > m.bracketDepth) m.bracketDepth = bracketDepth;
        if (line[k + 1] === "^") m.links++;
      } else if (ch === "]") {
        if (bracketDepth > 0) bracketDepth--;
        else markup();
        const next = line[k + 1];
        if (next === "(" || next === "[" || next === ":") m.links++;
        else shortcuts++;
        if (next === ":") definitions++;
      } else if (ch === ":") {
        if (line[k + 1] === "/" && line[k + 2] === "/" && isAlnum(line[k - 1])) m.links++;
      } else if (ch === "w" || ch === "W") {
        if (!isAlnum(line[k - 1]) && line.slice(k, k + 4).toLowerCase() === "www.") m.links++;
      } else if (ch === "@") {
        if (k > 0 && EMAIL_LOCAL.test(line[k - 1]!) && isAlnum(line[k + 1])) m.links++;
      } else if (ch === "<") {
        markup();
        ANGLE_URL.lastIndex = k;
        ANGLE_EMAIL.lastIndex = k;
        if (ANGLE_URL.test(line)) {
          m.links++;
          k = ANGLE_URL.lastIndex - 1; // past the scheme, so its `://` is not counted again
        } else if (ANGLE_EMAIL.test(line)) m.links++;
      } else if (ch === "`") {
        while (line[k + 1] === "`") k++;
        paragraphCode++;
        if (paragraphCode > m.paragraphCode) m.paragraphCode = paragraphCode;
      } else if (ch === "*" || ch === "_" || ch === "~") {
        let end = k + 1;
        while (line[end] === ch) end++;
        const before = k === 0 ? undefined : line[k - 1];
        const after = line[end];
        const beforeSpace = isWhitespace(before);
        const afterSpace = isWhitespace(after);
        const beforePunct = isPunctuation(before);
        const afterPunct = isPunctuation(after);
        const left = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
        const right = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
        const counts =
          ch === "_" ? (left && (!right || beforePunct)) || (right && (!left || afterPunct)) : left || right;
        if (counts) {
          m.emphasis++;
          paragraphEmphasis++;
          if (paragraphEmphasis > m.paragraphEmphasis) m.paragraphEmphasis = paragraphEmphasis;
        }
        k = end - 1;
      }
    }
    previousBlank = false;
  }
  if (definitions > 0) m.links += shortcuts;
  return m;
}

/** The cells of a table row: what lies between its pipes (the leading and trailing pipe are optional). */
function rowCells(row: string): number {
  const s = row.trim();
  let pipes = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 0x7c) pipes++;
  const edges = (s.startsWith("|") ? 1 : 0) + (s.length > 1 && s.endsWith("|") ? 1 : 0);
  return Math.max(1, pipes + 1 - edges);
}
