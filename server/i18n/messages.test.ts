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

function entries(obj: object): [string, string][] {
  return keys(obj).map((k) => [
    k,
    k.split(".").reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], obj) as string,
  ]);
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

  it("a platform's SDK is named by sdkName, never as '{platform} SDK' (the server platform is 'Server SDK' already)", () => {
    for (const file of [en, zh])
      expect(entries(file).filter(([, text]) => text.includes("{platform} SDK"))).toEqual([]);
    expect([en.sdkName.server, zh.sdkName.server, en.sdkName.android]).toEqual([
      "Server SDK",
      "服务端 SDK",
      "Android SDK",
    ]);
  });

  it("every Chinese message whose English names a glossary term uses the glossary's Chinese for it", () => {
    // DESIGN.md's glossary. A message may paraphrase ("不计入 SLA" for "may be excluded from the SLA"),
    // so the check is on the terms users meet as names: an incident is 故障 (never 事件, which is an event).
    const glossary: [RegExp, string][] = [
      [/\bincidents?\b/i, "故障"],
      [/knowledge base/i, "知识库"],
      [/\bescalat/i, "升级"],
      [/\bexclusions?\b/i, "免责"],
      [/service reviews?/i, "服务回顾"],
      [/(?<!technical )account managers?/i, "客户成功经理"],
      [/technical account manager/i, "技术客户经理"],
      [/\bavailability\b/i, "可用性"],
      [/service credits?/i, "服务赔付"],
      [/\battachments?\b/i, "附件"],
      [/\bon[- ]call\b/i, "值班"],
      [/\brotas?\b/i, "值班表"],
      [/known issues?/i, "已知问题"],
      [/security advisor/i, "安全公告"],
      [/feature requests?/i, "功能需求"],
      [/\broadmap/i, "产品路线图"],
      [/customer admin/i, "客户管理员"],
      [/single sign-on/i, "单点登录"],
      [/service scope/i, "服务范围"],
      [/first response/i, "首次响应"],
    ];
    // Where the English word is not the glossary's concept.
    const notTheTerm = new Set(["incidents.form.required.endedAt"]);
    const zhByKey = new Map(entries(zh));
    const off = entries(en).flatMap(([k, english]) =>
      notTheTerm.has(k)
        ? []
        : glossary
            .filter(([pattern, term]) => pattern.test(english) && !zhByKey.get(k)?.includes(term))
            .map(([, term]) => `${k}: ${term} — ${zhByKey.get(k)}`),
    );
    expect(off).toEqual([]);
    expect(
      entries(zh).filter(
        ([, text]) => text.includes("排班") || (text.includes("客户经理") && !/(成功|技术客户)经理/.test(text)),
      ),
    ).toEqual([]);
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
