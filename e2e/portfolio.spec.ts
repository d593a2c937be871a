import type { Locator, Page } from "@playwright/test";
import { fileTicket } from "./api";
import { openDatabase } from "./db";
import { expect, test } from "./fixtures";

/** The numbers in one column of the portfolio grid (desktop layout: the organization is the row's heading). */
async function columnNumbers(grid: Locator, cellIndex: number): Promise<number[]> {
  const rows = grid.locator("tbody tr");
  const out: number[] = [];
  for (let i = 0; i < (await rows.count()); i++)
    out.push(Number(await rows.nth(i).getByRole("cell").nth(cellIndex).innerText()));
  return out;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

test("[ACCOUNTS] the account manager sorts the portfolio, adds a follow-up for Nimbus Live and marks it done", async ({
  page,
  signIn,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  // Enough custom development requests for the card (20) to hold some back. How many the demo seed
  // gives the account manager's organizations depends on the day it was seeded (17 to 23 seen).
  const db = openDatabase();
  const seeded = Number(
    (
      db
        .prepare(
          `select count(*) as n from tickets t join organizations o on o.id = t.organization_id
           join users u on u.id = o.account_manager_id
           where t.category = 'custom_development' and u.email = 'am@attain.test'`,
        )
        .get() as { n: number }
    ).n,
  );
  db.close();
  await signIn("dev@nimbus.example");
  for (let n = 1; n <= Math.max(3, 21 - seeded); n++)
    await fileTicket(page, `Custom build ${n}: a white-label SDK package`, {
      category: "custom_development",
      priority: "P3",
    });
  await signIn("am@attain.test");
  await page.goto("/portfolio");
  const grid = page.getByRole("table", { name: /Accounts, sorted by Health \(ascending\)/ });
  await expect(grid).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: "Health", exact: true })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  await expect(grid.locator("tbody tr")).not.toHaveCount(0);
  // Each account's trend reads as four scores to a screen reader too.
  await expect(grid.locator("tbody tr").first()).toContainText(/Health by quarter: \d{4}-Q\d [\d—]+, .*now \d+/);
  await shot(page, "portfolio-desktop");

  // Custom development requests: the first 20 (awaiting a decision first), then all of them on request.
  const custom = page.getByRole("region", { name: "Custom development requests" });
  const requests = custom.getByRole("listitem");
  await expect(requests).toHaveCount(20);
  await expect(requests.first()).toContainText("Not decided");
  const showAll = custom.getByRole("link", { name: /^Show all \d+$/ });
  const total = Number((await showAll.innerText()).replace(/\D/g, ""));
  expect(total).toBeGreaterThan(20);
  await showAll.click();
  await expect(page).toHaveURL(/custom=all#custom-development$/);
  await expect(requests).toHaveCount(total);

  // Most open tickets first, then (the same heading chosen again, from the keyboard) fewest first.
  await grid.getByRole("link", { name: "Open tickets" }).click();
  await expect(page).toHaveURL(/sort=open/);
  const byOpen = page.getByRole("table", { name: /sorted by Open tickets \(descending\)/ });
  await expect(byOpen.getByRole("columnheader", { name: "Open tickets" })).toHaveAttribute("aria-sort", "descending");
  const desc = await columnNumbers(byOpen, 3);
  expect(desc).toEqual([...desc].sort((a, b) => b - a));
  await byOpen.getByRole("link", { name: "Open tickets" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=open&dir=asc/);
  const byOpenAsc = page.getByRole("table", { name: /sorted by Open tickets \(ascending\)/ });
  await expect(byOpenAsc.getByRole("columnheader", { name: "Open tickets" })).toHaveAttribute("aria-sort", "ascending");
  const asc = await columnNumbers(byOpenAsc, 3);
  expect(asc).toEqual([...asc].sort((a, b) => a - b));

  // A follow-up on Nimbus Live's page, due today (the day the field starts on, in the account manager's zone).
  const title = "Send the SDK 4.5 upgrade plan";
  await page.goto("/organizations/1");
  const card = page.getByRole("region", { name: "Follow-ups" });
  const form = card.getByRole("form", { name: "Add a follow-up" });
  await form.getByLabel("What to do").fill(title);
  await expect(form.getByLabel("Due on")).not.toHaveValue("");
  await form.getByRole("button", { name: "Add follow-up" }).click();
  await expect(card.getByRole("status")).toHaveText("Follow-up added.");
  const item = card.getByRole("listitem").filter({ hasText: title });
  await expect(item).toContainText("Due today");
  await expect(form.getByLabel("What to do")).toHaveValue("");
  await card.scrollIntoViewIfNeeded();
  await shot(page, "organization-follow-ups-desktop");

  // The portfolio sorted by the next follow-up puts Nimbus Live first; "Follow-ups due" lists it.
  await page.goto("/portfolio?sort=followUp");
  const byFollowUp = page.getByRole("table", { name: /sorted by Next follow-up \(ascending\)/ });
  const first = byFollowUp.locator("tbody tr").first();
  await expect(first.getByRole("rowheader")).toContainText("Nimbus Live");
  await expect(first).toContainText("Due today");
  const due = page.getByRole("region", { name: "Follow-ups due" });
  await expect(due).toContainText("1 open · none overdue");
  await due.getByRole("button", { name: `Mark “${title}” done` }).click();
  await expect(due.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);
  await expect(due).toContainText("None open");

  await page.goto("/organizations/1");
  const done = page.getByRole("region", { name: "Follow-ups" });
  await expect(done.getByRole("list", { name: "Follow-ups" })).toHaveCount(0);
  await done.getByText("1 done recently").click();
  await expect(done.getByRole("listitem").filter({ hasText: title })).toContainText("Done");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/portfolio");
  await expect(page.getByRole("link", { name: "Open tickets" })).toBeVisible();
  await shot(page, "portfolio-phone");
  await page.goto("/organizations/1");
  await shot(page, "organization-phone");
});

test("[ACCOUNTS] an organization's timeline shows its 20 newest entries, and the older ones on request", async ({
  page,
  signIn,
}) => {
  await signIn("am@attain.test");
  // 21 check-ins long ago: whatever else Nimbus Live's timeline holds, it now has more than 20 entries.
  for (let i = 0; i < 21; i++) {
    const at = new Date(Date.UTC(2025, 0, 1 + i, 9));
    const res = await page.request.post("/api/trpc/accounts.addEngagement", {
      data: {
        json: { organizationId: 1, kind: "check_in", at: at.toISOString(), title: `Archived check-in ${i + 1}` },
        meta: { values: { at: ["Date"] } },
      },
    });
    expect(res.ok()).toBe(true);
  }
  await page.goto("/organizations/1");
  const timeline = page.getByRole("region", { name: "Engagements timeline" });
  await expect(timeline.getByRole("listitem")).toHaveCount(20);
  await timeline.getByRole("link", { name: "Show older entries" }).click();
  await expect(page).toHaveURL(/\/organizations\/1\?timeline=all#timeline$/);
  await expect(timeline.getByText("Archived check-in 1", { exact: true })).toBeVisible();
  expect(await timeline.getByRole("listitem").count()).toBeGreaterThan(20);
  await expect(timeline.getByRole("link", { name: "Show older entries" })).toHaveCount(0);
});
