import { expect, test } from "./fixtures";

/** Outgoing webhooks (issue #19): an admin manages an endpoint's secret and whether it is sent to. */
test.describe("[WEBHOOKS] an admin's outgoing webhooks", () => {
  test("an admin rotates a webhook's signing secret, sees the new one once, and disables and enables it again", async ({
    page,
    signIn,
  }) => {
    await signIn("admin@attain.test");
    await page.goto("/admin/webhooks");
    // A retry carries the same delivery id: a receiver that refused ids it had seen failed every retry.
    await expect(page.getByText(/answer 2xx to an id you have already handled/)).toBeVisible();
    const form = page.getByRole("form", { name: "New webhook" });
    await form.getByLabel("Name").fill("Chat bridge");
    await form.getByLabel("HTTPS URL").fill("https://chat-bridge.example/attain");
    await form.getByRole("button", { name: "Save webhook" }).click();
    const first = form.getByRole("status");
    await expect(first).toContainText("Signing secret (shown once");
    const original = (await first.textContent())!.split(": ").at(-1)!;

    // Rotating breaks the receiver until it has the new secret: the admin confirms it first.
    const asked: string[] = [];
    page.on("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await page.getByRole("button", { name: "Rotate secret: Chat bridge" }).click();
    const rotated = page.getByRole("status").filter({ hasText: "New signing secret" });
    await expect(rotated).toBeVisible();
    const secret = (await rotated.textContent())!.split(": ").at(-1)!;
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(secret).not.toBe(original);
    expect(asked).toEqual([expect.stringContaining("Give Chat bridge a new signing secret?")]);

    await page.getByRole("button", { name: "Disable: Chat bridge" }).click();
    await expect(page.getByText("Disabled: nothing is sent until it is enabled again.")).toBeVisible();
    await page.getByRole("button", { name: "Enable again: Chat bridge" }).click();
    await expect(page.getByRole("button", { name: "Disable: Chat bridge" })).toBeVisible();
    await expect(page.getByText("Disabled: nothing is sent until it is enabled again.")).toHaveCount(0);

    await page.getByRole("button", { name: "Delete: Chat bridge" }).click();
    await expect(page.getByText("No webhook yet.")).toBeVisible();
    expect(asked.at(-1)).toBe("Delete the webhook Chat bridge and its delivery log?");
  });
});
