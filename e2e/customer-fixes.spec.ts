import { fileTicket } from "./api";
import { expect, test } from "./fixtures";

// Issue #21: the defects a new customer met.

test.describe("Status codes", () => {
  test("[FOUNDATION] a refused page answers 403 with the refusal, an unknown page 404", async ({ page, signIn }) => {
    await signIn("dev@nimbus.example");
    // Inside the portal's shell, the help center's and the public sections' (advisories, known issues).
    for (const path of ["/admin", "/queue", "/sla", "/kb/drafts", "/advisories/new", "/known-issues/new"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
      await expect(page.getByRole("alert").getByRole("link", { name: "Back to home" })).toBeVisible();
    }
    // A page the role may use still answers 200.
    expect((await page.goto("/tickets"))?.status()).toBe(200);
    // Unknown addresses and records answer 404.
    expect((await page.goto("/no-such-page"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect((await page.goto("/tickets/99999999"))?.status()).toBe(404);
  });

  test("[FOUNDATION] the refusal is in the user's language", async ({ page, signIn }) => {
    await signIn("agent@attain.test");
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh", url: "http://127.0.0.1" }]);
    const res = await page.goto("/sla");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("alert").getByRole("heading", { name: "您无权访问此页面" })).toBeVisible();
  });
});

test.describe("Page titles", () => {
  test("[FOUNDATION] every page's title names what it shows, in the user's language", async ({ page, signIn }) => {
    await signIn("manager@attain.test");
    await page.goto("/tickets/1");
    await expect(page).toHaveTitle("Ticket #1 · Attain");
    await page.goto("/queue");
    await expect(page).toHaveTitle("Queue · Attain");
    await page.goto("/notifications");
    await expect(page).toHaveTitle("Notifications · Attain");
    await page.goto("/kb");
    await expect(page).toHaveTitle("Knowledge base · Attain");

    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh", url: "http://127.0.0.1" }]);
    await page.goto("/tickets/1");
    await expect(page).toHaveTitle("工单 #1 · Attain");
    await page.goto("/queue");
    await expect(page).toHaveTitle("队列 · Attain");
    await page.goto("/kb");
    await expect(page).toHaveTitle("知识库 · Attain");
  });
});

test.describe("Nothing chosen for the customer", () => {
  test("[TICKETS] the dispute form proposes no priority and the rating form gives no score until the customer chooses", async ({
    page,
    signIn,
  }) => {
    await signIn("dev@nimbus.example");
    await page.goto("/tickets/new");
    await expect(page.getByRole("button", { name: "Submit ticket" })).toBeEnabled();
    await page.getByLabel("Subject").fill("Audio drops when a participant joins");
    await page.getByLabel("Product area").selectOption("video_calling");
    await page.getByLabel("Category").selectOption("functional_bug");
    await page.getByRole("radio", { name: /P2/ }).check();
    await page.getByLabel("Description").fill("Audio drops for two seconds whenever someone joins.");
    await page.getByRole("button", { name: "Submit ticket" }).click();
    await expect(page.getByRole("heading", { name: /Audio drops when a participant joins/ })).toBeVisible();
    const ticketUrl = page.url();

    // No proposed priority is chosen for the customer; sending without one asks to choose and sends nothing.
    await expect(page.getByRole("button", { name: "Send dispute" })).toBeEnabled();
    await expect(page.getByLabel("Proposed priority")).toHaveValue("");
    await page.getByLabel("Reason", { exact: true }).fill("It affects every meeting.");
    await page.getByRole("button", { name: "Send dispute" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Choose the priority you propose." })).toBeVisible();
    await expect(page.getByText("Waiting for a manager")).toHaveCount(0);
    await page.getByLabel("Proposed priority").selectOption("P1");
    await page.getByRole("button", { name: "Send dispute" }).click();
    await expect(page.getByText("Waiting for a manager")).toBeVisible();

    await signIn("agent@attain.test");
    await page.goto(ticketUrl);
    await expect(page.getByRole("button", { name: "Send reply" })).toBeEnabled();
    await page.getByLabel("Status").selectOption("resolved");
    await page.getByRole("combobox", { name: /^Resolution/ }).selectOption("fix");
    await page.getByLabel("Your reply").fill("Fixed in SDK 4.5.2.");
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(page.getByText("Resolved", { exact: true }).first()).toBeVisible();

    // No score is given for the customer either.
    await signIn("dev@nimbus.example");
    await page.goto(ticketUrl);
    await expect(page.getByRole("button", { name: "Send rating" })).toBeEnabled();
    for (const n of [1, 2, 3, 4, 5]) await expect(page.getByRole("radio", { name: `${n} of 5` })).not.toBeChecked();
    await page.getByRole("button", { name: "Send rating" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Choose a score from 1 to 5." })).toBeVisible();
    await expect(page.getByText(/You rated this ticket/)).toHaveCount(0);
    await page.getByRole("radio", { name: "5 of 5" }).check();
    await page.getByRole("button", { name: "Send rating" }).click();
    await expect(page.getByText("You rated this ticket 5 of 5.")).toBeVisible();
  });
});

test.describe("Phone menu", () => {
  test("[FOUNDATION] Escape closes the phone menu and the focus returns to its button", async ({ page, signIn }) => {
    await signIn("agent@attain.test");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    const menu = page.getByRole("button", { name: "Menu" });
    // Until hydrated a click does nothing; click again until the menu opens.
    await expect(async () => {
      await menu.click();
      await expect(menu).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
    }).toPass();
    await expect(page.locator("#mobile-nav")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.locator("#mobile-nav")).toHaveCount(0);
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
  });
});

test.describe("Ticket list on a phone", () => {
  test("[TICKETS] at phone width each ticket reads as a card, in Chinese too, and nothing scrolls sideways", async ({
    page,
    signIn,
  }, testInfo) => {
    await signIn("dev@nimbus.example");
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [locale, list, created] of [
      ["en", "Tickets", "Created"],
      ["zh", "工单", "创建时间"],
    ] as const) {
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: "http://127.0.0.1" }]);
      await page.goto("/tickets");
      // One table, sent once: on a phone its rows are cards and each cell names itself.
      const table = page.getByRole("table", { name: list, exact: true });
      const card = table.locator("tbody tr").first();
      await expect(card).toBeVisible();
      expect(await card.evaluate((el) => getComputedStyle(el).display)).toBe("block");
      await expect(table.locator("thead")).toBeHidden();
      const dateCell = card.locator("td").last();
      await expect(dateCell).toHaveAttribute("data-label", created);
      expect(await dateCell.evaluate((el) => getComputedStyle(el, "::before").content)).toBe(`"${created}"`);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(wide, "the page is not wider than the screen").toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`tickets-phone-${locale}.png`), fullPage: true });
    }
    // The card's subject opens the ticket.
    await page.getByRole("table", { name: "工单", exact: true }).locator("tbody tr").first().getByRole("link").click();
    await expect(page).toHaveURL(/\/tickets\/\d+$/);
  });
});

test.describe("Ticket list SLA column", () => {
  test("[TICKETS] a custom development request reads as outside the SLA, not as done", async ({ page, signIn }) => {
    await signIn("dev@nimbus.example");
    const subject = `White-label build ${Date.now()}`;
    await fileTicket(page, subject, { category: "custom_development", priority: "P3" });
    await page.goto("/tickets");
    const row = page.getByRole("row").filter({ hasText: subject });
    await expect(row.getByRole("cell").filter({ hasText: "Outside SLA" })).toBeVisible();
    await expect(row).not.toContainText("Done");
  });
});

test.describe("Notifications read one by one", () => {
  test("[NOTIFICATIONS] marking one notification read leaves the others unread, and opening one marks it read", async ({
    page,
    signIn,
  }) => {
    await signIn("dev@nimbus.example");
    await page.goto("/tickets/new");
    await expect(page.getByRole("button", { name: "Submit ticket" })).toBeEnabled();
    await page.getByLabel("Subject").fill("Screen share goes black");
    await page.getByLabel("Product area").selectOption("video_calling");
    await page.getByLabel("Category").selectOption("functional_bug");
    await page.getByRole("radio", { name: /P2/ }).check();
    await page.getByLabel("Description").fill("Screen share goes black after a minute.");
    await page.getByRole("button", { name: "Submit ticket" }).click();
    await expect(page.getByRole("heading", { name: /Screen share goes black/ })).toBeVisible();
    const ticketUrl = page.url();

    await signIn("agent@attain.test");
    await page.goto(ticketUrl);
    for (const body of ["Which SDK version?", "Which browser?"]) {
      await expect(page.getByRole("button", { name: "Send reply" })).toBeEnabled();
      await page.getByLabel("Your reply").fill(body);
      await page.getByRole("button", { name: "Send reply" }).click();
      await expect(page.getByText(body)).toBeVisible();
    }

    await signIn("dev@nimbus.example");
    await page.goto("/notifications");
    const items = page.getByRole("listitem").filter({ hasText: "Screen share goes black" });
    await expect(items).toHaveCount(2);
    await expect(items.getByText("Unread", { exact: true })).toHaveCount(2);
    // One marked read; the other stays unread.
    await expect(items.nth(0).getByRole("button", { name: "Mark read" })).toBeEnabled();
    await items.nth(0).getByRole("button", { name: "Mark read" }).click();
    await expect(items.getByText("Unread", { exact: true })).toHaveCount(1);
    await expect(items.nth(0).getByRole("button", { name: "Mark read" })).toHaveCount(0);
    await expect(items.nth(1).getByText("Unread", { exact: true })).toBeVisible();
    // Opening the other takes the customer to the ticket and marks it read.
    await items.nth(1).getByRole("link").click();
    await expect(page).toHaveURL(ticketUrl);
    await expect(page.getByRole("heading", { name: /Screen share goes black/ })).toBeVisible();
    await expect(async () => {
      await page.goto("/notifications");
      await expect(items.getByText("Unread", { exact: true })).toHaveCount(0, { timeout: 1_000 });
    }).toPass();
    await expect(items).toHaveCount(2);
  });
});
