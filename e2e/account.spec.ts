import type { Browser, Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";
import { openDatabase } from "./db";

/**
 * Self-service (issue #16), with customers no other spec depends on (Lumen Learning, Cobalt Games).
 * What a spec changes stays within its own person; the database is seeded afresh for every run.
 */
const NEW_PASSWORD = "marble orchard kite 2026";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";

/** The path of the newest link to `path` ("/signin/reset/") mailed to an address, read from the outbox (no SMTP in e2e). */
function mailedLink(email: string, path: string): string {
  const db = openDatabase();
  try {
    const row = db.prepare('select body from outbox where "to" = ? order by id desc limit 1').get(email) as
      { body: string } | undefined;
    const link = new RegExp(`${path}[A-Za-z0-9_-]+`).exec(row?.body ?? "")?.[0];
    if (!link) throw new Error(`no ${path} link mailed to ${email}`);
    return link;
  } finally {
    db.close();
  }
}

/** The subject of the newest mail to an address. */
function lastSubjectTo(email: string): string | null {
  const db = openDatabase();
  try {
    const row = db.prepare('select subject from outbox where "to" = ? order by id desc limit 1').get(email) as
      { subject: string } | undefined;
    return row?.subject ?? null;
  } finally {
    db.close();
  }
}

type Credentials = { email: string; password: string };

/** A fresh browser is refused with the old credentials and signs in with the new ones. */
async function signsInOnlyWith(browser: Browser, baseURL: string, refused: Credentials, accepted: Credentials) {
  const other = await browser.newContext({ baseURL });
  try {
    const tab = await other.newPage();
    await tab.goto("/signin");
    for (const [credentials, ok] of [
      [refused, false],
      [accepted, true],
    ] as const) {
      await tab.getByLabel("Email").fill(credentials.email);
      await tab.getByLabel("Password").fill(credentials.password);
      await tab.getByRole("button", { name: "Sign in", exact: true }).click();
      if (ok) await expect(tab).toHaveURL(`${baseURL}/`);
      else await expect(tab.locator("form").getByRole("alert")).toHaveText("The email or password is not correct.");
    }
  } finally {
    await other.close();
  }
}

async function chooseTimeZone(page: Page, label: string | RegExp, search: string, zone: string) {
  const box = page.getByRole("combobox", { name: label });
  await box.fill(search);
  await page.getByRole("option", { name: new RegExp(`^${zone.replace(/_/g, " ")}\\b`) }).click();
  await expect(box).toHaveValue(zone);
}

test.describe("[ACCOUNT] self-service", () => {
  test("[ACCOUNT] a customer changes their name, language and time zone from the menu, and the portal follows", async ({
    page,
    signIn,
  }) => {
    await signIn("pm@lumen-learning.example");
    await page.goto("/");
    await page.getByRole("link", { name: /Your account/ }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

    const profile = page.getByRole("region", { name: "Profile" });
    await profile.getByLabel("Name").fill("Liu Yang (Lumen)");
    await profile.getByLabel("Language").selectOption("zh");
    await chooseTimeZone(page, "Time zone", "shanghai", "Asia/Shanghai");
    await profile.getByRole("button", { name: "Save profile" }).click();

    // The page now speaks Chinese, shows times in Shanghai's zone and the new name in the header.
    const profileZh = page.getByRole("region", { name: "个人资料" });
    await expect(profileZh.getByRole("status")).toHaveText("资料已保存。");
    await expect(page.getByRole("heading", { level: 1, name: "我的账号" })).toBeVisible();
    await expect(page.getByText(/时间按 Asia\/Shanghai/)).toBeVisible();
    await expect(page.getByRole("link", { name: /我的账号/ })).toContainText("Liu Yang (Lumen)");
    await page.reload();
    await expect(profileZh.getByLabel("姓名")).toHaveValue("Liu Yang (Lumen)");
    await expect(page.getByRole("combobox", { name: "时区" })).toHaveValue("Asia/Shanghai");

    // An empty name is refused in the user's language, and nothing changes.
    await profileZh.getByLabel("姓名").fill("   ");
    await profileZh.getByRole("button", { name: "保存资料" }).click();
    await expect(profileZh.getByRole("alert")).toHaveText("请输入您的姓名。");

    // Back as it was.
    await profileZh.getByLabel("姓名").fill("Liu Yang");
    await profileZh.getByLabel("语言").selectOption("en");
    await chooseTimeZone(page, "时区", "london", "Europe/London");
    await profileZh.getByRole("button", { name: "保存资料" }).click();
    await expect(profile.getByRole("status")).toHaveText("Profile saved.");
    await expect(page.getByText(/Times shown in Europe\/London/)).toBeVisible();
  });

  test("[ACCOUNT] a time zone typed out in full and picked with Enter is the one saved; the arrow keys move through the matches", async ({
    page,
    signIn,
  }) => {
    await signIn("pm@cobalt-games.example");
    await page.goto("/account");
    const profile = page.getByRole("region", { name: "Profile" });
    const box = page.getByRole("combobox", { name: "Time zone" });
    const list = page.getByRole("listbox");
    const chosen = list.getByRole("option", { selected: true });
    const current = await box.inputValue();

    // Opened on the chosen zone, the list offers every zone with that one highlighted: Enter keeps it.
    await box.focus();
    await expect(chosen).toHaveText(new RegExp(`^${current.replace(/_/g, " ")}`));
    await expect(list.getByRole("option")).not.toHaveCount(1);

    // Typed out exactly (the field's text replaced), the zone is the highlighted match and Enter keeps it.
    await box.press("ControlOrMeta+a");
    await box.pressSequentially("Asia/Tokyo");
    await expect(chosen).toHaveText(/^Asia\/Tokyo/);
    await box.press("Enter");
    await expect(list).toBeHidden();
    await expect(box).toHaveValue("Asia/Tokyo");
    await profile.getByRole("button", { name: "Save profile" }).click();
    await expect(profile.getByRole("status")).toHaveText("Profile saved.");
    await page.reload();
    await expect(box).toHaveValue("Asia/Tokyo");

    // Down moves to the next match, Up from the first wraps to the last; Escape closes and changes nothing.
    await box.fill("new york");
    await expect(chosen).toHaveText(/^America\/New York/);
    await box.fill("america/n");
    const matches = list.getByRole("option");
    const count = await matches.count();
    expect(count).toBeGreaterThan(2);
    await box.press("ArrowDown");
    await expect(chosen).toHaveText((await matches.nth(1).textContent())!);
    await box.press("ArrowUp");
    await box.press("ArrowUp");
    await expect(chosen).toHaveText((await matches.nth(count - 1).textContent())!);
    await box.press("Escape");
    await expect(list).toBeHidden();
    await box.press("ArrowDown");
    await expect(list).toBeVisible();
    await box.press("Enter");
    await expect(box).toHaveValue(/^America\/N/);
  });

  test("[ACCOUNT] a customer who forgot their password resets it through the emailed link and signs in with the new one", async ({
    page,
    browser,
    baseURL,
  }) => {
    const email = "ops@lumen-learning.example";
    await page.goto("/signin");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(page).toHaveURL(/\/signin\/forgot$/);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText(
      "If an account exists for that address, we sent a link",
    );

    const link = mailedLink(email, "/signin/reset/");
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await expect(page.getByText(`For ${email}.`)).toBeVisible();

    // A common password is refused with what to fix; the link still works.
    await page.getByLabel("New password", { exact: true }).fill("password123456");
    await page.getByLabel("Repeat the new password").fill("password123456");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.locator("form").getByRole("alert")).toContainText("too common");

    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page).toHaveURL(`${baseURL}/`);
    await expect(page.getByRole("link", { name: /Your account/ })).toBeVisible();

    // The link was for one use only.
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/signin/forgot");

    // A fresh browser signs in with the new password, not the old one.
    await signsInOnlyWith(browser, baseURL!, { email, password: "attain-demo" }, { email, password: NEW_PASSWORD });
  });

  test("[ACCOUNT] a customer signed in on two browsers sees both and signs the other one out", async ({
    page,
    browser,
    baseURL,
  }) => {
    const email = "dev@cobalt-games.example";
    const phone = await browser.newContext({ baseURL, userAgent: IPHONE });
    try {
      const phonePage = await phone.newPage();
      await signInAs(phonePage, email);
      await phonePage.goto("/tickets");
      await expect(phonePage).toHaveURL(/\/tickets$/);

      await signInAs(page, email);
      await page.goto("/account");
      const list = page.getByRole("list", { name: "Where you are signed in" });
      await expect(list.getByRole("listitem")).toHaveCount(2);
      await expect(list.getByRole("listitem").first()).toContainText("This session");
      await expect(list.getByRole("listitem").first()).toContainText(/Chrome on (Windows|Linux)/);
      await expect(list.getByRole("listitem").nth(1)).toContainText("Safari on iOS");
      await expect(list.getByRole("listitem").nth(1)).toContainText("Password");

      await list.getByRole("button", { name: /^Sign out: Safari on iOS/ }).click();
      await expect(page.getByRole("region", { name: "Where you are signed in" }).getByRole("status")).toHaveText(
        "That session was signed out.",
      );
      await expect(list.getByRole("listitem")).toHaveCount(1);
      await expect(page.getByText("You are signed in only here.")).toBeVisible();

      // The phone is signed out on its next step.
      await phonePage.goto("/tickets");
      await expect(phonePage).toHaveURL(/\/signin/);
      // This browser is not.
      await page.goto("/tickets");
      await expect(page).toHaveURL(/\/tickets$/);
    } finally {
      await phone.close();
    }
  });

  test("[ACCOUNT] a customer changes their sign-in address through the link mailed to the new one and signs in with it", async ({
    page,
    browser,
    baseURL,
  }) => {
    const email = "ops@cobalt-games.example";
    const newEmail = "ops.moved@cobalt-mail.example";
    await signInAs(page, email);
    await page.goto("/account");
    const card = page.getByRole("region", { name: "Sign-in address" });
    await expect(card.getByText(email)).toBeVisible();

    // A colleague's address is refused with what to do; nothing is sent.
    await card.getByLabel("New address").fill("dev@cobalt-games.example");
    await card.getByLabel("Current password").fill("attain-demo");
    await card.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(card.getByRole("alert")).toContainText(
      "Someone already signs in with that address. Enter another one.",
    );

    await card.getByLabel("New address").fill(newEmail);
    await card.getByLabel("Current password").fill("attain-demo");
    await card.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(card.getByRole("status")).toContainText(`We sent a link to ${newEmail}.`);
    expect(lastSubjectTo(newEmail)).toBe("Confirm your new Attain sign-in address");

    // Following the link in this browser keeps this session.
    const link = mailedLink(newEmail, "/signin/email/");
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Confirm your new sign-in address" })).toBeVisible();
    await page.getByRole("button", { name: "Confirm new address" }).click();
    await expect(page.getByRole("status")).toHaveText(`Your sign-in address is now ${newEmail}.`);
    // Done reads as done: no heading or sentence left about what confirming will do.
    await expect(page.getByRole("heading", { name: "Sign-in address changed" })).toBeVisible();
    await expect(page.getByText("From now on you will sign in with")).toHaveCount(0);
    await expect(page.getByText("You are still signed in here; your other sessions were signed out.")).toBeVisible();
    await page.getByRole("link", { name: "Back to your account" }).click();
    await expect(page.getByRole("region", { name: "Sign-in address" }).getByText(newEmail)).toBeVisible();
    expect(lastSubjectTo(email)).toBe("Your Attain sign-in address was changed");

    // The link was for one use only.
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();

    // A fresh browser signs in with the new address, not the old one.
    await signsInOnlyWith(
      browser,
      baseURL!,
      { email, password: "attain-demo" },
      { email: newEmail, password: "attain-demo" },
    );
  });
});
