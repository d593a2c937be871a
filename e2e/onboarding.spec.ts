import { expect, test, type Browser, type Page } from "@playwright/test";
import { openDatabase } from "./db";

/**
 * A vendor installs Attain in production mode on an empty database (the second server of
 * playwright.config.ts) and onboards its first customer through the browser: setup of the first
 * administrator, an organization, an account manager and a customer administrator invited by
 * email, a colleague invited by the customer administrator who files a ticket, a password reset by
 * the emailed link, and a deactivated colleague signed out at once. Mail is read from the outbox.
 */
const BASE = process.env.E2E_PROD_URL!;
const DB_FILE = process.env.E2E_PROD_DB_PATH!;
const SETUP_TOKEN = process.env.E2E_SETUP_TOKEN!;
const ADMIN = { email: "it@vendor.example", password: "harbour lantern copper violin" };
const ORG = "Aurora Streaming";
const LEAD = { email: "lead@aurora.example", password: "maple orbit quiet thunder" };
const COLLEAGUE = { email: "mei@aurora.example", password: "river glass autumn falcon" };

test.use({ baseURL: BASE });
test.describe.configure({ mode: "serial", timeout: 120_000 });

/** The newest link of a kind mailed to an address (the outbox holds every email the portal sends). */
function mailedLink(to: string, kind: "invite" | "signin/reset"): string {
  const db = openDatabase(DB_FILE);
  try {
    const row = db.prepare('select body from outbox where "to" = ? order by id desc limit 1').get(to) as
      { body: string } | undefined;
    const link = new RegExp(`/${kind}/[A-Za-z0-9_-]+`).exec(row?.body ?? "")?.[0];
    if (!link) throw new Error(`no ${kind} link mailed to ${to}`);
    return link;
  } finally {
    db.close();
  }
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

async function acceptInvitation(browser: Browser, to: string, password: string, locale?: "zh") {
  const context = await browser.newContext({ baseURL: BASE, locale: locale === "zh" ? "zh-CN" : "en-US" });
  const page = await context.newPage();
  await page.goto(mailedLink(to, "invite"));
  const zh = locale === "zh";
  await expect(page.getByRole("heading", { name: zh ? "加入 Attain" : "Join Attain" })).toBeVisible();
  await page.getByLabel(zh ? "新密码" : "New password").fill(password);
  await page.getByRole("button", { name: zh ? "设置密码并加入" : "Set password and join" }).click();
  await expect(page.getByText(zh ? "您的账号已就绪，请使用新密码登录。" : "Your account is ready.")).toBeVisible();
  return { context, page };
}

test("[IDENTITY] a production start has no demo: the first visit sets up the administrator with the token from the log", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up Attain" })).toBeVisible();
  await expect(page.getByText(/Demo data|attain-demo/)).toHaveCount(0);
  // Not even in the page's data: the demo password is named only where the demo is installed.
  expect(await page.content()).not.toContain("attain-demo");
  await page.getByLabel("Setup token").fill("not-the-token-from-the-log-000");
  await page.getByLabel("Your name").fill("Ingrid IT");
  await page.getByLabel("Email", { exact: true }).fill(ADMIN.email);
  await page.getByLabel("New password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create the administrator" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("The setup token is not right.");
  await page.getByLabel("Setup token").fill(SETUP_TOKEN);
  await page.getByRole("button", { name: "Create the administrator" }).click();
  await expect(page.getByText("The administrator is created. Sign in to continue.")).toBeVisible();
  await expect(page.getByText(/attain-demo/)).toHaveCount(0);
  // The setup page is gone for good.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/signin/);
  // The demo's password lets nobody in.
  await page.getByLabel("Email", { exact: true }).fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill("attain-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
});

test("[IDENTITY] the administrator creates an organization and invites an account manager and a customer administrator", async ({
  page,
  browser,
}) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/organizations/new");
  await page.getByLabel("Name", { exact: true }).fill(ORG);
  await page.getByLabel("Tier").selectOption({ label: "Advanced" });
  await page.getByLabel("Support region").selectOption({ label: "EMEA" });
  await page.getByLabel("Contract start").fill("2026-01-01");
  await page.getByLabel("Contract end").fill("2027-12-31");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/admin\/organizations\/\d+\?created=1$/);
  const orgId = /organizations\/(\d+)/.exec(page.url())![1];

  await page.goto("/admin/people");
  await page.getByLabel("Email", { exact: true }).fill("sam@vendor.example");
  await page.getByLabel("Name", { exact: true }).fill("Sam Account");
  await page.getByLabel("Role").selectOption({ label: "Account manager" });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation sent to sam@vendor.example." })).toBeVisible();
  await expect(page.getByRole("table", { name: /open invitation/ })).toContainText("Sam Account");

  await page.goto(`/organizations/${orgId}/people`);
  await page.getByLabel("Email", { exact: true }).fill(LEAD.email);
  await page.getByLabel("Name", { exact: true }).fill("Lars Lead");
  await page.getByLabel(/As customer administrator/).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${LEAD.email}.` })).toBeVisible();

  const sam = await acceptInvitation(browser, "sam@vendor.example", "copper kettle mountain song");
  await signIn(sam.page, { email: "sam@vendor.example", password: "copper kettle mountain song" });
  await expect(sam.page.getByText("Account manager").first()).toBeVisible();
  await sam.context.close();
});

test("[IDENTITY] the customer administrator invites a colleague, who joins in Chinese and files a ticket", async ({
  page,
  browser,
}) => {
  const lead = await acceptInvitation(browser, LEAD.email, LEAD.password);
  await lead.context.close();
  await signIn(page, LEAD);
  await page.getByRole("link", { name: "People" }).first().click();
  await expect(page).toHaveURL(/\/organization\/people$/);
  await page.getByLabel("Email", { exact: true }).fill(COLLEAGUE.email);
  await page.getByLabel("Name", { exact: true }).fill("Mei Chen");
  await page.getByLabel("Language of the email").selectOption("zh");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${COLLEAGUE.email}.` })).toBeVisible();

  const mei = await acceptInvitation(browser, COLLEAGUE.email, COLLEAGUE.password, "zh");
  await mei.page.getByLabel("邮箱").fill(COLLEAGUE.email);
  await mei.page.getByLabel("密码", { exact: true }).fill(COLLEAGUE.password);
  await mei.page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(mei.page).not.toHaveURL(/\/signin/);
  await mei.page.goto("/tickets/new");
  await mei.page.locator('input[name="subject"]').fill("Video freezes after 30 seconds");
  await mei.page.locator('select[name="productArea"]').selectOption("video_calling");
  await mei.page.locator('select[name="category"]').selectOption("functional_bug");
  await mei.page.getByRole("radio", { name: /P2/ }).check();
  await mei.page.getByLabel("问题描述").fill("Every call freezes after 30 seconds on Android 15.");
  await mei.page.getByRole("button", { name: /提交工单/ }).click();
  await expect(mei.page.getByRole("heading", { name: /Video freezes after 30 seconds/ })).toBeVisible();
  await mei.context.close();
});

test("[IDENTITY] a forgotten password is reset by the emailed link; a deactivated colleague is signed out at once", async ({
  page,
  browser,
}) => {
  await page.goto("/signin/forgot");
  await page.getByLabel("Email", { exact: true }).fill(COLLEAGUE.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("If an account exists for that address");
  await page.goto(mailedLink(COLLEAGUE.email, "signin/reset"));
  const fresh = "lotus harbor midnight cedar";
  await page.getByLabel("New password", { exact: true }).fill(fresh);
  await page.getByLabel("Repeat the new password").fill(fresh);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/signin/);

  const colleague = await browser.newContext({ baseURL: BASE });
  const meiPage = await colleague.newPage();
  await signIn(meiPage, { email: COLLEAGUE.email, password: fresh });
  await meiPage.goto("/tickets");
  // Mei chose Chinese when she joined.
  await expect(meiPage.getByRole("heading", { name: "工单", exact: true })).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, LEAD);
  await page.goto("/organization/people");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Deactivate Mei Chen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Mei Chen was deactivated" })).toBeVisible();

  await meiPage.goto("/tickets");
  await expect(meiPage).toHaveURL(/\/signin/);
  await colleague.close();
});
