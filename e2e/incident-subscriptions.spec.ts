import { expect, test } from "./fixtures";

/** Screenshots for review when SHOTS_DIR is set (desktop and phone widths). */
async function shots(page: import("@playwright/test").Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator("#subscribe, #incident-subscription").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: width === 390 });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("[NOTICES] a customer subscribes to incident updates on the status page and finds the choice in their account", async ({
  page,
  signIn,
}) => {
  await signIn("qa@nimbus.example"); // a member: subscribed to nothing until they opt in
  await page.goto("/status");
  await page.getByRole("link", { name: "Subscribe to updates" }).click();
  await expect(page.getByText("You are not subscribed yet")).toBeVisible();
  const card = page.getByRole("region", { name: "Subscribe to updates" });
  await expect(card).toBeVisible();
  const form = card.getByRole("form", { name: "What to be told about" });
  await form.getByRole("checkbox", { name: "Incidents (outages and degradations)" }).check();
  await form.getByRole("checkbox", { name: "Video calling" }).check();
  await form.getByRole("checkbox", { name: "Americas" }).check();
  await form.getByRole("button", { name: "Save subscription" }).click();
  await expect(form.getByRole("status")).toHaveText("Your subscription is saved.");
  await expect(form.getByText("Subscribed", { exact: true })).toBeVisible();
  await shots(page, "status-subscribe");

  // The choice is kept, and the account page shows the same subscription.
  await page.goto("/account#incident-subscription");
  const account = page.getByRole("region", { name: "Incident and maintenance notices" });
  await expect(account.getByRole("checkbox", { name: "Incidents (outages and degradations)" })).toBeChecked();
  await expect(account.getByRole("checkbox", { name: "Video calling" })).toBeChecked();
  await expect(account.getByRole("checkbox", { name: "Voice calling" })).not.toBeChecked();
  await expect(
    account.getByRole("checkbox", { name: "Planned maintenance (announced and reminded an hour before)" }),
  ).not.toBeChecked();
  await shots(page, "account-subscription");
});

test("[NOTICES] saving with nothing ticked unsubscribes and says so; a kind without an area is refused with what to choose", async ({
  page,
  signIn,
}) => {
  await signIn("cto@nimbus.example"); // the customer administrator: subscribed to everything by default
  await page.goto("/status#subscribe");
  const form = page
    .getByRole("region", { name: "Subscribe to updates" })
    .getByRole("form", { name: "What to be told about" });
  const save = form.getByRole("button", { name: "Save subscription" });
  await expect(save).toBeEnabled();
  await expect(form.getByText("Subscribed", { exact: true })).toBeVisible();

  // Incidents ticked, but no product area: nothing could ever be told, so it is refused.
  await form.getByRole("checkbox", { name: "Planned maintenance (announced and reminded an hour before)" }).uncheck();
  await form
    .getByRole("group", { name: "Product areas" })
    .getByRole("checkbox", { name: "All", exact: true })
    .uncheck();
  await save.click();
  await expect(form.getByRole("alert")).toHaveText(
    "Choose at least one product area and one region to be told about, or untick incidents and maintenance to unsubscribe.",
  );
  await expect(form.getByText("Subscribed", { exact: true })).toBeVisible();

  // Nothing ticked at all: unsubscribed, and the form says so.
  await form.getByRole("checkbox", { name: "Incidents (outages and degradations)" }).uncheck();
  await save.click();
  await expect(form.getByRole("status")).toHaveText(
    "You are unsubscribed: you will not be told about incidents or maintenance.",
  );
  await expect(form.getByText("Not subscribed", { exact: true })).toBeVisible();
  await page.reload();
  await expect(form.getByText("Not subscribed", { exact: true })).toBeVisible();

  // Subscribed again, the explicit button unsubscribes in one step.
  await form.getByRole("checkbox", { name: "Incidents (outages and degradations)" }).check();
  await form.getByRole("group", { name: "Product areas" }).getByRole("checkbox", { name: "All", exact: true }).check();
  await form.getByRole("group", { name: "Regions" }).getByRole("checkbox", { name: "All", exact: true }).check();
  await save.click();
  await expect(form.getByRole("status")).toHaveText("Your subscription is saved.");
  await form.getByRole("button", { name: "Unsubscribe from all notices" }).click();
  await expect(form.getByRole("status")).toHaveText(
    "You are unsubscribed: you will not be told about incidents or maintenance.",
  );
  await expect(form.getByRole("status")).toBeFocused();
  await expect(form.getByRole("checkbox", { name: "Incidents (outages and degradations)" })).not.toBeChecked();

  // As it was for the specs after this one: the administrator hears about everything.
  await form.getByRole("checkbox", { name: "Incidents (outages and degradations)" }).check();
  await form.getByRole("checkbox", { name: "Planned maintenance (announced and reminded an hour before)" }).check();
  await form.getByRole("group", { name: "Product areas" }).getByRole("checkbox", { name: "All", exact: true }).check();
  await form.getByRole("group", { name: "Regions" }).getByRole("checkbox", { name: "All", exact: true }).check();
  await save.click();
  await expect(form.getByRole("status")).toHaveText("Your subscription is saved.");
});
