const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/**
 * ICU's word segmentation of Chinese grows much faster than the text: 50,000 characters without a
 * break take about a second, 100,000 take minutes, which one article body could hold. So text is
 * segmented in pieces of at most this many characters (linear in total), cut after a space or
 * punctuation where the piece's second half has one, so a cut rarely falls inside a word.
 */
export const SEGMENT_PIECE = 1000;

/** The text in pieces of at most SEGMENT_PIECE characters that join back to it exactly. */
export function segmentPieces(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > SEGMENT_PIECE) {
    let end = start + SEGMENT_PIECE;
    for (let i = end; i > start + SEGMENT_PIECE / 2; i--)
      if (!HAN.test(text[i - 1]!)) {
        end = i;
        break;
      }
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--; // never between the halves of a surrogate pair
    pieces.push(text.slice(start, end));
    start = end;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/**
 * Prepares text for the FTS5 unicode61 tokenizer, which treats a run of Chinese characters as one
 * token: Chinese runs are split into words (Intl.Segmenter) and each word's characters are also
 * emitted as overlapping two-character pieces, so "延迟" matches inside "网络延迟高" whichever way
 * the segmenter cut it. Latin text passes through unchanged. Linear in the text's length.
 */
export function segmentText(text: string): string {
  if (!HAN.test(text)) return text;
  const out: string[] = [];
  for (const piece of segmentPieces(text))
    for (const { segment, isWordLike } of segmenter.segment(piece)) {
      if (!HAN.test(segment)) {
        out.push(segment);
        continue;
      }
      if (!isWordLike) continue;
      out.push(` ${segment} `);
      for (let i = 0; i + 2 <= segment.length && segment.length > 2; i++) out.push(` ${segment.slice(i, i + 2)} `);
    }
  return out.join("").replace(/\s+/g, " ").trim();
}
