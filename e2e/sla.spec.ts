import { expect, test } from "./fixtures";

/**
 * Two years of months ending with the last month of a quarter ("2026-Q4" -> 2025-01 to 2026-12): the
 * demo's two years of tickets, from the current quarter the server offers (the test reads no clock).
 */
function twoYearsTo(quarter: string) {
  const last = Number(quarter.slice(0, 4)) * 12 + Number(quarter.slice(6)) * 3 - 1; // months since year 0, 0-based
  const month = (n: number) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
  return { from: month(last - 23), to: month(last) };
}

test.describe("SLA dashboards", () => {
  test("[SLA] an executive filters to Enterprise P0, drills into a breach and sees the ticket", async ({
    page,
    signIn,
  }) => {
    await signIn("exec@attain.test");
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "SLA" }).click();
    await expect(page.getByRole("heading", { name: "SLA attainment", level: 1 })).toBeVisible();

    const form = page.getByRole("form", { name: "SLA filters" });
    await expect(form.getByRole("button", { name: "Apply" })).toBeEnabled();
    const { from, to } = twoYearsTo((await form.getByLabel("Quarter", { exact: true }).inputValue())!);
    await form.getByLabel("Period", { exact: true }).selectOption("custom");
    await form.getByLabel("From month").fill(from);
    await form.getByLabel("To month").fill(to);
    await form.getByLabel("Tier", { exact: true }).selectOption("enterprise");
    await form.getByLabel("Priority", { exact: true }).selectOption("P0");
    await form.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/period=custom.*tier=enterprise.*priority=P0/);

    // The heatmap now shows the Enterprise row with figures only under P0.
    const heatmap = page.getByRole("region", { name: "Tier × priority" });
    await expect(heatmap.getByRole("link", { name: /^Enterprise P0: .*n = [1-9]/ })).toBeVisible();
    await expect(heatmap.getByRole("link", { name: /^Enterprise P1: n\/a, n = 0/ })).toBeVisible();

    const tile = page.getByRole("link", { name: /Breached targets/ });
    const breaches = Number((await tile.locator("dd").first().textContent())?.replace(/\D/g, ""));
    expect(breaches).toBeGreaterThan(0);
    await tile.click();

    await expect(page.getByRole("heading", { name: "Tickets behind the figure" })).toBeVisible();
    await expect(page.getByText(`${breaches} ${breaches === 1 ? "target" : "targets"}`, { exact: true })).toBeVisible();
    const rows = page.getByRole("table", { name: "Tickets behind the figure" }).getByRole("row");
    await expect(rows.nth(1).getByText("Breached", { exact: true })).toBeVisible();
    await expect(rows.nth(1).getByText("P0", { exact: true })).toBeVisible();
    const link = rows.nth(1).getByRole("link").first();
    const label = (await link.textContent())!;
    const id = /#(\d+)/.exec(label)![1]!;
    await link.click();

    await expect(page).toHaveURL(new RegExp(`/sla/tickets/${id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`#${id}`);
    const targets = page.getByRole("table", { name: "Service level" });
    await expect(targets.getByText("Breached", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Timeline" }).getByText("Ticket filed")).toBeVisible();
  });

  test("[SLA] every chart has a table view and a CSV export of the same figures", async ({ page, signIn }) => {
    await signIn("manager@attain.test");
    await page.goto("/sla");
    const distribution = page.getByRole("region", { name: "First response time against target" });
    await distribution.getByRole("button", { name: "Table" }).click();
    const table = distribution.getByRole("table");
    await expect(table.getByRole("row")).toHaveCount(8);
    const download = page.waitForEvent("download");
    await distribution.getByRole("button", { name: "Download CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("sla-first-response-distribution.csv");
    const csv = await (await file.createReadStream()).toArray();
    const lines = Buffer.concat(csv)
      .toString("utf8")
      .replace(/^\ufeff/, "")
      .trim()
      .split(/\r\n/);
    expect(lines).toHaveLength(8);
    // Readable columns, and shares as percentages rounded to one decimal.
    expect(lines[0]).toMatch(/\(%\)$/);
    for (const line of lines.slice(1)) expect(line.split(",").at(-1)).toMatch(/^(\d{1,3}(\.\d)?)?$/);
    const firstCount = lines[1]!.split(",")[1];
    await expect(table.getByRole("row").nth(1).getByRole("link")).toHaveText(firstCount!);
  });

  test("[SLA] agents and customers are refused the dashboard", async ({ page, signIn }) => {
    await signIn("agent@attain.test");
    await page.goto("/sla");
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "SLA" }),
    ).toHaveCount(0);
  });

  test("[SLA] an executive publishes last quarter and a visitor reads it without signing in, with no customer names", async ({
    page,
    signIn,
    browser,
  }) => {
    await signIn("exec@attain.test");
    await page.goto("/sla");
    const reports = page.getByRole("region", { name: "Published quarterly SLA reports" });
    const quarter = await reports.getByLabel("Quarter").inputValue();
    await expect(reports.getByRole("button", { name: "Publish", exact: true })).toBeEnabled();
    await reports.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(reports.getByRole("link", { name: `SLA report ${quarter}` })).toBeVisible();

    const visitor = await browser.newPage();
    await visitor.goto(`/reports/sla/${quarter}`);
    await expect(visitor.getByRole("heading", { name: `SLA report ${quarter}` })).toBeVisible();
    await expect(visitor.getByRole("table", { name: "Attainment per tier and metric" }).getByRole("row")).toHaveCount(
      4,
    );
    await expect(visitor.getByText("Nimbus Live")).toHaveCount(0);
    const other = await visitor.goto("/reports/sla/2024-Q1");
    expect(other?.status()).toBe(404);
    await visitor.close();
  });
});
