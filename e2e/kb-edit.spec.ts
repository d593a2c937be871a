import { expect, test } from "./fixtures";

test.describe("[KB] staff write articles", () => {
  test("[KB] an expert writes an article with an error code, previews it, publishes it, and a visitor's search for the code finds it first", async ({
    page,
    signIn,
    browser,
  }) => {
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn("expert@attain.test");
    await page.goto("/kb");
    await page.getByRole("link", { name: "New article" }).click();
    await expect(page.getByRole("heading", { name: "New article", level: 1 })).toBeVisible();
    await page.getByLabel("Title", { exact: true }).fill("Screen share stops after the window closes");
    await expect(page.getByLabel("Address", { exact: true })).toHaveValue("screen-share-stops-after-the-window-closes");
    await page.getByLabel("Summary").fill("What ERR_SCREEN_SOURCE_LOST means and how to restart sharing.");
    await page
      .getByLabel("Article text (Markdown)")
      .fill(
        "## Why it happens\n\nThe shared window was closed.\n\n<script>alert('x')</script>\n\n## Fix\n\nCall `startScreenCapture` again.",
      );
    await page.getByLabel("Error codes").fill("err_screen_source_lost, 1501");
    await page.getByLabel("Linked SDK versions").fill("4.5.0, 4.5.1");
    await page.getByLabel("Product area").selectOption({ label: "Video calling" });
    await page.getByRole("tab", { name: "Preview" }).click();
    const preview = page.getByRole("tabpanel", { name: "Preview" });
    await expect(preview.getByRole("heading", { name: "Why it happens", level: 2 })).toBeVisible();
    await expect(preview.locator("code").first()).toHaveText("startScreenCapture");
    await expect(preview.locator("script")).toHaveCount(0);
    await page.getByRole("radio", { name: /^Published/ }).check();
    await expect(page.getByRole("button", { name: "Save and publish" })).toBeEnabled();
    await page.getByRole("button", { name: "Save and publish" }).click();
    await expect(page).toHaveURL(/\/kb\/screen-share-stops-after-the-window-closes\?lang=en$/);
    await expect(
      page.getByRole("heading", { name: "Screen share stops after the window closes", level: 1 }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit" })).toBeVisible();
    expect(dialogs).toEqual([]);

    const visitor = await browser.newPage();
    await visitor.goto("/kb");
    await visitor.getByRole("searchbox", { name: "Search the knowledge base" }).fill("ERR_SCREEN_SOURCE_LOST");
    await visitor.getByRole("button", { name: "Search" }).click();
    const first = visitor
      .getByRole("list", { name: /Results for/ })
      .getByRole("listitem")
      .first();
    await expect(first.getByRole("link").first()).toHaveText("Screen share stops after the window closes");
    await expect(visitor.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await visitor.close();
  });

  test("[KB] a manager retitles an article and search finds the new title; an editor opened before that save is told to reload", async ({
    page,
    signIn,
  }) => {
    await signIn("manager@attain.test");
    await page.goto("/kb/cdn-push-rtmp/edit?lang=en");
    const other = await page.context().newPage();
    await other.goto("/kb/cdn-push-rtmp/edit?lang=en");
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Pushing a live channel to a CDN over RTMP");
    await page.getByLabel("Title", { exact: true }).fill("Relaying a live channel to a CDN over RTMP");
    await expect(page.getByRole("button", { name: "Save and publish" })).toBeEnabled();
    await page.getByRole("button", { name: "Save and publish" }).click();
    await expect(
      page.getByRole("heading", { name: "Relaying a live channel to a CDN over RTMP", level: 1 }),
    ).toBeVisible();

    await other.getByLabel("Summary").fill("An edit made in an editor opened before the other save.");
    await expect(other.getByRole("button", { name: "Save and publish" })).toBeEnabled();
    await other.getByRole("button", { name: "Save and publish" }).click();
    await expect(
      other.getByRole("alert").filter({ hasText: "Someone saved this article after you opened it." }),
    ).toBeVisible();
    await other.getByRole("button", { name: "Reload the article" }).click();
    await expect(other.getByLabel("Title", { exact: true })).toHaveValue("Relaying a live channel to a CDN over RTMP");
    await other.close();

    await page.goto("/kb?q=relaying&lang=en");
    await expect(
      page
        .getByRole("list", { name: /Results for/ })
        .getByRole("listitem")
        .first()
        .getByRole("link")
        .first(),
    ).toHaveText("Relaying a live channel to a CDN over RTMP");
  });

  test("[KB] an agent's draft is invisible to a visitor, and the agent may not publish", async ({
    page,
    signIn,
    browser,
  }) => {
    await signIn("agent@attain.test");
    await page.goto("/kb/new");
    await expect(page.getByRole("radio", { name: /^Published/ })).toBeDisabled();
    await expect(page.getByText("Experts, managers and admins publish.")).toBeVisible();
    await page.getByLabel("Title", { exact: true }).fill("Draft: Bluetooth headset drops audio");
    await page.getByLabel("Address", { exact: true }).fill("bluetooth-headset-drops-audio");
    await page.getByLabel("Article text (Markdown)").fill("Work in progress.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { name: "Draft: Bluetooth headset drops audio", level: 1 })).toBeVisible();
    await expect(page.getByText("Draft", { exact: true })).toBeVisible();
    await page.goto("/kb/drafts?view=drafts");
    await expect(page.getByRole("link", { name: "Draft: Bluetooth headset drops audio", exact: true })).toBeVisible();

    const visitor = await browser.newPage();
    await visitor.goto("/kb/bluetooth-headset-drops-audio");
    await expect(visitor.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await visitor.goto("/kb/new");
    await expect(visitor).toHaveURL(/\/signin\?callbackUrl=%2Fkb%2Fnew/);
    await visitor.close();
  });

  test("[KB] a customer cannot open the editor", async ({ page, signIn }) => {
    await signIn("dev@nimbus.example");
    await page.goto("/kb/fixing-echo-during-calls/edit?lang=zh");
    await expect(page.getByRole("alert").filter({ hasText: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByLabel("Title", { exact: true })).toHaveCount(0);
    await page.goto("/kb/fixing-echo-during-calls?lang=zh");
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  });

  test("[KB] an owner lists their own stale articles and marks one reviewed", async ({ page, signIn }) => {
    await signIn("agent@attain.test");
    await page.goto("/kb/report?stale=mine");
    const stale = page.getByRole("region", { name: "Not reviewed for 180 days" });
    await expect(stale.getByRole("link", { name: "Mine" })).toHaveAttribute("aria-current", "page");
    const rows = stale.getByRole("row");
    const count = await rows.count();
    expect(count).toBeGreaterThan(1);
    const title = (await rows.nth(1).getByRole("rowheader").innerText()).trim();
    await expect(rows.nth(1).getByRole("button", { name: `Mark reviewed: ${title}` })).toBeEnabled();
    await rows
      .nth(1)
      .getByRole("button", { name: `Mark reviewed: ${title}` })
      .click();
    await expect(stale.getByRole("rowheader", { name: title, exact: true })).toHaveCount(0);
    await page.reload();
    await expect(
      page
        .getByRole("region", { name: "Not reviewed for 180 days" })
        .getByRole("rowheader", { name: title, exact: true }),
    ).toHaveCount(0);
  });
});
