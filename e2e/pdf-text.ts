import { inflateSync } from "node:zlib";

/**
 * The text of a PDF as Chromium prints it, without a PDF library: content streams are inflated
 * (FlateDecode, node:zlib), and each font's glyph codes are mapped back to Unicode through the
 * font's ToUnicode CMap. Enough to assert what a printed page says; not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string {
  const src = pdf.toString("latin1");
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const body = m[2]!;
    const at = body.indexOf("stream");
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    let start = at + "stream".length;
    if (body[start] === "\r") start++;
    if (body[start] === "\n") start++;
    const end = body.lastIndexOf("endstream");
    let raw = Buffer.from(body.slice(start, end), "latin1");
    if (/\/FlateDecode/.test(dict)) {
      try {
        raw = inflateSync(raw);
      } catch {
        raw = Buffer.alloc(0);
      }
    }
    objects.set(Number(m[1]), { dict, stream: raw });
  }

  // Font resource name -> code -> text, through each font's ToUnicode CMap.
  const cmapOf = (objNum: number): Map<string, string> => {
    const map = new Map<string, string>();
    const text = objects.get(objNum)?.stream?.toString("latin1") ?? "";
    const hexText = (h: string) => Buffer.from(h, "hex").swap16().toString("utf16le");
    for (const block of text.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
      for (const p of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
        map.set(p[1]!.toUpperCase(), hexText(p[2]!));
    }
    for (const block of text.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
      for (const p of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const lo = parseInt(p[1]!, 16);
        const hi = parseInt(p[2]!, 16);
        const base = parseInt(p[3]!, 16);
        for (let c = lo; c <= hi; c++)
          map.set(c.toString(16).toUpperCase().padStart(p[1]!.length, "0"), String.fromCodePoint(base + c - lo));
      }
    }
    return map;
  };
  const fontCmaps = new Map<string, Map<string, string>>();
  for (const { dict } of objects.values()) {
    const fonts = /\/Font\s*<<([\s\S]*?)>>/.exec(dict);
    if (!fonts) continue;
    for (const f of fonts[1]!.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
      const fontDict = objects.get(Number(f[2]))?.dict ?? "";
      const tu = /\/ToUnicode\s+(\d+) 0 R/.exec(fontDict);
      if (tu && !fontCmaps.has(f[1]!)) fontCmaps.set(f[1]!, cmapOf(Number(tu[1])));
    }
  }

  const decode = (hex: string, cmap: Map<string, string> | undefined) => {
    if (!cmap) return "";
    const width = [...cmap.keys()][0]?.length ?? 4;
    let out = "";
    for (let i = 0; i + width <= hex.length; i += width) out += cmap.get(hex.slice(i, i + width).toUpperCase()) ?? "";
    return out;
  };
  const parts: string[] = [];
  for (const { dict, stream } of objects.values()) {
    if (!stream || /\/(Type\s*\/XObject|Subtype\s*\/Image|Length1)/.test(dict)) continue;
    const content = stream.toString("latin1");
    if (!/\bBT\b/.test(content)) continue;
    let font: Map<string, string> | undefined;
    const ops = /\/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:<[0-9A-Fa-f]*>|[^\]])*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj|\bET\b/g;
    for (let m = ops.exec(content); m; m = ops.exec(content)) {
      if (m[1]) font = fontCmaps.get(m[1]);
      else if (m[2] !== undefined) {
        let run = "";
        for (const piece of m[2].matchAll(/<([0-9A-Fa-f]*)>|(-?[\d.]+)/g)) {
          if (piece[1] !== undefined) run += decode(piece[1], font);
          else if (Number(piece[2]) < -200) run += " ";
        }
        parts.push(run);
      } else if (m[3] !== undefined) parts.push(decode(m[3], font));
      else parts.push("\n");
    }
  }
  return parts.join(" ").replace(/[ \t]+/g, " ");
}
