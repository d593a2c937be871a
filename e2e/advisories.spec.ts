import type { Browser, Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

async function asUser(browser: Browser, email: string): Promise<Page> {
  const ctx = await browser.newContext({ timezoneId: "America/Los_Angeles" });
  const page = await ctx.newPage();
  await signInAs(page, email);
  return page;
}

/** The customer reports Android 4.4.2 on a ticket of their own, so their organization is on an affected version. */
async function fileAndroidTicket(page: Page): Promise<void> {
  const res = await page.request.post("/api/trpc/tickets.create", {
    data: {
      json: {
        subject: "Token refresh fails on Android 4.4.2",
        description: "After 24 hours the token refresh callback never fires on Android.",
        productArea: "voice_calling",
        category: "functional_bug",
        priority: "P2",
        sdkPlatform: "android",
        sdkVersion: "4.4.2",
      },
    },
  });
  expect(res.ok()).toBe(true);
}

test.describe("security advisories", () => {
  test("[ADVISORIES] an admin publishes a critical advisory for Android 4.2.0-4.4.x; a customer on 4.4.2 is told and acknowledges", async ({
    page,
    signIn,
    browser,
  }) => {
    const customer = await asUser(browser, "dev@nimbus.example");
    await fileAndroidTicket(customer);

    await signIn("admin@attain.test");
    await page.goto("/advisories/new");
    await page.getByLabel("Title (English)").fill("Token replay in the Android SDK");
    await page.getByLabel("Title (Chinese)").fill("Android SDK 令牌重放");
    await page.getByLabel("Description (English)").fill("A captured token can be replayed to join a channel.");
    await page.getByLabel("Description (Chinese)").fill("截获的令牌可被重放以加入频道。");
    await page.getByLabel("Voice calling").check();
    await page.getByLabel("Platform").selectOption("android");
    await page.getByLabel("Versions").fill("four point two");
    await page.getByLabel("Fixed in").fill("4.5.1");
    // The score is computed as the vector is typed: an incomplete one says so, a whole one is scored.
    await page.getByLabel("CVSS v3.1 vector").fill("CVSS:3.1/AV:N/AC:L/PR:N");
    await expect(page.getByText("Not a complete CVSS v3.1 vector yet.")).toBeVisible();
    await page.getByLabel("CVSS v3.1 vector").fill("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    await expect(page.getByText("Base score 9.8 (Critical)")).toBeVisible();
    await page.getByLabel("Upgrade steps (English)").fill("Upgrade to 4.5.1 and renew every token.");
    await page.getByLabel("Upgrade steps (Chinese)").fill("升级到 4.5.1 并续期所有令牌。");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: test.info().outputPath("editor-desktop.png"), fullPage: true });

    // A range that does not parse is refused and nothing is saved.
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText(/"four point two" is not a version range/)).toBeVisible();
    await expect(page).toHaveURL(/\/advisories\/new$/);

    await page.getByLabel("Versions").fill("4.2.0 - 4.4.x");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(/\/advisories\/\d+$/);
    const url = new URL(page.url()).pathname;
    await expect(page.getByText("Critical · CVSS 9.8")).toBeVisible();
    await page.getByRole("button", { name: "Publish and notify affected organizations" }).click();
    await expect(page.getByText(/organizations have not acknowledged/)).toBeVisible();
    await expect(page.getByRole("row", { name: /Nimbus Live/ }).getByText("Not acknowledged")).toBeVisible();

    // The customer is told (notification and banner) and acknowledges for their organization.
    await customer.goto("/notifications");
    await expect(
      customer.getByText("A security advisory affects your organization's SDK versions").first(),
    ).toBeVisible();
    await customer.goto("/");
    await customer.getByRole("link", { name: /Token replay in the Android SDK/ }).click();
    await expect(customer).toHaveURL(new RegExp(`${url}$`));
    // The range as people write it, not its syntax ("4.2.0 - 4.4.x" covers 4.2.0 up to 4.5.0).
    await expect(customer.getByText("4.2.0 up to (not including) 4.5.0", { exact: true })).toBeVisible();
    await customer.getByRole("button", { name: "Acknowledge for my organization" }).click();
    await expect(customer.getByText(/Your organization acknowledged this advisory on/)).toBeVisible();
    await customer.goto("/");
    await expect(customer.getByRole("link", { name: /Token replay in the Android SDK/ })).toHaveCount(0);

    await page.reload();
    await expect(page.getByRole("row", { name: /Nimbus Live/ }).getByText("Not acknowledged")).toHaveCount(0);

    // The published advisory is public, in both languages.
    const visitor = await browser.newContext();
    const anon = await visitor.newPage();
    await anon.goto("/advisories");
    await expect(anon.getByRole("link", { name: "Token replay in the Android SDK" })).toBeVisible();
    await expect(
      anon
        .getByRole("listitem")
        .filter({ has: anon.getByRole("link", { name: "Token replay in the Android SDK" }) })
        .getByText(/^Android 4\.2\.0 up to \(not including\) 4\.5\.0/),
    ).toBeVisible();
    await anon.screenshot({ path: test.info().outputPath("public-desktop.png"), fullPage: true });
    await anon.setViewportSize({ width: 390, height: 844 });
    await anon.goto(url);
    await expect(anon.getByText("Upgrade to 4.5.1 and renew every token.")).toBeVisible();
    await anon.screenshot({ path: test.info().outputPath("public-phone.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/advisories/new");
    await page.screenshot({ path: test.info().outputPath("editor-phone.png"), fullPage: true });
    await visitor.close();
  });
});
