import { describe, expect, it } from "vitest";
import { cleanSnippet, editDistance, parseQuery, suggestQuery, titleVocabulary } from "./search";

describe("parseQuery", () => {
  it("quotes every token, so FTS5 operators and punctuation are plain text", () => {
    const p = parseQuery('token AND "expired" -web NEAR(');
    expect(p.all).toBe('"token" AND "AND" AND "expired" AND "web" AND "NEAR"');
    expect(p.any).toBe('"token" OR "AND" OR "expired" OR "web" OR "NEAR"');
  });

  it("words joined by a slash, comma or bracket are separate words; marks inside a word stay", () => {
    expect(parseQuery("join/leave").all).toBe('"join" AND "leave"');
    expect(parseQuery("Wi-Fi/5G").all).toBe('"Wi-Fi" AND "5G"');
    expect(parseQuery("iOS,Android (4.5.1)").tokens).toEqual(["iOS", "Android", "4.5.1"]);
    expect(parseQuery("ERR_TOKEN_EXPIRED").tokens).toEqual(["ERR_TOKEN_EXPIRED"]);
  });

  it("a two-character Chinese word is one token", () => {
    expect(parseQuery("回声").all).toBe('"回声"');
  });

  it("a longer Chinese word is searched by its two-character pieces", () => {
    const p = parseQuery("扬声器");
    expect(p.all).toBe('"扬声" AND "声器"');
  });

  it("numbers and SNAKE_CASE words are error code candidates, upper-cased", () => {
    expect(parseQuery("error 110").codes).toEqual(["110"]);
    expect(parseQuery("err_token_expired").codes).toEqual(["ERR_TOKEN_EXPIRED"]);
    expect(parseQuery("android quick start").codes).toEqual([]);
  });

  it("an empty or punctuation-only query has nothing to search", () => {
    expect(parseQuery("  ").all).toBeNull();
    expect(parseQuery('"*:-').all).toBeNull();
  });
});

describe("cleanSnippet", () => {
  it("drops segmentation spaces and bigram copies in Chinese, keeping the highlight", () => {
    const parts = cleanSnippet("对 端 扬声器 扬声 声器 播放 的 \u0002回声\u0003 被 麦克 风");
    expect(parts).toEqual([
      { text: "对端扬声器播放的", hit: false },
      { text: "回声", hit: true },
      { text: "被麦克风", hit: false },
    ]);
  });

  it("strips Markdown markup and link targets from English text", () => {
    const parts = cleanSnippet("## Fix **\u0002echo\u0003** with [`AEC`](https://x.example/aec) now");
    expect(parts.map((p) => p.text).join("")).toBe("Fix echo with AEC now");
    expect(parts.find((p) => p.hit)?.text).toBe("echo");
  });
});

describe("did you mean", () => {
  const vocab = titleVocabulary([
    "Quick start: video calling on Android",
    "Fixing echo during calls",
    "Error 110: token invalid or expired",
  ]);

  it("edit distance counts insertions, deletions and substitutions", () => {
    expect(editDistance("andriod", "android")).toBe(2);
    expect(editDistance("token", "token")).toBe(0);
    expect(editDistance("abc", "xyzabc", 2)).toBe(3);
  });

  it("a misspelt title word is corrected, the rest of the query kept", () => {
    expect(suggestQuery("andriod quick start", ["andriod", "quick", "start"], vocab, () => false)).toBe(
      "android quick start",
    );
    expect(suggestQuery("tokn expired", ["tokn", "expired"], vocab, () => false)).toBe("token expired");
  });

  it("a word the index already knows is not 'corrected'", () => {
    expect(suggestQuery("howling", ["howling"], vocab, (w) => w === "howling")).toBeNull();
  });

  it("no suggestion when every word is right or nothing is close", () => {
    expect(suggestQuery("android", ["android"], vocab, () => false)).toBeNull();
    expect(suggestQuery("zzzzzz", ["zzzzzz"], vocab, () => false)).toBeNull();
  });
});
