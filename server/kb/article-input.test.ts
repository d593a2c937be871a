import { describe, expect, it } from "vitest";
import { canPublish, ftsRow, parseList, slugFromTitle, ZArticleFields, ZArticleSlug } from "./article-input";

const valid = {
  slug: "error-110",
  title: "Error 110",
  summary: "",
  body: "Renew the token.",
  productArea: "voice_calling",
  type: "faq",
  status: "draft",
  internal: false,
  ownerId: 3,
  tags: [],
  errorCodes: [],
  sdkVersions: [],
} as const;

describe("article input rules", () => {
  it("error codes are stored upper-case and once, so `err_x, ERR_X` is one code", () => {
    expect(
      ZArticleFields.parse({ ...valid, errorCodes: [" err_token_expired ", "ERR_TOKEN_EXPIRED", "110"] }).errorCodes,
    ).toEqual(["ERR_TOKEN_EXPIRED", "110"]);
  });

  it("an error code with spaces or punctuation other than _ . - is refused", () => {
    expect(ZArticleFields.safeParse({ ...valid, errorCodes: ["ERR TOKEN"] }).success).toBe(false);
    expect(ZArticleFields.safeParse({ ...valid, errorCodes: ["110;DROP"] }).success).toBe(false);
  });

  it("an address is lower-case words joined by single hyphens, and never a page of /kb", () => {
    expect(ZArticleSlug.parse(" Error-110 ")).toBe("error-110");
    for (const bad of ["error--110", "-error", "error_110", "错误", "new", "report", "drafts", ""])
      expect(ZArticleSlug.safeParse(bad).success, bad).toBe(false);
  });

  it("a body of only white space is refused", () => {
    expect(ZArticleFields.safeParse({ ...valid, body: " \n " }).success).toBe(false);
  });

  it("list fields split on commas, Chinese commas, semicolons and new lines", () => {
    expect(parseList("110, 111，ERR_X;\n 4.5.0 、 ")).toEqual(["110", "111", "ERR_X", "4.5.0"]);
    expect(parseList(" , ")).toEqual([]);
  });

  it("an English title suggests an address; a Chinese one suggests nothing", () => {
    expect(slugFromTitle("Error 110: token invalid or expired")).toBe("error-110-token-invalid-or-expired");
    expect(slugFromTitle("Café crème — échos")).toBe("cafe-creme-echos");
    expect(slugFromTitle("解决通话回声")).toBe("");
  });

  it("experts, managers and admins publish; agents, account managers, executives and customers do not", () => {
    expect(["expert", "manager", "admin"].every((r) => canPublish(r as never))).toBe(true);
    expect(["agent", "account_manager", "executive", "customer"].some((r) => canPublish(r as never))).toBe(false);
  });

  it("the full-text row segments Chinese so a two-character word is its own token", () => {
    const row = ftsRow({ title: "网络延迟高怎么办", body: "Latency is high", errorCodes: ["110", "ERR_X"] });
    expect(row.title.split(" ")).toContain("延迟");
    expect(row.body).toBe("Latency is high");
    expect(row.codes).toBe("110 ERR_X");
  });
});
