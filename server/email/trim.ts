/**
 * What a person wrote in a reply, without the history their mail client quoted below it or their
 * signature: the comment shows the new text only (the original message stays downloadable). Pure.
 *
 * Cut at the first of: the line our own mails carry above their text ("reply above this line"),
 * an attribution ("On <date>, <someone> wrote:", "在 ... 写道：", wrapped over two lines too), a
 * forwarded or original-message rule, an Outlook header block ("From: ... Sent: ..." / "发件人："),
 * a signature delimiter ("-- "), or a trailing block of "> " quoted lines. Quotes answered inline
 * (text after them) are kept.
 */

/** The line every notification mail starts with; a reply is cut where it is quoted. */
export const REPLY_ABOVE_MARKER = "##- Please type your reply above this line / 请在此行以上回复 -##";

const ATTRIBUTION = [
  /^(on|am|le|el)\s.{4,300}\s(wrote|schrieb|a écrit|escribió)\s*:\s*$/i,
  /^.{0,100}(在|于).{2,200}写道\s*[:：]\s*$/,
];
const RULE = /^\s*-{2,}\s*(original message|forwarded message|原始邮件|转发的邮件)\s*-{2,}\s*$/i;
const OUTLOOK_FROM = /^\s*\**(from|发件人)\s*\**\s*[:：]/i;
const OUTLOOK_NEXT = /^\s*\**(sent|date|to|subject|发送时间|时间|收件人|主题)\s*\**\s*[:：]/i;
const UNDERSCORES = /^\s*_{10,}\s*$/;
const SIGNATURE = /^--\s?$/;
const DEVICE_LINE = /^\s*(sent from my \w+|get outlook for \w+|发自我的\s*\S+|从我的\s*\S+\s*发送)\s*$/i;
const QUOTED = /^\s*>/;
/** A horizontal rule (Markdown's, or the one Outlook draws above the quoted message): nothing after it was kept. */
const TRAILING_RULE = /^\s*([*_-])(\s*\1){2,}\s*$/;

/** The new text of a reply, trimmed of quoted history and signature; the whole text when nothing is quoted. */
export function trimReply(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const joined = i + 1 < lines.length ? `${line.trimEnd()} ${lines[i + 1]!.trim()}` : line;
    const plain = line.replace(/^\s*[*_]+|[*_]+\s*$/g, "");
    if (
      line.includes(REPLY_ABOVE_MARKER.slice(0, 20)) ||
      ATTRIBUTION.some((r) => r.test(plain.trim())) ||
      (/^\s*(on|在)\b/i.test(line) && ATTRIBUTION.some((r) => r.test(joined.trim()))) ||
      RULE.test(line) ||
      SIGNATURE.test(line) ||
      (OUTLOOK_FROM.test(line) && lines.slice(i + 1, i + 5).some((l) => OUTLOOK_NEXT.test(l))) ||
      (UNDERSCORES.test(line) && lines.slice(i + 1, i + 3).some((l) => OUTLOOK_FROM.test(l)))
    ) {
      cut = i;
      break;
    }
  }
  let kept = lines.slice(0, cut);
  // A trailing block of quoted lines (blank lines between them allowed) is history, not an answer.
  let end = kept.length;
  while (end > 0 && (kept[end - 1]!.trim() === "" || QUOTED.test(kept[end - 1]!))) end--;
  if (kept.slice(end).some((l) => QUOTED.test(l))) kept = kept.slice(0, end);
  while (
    kept.length > 0 &&
    (kept[kept.length - 1]!.trim() === "" ||
      DEVICE_LINE.test(kept[kept.length - 1]!) ||
      TRAILING_RULE.test(kept[kept.length - 1]!))
  )
    kept.pop();
  while (kept.length > 0 && kept[0]!.trim() === "") kept.shift();
  const result = kept.join("\n").trimEnd();
  return result === "" ? text.trim() : result;
}
