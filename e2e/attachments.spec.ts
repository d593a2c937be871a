import zlib from "node:zlib";
import type { Browser, Page } from "@playwright/test";
import sharp from "sharp";
import { expect, signInAs, test } from "./fixtures";

/** A PNG screenshot of `w` x `h` pixels, made with the same library that thumbnails it. */
async function png(w: number, h: number, color: string): Promise<Buffer> {
  return sharp({ create: { width: w, height: h, channels: 3, background: color } })
    .png()
    .toBuffer();
}

/** An SDK log of `lines` lines with one error line in the middle. */
function sdkLog(lines: number): Buffer {
  const out: string[] = [];
  for (let i = 1; i <= lines; i++)
    out.push(
      i === Math.floor(lines / 2)
        ? `2026-12-01 03:12:${String(i % 60).padStart(2, "0")} E [rtc] ERROR 1105 join channel timed out uid=4711`
        : `2026-12-01 03:12:${String(i % 60).padStart(2, "0")} I [rtc] heartbeat ok seq=${i}`,
    );
  return Buffer.from(out.join("\n") + "\n");
}

async function asUser(browser: Browser, email: string): Promise<Page> {
  const ctx = await browser.newContext({ timezoneId: "America/Los_Angeles" });
  const page = await ctx.newPage();
  await signInAs(page, email);
  return page;
}

test.describe("attachments", () => {
  test("a customer files a ticket with a log archive and a screenshot; an agent reads and searches the log and replies with an image; another organization gets 404", async ({
    page,
    signIn,
    browser,
  }) => {
    await signIn("dev@nimbus.example");
    await page.goto("/tickets/new");
    await page.getByLabel("Subject").fill("Join times out on Android since the 4.5.0 upgrade");
    await page.getByLabel("Product area").selectOption("voice_calling");
    await page.getByLabel("Category").selectOption("functional_bug");
    await page.getByLabel("Description").fill("About one join in ten times out with error 1105 since we upgraded.");
    await page.getByLabel("SDK platform").selectOption("android");
    await expect(page.getByLabel("SDK platform").locator("option:checked")).toHaveText("Android");
    await page.getByLabel("Environment", { exact: true }).selectOption("production");
    await page.getByLabel("Users affected", { exact: true }).selectOption("some");
    await page.getByLabel("App ID or project").fill("app-e2e-4711");
    await page.getByLabel("Channel name").fill("room-42");
    await expect(page.getByRole("link", { name: "How to collect logs" })).toHaveAttribute(
      "href",
      "/kb/how-to-collect-sdk-logs",
    );

    // Slow the upload down so its progress can be seen (Chromium's own network throttling).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 512 * 1024,
    });
    const archive = zlib.gzipSync(sdkLog(20_000), { level: 1 });
    await page.getByLabel("Choose files").setInputFiles([
      { name: "sdk-logs.tar.gz", mimeType: "application/gzip", buffer: archive },
      { name: "screenshot.png", mimeType: "image/png", buffer: await png(640, 360, "#3b82f6") },
      { name: "rtc-sdk.log", mimeType: "text/plain", buffer: sdkLog(3000) },
    ]);
    await expect(page.getByRole("progressbar", { name: "Uploading sdk-logs.tar.gz" })).toBeVisible();
    await expect(page.getByText("Uploaded; sent with your message")).toHaveCount(3, { timeout: 30_000 });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.getByRole("button", { name: "Submit ticket" }).click();
    await expect(page).toHaveURL(/\/tickets\/\d+$/);
    const ticketUrl = page.url();

    // The screenshot is previewed from its server-made thumbnail; every file is listed.
    const preview = page.getByRole("img", { name: "Preview of screenshot.png" });
    await expect(preview).toBeVisible();
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(page.getByRole("link", { name: "sdk-logs.tar.gz", exact: true })).toBeVisible();
    const logLink = page.getByRole("link", { name: "rtc-sdk.log", exact: true });
    const logHref = await logLink.getAttribute("href");
    const shotHref = await page.getByRole("link", { name: "screenshot.png", exact: true }).getAttribute("href");
    expect(logHref).toMatch(/^\/api\/attachments\/\d+$/);
    await expect(page.getByText("App ID or project")).toBeVisible();
    await expect(page.getByText("app-e2e-4711")).toBeVisible();

    // Downloads are attachments, never sniffed.
    const download = await page.request.get(logHref!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toContain("attachment;");
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");

    // An agent reads the log in the page, searches it, and replies with an annotated screenshot.
    const agent = await asUser(browser, "agent@attain.test");
    await agent.goto(ticketUrl);
    await agent.getByRole("button", { name: "View", exact: true }).click();
    const viewer = agent.getByRole("region", { name: "Contents of rtc-sdk.log" });
    await expect(viewer).toContainText("heartbeat ok seq=1");
    await viewer.getByRole("searchbox").fill("error 1105");
    await viewer.getByRole("button", { name: "Search" }).click();
    await expect(viewer.getByText("1 matching line in")).toBeVisible();
    await expect(viewer).toContainText("ERROR 1105 join channel timed out uid=4711");
    await expect(viewer).not.toContainText("heartbeat ok seq=1 ");
    await agent.getByLabel("Your reply").fill("The join fails at the marked step; see the annotated screenshot.");
    await agent
      .locator("#reply-files")
      .setInputFiles([{ name: "annotated.png", mimeType: "image/png", buffer: await png(800, 450, "#ef4444") }]);
    await expect(agent.getByText("Uploaded; sent with your message")).toBeVisible();
    await agent.getByRole("button", { name: "Send reply" }).click();
    await expect(agent.getByRole("img", { name: "Preview of annotated.png" })).toBeVisible();

    // The staff queue finds the ticket by its App ID.
    await agent.goto("/queue?appId=app-e2e-4711");
    await expect(agent.getByRole("link", { name: /Join times out on Android/ })).toBeVisible();

    // A customer of another organization: every one of these files "does not exist".
    const other = await asUser(browser, "ops@orbit.example");
    for (const href of [logHref!, shotHref!, `${shotHref}/thumbnail`, `${shotHref}?inline=1`])
      expect((await other.request.get(href)).status(), href).toBe(404);
    await agent.context().close();
    await other.context().close();
  });

  test("an oversized and a disguised file are refused with clear messages, and nothing is sent", async ({
    page,
    signIn,
    browser,
  }) => {
    const admin = await asUser(browser, "admin@attain.test");
    await admin.goto("/admin#attachments");
    const setLimits = async (file: string, ticket: string) => {
      await admin.getByLabel("Per file (MB)").fill(file);
      await admin.getByLabel("Per ticket (MB)").fill(ticket);
      await admin.getByRole("button", { name: "Save limits" }).click();
      await expect(admin.getByText("Saved. New uploads use these limits.")).toBeVisible();
    };
    await setLimits("1", "10");
    try {
      await signIn("dev@nimbus.example");
      await page.goto("/tickets/new");
      await expect(page.getByText("up to 1 MB a file and 10 MB a ticket")).toBeVisible();
      await page.getByLabel("Choose files").setInputFiles([
        { name: "big.log", mimeType: "text/plain", buffer: Buffer.alloc(2 * 1024 * 1024, "a") },
        // An executable renamed .log, and a text file renamed .png.
        {
          name: "crash.log",
          mimeType: "text/plain",
          buffer: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096)]),
        },
        { name: "photo.png", mimeType: "image/png", buffer: Buffer.from("just some text, not an image\n") },
        { name: "setup.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") },
      ]);
      await expect(page.getByText("This file is larger than 1 MB, the limit for one file.")).toBeVisible();
      await expect(
        page.getByText("This file is not plain text although its name ends in .log; attach the original file."),
      ).toBeVisible();
      await expect(
        page.getByText("The content of this file is not a .png file; attach the original file."),
      ).toBeVisible();
      await expect(page.getByText(/This type of file is not accepted/)).toBeVisible();
      await expect(page.getByText("Uploaded; sent with your message")).toHaveCount(0);
    } finally {
      await setLimits("100", "500");
      await admin.context().close();
    }
  });
});
