import { createTranslator, IntlErrorCode, type IntlError } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import zh from "./messages/zh.json";
import { languageTag, pickLocale } from "./negotiate";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("message files", () => {
  it("every English message key exists in Simplified Chinese and the other way round", () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it("no message is left empty", () => {
    for (const file of [en, zh]) {
      for (const k of keys(file)) {
        const value = k.split(".").reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], file);
        expect(typeof value === "string" && value.trim().length > 0, k).toBe(true);
      }
    }
  });

  it("every message is valid ICU syntax (a bare < or { would show its key instead of the text)", () => {
    const invalid: string[] = [];
    for (const [locale, messages] of [
      ["en", en],
      ["zh", zh],
    ] as const) {
      const t = createTranslator({
        locale,
        messages,
        onError: (e: IntlError) => {
          if (e.code === IntlErrorCode.INVALID_MESSAGE) invalid.push(`${locale}: ${e.message}`);
        },
        getMessageFallback: ({ key }) => key,
      }) as unknown as (key: string, values?: Record<string, unknown>) => string;
      for (const k of keys(messages)) t(k, {});
    }
    expect(invalid).toEqual([]);
  });

  it("Chinese uses the glossary's terms for priorities, metrics and tiers", () => {
    expect(zh.priority).toEqual({ P0: "P0 紧急", P1: "P1 高", P2: "P2 中", P3: "P3 低" });
    expect(zh.metric).toEqual({ firstResponse: "首次响应", workaround: "临时解决", resolution: "根本解决" });
    expect(zh.tier).toEqual({ basic: "基础服务", advanced: "高级服务", enterprise: "企业级服务" });
  });
});

describe("pickLocale", () => {
  it("a browser asking for zh-CN first gets Chinese", () => expect(pickLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh"));
  it("weights decide: English preferred over Chinese gets English", () =>
    expect(pickLocale("zh;q=0.5,en-US;q=0.9")).toBe("en"));
  it("an unsupported language falls back to English", () => expect(pickLocale("fr-FR,de;q=0.8")).toBe("en"));
  it("no header means English", () => expect(pickLocale(null)).toBe("en"));
});

describe("languageTag", () => {
  it("Simplified Chinese is zh-CN, English en, and anything else or nothing English", () =>
    expect([languageTag("zh"), languageTag("en"), languageTag("fr"), languageTag(null)]).toEqual([
      "zh-CN",
      "en",
      "en",
      "en",
    ]));
});
