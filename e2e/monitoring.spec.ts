import { createHmac } from "node:crypto";
import { expect, test } from "./fixtures";

/** The header our monitoring endpoint checks: HMAC-SHA256 of "<t>.<body>" with the key (decision 028). */
function sign(secret: string, body: string, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

test.describe("[ON-CALL] alerts from the vendor's monitoring", () => {
  test("an admin creates the signing key; a signed alert opens a P0 for Nimbus Live, a replay is refused, and the customer is told", async ({
    page,
    signIn,
  }) => {
    await signIn("admin@attain.test");
    await page.goto("/admin/monitoring");
    await expect(page.getByRole("heading", { name: "Monitoring alerts" })).toBeVisible();
    const rotate = page.getByRole("button", { name: /Create key|Rotate key/ });
    if ((await rotate.textContent()) === "Rotate key") {
      await rotate.click();
      await page.getByRole("dialog").getByRole("button", { name: "Rotate key" }).click();
    } else await rotate.click();
    const secret = (await page.getByRole("status").locator("code").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await page.screenshot({ path: "test-results/monitoring-key.png", fullPage: true });

    const body = JSON.stringify({
      organizationId: 1,
      productArea: "video_calling",
      metric: "join_failure_rate",
      priority: "P0",
      detectedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
      description: "Join failures above 5 % in us-east since 3 minutes.",
    });
    const headers = { "content-type": "application/json", "x-attain-signature": sign(secret, body) };
    const unsigned = await page.request.post("/api/monitoring/alerts", {
      data: body,
      headers: { "content-type": "application/json" },
    });
    expect(unsigned.status()).toBe(401);
    const res = await page.request.post("/api/monitoring/alerts", { data: body, headers });
    expect(res.status(), await res.text()).toBe(201);
    const { ticketId } = (await res.json()) as { ticketId: number };
    const replay = await page.request.post("/api/monitoring/alerts", { data: body, headers });
    expect(replay.status()).toBe(409);
    expect(((await replay.json()) as { error: { message: string } }).error.message).toMatch(/already received/);

    await page.goto("/admin/monitoring");
    await expect(page.getByText(/Last alert received/)).toBeVisible();

    // Nimbus Live's customer administrator is the alert ticket's requester, and is told.
    await signIn("cto@nimbus.example");
    await page.goto("/notifications");
    await expect(page.getByRole("link", { name: new RegExp(`#${ticketId} Join failures`) }).first()).toBeVisible();
    await page.goto(`/tickets/${ticketId}`);
    await expect(page.getByRole("heading", { name: /Join failures/ })).toBeVisible();
    await expect(page.getByText("Proactive alert", { exact: true })).toBeVisible();
    await expect(
      page.getByText("Our monitoring detected an anomaly on your traffic before any report from you."),
    ).toBeVisible();
    await expect(page.getByText("Metric: join_failure_rate")).toBeVisible();

    // A Chinese reader sees the metric worded in Chinese, on the ticket, in the alerts on their home
    // and on their organization's timeline: no English line stored with the alert.
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh", url: new URL("/", page.url()).href }]);
    for (const path of [`/tickets/${ticketId}`, "/", "/organization"]) {
      await page.goto(path);
      await expect(page.getByText("指标：join_failure_rate").first()).toBeVisible();
      await expect(page.getByText(/Metric:/)).toHaveCount(0);
    }
  });

  test("after a leak, an admin rotates the key and ends the previous one at once; an alert signed with it is refused", async ({
    page,
    signIn,
  }) => {
    await signIn("admin@attain.test");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/admin/monitoring");
    const first = page.getByRole("button", { name: /Create key|Rotate key/ });
    if ((await first.textContent()) === "Rotate key") {
      await first.click();
      await page.getByRole("dialog").getByRole("button", { name: "Rotate key" }).click();
    } else await first.click();
    const leaked = (await page.getByRole("status").locator("code").textContent())!.trim();
    await page.getByRole("button", { name: "Rotate key" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Rotate key" }).click();
    await expect(page.getByRole("status").locator("code")).not.toHaveText(leaked);
    await expect(page.getByText(/The previous key keeps working until/)).toBeVisible();
    await page.screenshot({ path: "test-results/monitoring-rotated-desktop.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/monitoring-rotated-phone.png", fullPage: true });

    await page.getByRole("button", { name: "End the previous key now" }).click();
    await expect(page.getByRole("dialog")).toContainText("Alerts signed with it are refused from this moment");
    await page.screenshot({ path: "test-results/monitoring-end-confirm-phone.png" });
    await page.getByRole("dialog").getByRole("button", { name: "End the previous key now" }).click();
    await expect(page.getByText("The previous key no longer works.")).toBeVisible();
    await expect(page.getByRole("button", { name: "End the previous key now" })).toHaveCount(0);
    await expect(page.getByText(/The previous key keeps working until/)).toHaveCount(0);

    const body = JSON.stringify({
      organizationId: 1,
      productArea: "voice_calling",
      metric: "leaked_key_probe",
      priority: "P1",
      detectedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const refused = await page.request.post("/api/monitoring/alerts", {
      data: body,
      headers: { "content-type": "application/json", "x-attain-signature": sign(leaked, body) },
    });
    expect(refused.status()).toBe(401);
  });
});
