import { DateTime } from "luxon";
import type { Page } from "@playwright/test";
import { seedAnchor } from "./anchor";
import { expect, test } from "./fixtures";

const ZONE = "America/Los_Angeles"; // the demo staff's and the browser's zone
const OUTAGE_MINUTES = 45;
/** The demo's "now" (the hour the run's seed was written for): every instant below derives from it, never the clock. */
const ANCHOR = DateTime.fromJSDate(seedAnchor());

/**
 * A 45-minute outage window that ended before the demo's "now" (so before the server's clock too)
 * and lies inside one UTC month: about three hours earlier in the anchor's month, or (in the first
 * hours of a month) the last evening of the previous one. The demo has no incident affecting
 * Nimbus Live in either place, so nothing overlaps it.
 */
function outageWindow(now: DateTime) {
  const monthStart = now.toUTC().startOf("month");
  let start = now.minus({ hours: 3 }).startOf("minute");
  if (start < monthStart) start = monthStart.minus({ hours: 3 });
  return { start, end: start.plus({ minutes: OUTAGE_MINUTES }) };
}

const local = (d: DateTime) => d.setZone(ZONE).toFormat("yyyy-LL-dd'T'HH:mm");
const percent = (v: number, digits = 3) =>
  new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v);

/** The month's row on the status page, and its unplanned downtime in minutes as shown. */
async function monthRow(page: Page, month: DateTime) {
  const label = month.setLocale("en").toFormat("LLLL yyyy");
  const row = page.getByRole("table", { name: "Monthly availability" }).getByRole("row", { name: new RegExp(label) });
  await expect(row).toHaveCount(1);
  const text = (await row.getByRole("cell").nth(2).innerText()).trim();
  const m = /^(?:(\d+) h)? ?(?:(\d+) min)?/.exec(text);
  expect(m && (m[1] ?? m[2]), `downtime cell "${text}"`).toBeTruthy();
  return { row, downtime: Number(m![1] ?? 0) * 60 + Number(m![2] ?? 0) };
}

test("[INCIDENTS] staff record an outage for Nimbus Live and the customer's status page shows the reduced availability and the credit", async ({
  page,
  signIn,
}) => {
  const { start, end } = outageWindow(ANCHOR);
  const month = start.toUTC().startOf("month");
  const minutesInMonth = month.daysInMonth! * 1440;
  const title = `Media relay outage for Nimbus Live ${ANCHOR.toMillis()}`;

  await signIn("dev@nimbus.example");
  await page.goto("/status");
  await expect(page.getByRole("heading", { name: "Service status", level: 1 })).toBeVisible();
  const before = (await monthRow(page, month)).downtime;

  await signIn("manager@attain.test");
  await page.goto("/incidents/new");
  // Fill only once hydrated: React would otherwise reset what was typed into its controlled fields.
  await expect(page.getByRole("button", { name: "Record incident" })).toBeEnabled();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Product area").selectOption({ label: "Video calling" });
  await page.getByLabel("Severity").selectOption({ label: "Critical" });
  await page.getByRole("checkbox", { name: "Americas", exact: true }).check();
  await page.getByLabel(/^Start, America\/Los_Angeles \(Pacific Time\)$/).fill(local(start));
  await page.getByLabel(/^End, America\/Los_Angeles \(Pacific Time\)$/).fill(local(end));
  await page.getByRole("radio", { name: "Only the organizations I choose" }).check();
  await page.getByLabel("Find an organization").fill("Nimbus");
  await page.getByRole("checkbox", { name: /Nimbus Live/ }).check();
  await page
    .getByLabel("Customer-facing summary")
    .fill("Video calls in US West failed to connect until traffic was moved to a healthy relay.");
  const submit = page.getByRole("button", { name: "Record incident" });
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(page).toHaveURL(/\/incidents\/\d+\?notified=\d+$/);
  await expect(page.getByRole("status").filter({ hasText: /told/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("Counts as unplanned downtime.")).toBeVisible();
  // The zone is named by its generic clock: the incident's times may fall either side of a DST change.
  await expect(page.getByText("Times shown in America/Los_Angeles (Pacific Time)")).toBeVisible();

  await signIn("dev@nimbus.example");
  await page.goto("/status");
  const after = await monthRow(page, month);
  const total = before + OUTAGE_MINUTES;
  expect(after.downtime).toBe(total);
  const availability = 1 - total / minutesInMonth;
  // Enterprise: 99.99 % committed; credits 10 % below it, 25 % below 99 %, 50 % below 95 %.
  const credit = availability < 0.95 ? 0.5 : availability < 0.99 ? 0.25 : availability < 0.9999 ? 0.1 : 0;
  expect(credit).toBeGreaterThan(0);
  await expect(after.row.getByRole("cell").nth(0)).toContainText(percent(availability));
  await expect(after.row.getByRole("cell").nth(0)).toContainText("below commitment");
  await expect(after.row.getByRole("cell").nth(1)).toHaveText(percent(0.9999));
  await expect(after.row.getByRole("cell").nth(3)).toHaveText(percent(credit));

  // The incident behind the figure is one click away.
  await after.row.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("Video calls in US West failed to connect")).toBeVisible();
});

test("[INCIDENTS] the 90 days of bars name the day and its downtime under the pointer", async ({
  page,
  signIn,
}, testInfo) => {
  await signIn("dev@nimbus.example");
  await page.goto("/status");
  const area = page.getByRole("region", { name: "Last 90 days by product area" }).getByRole("listitem").first();
  const strip = area.locator("div[aria-hidden] > div").first();
  await expect(strip).toBeVisible();
  const box = (await strip.boundingBox())!;
  // The last bar is today (UTC), the first 89 days before.
  await strip.hover({ position: { x: box.width - 2, y: box.height / 2 } });
  const day = (d: DateTime) => d.toJSDate().toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });
  const today = day(ANCHOR);
  await expect(area.getByText(new RegExp(`^${today}: \\d+ (min|h)`))).toBeVisible();
  await strip.hover({ position: { x: 2, y: box.height / 2 } });
  const first = day(ANCHOR.minus({ days: 89 }));
  await expect(area.getByText(new RegExp(`^${first}: `))).toBeVisible();
  await page
    .getByRole("region", { name: "Last 90 days by product area" })
    .screenshot({ path: testInfo.outputPath("status-bars.png") });
  await page.mouse.move(0, 0);
  await expect(area.getByText(new RegExp(`^${first}: `))).toHaveCount(0);
});

test("[INCIDENTS] a customer sees only the incidents that affected its organization", async ({ page, signIn }) => {
  await signIn("dev@nimbus.example");
  await page.goto("/status");
  const link = page.getByRole("link", { name: "Elevated join failures in US West" }).first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/incidents\/\d+$/);

  await signIn("ops@orbit.example");
  await page.goto("/status");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("服务状态");
  await expect(page.getByRole("link", { name: "Elevated join failures in US West" })).toHaveCount(0);
  await page.goto(href!);
  await expect(page.getByRole("link", { name: "Elevated join failures in US West" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Elevated join failures in US West" })).toHaveCount(0);
});

test("[INCIDENTS] staff raise a proactive alert for Nimbus Live and the customer sees it on their home page with its P0 ticket", async ({
  page,
  signIn,
}) => {
  const what = `Join success rate fell to 81 % in US West (${ANCHOR.toMillis()})`;
  await signIn("agent@attain.test");
  await page.goto("/status?org=1");
  const alerts = page.getByRole("region", { name: "Proactive alerts" });
  await expect(alerts.getByRole("button", { name: "Raise alert and open P0 ticket" })).toBeEnabled();
  await alerts.getByLabel("Product area", { exact: true }).selectOption({ label: "Video calling" });
  // Ten minutes before the demo's "now": in the past for the server, well inside the seven days an alert may look back.
  await alerts.getByLabel(/^Detected at/).fill(local(ANCHOR.minus({ minutes: 10 })));
  await alerts.getByLabel("What was detected").fill(what);
  const raise = alerts.getByRole("button", { name: "Raise alert and open P0 ticket" });
  await expect(raise).toBeEnabled();
  await raise.click();
  await expect(alerts.getByRole("status")).toContainText("Alert raised.");
  await expect(alerts.getByRole("cell", { name: what })).toBeVisible();

  await signIn("dev@nimbus.example");
  await page.goto("/");
  const card = page.getByRole("region", { name: "Proactive alerts" });
  await expect(card.getByText(what)).toBeVisible();
  await card.getByRole("link", { name: /Follow ticket #\d+/ }).click();
  await expect(page).toHaveURL(/\/tickets\/\d+$/);
  await expect(page.getByRole("heading", { name: new RegExp(what.replace(/[()]/g, "\\$&")) })).toBeVisible();
});
