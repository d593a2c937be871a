import { segmentText } from "./segment";

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const HAN_OR_CJK_PUNCT = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

export type ParsedQuery = {
  /** FTS5 expression requiring every token, or null when the query has no searchable token. */
  all: string | null;
  /** FTS5 expression accepting any token (the fallback when nothing has them all). */
  any: string | null;
  /** Upper-cased candidates for an exact SDK error code match ("110", "ERR_TOKEN_EXPIRED"). */
  codes: string[];
  /** Latin words of the query, lower-cased, for the "did you mean" check. */
  words: string[];
  /** The searchable tokens themselves (PostgreSQL builds its own query of them, decision 029). */
  tokens: string[];
};

/**
 * What separates two words of a query: spaces, and the marks people put between alternatives or
 * list items ("join/leave", "Wi-Fi/5G", "iOS,Android"). Marks inside a word (Wi-Fi, 4.5.1,
 * ERR_TOKEN) stay, so the word is searched as the phrase the index holds.
 */
const SEPARATORS = /[\s/\\|,;&+()[\]{}<>=!?，；、（）]+/u;

/**
 * Turns what a user typed into FTS5 expressions. Chinese is segmented exactly as at index time
 * (segmentText); a Chinese word longer than two characters is searched by its two-character pieces,
 * which the index always holds, so a different cut at index time still matches. Every token is
 * quoted, so FTS5 operators and punctuation in the query ("AND", "-", ":", quotes) are plain text
 * and can never raise a syntax error.
 */
export function parseQuery(raw: string): ParsedQuery {
  const q = raw.normalize("NFKC").trim().slice(0, 200);
  const tokens = segmentText(q)
    .split(SEPARATORS)
    .map((t) => t.replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu, ""))
    .filter((t) => t.length > 0);
  const unique: string[] = [];
  const seen = new Set<string>();
  for (const t of tokens) {
    const key = t.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(t);
  }
  // A long Chinese word is followed by its bigrams; keep the bigrams only.
  const searchable = unique.filter((t) => !(HAN.test(t) && t.length > 2 && hasBigramsOf(t, seen)));
  const quoted = searchable.map((t) => `"${t.replace(/"/g, '""')}"`);
  const codes = new Set<string>();
  const whole = q.toUpperCase();
  if (/^[A-Z0-9_-]{2,64}$/.test(whole)) codes.add(whole);
  for (const t of q.split(/[\s,;:，；：]+/)) {
    const c = t.toUpperCase();
    if (/^(\d{1,6}|[A-Z][A-Z0-9]*(_[A-Z0-9]+)+)$/.test(c)) codes.add(c);
  }
  const words = searchable.filter((t) => /^[a-z]+$/i.test(t)).map((t) => t.toLowerCase());
  return {
    all: quoted.length ? quoted.join(" AND ") : null,
    any: quoted.length ? quoted.join(" OR ") : null,
    codes: [...codes],
    words,
    tokens: searchable,
  };
}

function hasBigramsOf(word: string, seen: Set<string>): boolean {
  for (let i = 0; i + 2 <= word.length; i++) if (!seen.has(word.slice(i, i + 2))) return false;
  return true;
}

export const SNIPPET_OPEN = "\u0002";
export const SNIPPET_CLOSE = "\u0003";
export type SnippetPart = { text: string; hit: boolean };

/**
 * Turns an FTS5 snippet of the indexed (segmented, Markdown) body back into readable text split
 * into plain and highlighted parts: the bigram copies segmentText added after each long Chinese
 * word are dropped, spaces between Chinese characters removed, and Markdown markup stripped. The
 * parts are plain text; the page renders highlights as elements, never as HTML.
 */
export function cleanSnippet(snippet: string): SnippetPart[] {
  const tokens = snippet
    .replace(/\]\([^)\s]*\)?/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const kept: { text: string; hit: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const bare = tok.replace(/[\u0002\u0003]/g, "");
    let hit = tok.includes(SNIPPET_OPEN) || tok.includes(SNIPPET_CLOSE);
    if (HAN.test(bare) && bare.length > 2 && /^[\u3400-\u9fff\uf900-\ufaff]+$/.test(bare)) {
      let j = i + 1;
      for (let k = 0; k + 2 <= bare.length; k++, j++) {
        const next = tokens[j]?.replace(/[\u0002\u0003]/g, "");
        if (next !== bare.slice(k, k + 2)) break;
        if (tokens[j]!.includes(SNIPPET_OPEN) || tokens[j]!.includes(SNIPPET_CLOSE)) hit = true;
      }
      i = j - 1;
    }
    const text = bare.replace(/```|~~~|\*\*|__|[`#>|[\]*]/g, "");
    if (text) kept.push({ text, hit });
  }
  const parts: SnippetPart[] = [];
  let prev = "";
  for (const k of kept) {
    const joinTight = prev && HAN_OR_CJK_PUNCT.test(prev.slice(-1)) && HAN_OR_CJK_PUNCT.test(k.text[0]!);
    const sep = prev && !joinTight ? " " : "";
    const last = parts[parts.length - 1];
    // Spaces between parts belong to the plain part, so a highlight holds only the matched words.
    if (last && last.hit === k.hit) last.text += sep + k.text;
    else if (last && k.hit) {
      last.text += sep;
      parts.push({ text: k.text, hit: true });
    } else parts.push({ text: sep + k.text, hit: k.hit });
    prev = k.text;
  }
  return parts;
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The English words of article titles and tags, lower-cased, three letters or more. */
export function titleVocabulary(titles: string[]): string[] {
  const words = new Set<string>();
  for (const t of titles) for (const w of t.toLowerCase().match(/[a-z]{3,}/g) ?? []) words.add(w);
  return [...words].sort();
}

/**
 * "Did you mean": each unknown English word of the query is replaced by the closest vocabulary word
 * (one edit for words up to five letters, two beyond; ties go to the alphabetically first). Returns
 * null when no word changes. `isKnown` says whether a word already occurs in the index, so correct
 * words outside the vocabulary are left alone.
 */
export function suggestQuery(
  query: string,
  words: string[],
  vocabulary: string[],
  isKnown: (word: string) => boolean,
): string | null {
  const vocab = new Set(vocabulary);
  let out = query;
  let changed = false;
  for (const w of words) {
    if (w.length < 3 || vocab.has(w) || isKnown(w)) continue;
    const max = w.length <= 5 ? 1 : 2;
    let best: string | null = null;
    let bestDistance = max + 1;
    for (const v of vocabulary) {
      const d = editDistance(w, v, max);
      if (d < bestDistance) {
        best = v;
        bestDistance = d;
      }
    }
    if (best) {
      out = out.replace(new RegExp(`\\b${w}\\b`, "i"), best);
      changed = true;
    }
  }
  return changed ? out : null;
}
