import { expect, test } from "./fixtures";
import { openDatabase } from "./db";

/** The database the e2e server runs on (playwright.config.ts), for arranging an article directly. */

test.describe("[KB] knowledge base", () => {
  test('[KB] an anonymous visitor searches "error 110" and opens the Error 110 article, first in the results', async ({
    page,
  }) => {
    await page.goto("/kb");
    await expect(page).toHaveURL(/\/kb$/);
    await expect(page.getByRole("heading", { name: "Knowledge base", level: 1 })).toBeVisible();
    await page.getByRole("searchbox", { name: "Search the knowledge base" }).fill("error 110");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/[?&]q=error\+110/);
    const results = page.getByRole("list", { name: /Results for/ }).getByRole("listitem");
    const first = results.first();
    await expect(first.getByRole("link").first()).toHaveText("Error 110: token invalid or expired");
    await expect(first).toContainText("Error code 110");
    await expect(page.getByText(/^Runbook/)).toHaveCount(0);
    await first.getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Error 110: token invalid or expired", level: 1 })).toBeVisible();
    await expect(page.getByText(/Last reviewed/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Read in 中文" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in to rate this article" })).toBeVisible();
  });

  test("[KB] the front page shows popular and recent articles, known issues and the status in brief, and pages through every article", async ({
    page,
  }) => {
    await page.goto("/kb");
    await expect(page.getByRole("region", { name: "Popular articles" }).getByRole("link")).toHaveCount(5);
    await expect(page.getByRole("region", { name: "Recently updated" }).getByRole("link")).toHaveCount(5);
    const issues = page.getByRole("region", { name: "Service status and known issues" });
    await expect(issues.getByRole("link", { name: "All known issues" })).toBeVisible();
    await expect(issues.getByText("Sign in to see the service status of your organization.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Published SLA reports" })).toBeVisible();
    const pages = page.getByRole("navigation", { name: "Pages of results" });
    await expect(pages).toContainText(/Page 1 of \d+/);
    await expect(pages.getByRole("link", { name: /^Previous/ })).toHaveCount(0);
    await pages.getByRole("link", { name: "Next page, page 2" }).click();
    await expect(page).toHaveURL(/\/kb\?page=2$/);
    await expect(page.getByRole("navigation", { name: "Pages of results" })).toContainText(/Page 2 of \d+/);
    await page.screenshot({ path: "test-results/kb-front-page-2.png", fullPage: true });
    // Back to the first page: its address carries no page number.
    await page.getByRole("link", { name: "Previous page, page 1" }).click();
    await expect(page).toHaveURL(/\/kb$/);
  });

  test("[KB] a misspelled search shows the corrected query's results, pages through them, and can search for what was typed", async ({
    page,
  }) => {
    await page.goto("/kb");
    await page.getByRole("searchbox", { name: "Search the knowledge base" }).fill("andriod");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/kb\?q=andriod$/);
    await expect(page.getByText(/Showing results for “android”\./)).toBeVisible();
    await expect(page.getByRole("heading", { name: /Results for “android” · \d+ articles/ })).toBeVisible();
    const results = page.getByRole("list", { name: /Results for/ }).getByRole("listitem");
    await expect(results).toHaveCount(20);
    const pages = page.getByRole("navigation", { name: "Pages of results" });
    await expect(pages).toContainText(/Page 1 of [3-9]/);
    await pages.getByRole("link", { name: "Next page, page 2" }).click();
    await expect(page).toHaveURL(/\/kb\?q=andriod&page=2$/);
    await expect(page.getByText(/Showing results for “android”\./)).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Pages of results" })).toContainText(/Page 2 of [3-9]/);
    await expect(results.first()).toBeVisible();
    await page.screenshot({ path: "test-results/kb-search-corrected.png", fullPage: true });

    await page.getByRole("link", { name: "andriod", exact: true }).click();
    await expect(page).toHaveURL(/exact=1/);
    await expect(page.getByText(/No article matches your search/)).toBeVisible();
    await expect(page.getByText("Did you mean")).toBeVisible();
  });

  test("[KB] every page's header has the knowledge base search, signed in or not, on a phone in the menu", async ({
    page,
    signIn,
  }) => {
    // Signed in, on a page outside the knowledge base, at desktop width.
    await signIn("dev@nimbus.example");
    await page.goto("/tickets");
    await page.getByRole("searchbox", { name: "Find help articles" }).fill("token");
    await page.getByRole("button", { name: "Find articles" }).click();
    await expect(page).toHaveURL(/\/kb\?q=token$/);
    // On a phone, in the menu.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/tickets");
    await expect(page.getByRole("searchbox", { name: "Find help articles" })).toBeHidden();
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(async () => {
      await menu.click();
      await expect(menu).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
    }).toPass();
    await expect(page.getByRole("searchbox", { name: "Find help articles" })).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.context().clearCookies();

    // A visitor, on an article.
    await page.goto("/kb/fixing-echo-during-calls?lang=en");
    await page.getByRole("searchbox", { name: "Find help articles" }).fill("echo");
    await page.getByRole("button", { name: "Find articles" }).click();
    await expect(page).toHaveURL(/\/kb\?q=echo$/);
    await expect(
      page
        .getByRole("list", { name: /Results for “echo”/ })
        .getByRole("listitem")
        .first(),
    ).toBeVisible();
  });

  test("[KB] an internal runbook does not exist for an anonymous visitor", async ({ page }) => {
    await page.goto("/kb/runbook-token-error-triage");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Runbook: triaging token error tickets")).toHaveCount(0);
  });

  test("[KB] a customer votes an article not helpful with a reason and is offered a ticket", async ({
    page,
    signIn,
  }) => {
    await signIn("dev@nimbus.example");
    await page.goto("/kb/fixing-echo-during-calls?lang=en");
    await expect(page.getByRole("heading", { name: "Fixing echo during calls", level: 1 })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Knowledge base" }),
    ).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("button", { name: "No" })).toBeEnabled();
    await page.getByRole("button", { name: "No" }).click();
    await page.getByRole("radio", { name: "Missing information" }).check();
    await page.getByLabel("Anything else? (optional)").fill("Nothing about Bluetooth headsets.");
    await page.getByRole("button", { name: "Send feedback" }).click();
    await expect(page.getByText("Thanks. We will improve this article.")).toBeVisible();
    const ticket = page.getByRole("link", { name: "Still stuck? File a ticket about this article" });
    await expect(ticket).toHaveAttribute(
      "href",
      /\/tickets\/new\?subject=Fixing\+echo\+during\+calls&article=fixing-echo-during-calls/,
    );
    await page.reload();
    await expect(page.getByText("You found this article not helpful.")).toBeVisible();
  });

  test("[KB] an article's Markdown renders with highlighted code and a table of contents, and a <script>, onerror= or javascript: link in it never runs", async ({
    page,
  }) => {
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const db = openDatabase();
    db.prepare(
      // A different updated_at (one millisecond on, no clock needed) is what makes the rendered-HTML cache render the new body.
      `UPDATE articles SET body = body || ?, updated_at = updated_at + 1 WHERE slug = 'fixing-echo-during-calls' AND locale = 'en'`,
    ).run(
      '\n\n<script>alert("script")</script>\n\n<img src="x" onerror="alert(\'onerror\')">\n\n[Open the guide](javascript:alert("link"))\n',
    );
    db.close();
    await page.goto("/kb/fixing-echo-during-calls?lang=en");
    await expect(page.getByText("Open the guide")).toBeVisible();
    await expect(page.getByText("Open the guide")).not.toHaveAttribute("href", /javascript/);
    await page.getByText("Open the guide").click();
    await expect(page.getByRole("navigation", { name: "On this page" }).getByRole("link").first()).toBeVisible();
    await expect(page.locator(".kb-prose pre code.hljs").first()).toBeVisible();
    expect(dialogs).toEqual([]);
  });
});

test.describe("[KB] in Chinese", () => {
  test.use({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });

  test("[KB] a Chinese browser searches 回声 and gets the echo article first", async ({ page }) => {
    await page.goto("/kb");
    await expect(page.getByRole("heading", { name: "知识库", level: 1 })).toBeVisible();
    await page.getByRole("searchbox", { name: "搜索知识库" }).fill("回声");
    await page.getByRole("button", { name: "搜索" }).click();
    const first = page
      .getByRole("list", { name: /搜索结果/ })
      .getByRole("listitem")
      .first();
    await expect(first.getByRole("link").first()).toHaveText("通话中出现回声怎么办");
    await expect(first.locator("mark").first()).toHaveText("回声");
    await first.getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "通话中出现回声怎么办", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "阅读 English 版" })).toBeVisible();
  });
});
