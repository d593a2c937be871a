/**
 * A plain-text mail's lines as Markdown lines. Markdown joins consecutive lines into one paragraph,
 * but in a plain-text mail a line break is the writer's: a signature, an address, log lines, a stack
 * trace. Each line followed by another non-blank line gets a hard break (two trailing spaces);
 * fenced code blocks are left as they are. Pure.
 */
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** `text` with its line breaks kept when rendered as Markdown. */
export function keepLineBreaks(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let fence: string | null = null;
  return lines
    .map((line, i) => {
      const open = FENCE.exec(line)?.[1];
      if (fence) {
        if (open && open[0] === fence[0] && open.length >= fence.length) fence = null;
        return line;
      }
      if (open) {
        fence = open;
        return line;
      }
      const next = lines[i + 1];
      if (line.trim() === "" || next === undefined || next.trim() === "" || FENCE.test(next)) return line;
      return `${line.trimEnd()}  `;
    })
    .join("\n");
}
