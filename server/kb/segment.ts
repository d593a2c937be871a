const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/**
 * Prepares text for the FTS5 unicode61 tokenizer, which treats a run of Chinese characters as one
 * token: Chinese runs are split into words (Intl.Segmenter) and each word's characters are also
 * emitted as overlapping two-character pieces, so "延迟" matches inside "网络延迟高" whichever way
 * the segmenter cut it. Latin text passes through unchanged.
 */
export function segmentText(text: string): string {
  if (!HAN.test(text)) return text;
  const out: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text)) {
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
