import { describe, expect, it } from "vitest";
import zh from "./messages/zh.json";

/** Every message of a catalogue with its dotted key. */
function* messages(node: unknown, path = ""): Generator<[string, string]> {
  if (typeof node === "string") yield [path, node];
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) yield* messages(v, path ? `${path}.${k}` : k);
}

const HAN = "\\u3400-\\u9fff";
/**
 * ASCII , : ; ? ! ( ) written against Chinese text (a space between them counts as against):
 * Chinese punctuation is full width (，：；？！（）). Latin text, ICU arguments and ASCII between
 * Latin words ("P0-P1: 7x24" stays as is only where no Chinese touches it) are left alone.
 */
const ASCII_AGAINST_HAN = new RegExp(`[${HAN}] ?[,:;?!()]|[,:;?!()] ?[${HAN}]`, "u");

/** ICU arguments ({name}, {n, number}) and the plural's # are syntax, not text; plural branches are text. */
const text = (message: string) => message.replace(/\{\w+(?:, ?(?:number|date|time)[^{}]*)?\}/g, "X").replace(/#/g, "X");

describe("Chinese messages use full-width punctuation", () => {
  it("no ASCII comma, colon, semicolon, question or exclamation mark or parenthesis touches Chinese text", () => {
    const offenders = [...messages(zh)]
      .filter(([, m]) => ASCII_AGAINST_HAN.test(text(m)))
      .map(([k, m]) => `${k}: ${m.slice(0, 80)}`);
    expect(offenders).toEqual([]);
  });
});
