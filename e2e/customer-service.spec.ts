import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Issue #21: what the customer sees of their service: "Our service", the service scope pages, the
// published SLA reports and the home page's brief.

const SHOTS = process.env.E2E_SHOTS ?? path.join("test-results", "customer-service");
const PHONE = { width: 390, height: 844 };
fs.mkdirSync(SHOTS, { recursive: true });

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Orbit Chat's people read Chinese by their profile; the English assertions choose English. */
async function english(page: Page) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: "http://127.0.0.1" }]);
}

async function chinese(page: Page) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh", url: "http://127.0.0.1" }]);
}

test.describe("[SERVICE] Our service", () => {
  test("[SERVICE] an Enterprise customer reads their organization's SLA results, drills down to their tickets and downloads them as CSV", async ({
    page,
    signIn,
  }) => {
    await signIn("dev@nimbus.example");
    await page.goto("/");
    await page.getByRole("navigation").getByRole("link", { name: "Our service" }).first().click();
    await expect(page).toHaveURL(/\/organization\/sla$/);
    await expect(page).toHaveTitle("Our service · Attain");
    await expect(page.getByRole("heading", { name: "Our service", level: 1 })).toBeVisible();
    await expect(page.getByText(/How Nimbus Live \(Enterprise\) was served/)).toBeVisible();
    // Every percentage has its n and excluded count beside it.
    const fr = page.getByRole("region", { name: "First response" });
    await expect(fr.getByRole("rowheader", { name: "All priorities" })).toBeVisible();
    await expect(fr.getByText(/n = \d+ · \d+ excluded/).first()).toBeVisible();
    // Credits: availability against the commitment, and the contract's support-target credits.
    const credits = page.getByRole("region", { name: "Availability and service credits" });
    await expect(credits.getByText(/commitment of 99\.99 %/)).toBeVisible();
    await expect(credits.getByText(/2 % of the monthly fee for each missed P0, P1 support target/)).toBeVisible();
    await shoot(page, "our-service-desktop-en");

    // CSV of the same figures.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^our-service-\d{4}-Q\d\.csv$/);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv).toContain("Period,Metric,Priority,Met,Breached,n,Excluded,Attainment (%)");
    expect(csv).toContain("First response,All priorities");
    expect(csv).not.toMatch(/Orbit Chat|Aurora|Vertex/);

    // Drill down from a figure to the organization's own tickets.
    await page.getByRole("link", { name: /Q\d$/ }).first().waitFor();
    await page
      .getByRole("link", { name: /^\d{4}-Q\d$/ })
      .nth(1)
      .click();
    await expect(page).toHaveURL(/quarter=\d{4}-Q\d/);
    await page
      .getByRole("region", { name: "Resolution" })
      .getByRole("link", { name: /show the tickets/ })
      .last()
      .click();
    await expect(page.getByRole("heading", { name: "Tickets behind the figure", level: 1 })).toBeVisible();
    const first = page.getByRole("table").getByRole("link").first();
    await expect(first).toBeVisible();
    await first.click();
    await expect(page).toHaveURL(/\/tickets\/\d+$/);
    expect((await page.goto(page.url()))?.status()).toBe(200);
  });

  test("[SERVICE] the service page at phone width and in Chinese", async ({ page, signIn }) => {
    await signIn("dev@nimbus.example");
    await chinese(page);
    await page.setViewportSize(PHONE);
    await page.goto("/organization/sla");
    await expect(page).toHaveTitle("我们的服务 · Attain");
    await expect(page.getByRole("heading", { name: "我们的服务", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "可用性与服务赔付" })).toBeVisible();
    // The page does not widen beyond the phone: tables scroll inside their cards.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await shoot(page, "our-service-phone-zh");
  });

  test("[SERVICE] a Basic customer has their service page too, with no Reviews item in the navigation", async ({
    page,
    signIn,
  }) => {
    await signIn("ops@orbit.example");
    await english(page);
    await page.goto("/organization/sla");
    await expect(page.getByText(/How Orbit Chat \(Basic\) was served/)).toBeVisible();
    await expect(page.getByText("Your contract grants credits for availability only")).toBeVisible();
    const nav = page.getByRole("navigation").first();
    await expect(nav.getByRole("link", { name: "Our service" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Reviews" })).toHaveCount(0);
    await shoot(page, "our-service-basic-desktop-en");
    // The Enterprise customer keeps theirs.
    await page.context().clearCookies();
    await signIn("dev@nimbus.example");
    await english(page);
    await page.goto("/");
    await expect(page.getByRole("navigation").first().getByRole("link", { name: "Reviews" })).toBeVisible();
  });

  test("[SERVICE] staff have no service page of their own", async ({ page, signIn }) => {
    await signIn("agent@attain.test");
    expect((await page.goto("/organization/sla"))?.status()).toBe(403);
  });
});

test.describe("[SERVICE] Service scope", () => {
  test("[SERVICE] a visitor reads what the Advanced tier covers before signing in, in English and Chinese", async ({
    page,
  }) => {
    const res = await page.goto("/service-scope/advanced");
    expect(res?.status()).toBe(200);
    await expect(page).toHaveTitle("Advanced service scope · Attain");
    const targets = page.getByRole("region", { name: "Targets by priority" });
    await expect(targets.getByRole("row", { name: /P0 urgent/ })).toContainText("1 h");
    await expect(targets.getByRole("row", { name: /P3 low/ })).toContainText("1 business day");
    await expect(page.getByRole("region", { name: "What is covered" })).toContainText("Feature requests");
    await expect(page.getByRole("region", { name: "When a ticket does not count towards the SLA" })).toContainText(
      "24 months",
    );
    await expect(page.getByRole("region", { name: "How to escalate and complain" })).toBeVisible();
    await shoot(page, "scope-advanced-desktop-en");
    expect((await page.goto("/service-scope/platinum"))?.status()).toBe(404);

    await chinese(page);
    await page.setViewportSize(PHONE);
    await page.goto("/service-scope/enterprise");
    await expect(page).toHaveTitle("企业级服务的服务范围 · Attain");
    await expect(
      page.getByRole("region", { name: "各优先级目标" }).getByRole("row", { name: /P0 紧急/ }),
    ).toContainText("15 分钟");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await shoot(page, "scope-enterprise-phone-zh");
  });

  test("[SERVICE] a Basic customer asks for Enterprise and the request is sent to the account team", async ({
    page,
    signIn,
  }) => {
    await signIn("ops@orbit.example");
    await english(page);
    await page.goto("/service-scope/enterprise");
    const form = page.getByRole("region", { name: "Change your tier" });
    await expect(form.getByText("Your organization has the Basic tier.")).toBeVisible();
    await expect(form.getByLabel("Tier you would like")).toHaveValue("enterprise");
    await form.getByLabel("What you need (optional)").fill("We launch in three regions next quarter.");
    await form.getByRole("button", { name: "Send the request" }).click();
    await expect(form.getByRole("status")).toHaveText(
      "Your request for Enterprise was sent to your account team. They will contact you.",
    );
    // The account manager is told.
    await page.context().clearCookies();
    await signIn("am@attain.test");
    await english(page);
    await page.goto("/notifications");
    await expect(page.getByRole("main").getByText("Meeting requested").first()).toBeVisible();
  });
});

test.describe("[SERVICE] Published SLA reports and the home page", () => {
  test("[SERVICE] the published reports are found from the knowledge base", async ({ page }) => {
    await page.goto("/kb");
    await page.getByRole("link", { name: "Published SLA reports" }).click();
    await expect(page).toHaveURL(/\/reports\/sla$/);
    await expect(page).toHaveTitle("Published SLA reports · Attain");
    await expect(page.getByRole("heading", { name: "Published SLA reports", level: 1 })).toBeVisible();
    await shoot(page, "reports-index-desktop-en");
  });

  test("[SERVICE] a customer's home shows their open tickets by next due time and this quarter's results in brief", async ({
    page,
    signIn,
  }) => {
    await signIn("dev@nimbus.example");
    await page.goto("/");
    const open = page.getByRole("region", { name: "Your open tickets" });
    await expect(open.getByRole("link", { name: /^#\d+ / }).first()).toBeVisible();
    await expect(open.getByText(/Next due|Overdue since/).first()).toBeVisible();
    const brief = page.getByRole("region", { name: /Our service this quarter/ });
    await expect(brief.getByText(/n = \d+ · \d+ excluded/).first()).toBeVisible();
    await brief.getByRole("link", { name: "Month by month, credits and tickets" }).click();
    await expect(page).toHaveURL(/\/organization\/sla$/);
    await page.goto("/");
    await shoot(page, "home-desktop-en");
    await chinese(page);
    await page.setViewportSize(PHONE);
    await page.goto("/");
    await expect(page.getByRole("region", { name: "您的未关闭工单" })).toBeVisible();
    await shoot(page, "home-phone-zh");
  });

  test("[FOUNDATION] the organization and account pages are titled by what they show", async ({ page, signIn }) => {
    await signIn("dev@nimbus.example");
    await page.goto("/organization");
    await expect(page).toHaveTitle("Nimbus Live · Organization · Attain");
    await page.goto("/account");
    await expect(page).toHaveTitle("Your account · Attain");
    await page.context().clearCookies();
    await signIn("am@attain.test");
    await page.goto("/organizations/1");
    await expect(page).toHaveTitle("Nimbus Live · Organization · Attain");
    await chinese(page);
    await page.goto("/organizations/1");
    await expect(page).toHaveTitle("Nimbus Live · 组织 · Attain");
  });
});

test.describe("[FOUNDATION] Rough edges a new customer met", () => {
  test("[FOUNDATION] every page names its favicon, served from public/", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", /\/favicon\.svg/);
    const icon = await page.request.get("/favicon.svg");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  });

  test("[FOUNDATION] signing out returns to the sign-in page on the host the portal was opened on", async ({
    page,
  }) => {
    // The server's NEXTAUTH_URL names 127.0.0.1; the customer opened the portal as localhost.
    const base = `http://localhost:${new URL(test.info().project.use.baseURL!).port}`;
    await page.goto(`${base}/signin`);
    await page.getByLabel("Email").fill("dev@nimbus.example");
    await page.getByLabel("Password", { exact: true }).fill("attain-demo");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(`${base}/`);
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await expect(page).toHaveURL(new RegExp(`^${base.replace(/[.]/g, "\\.")}/signin`));
  });
});
