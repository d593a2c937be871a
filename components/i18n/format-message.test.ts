import { IntlMessageFormat } from "intl-messageformat";
import { createElement, isValidElement, type ReactNode } from "react";
import { _createCache, _createIntlFormatters } from "use-intl/core";
import formatWithUseIntl from "use-intl/format-message";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";
import formatMessage, { MAX_COMPILED } from "./format-message";

type Values = Record<string, unknown>;

/** The kinds of element in a parsed ICU message (@formatjs/icu-messageformat-parser's TYPE). */
const TYPE = { argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6, tag: 8 } as const;

/** A parsed message's element, as far as the values it needs. */
type Element = { type: number; value: string; options: Record<string, { value: Element[] }>; children: Element[] };

/** Every message of a catalogue with its dotted key. */
function leaves(tree: object, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v as object, `${prefix}${k}.`),
  );
}

/** Values for every argument a message names, of the kind it formats them as; `alt` picks other branches. */
function sampleValues(ast: Element[], alt: boolean, out: Values = {}): Values {
  for (const el of ast) {
    switch (el.type) {
      case TYPE.argument:
        out[el.value] ??= "Nimbus Live";
        break;
      case TYPE.number:
        out[el.value] ??= alt ? 1 : 1234.5;
        break;
      case TYPE.date:
      case TYPE.time:
        out[el.value] ??= new Date(alt ? "2026-03-29T01:30:00Z" : "2026-12-06T09:15:00Z");
        break;
      case TYPE.plural:
        out[el.value] ??= alt ? 1 : 12;
        for (const o of Object.values(el.options)) sampleValues(o.value, alt, out);
        break;
      case TYPE.select: {
        const keys = Object.keys(el.options).filter((k) => k !== "other");
        out[el.value] ??= alt ? "something-else" : (keys[0] ?? "other");
        for (const o of Object.values(el.options)) sampleValues(o.value, alt, out);
        break;
      }
      case TYPE.tag:
        out[el.value] ??= (chunks: ReactNode[]) => createElement("b", { key: el.value }, ...chunks);
        sampleValues(el.children, alt, out);
        break;
      default:
        break;
    }
  }
  return out;
}

/** Elements compared by what they render: their type and children. */
const comparable = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(comparable)
    : isValidElement(v)
      ? { type: v.type, children: comparable((v.props as { children?: unknown }).children) }
      : v;

describe("the message formatter with a process-wide cache (issue 25)", () => {
  for (const [locale, catalogue] of [
    ["en", en],
    ["zh", zh],
  ] as const) {
    for (const timeZone of ["Asia/Shanghai", "America/Los_Angeles", undefined]) {
      it(`formats every ${locale} message as use-intl's own formatter does, in ${timeZone ?? "the default zone"}`, () => {
        const cache = _createCache();
        const theirs = { cache, formatters: _createIntlFormatters(cache), locale, timeZone };
        let compared = 0;
        for (const [key, message] of leaves(catalogue)) {
          const ast = new IntlMessageFormat(message, locale).getAst() as unknown as Element[];
          for (const alt of [false, true]) {
            const values = /[{<]/.test(message) ? sampleValues(ast, alt) : undefined;
            const expected = formatWithUseIntl(key, message, values as never, theirs as never);
            const actual = formatMessage(key, message, values, { locale, timeZone });
            expect(comparable(actual), `${key} (${alt ? "other branches" : "first branches"})`).toEqual(
              comparable(expected),
            );
            compared++;
          }
        }
        expect(compared).toBeGreaterThan(2000);
      });
    }
  }

  it("reads dates in the viewer's zone, and a message compiled for one zone is not reused for another", () => {
    const message = "Due {at, time, short}";
    const at = new Date("2026-12-06T09:15:00Z");
    expect(formatMessage("k", message, { at }, { locale: "en", timeZone: "Asia/Shanghai" })).toBe("Due 5:15 PM");
    expect(formatMessage("k", message, { at }, { locale: "en", timeZone: "Europe/London" })).toBe("Due 9:15 AM");
    expect(formatMessage("k", message, { at }, { locale: "zh", timeZone: "Asia/Shanghai" })).toBe("Due 17:15");
  });

  it("returns a plain message as written, without compiling it", () => {
    expect(formatMessage("k", "Saved", undefined, { locale: "en" })).toBe("Saved");
    expect(formatMessage("k", "It'{s}' here", undefined, { locale: "en" })).toBe("It{s} here");
  });

  it("refuses a key that names a group of messages", () => {
    expect(() => formatMessage("tickets", { a: "b" }, undefined, { locale: "en" })).toThrow(/group of messages/);
    expect(() => formatMessage("list", ["a"], undefined, { locale: "en" })).toThrow(/array/);
  });

  it("keeps at most MAX_COMPILED messages and still formats after starting again", () => {
    for (let i = 0; i <= MAX_COMPILED; i++) formatMessage("k", `Ticket #{id} ${i}`, { id: i }, { locale: "en" });
    expect(formatMessage("k", "Ticket #{id} 0", { id: 7 }, { locale: "en" })).toBe("Ticket #7 0");
  });
});
