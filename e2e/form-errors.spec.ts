import type { Page } from "@playwright/test";
import { fileTicket } from "./api";
import { expect, test } from "./fixtures";

// Issue #21: form validation messages are short, in the user's language, never a validator's text,
// never widening the page; after a failed submit the focus is on a summary of the errors.

const ZOD_TEXT = /Invalid (option|input)|expected (one of|string|date)|Too (small|big)/;

async function expectNoWideningAndNoZod(page: Page) {
  await expect(page.locator("body")).not.toContainText(ZOD_TEXT);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wide, "the page is not wider than the screen").toBeLessThanOrEqual(0);
}

async function setLocale(page: Page, locale: "en" | "zh") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: "http://127.0.0.1" }]);
}

test.describe("Form errors", () => {
  for (const { locale, width, submit, intro, lines, subject } of [
    {
      locale: "en" as const,
      width: 1280,
      submit: "Submit ticket",
      intro: "Some fields need your attention.",
      lines: ["Subject: Use at least 5 characters.", "Product area: Choose one of the options."],
      subject: "Subject",
    },
    {
      locale: "zh" as const,
      width: 390,
      submit: "提交工单",
      intro: "部分字段需要修改。",
      lines: ["标题：请至少输入 5 个字符。", "产品：请从选项中选择一项。"],
      subject: "标题",
    },
  ])
    test(`[TICKETS] an empty new-ticket form says what to fix in words (${locale}, ${width}px) and takes the focus to the summary`, async ({
      page,
      signIn,
    }, testInfo) => {
      await signIn("dev@nimbus.example");
      await setLocale(page, locale);
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/tickets/new");
      const button = page.getByRole("button", { name: submit });
      await expect(button).toBeEnabled();
      await button.click();
      const summary = page.getByRole("alert").filter({ hasText: intro });
      await expect(summary).toBeVisible();
      await expect(summary).toBeFocused();
      for (const line of lines) await expect(summary.getByRole("link", { name: line })).toBeVisible();
      await expectNoWideningAndNoZod(page);
      await page.screenshot({ path: testInfo.outputPath(`new-ticket-errors-${locale}-${width}.png`), fullPage: true });
      // A line of the summary takes the user to its field.
      await summary.getByRole("link", { name: lines[0] }).click();
      await expect(page.getByLabel(subject, { exact: true })).toBeFocused();
      // A second failed submit brings the focus back to the summary.
      await button.click();
      await expect(summary).toBeFocused();
    });

  test("[ACCOUNT] an empty password form names the fields to fill in, in Chinese too, with the focus on the summary", async ({
    page,
    signIn,
  }) => {
    await signIn("qa@nimbus.example");
    await page.goto("/account");
    const change = page.getByRole("button", { name: "Change password" });
    await expect(change).toBeEnabled();
    await change.click();
    const summary = page.getByRole("alert").filter({ hasText: "Some fields need your attention." });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "Current password: Fill in this field." })).toBeVisible();
    await expectNoWideningAndNoZod(page);

    await setLocale(page, "zh");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/account");
    // The password's own form: the sign-in address form above it asks for the current password too.
    const passwordForm = page.locator("form").filter({ has: page.getByRole("button", { name: "更改密码" }) });
    await expect(passwordForm.getByRole("button", { name: "更改密码" })).toBeEnabled();
    await passwordForm.getByLabel("当前密码").fill("something");
    await passwordForm.getByLabel("新密码", { exact: true }).fill("one long password");
    await passwordForm.getByLabel("再次输入新密码").fill("another long password");
    await passwordForm.getByRole("button", { name: "更改密码" }).click();
    const mismatch = page.getByRole("alert").filter({ hasText: "两次输入的新密码不一致" });
    await expect(mismatch).toBeFocused();
    await expectNoWideningAndNoZod(page);
  });

  test("[INCIDENTS] an incident without its times names the fields to fill in, with the focus on the summary", async ({
    page,
    signIn,
  }) => {
    await signIn("manager@attain.test");
    await page.goto("/incidents/new");
    const record = page.getByRole("button", { name: "Record incident" });
    await expect(record).toBeEnabled();
    await record.click();
    const summary = page.getByRole("alert").filter({ hasText: "Some fields need your attention." });
    await expect(summary).toBeFocused();
    await summary.getByRole("link", { name: /^Start, .*: Give the start time\.$/ }).click();
    await expect(page.getByLabel(/^Start, /)).toBeFocused();
  });

  test("[AUTH] a refused or empty sign-in keeps the focus on the button, so the keyboard carries on from there", async ({
    page,
  }) => {
    await page.goto("/signin");
    const submit = page.getByRole("button", { name: "Sign in", exact: true });
    const refusal = page.getByRole("alert").filter({ hasText: "The email or password is not correct." });
    await expect(submit).toBeEnabled();
    await submit.focus();
    await page.keyboard.press("Enter");
    await expect(refusal).toBeVisible();
    await expect(submit).toBeFocused();
    await page.getByLabel("Email").fill(`nobody-${Date.now()}@nimbus.example`);
    await page.getByLabel("Password").fill("not the password");
    await submit.click();
    await expect(refusal).toBeVisible();
    await expect(submit).toBeFocused();
  });

  test("[TICKETS] an empty complaint is refused in the user's words, with the focus on the refusal", async ({
    page,
    signIn,
  }) => {
    await signIn("dev@nimbus.example");
    const id = await fileTicket(page, "Complaint form: calls drop after two minutes");
    await page.goto(`/tickets/${id}`);
    const send = page.getByRole("button", { name: "Send complaint" });
    await expect(send).toBeEnabled();
    await send.click();
    const refusal = page.getByRole("alert").filter({ hasText: "Use at least 3 characters." });
    await expect(refusal).toBeFocused();
    await expectNoWideningAndNoZod(page);
  });

  test("[TICKETS] one submit names every problem of the new-ticket form, and each goes as soon as its field is fixed", async ({
    page,
    signIn,
  }) => {
    await signIn("dev@nimbus.example");
    await page.goto("/tickets/new");
    const submit = page.getByRole("button", { name: "Submit ticket" });
    await expect(submit).toBeEnabled();
    await page.getByLabel("Subject").fill("Screen sharing stutters on macOS");
    await page.getByLabel("Product area").selectOption("video_calling");
    await page.getByLabel("Description").fill("Shared screens stutter every few seconds since 4.5.0.");
    await page.getByLabel("Watchers (CC)").fill("cto@nimbus.example not-an-address");
    // Two days ahead: in the future whatever the account's zone.
    const ahead = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16);
    await page.getByLabel(/^Started at/).fill(ahead);
    await submit.click();

    const summary = page.getByRole("alert").filter({ hasText: "Some fields need your attention." });
    await expect(summary).toBeFocused();
    const lines = summary.getByRole("link");
    await expect(lines).toHaveText([
      "Category: Choose one of the options.",
      "Watchers (CC): Enter an email address such as mei@example.com.",
      /^Started at, .+: The fault cannot start in the future\.$/,
    ]);
    await expectNoWideningAndNoZod(page);

    // Choosing a category takes its message away at once, under the field and in the summary.
    await page.getByLabel("Category").selectOption("performance");
    await expect(page.getByText("Choose one of the options.")).toHaveCount(0);
    await expect(lines).toHaveCount(2);
    await expect(page.getByLabel("Category")).not.toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Watchers (CC)").fill("cto@nimbus.example");
    await expect(lines).toHaveCount(1);
    // With the last one fixed, the summary goes too.
    await page.getByLabel(/^Started at/).fill(new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 16));
    await expect(summary).toHaveCount(0);
    await submit.click();
    await expect(page).toHaveURL(/\/tickets\/\d+$/);
  });

  test("[TICKETS] a new action on the ticket page clears the answer of the one before, and fixing a refused field clears its refusal", async ({
    page,
    signIn,
  }) => {
    await signIn("dev@nimbus.example");
    const id = await fileTicket(page, "Side forms: echo heard on every call");
    await page.goto(`/tickets/${id}`);
    await page.getByLabel("Reason for escalation").fill("No answer for two days");
    await page.getByRole("button", { name: "Request escalation" }).click();
    const done = page.getByRole("status").filter({ hasText: "Done." });
    await expect(done).toBeVisible();

    await page.getByRole("button", { name: "Send complaint" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "Use at least 3 characters." });
    await expect(refusal).toBeFocused();
    await expect(done).toHaveCount(0);

    await page.getByLabel("What went wrong?").fill("Nobody has answered in two days.");
    await expect(refusal).toHaveCount(0);
  });
});
