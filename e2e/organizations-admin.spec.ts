import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Kept outside test-results, which Playwright empties at the start of each run.
const SHOTS = path.resolve(process.env.E2E_SCREENSHOTS ?? "data/screenshots/organizations");
const PHONE = { width: 390, height: 844 };

/** The one organization this spec creates, unique per run so a rerun on the same database does not collide. */
const NAME = `Aurora Streaming ${Date.now().toString(36)}`;

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

test.describe.serial("[ORGANIZATIONS] the admin administers organizations", () => {
  test.beforeEach(async ({ signIn }) => {
    await signIn("admin@attain.test");
  });

  test("[ORGANIZATIONS] the admin creates an organization through the form; bad input is explained beside its field and nothing is created", async ({
    page,
  }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: "Organizations", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Organizations", level: 1 })).toBeVisible();
    await expect(
      page.getByRole("table", { name: "Organizations" }).getByRole("row", { name: /Nimbus Live/ }),
    ).toContainText("Enterprise");
    await shoot(page, "list-desktop");

    await page.getByRole("link", { name: "New organization" }).first().click();
    await expect(page.getByRole("heading", { name: "New organization", level: 1 })).toBeVisible();

    // Nothing filled in: each missing field says what it needs.
    await page.getByRole("button", { name: "Create organization" }).click();
    await expect(page.getByText("Enter the organization's name.")).toBeVisible();
    await expect(page.getByText("Choose the organization's tier.")).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved." })).toBeVisible();
    await expect(page.getByLabel("Name", { exact: true })).toBeFocused();

    await page.getByLabel("Name", { exact: true }).fill(NAME);
    await expect(page.getByText(/^Short name: aurora-streaming-/)).toBeVisible();
    await page.getByLabel("Tier").selectOption({ label: "Advanced" });
    await page.getByLabel("Support region").selectOption({ label: "EMEA" });
    // The calendar follows the region.
    await expect(page.getByLabel("Support calendar")).toHaveValue(
      await page
        .getByLabel("Support calendar")
        .locator("option", { hasText: "EMEA support" })
        .getAttribute("value")
        .then(String),
    );
    await expect(page.getByText("Time zone: Europe/London")).toBeVisible();
    await page.getByLabel("Contract start").fill("2026-01-01");
    await page.getByLabel("Contract end").fill("2025-12-01");
    await page.getByLabel("Availability commitment (%)").fill("85");
    await page.getByLabel("Dedicated group link").fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Create organization" }).click();
    await expect(page.getByText("The contract must end after it starts (2026-01-01).")).toBeVisible();
    await expect(page.getByText(/Enter an availability commitment from 90 % to 100 %/)).toBeVisible();
    await expect(page.getByText("Enter a full web link starting with https:// (or http://).")).toBeVisible();
    await shoot(page, "new-errors-desktop");

    await page.getByLabel("Contract end").fill("2027-12-31");
    await page.getByLabel("Availability commitment (%)").fill("99.5");
    await page
      .getByLabel("Account manager", { exact: true })
      .selectOption({ label: "Amelia Brooks · Customer Success Manager" });
    await page.getByLabel("Support email address").fill("support@aurora.example");
    await page.getByLabel("Chat handle").fill("@aurora-support");
    await page.getByLabel("Dedicated group link").fill("https://chat.example/aurora");
    await page.getByRole("button", { name: "Create organization" }).click();

    await expect(page).toHaveURL(/\/admin\/organizations\/\d+\?created=1$/);
    await expect(page.getByRole("heading", { name: NAME, level: 1 })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Organization created." })).toBeVisible();
    await expect(page.getByLabel("Availability commitment (%)")).toHaveValue("99.5");

    // The same name again (any case) is refused by the server, shown at the name.
    await page.goto("/admin/organizations/new");
    await page.getByLabel("Name", { exact: true }).fill(NAME.toLowerCase());
    await page.getByLabel("Tier").selectOption({ label: "Basic" });
    await page.getByLabel("Contract start").fill("2026-01-01");
    await page.getByLabel("Contract end").fill("2026-12-31");
    await page.getByRole("button", { name: "Create organization" }).click();
    await expect(
      page.getByText(`Another organization is already called “${NAME}”. Choose a different name.`).first(),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/organizations\/new$/);

    await page.goto(`/admin/organizations?q=${encodeURIComponent(NAME.toLowerCase())}`);
    const rows = page.getByRole("table", { name: "Organizations" }).getByRole("row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText("Amelia Brooks");
    await expect(rows.nth(1)).toContainText("Advanced");
  });

  test("[ORGANIZATIONS] the admin moves the organization to Enterprise and changes its channels; its page shows them", async ({
    page,
  }) => {
    await page.goto(`/admin/organizations?q=${encodeURIComponent(NAME)}`);
    await page
      .getByRole("link", { name: `Edit ${NAME}` })
      .first()
      .click();
    await expect(page.getByRole("heading", { name: NAME, level: 1 })).toBeVisible();

    await page.getByLabel("Tier").selectOption({ label: "Enterprise" });
    await expect(page.getByText("A new tier applies to tickets filed from now on")).toBeVisible();
    await page
      .getByLabel("Technical account manager")
      .selectOption({ label: "Tomasz Nowak · Technical Account Manager" });
    await page.getByLabel("Hotline").fill("+44 20 5555 0123");
    await page.getByLabel("Chat handle").fill("@aurora-enterprise");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "The new tier applies to tickets filed from now on" }),
    ).toBeVisible();
    await shoot(page, "edit-desktop");

    await page.reload();
    await expect(page.getByLabel("Tier")).toHaveValue("enterprise");
    await expect(page.getByLabel("Hotline")).toHaveValue("+44 20 5555 0123");

    await page.getByRole("link", { name: "View the organization page" }).click();
    const team = page.getByRole("region", { name: "Account team" });
    await expect(team.getByRole("link", { name: "+44 20 5555 0123" })).toHaveAttribute("href", "tel:+442055550123");
    await expect(team.getByRole("link", { name: "support@aurora.example" })).toHaveAttribute(
      "href",
      "mailto:support@aurora.example",
    );
    await expect(team.getByText("@aurora-enterprise")).toBeVisible();
    await expect(team.getByRole("link", { name: "Open the group" })).toHaveAttribute(
      "href",
      "https://chat.example/aurora",
    );
    await expect(page.getByText("Enterprise").first()).toBeVisible();
    await expect(page.getByText("99.5%").first()).toBeVisible();
    await shoot(page, "organization-page-desktop");

    await page.setViewportSize(PHONE);
    await page.goto(`/admin/organizations?q=${encodeURIComponent(NAME)}`);
    await shoot(page, "list-phone");
    await page
      .getByRole("link", { name: `Edit ${NAME}` })
      .last()
      .click();
    await expect(page.getByRole("heading", { name: NAME, level: 1 })).toBeVisible();
    await shoot(page, "edit-phone");
  });

  test("[ORGANIZATIONS] a customer reads how to reach support on their home page", async ({ page, signIn }) => {
    await signIn("dev@nimbus.example");
    await page.goto("/");
    const contact = page.getByRole("region", { name: "How to reach support" });
    // Nimbus Live names no hotline of its own: its Enterprise tier's.
    await expect(contact.getByRole("link", { name: "+1 888 555 0199" })).toHaveAttribute("href", "tel:+18885550199");
    await shoot(page, "customer-home-desktop");
    await page.setViewportSize(PHONE);
    await page.goto("/organization");
    await expect(page.getByRole("region", { name: /account team/i }).getByText("How to reach support")).toBeVisible();
    await shoot(page, "customer-organization-phone");
  });
});

test.describe("[ORGANIZATIONS] in Chinese", () => {
  test.use({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });

  test("[ORGANIZATIONS] 管理员新建组织时，合同结束早于开始会以中文说明且不保存", async ({ page, signIn }) => {
    await signIn("admin@attain.test");
    await page.goto("/admin/organizations");
    await expect(page.getByRole("heading", { name: "客户组织", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "新建组织" }).first().click();
    await page.getByLabel("名称", { exact: true }).fill("极光直播");
    await expect(page.getByText("简称：自动编号（名称中没有拉丁字母）。")).toBeVisible();
    await page.getByLabel("服务等级").selectOption({ label: "基础服务" });
    await page.getByLabel("合同开始").fill("2026-06-01");
    await page.getByLabel("合同结束").fill("2026-05-01");
    await page.getByRole("button", { name: "创建组织" }).click();
    await expect(page.getByText("合同结束日期必须晚于开始日期（2026-06-01）。")).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/organizations\/new$/);
    await page.setViewportSize(PHONE);
    await shoot(page, "new-errors-phone-zh");
  });
});
