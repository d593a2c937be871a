import { describe, expect, it } from "vitest";
import { DEMO_ARTICLES, type ArticleSeed } from "./articles";

const en = DEMO_ARTICLES.filter((a) => a.locale === "en");
const zh = DEMO_ARTICLES.filter((a) => a.locale === "zh");
const published = DEMO_ARTICLES.filter((a) => a.status === "published");

const wordCount = (a: ArticleSeed) => a.body.split(/\s+/).filter(Boolean).length;

describe("DEMO_ARTICLES", () => {
  it("has 140-170 articles in both locales", () => {
    expect(DEMO_ARTICLES.length).toBeGreaterThanOrEqual(140);
    expect(DEMO_ARTICLES.length).toBeLessThanOrEqual(170);
    expect(en.length).toBeGreaterThan(60);
    expect(zh.length).toBeGreaterThan(50);
  });

  it("has kebab-case slugs that are unique per locale", () => {
    for (const locale of ["en", "zh"] as const) {
      const slugs = DEMO_ARTICLES.filter((a) => a.locale === locale).map((a) => a.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
    }
    for (const a of DEMO_ARTICLES) expect(a.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("pairs en and zh translations through a shared translationGroup", () => {
    const groups = new Map<string, ArticleSeed[]>();
    for (const a of DEMO_ARTICLES) groups.set(a.translationGroup, [...(groups.get(a.translationGroup) ?? []), a]);
    let pairs = 0;
    for (const members of groups.values()) {
      const locales = members.map((m) => m.locale);
      expect(new Set(locales).size).toBe(locales.length);
      if (members.length === 2) {
        pairs++;
        const [a, b] = members as [ArticleSeed, ArticleSeed];
        expect(a.slug).toBe(b.slug);
        expect(a.productArea).toBe(b.productArea);
        expect(a.type).toBe(b.type);
      }
    }
    // Most articles exist in both languages, some only in one.
    expect(pairs).toBeGreaterThan(DEMO_ARTICLES.length * 0.35);
    expect(groups.size).toBeGreaterThan(pairs);
    for (const a of en) {
      const twin = zh.find((z) => z.slug === a.slug);
      if (twin) expect(twin.translationGroup).toBe(a.translationGroup);
    }
  });

  it("covers at least 20 distinct error codes, each named in the title of an FAQ", () => {
    const faqCodes = new Set<string>();
    for (const a of DEMO_ARTICLES.filter((x) => x.type === "faq" && !x.internal)) {
      for (const code of a.errorCodes) {
        expect(a.title).toContain(code);
        faqCodes.add(code);
      }
    }
    expect(faqCodes.size).toBeGreaterThanOrEqual(20);
    for (const code of ["110", "17", "101", "1501", "1003", "2", "ERR_TOKEN_EXPIRED", "ERR_JOIN_CHANNEL_TIMEOUT"]) {
      expect(faqCodes.has(code)).toBe(true);
    }
    const tokenFaq = published.find((a) => a.locale === "en" && a.errorCodes.includes("110"));
    expect(tokenFaq?.title.toLowerCase()).toContain("token");
  });

  it("has a Chinese echo article with 回声 in title and body", () => {
    const echo = zh.find((a) => a.title.includes("回声"));
    expect(echo).toBeDefined();
    expect(echo?.body).toContain("回声");
  });

  it("has Chinese articles about latency, stutter and weak networks", () => {
    for (const term of ["延迟", "卡顿", "弱网"]) {
      expect(zh.some((a) => a.status === "published" && a.title.includes(term) && a.body.includes(term))).toBe(true);
    }
    for (const term of ["工单", "知识库", "首次响应"]) {
      expect(zh.some((a) => a.body.includes(term))).toBe(true);
    }
  });

  it("has a published English Android quick start with Kotlin code", () => {
    const android = en.find(
      (a) =>
        a.type === "quick_start" &&
        a.status === "published" &&
        a.title.includes("Android") &&
        a.title.includes("Quick start"),
    );
    expect(android).toBeDefined();
    expect(android?.body).toContain("```kotlin");
  });

  it("has video and voice quick starts for every platform with platform-appropriate code", () => {
    const expected: Record<string, string> = {
      Android: "kotlin",
      iOS: "swift",
      Web: "typescript",
      Windows: "cpp",
      macOS: "swift",
      Flutter: "dart",
      "React Native": "typescript",
      Unity: "csharp",
      Electron: "typescript",
    };
    for (const [platform, lang] of Object.entries(expected)) {
      for (const area of ["video_calling", "voice_calling"] as const) {
        const qs = en.find(
          (a) => a.type === "quick_start" && a.productArea === area && a.title.endsWith(" " + platform),
        );
        expect(qs, platform + " " + area).toBeDefined();
        expect(qs?.body).toContain("```" + lang);
      }
    }
  });

  it("has release notes, API reference pages and video tutorials", () => {
    for (const v of ["4.2.0", "4.3.0", "4.4.0", "4.5.0"]) {
      expect(en.some((a) => a.type === "release_note" && a.title.includes(v))).toBe(true);
    }
    for (const m of [
      "joinChannel",
      "leaveChannel",
      "setVideoEncoderConfiguration",
      "enableAudioVolumeIndication",
      "sendStreamMessage",
    ]) {
      expect(en.some((a) => a.type === "api_reference" && a.title.startsWith(m))).toBe(true);
    }
    const videos = DEMO_ARTICLES.filter((a) => a.type === "video_tutorial");
    expect(videos.length).toBeGreaterThanOrEqual(4);
    for (const v of videos) expect(v.body).toMatch(/^## (Chapters|章节)$/m);
  });

  it("gives every body at least one ## heading and a language on every code fence", () => {
    for (const a of DEMO_ARTICLES) {
      expect(a.body, a.slug).toMatch(/^## /m);
      const fences = a.body.match(/^```.*$/gm) ?? [];
      expect(fences.length % 2, a.slug).toBe(0);
      fences.forEach((f, i) => {
        if (i % 2 === 0) expect(f, a.slug).toMatch(/^```[a-z]+$/);
        else expect(f, a.slug).toBe("```");
      });
      expect(a.body).not.toContain("~~~");
    }
  });

  it("keeps English bodies between 150 and 600 words and summaries short", () => {
    for (const a of en) {
      expect(wordCount(a), a.slug).toBeGreaterThanOrEqual(150);
      expect(wordCount(a), a.slug).toBeLessThanOrEqual(600);
    }
    for (const a of DEMO_ARTICLES) {
      expect(a.title.length).toBeGreaterThan(0);
      expect(a.summary.length).toBeGreaterThan(10);
      expect(a.summary.length).toBeLessThan(200);
    }
  });

  it("marks about 15% of articles as stale", () => {
    const stale = DEMO_ARTICLES.filter((a) => a.reviewedDaysAgo > 180).length / DEMO_ARTICLES.length;
    expect(stale).toBeGreaterThanOrEqual(0.1);
    expect(stale).toBeLessThanOrEqual(0.2);
  });

  it("has a few drafts and internal runbooks, and plausible counts", () => {
    const drafts = DEMO_ARTICLES.filter((a) => a.status === "draft").length;
    const internal = DEMO_ARTICLES.filter((a) => a.internal).length;
    expect(drafts).toBeGreaterThanOrEqual(4);
    expect(drafts).toBeLessThanOrEqual(8);
    expect(internal).toBeGreaterThanOrEqual(6);
    expect(internal).toBeLessThanOrEqual(10);
    for (const a of DEMO_ARTICLES) {
      for (const n of [a.views, a.helpful, a.notHelpful, a.reviewedDaysAgo]) {
        expect(Number.isInteger(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(0);
      }
      expect(a.helpful + a.notHelpful).toBeLessThanOrEqual(a.views);
    }
  });

  it("is deterministic", async () => {
    const source = await import("node:fs").then((fs) =>
      fs.readFileSync(new URL("./articles.ts", import.meta.url), "utf8"),
    );
    expect(source).not.toMatch(/Math\.random|new Date|Date\.now/);
  });
});
