import { expect, test } from "./fixtures";

test.describe("[ADMIN] editing calendars and targets", () => {
  test.beforeEach(async ({ signIn }) => {
    await signIn("admin@attain.test");
  });

  test("[ADMIN] the admin opens the China calendar, adds a holiday and sees it listed", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: "Edit China support" }).click();
    await expect(page.getByRole("heading", { name: "Calendar: China support" })).toBeVisible();

    const form = page.getByRole("form", { name: "Add a holiday" });
    await form.getByLabel("Date").fill("2027-12-31");
    await form.getByLabel("Name").fill("Company anniversary");
    await form.getByLabel("Source").fill("Internal notice");
    await form.getByRole("button", { name: "Add holiday" }).click();

    await expect(
      page.getByRole("status").filter({ hasText: "Company anniversary on 2027-12-31 added." }),
    ).toBeVisible();
    const holidays = page.getByRole("region", { name: "Holidays" });
    await expect(holidays.getByRole("row", { name: /2027-12-31/ })).toContainText("Company anniversary");

    await page.reload();
    await expect(page.getByRole("region", { name: "Holidays" }).getByRole("row", { name: /2027-12-31/ })).toContainText(
      "Internal notice",
    );

    // The reloaded form is typed into once it is interactive (typing before hydration is lost).
    await expect(form.getByRole("button", { name: "Add holiday" })).toBeEnabled();
    await form.getByLabel("Date").fill("2027-12-31");
    await form.getByLabel("Name").fill("Again");
    await form.getByRole("button", { name: "Add holiday" }).click();
    await expect(form.getByText("2027-12-31 is already a holiday in this calendar.")).toBeVisible();

    // Leave the shared e2e calendar as seeded, through the remove button.
    await page.getByRole("button", { name: "Remove Company anniversary on 2027-12-31" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Company anniversary on 2027-12-31 removed." }),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "Holidays" }).getByRole("row", { name: /2027-12-31/ })).toHaveCount(
      0,
    );
  });

  test("[ADMIN] the admin enters an end time before the start, sees why, and nothing is saved", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: "Edit China support" }).click();
    const end = page.getByRole("textbox", { name: "Monday period 1 end" });
    await expect(end).toHaveValue("17:30");
    await end.fill("08:00");
    await end.blur();
    await expect(page.getByText("The end (08:00) must be after the start (09:00).")).toBeVisible();
    await expect(end).toHaveAttribute("aria-invalid", "true");

    await page.getByRole("button", { name: "Save calendar" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Some fields need your attention. Nothing was saved." }),
    ).toBeVisible();
    await expect(end).toBeFocused();

    await page.reload();
    await expect(page.getByRole("textbox", { name: "Monday period 1 end" })).toHaveValue("17:30");
  });

  test("[ADMIN] the admin splits Monday into two periods and saves the calendar", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: "Edit EMEA support" }).click();
    await page.getByRole("textbox", { name: "Monday period 1 end" }).fill("12:00");
    await page.getByRole("button", { name: "Add period on Monday" }).click();
    await expect(page.getByRole("textbox", { name: "Monday period 2 start" })).toBeFocused();
    await page.getByRole("textbox", { name: "Monday period 2 start" }).fill("1300");
    await page.getByRole("textbox", { name: "Monday period 2 end" }).fill("18:00");
    await page.getByRole("button", { name: "Save calendar" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Calendar saved." })).toBeVisible();

    await page.goto("/admin");
    await expect(page.getByRole("row", { name: /EMEA support/ })).toContainText("Mon 09:00-12:00, Mon 13:00-18:00");

    // Back to the seeded hours, so other specs see the demo calendar.
    await page.getByRole("link", { name: "Edit EMEA support" }).click();
    await page.getByRole("button", { name: "Remove Monday period 2" }).click();
    await page.getByRole("textbox", { name: "Monday period 1 end" }).fill("17:30");
    await page.getByRole("button", { name: "Save calendar" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Calendar saved." })).toBeVisible();
  });

  test("[ADMIN] the admin edits the Basic P0 first-response target and sees version 2", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: "Edit targets: Basic" }).click();
    await expect(page.getByRole("heading", { name: "Basic targets" })).toBeVisible();
    await expect(page.getByText(/Version 1 in force since/)).toBeVisible();

    const p0 = page.getByRole("group", { name: "P0 urgent" });
    const firstResponse = p0.getByRole("textbox", { name: "First response", exact: true });
    await expect(firstResponse).toHaveValue("4");
    await expect(p0.getByRole("combobox", { name: "First response unit" })).toHaveValue("hours");

    await firstResponse.fill("-2");
    await firstResponse.blur();
    await expect(
      p0.getByText("A target must be greater than zero. Leave the field empty for no target."),
    ).toBeVisible();

    await firstResponse.fill("2");
    await expect(p0.getByText("2 business hours = 120 min")).toBeVisible();
    await page.getByLabel("Note: why the targets change").fill("Faster first response for P0");
    await page.getByRole("button", { name: "Save as version 2" }).click();

    await expect(page.getByRole("status").filter({ hasText: "Saved as version 2." })).toBeVisible();
    await expect(page.getByText(/Version 2 in force since/)).toBeVisible();
    const latest = page.getByRole("region", { name: "Version history" }).getByRole("listitem").first();
    await expect(latest).toContainText("Version 2");
    await expect(latest).toContainText("In force");
    await expect(latest).toContainText("Faster first response for P0");
    await expect(latest).toContainText(
      "P0 urgent First response: 4 business hours · Business hours → 2 business hours · Business hours",
    );

    await page.goto("/admin");
    const basic = page.getByRole("region", { name: "Basic" });
    await expect(basic).toContainText("Version 2");
    await expect(basic.getByRole("row", { name: /P0 urgent/ })).toContainText("2 business hours");

    // Version 3 restores the default, so tickets other specs file get the seeded targets.
    await page.getByRole("link", { name: "Edit targets: Basic" }).click();
    await page
      .getByRole("group", { name: "P0 urgent" })
      .getByRole("textbox", { name: "First response", exact: true })
      .fill("4");
    await page.getByLabel("Note: why the targets change").fill("Back to the default");
    await page.getByRole("button", { name: "Save as version 3" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved as version 3." })).toBeVisible();
  });

  test("[ADMIN] a manager opening the calendar editor is refused", async ({ page, signIn }) => {
    await signIn("manager@attain.test");
    await page.goto("/admin/calendars/1");
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await page.goto("/admin/targets/basic");
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  });
});
