import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// The portal read in Simplified Chinese: no period keys ("2026-Q3", "2026-09-28") where a person
// reads a date, and the glossary's words (an incident is 故障).

const QUARTER_KEY = /\b\d{4}-Q[1-4]\b/;
const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;

async function readInChinese(page: Page) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh", url: "http://127.0.0.1" }]);
}

/** The page's visible text without the address bar's parts: links keep their keys in their href only. */
async function mainText(page: Page): Promise<string> {
  return page.locator("main").innerText();
}

test.describe("Chinese pages", () => {
  test("[I18N] a Chinese customer reads every quarter as 2026年第3季度: reviews, the organization page, our service and its tabs", async ({
    page,
    signIn,
  }) => {
    await signIn("dev@nimbus.example");
    await readInChinese(page);
    await page.goto("/reviews");
    const review = page.getByRole("link", { name: /^\d{4}年第[1-4]季度服务回顾$/ }).first();
    await expect(review).toBeVisible();
    expect(await mainText(page)).not.toMatch(QUARTER_KEY);
    await review.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^\d{4}年第[1-4]季度服务回顾：Nimbus Live$/);
    // Its tables compare this quarter with the last (the narrative is the account manager's own text).
    const tables = await page.locator("main table").allInnerTexts();
    expect(tables.join("\n")).toMatch(/\d{4}年第[1-4]季度/);
    expect(tables.join("\n")).not.toMatch(QUARTER_KEY);
    for (const path of ["/", "/organization", "/organization/sla"]) {
      await page.goto(path);
      expect(await mainText(page), path).not.toMatch(QUARTER_KEY);
    }
    await expect(
      page.getByRole("navigation", { name: "季度" }).getByRole("link", { name: /^\d{4}年第[1-4]季度$/ }),
    ).not.toHaveCount(0);
  });

  test("[I18N] an account manager's portfolio names each quarter of the health trend in Chinese", async ({
    page,
    signIn,
  }) => {
    await signIn("am@attain.test");
    await readInChinese(page);
    await page.goto("/portfolio");
    await expect(page.locator("body")).toContainText(/各季度健康度：\d{4}年第[1-4]季度/);
    expect(await mainText(page)).not.toMatch(QUARTER_KEY);
  });

  test("[I18N] an incident is 故障 in Chinese, in the page title as on the page", async ({ page, signIn }) => {
    await signIn("agent@attain.test");
    await readInChinese(page);
    await page.goto("/incidents");
    await expect(page).toHaveTitle("故障 · Attain");
    await page.getByRole("link", { name: "登记故障" }).click();
    await expect(page).toHaveTitle("登记故障 · Attain");
  });

  test("[I18N] the SDK lifecycle names the server SDK once and the administrator reads its dates as dates", async ({
    page,
    signIn,
  }) => {
    await readInChinese(page);
    await page.goto("/sdk-lifecycle");
    await expect(page.getByRole("table", { name: "服务端 SDK 版本线" })).toBeVisible();
    await expect(page.locator("main")).not.toContainText("SDK SDK");
    await signIn("admin@attain.test");
    await page.goto("/admin/sdk-lifecycle");
    await expect(page.locator("main")).toContainText(/Android 4\.2\.x \d{4}年\d{1,2}月\d{1,2}日 发布 · 完整支持至 /);
    expect(await mainText(page)).not.toMatch(ISO_DAY);
  });

  test("[I18N] a time on the notifications page and a target version's start name their zone", async ({
    page,
    signIn,
  }) => {
    await signIn("dev@nimbus.example");
    await readInChinese(page);
    await page.goto("/notifications");
    await expect(page.locator("main")).toContainText("时间按 America/Los_Angeles（北美太平洋时间） 显示");
    await signIn("admin@attain.test");
    await page.goto("/admin/targets/basic");
    await expect(page.getByText(/^第 \d+ 版，自 .*(GMT|UTC).* 起生效$/).first()).toBeVisible();
  });

  test("[I18N] on a phone a manager's tap on 删除 beside 编辑 asks before a shared macro goes, and the buttons are big enough to hit", async ({
    page,
    signIn,
  }) => {
    await signIn("manager@attain.test");
    await readInChinese(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/macros");
    const remove = page.getByRole("button", { name: /^删除: / }).first();
    const name = (await remove.getAttribute("aria-label"))!.slice("删除: ".length);
    for (const button of [remove, page.getByRole("button", { name: `编辑: ${name}` })]) {
      expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    }
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await remove.click();
    expect(asked).toBe(`删除宏“${name}”？删除后任何人都无法再使用它。`);
    await page.reload();
    await expect(page.getByRole("button", { name: `删除: ${name}` })).toBeVisible();
  });
});
