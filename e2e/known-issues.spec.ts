import type { Browser, Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

async function asUser(browser: Browser, email: string): Promise<Page> {
  const ctx = await browser.newContext({ timezoneId: "America/Los_Angeles" });
  const page = await ctx.newPage();
  await signInAs(page, email);
  return page;
}

/** A ticket the signed-in customer files through the API (they are its requester, so they are told). */
async function fileTicket(page: Page, subject: string): Promise<string> {
  const res = await page.request.post("/api/trpc/tickets.create", {
    data: {
      json: {
        subject,
        description: "About one join in ten times out after switching from Wi-Fi to 5G.",
        productArea: "voice_calling",
        category: "functional_bug",
        priority: "P2",
        sdkPlatform: "android",
        sdkVersion: "4.4.2",
      },
    },
  });
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { result: { data: { json: { id: number } } } };
  return `/tickets/${body.result.data.json.id}`;
}

test.describe("known issues and the SDK lifecycle", () => {
  test("an agent links tickets of two organizations to a known issue; fixed in 4.5.1 tells both, and a customer verifies", async ({
    page,
    signIn,
    browser,
  }) => {
    const nimbus = await asUser(browser, "dev@nimbus.example");
    const orbit = await asUser(browser, "ops@orbit.example");
    const nimbusTicket = await fileTicket(nimbus, "Joins time out after a network change (Nimbus)");
    const orbitTicket = await fileTicket(orbit, "Joins time out after a network change (Orbit)");

    await signIn("agent@attain.test");
    await page.goto("/known-issues/new");
    await page.getByLabel("Title (English)").fill("Join times out after a network change");
    await page.getByLabel("Title (Chinese)").fill("网络切换后加入频道超时");
    await page.getByLabel("Affected SDK versions").fill(">=4.2.0 <4.5.1");
    await page.getByLabel("Android").check();
    await page.getByLabel("Symptoms (English)").fill("About one join in ten times out after switching networks.");
    await page.getByLabel("Symptoms (Chinese)").fill("切换网络后约十分之一的加入会超时。");
    await page.getByLabel("Workaround (English)").fill("Retry the join after two seconds.");
    await page.getByLabel("Workaround (Chinese)").fill("两秒后重试加入。");
    await page.getByRole("button", { name: "Save known issue" }).click();
    await expect(page).toHaveURL(/\/known-issues\/\d+$/);
    const issueId = /\/known-issues\/(\d+)$/.exec(page.url())![1]!;
    // The range reads as people write it; the form keeps its syntax.
    await expect(page.getByText("4.2.0 up to (not including) 4.5.1", { exact: true })).toBeVisible();

    for (const ticket of [nimbusTicket, orbitTicket]) {
      await page.goto(ticket);
      await page.getByLabel("Known issue number").fill(issueId);
      await page.getByRole("button", { name: "Link", exact: true }).click();
      await expect(page.getByText("Investigating")).toBeVisible();
    }

    await page.goto(`/known-issues/${issueId}/edit`);
    await page.getByLabel("Status").selectOption("fixed");
    await page.getByLabel("Fix version").fill("4.5.1");
    await page.getByRole("button", { name: "Save known issue" }).click();
    await expect(page.getByText("Fixed in 4.5.1")).toBeVisible();
    await expect(page.getByText("Linked tickets (2)")).toBeVisible();

    // Both customers are told, and each sees the fix on their ticket (Orbit Chat's people read Chinese).
    for (const [customer, ticket] of [
      [nimbus, nimbusTicket],
      [orbit, orbitTicket],
    ] as const) {
      await customer.goto("/notifications");
      await expect(
        customer.getByText(/The known issue of your ticket is fixed|您工单对应的已知问题已修复/).first(),
      ).toBeVisible();
      await customer.goto(ticket);
      await expect(customer.getByText(/Fixed in 4\.5\.1|已在 4\.5\.1 修复/)).toBeVisible();
    }
    await nimbus.getByRole("button", { name: "The fix works" }).click();
    await expect(nimbus.getByText("You confirmed the fix works.")).toBeVisible();

    // The public list, without signing in.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto("/known-issues?q=network+change");
    await expect(visitor.getByRole("link", { name: /Join times out after a network change/ })).toBeVisible();
    for (const p of [nimbus, orbit, visitor]) await p.context().close();
  });

  test("a customer filing on an SDK past its support window is warned before filing, with the upgrade guide", async ({
    page,
    signIn,
  }) => {
    await page.goto("/sdk-lifecycle");
    await expect(page.getByRole("heading", { name: "SDK support lifecycle" })).toBeVisible();
    await expect(page.getByText("Past its support window").first()).toBeVisible();
    await expect(page.getByRole("table", { name: "Server SDK release lines" })).toBeVisible();
    await signIn("dev@nimbus.example");
    await page.goto("/tickets/new");
    await page.getByLabel("SDK platform").selectOption("android");
    await page.getByLabel("SDK version").fill("4.2.1");
    const warning = page.getByRole("note").filter({ hasText: "past its support window" });
    await expect(warning).toContainText("Android SDK 4.2.x is past its support window");
    await expect(warning.getByRole("link", { name: "Upgrade guide" })).toHaveAttribute(
      "href",
      "/kb/release-notes-4-5-0",
    );
    await page.getByLabel("SDK version").fill("4.3.0");
    await expect(page.getByRole("note")).toContainText(
      "Android SDK 4.3.x gets security fixes only (until Apr 16, 2027)",
    );
    await page.getByLabel("SDK version").fill("4.5.0");
    await expect(warning).toHaveCount(0);
  });
});
