import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { startOidcProvider, type TestOidcProvider } from "../server/testing/oidc-provider";
import { expect, PASSWORD, test } from "./fixtures";
import { openDatabase } from "./db";

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider) that this spec starts on
 * 127.0.0.1:3190. An administrator binds Orbit Chat to it; its people then sign in at the
 * provider's own login page in Chromium and land in the portal.
 */

const PORTAL_PORT = Number(process.env.E2E_PORT ?? 3100);
const IDP_PORT = Number(process.env.E2E_IDP_PORT ?? 3190);
// Outside test-results/, which Playwright empties at the start of every run.
const SHOTS = path.resolve(process.env.E2E_SCREENSHOTS ?? "data/screenshots/sso");
const IDP_PASSWORD = "idp-secret-password";

let idp: TestOidcProvider;
let orbitId: number;

test.beforeAll(async () => {
  idp = await startOidcProvider({
    port: IDP_PORT,
    redirectUris: [`http://127.0.0.1:${PORTAL_PORT}/api/sso/callback`],
    accounts: [
      { email: "lin.wei@orbit.example", password: IDP_PASSWORD, name: "Lin Wei" },
      { email: "zhang.min@orbit.example", password: IDP_PASSWORD, name: "张敏" },
      { email: "ops@orbit.example", password: IDP_PASSWORD, name: "Orbit Ops" },
      // Staff sign in through the same provider, configured as the staff provider (playwright.config.ts).
      { email: "manager@attain.test", password: IDP_PASSWORD, name: "Manager" },
    ],
  });
  const sqlite = openDatabase();
  try {
    orbitId = (sqlite.prepare("select id from organizations where name = 'Orbit Chat'").get() as { id: number }).id;
  } finally {
    sqlite.close();
  }
  fs.mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(async () => {
  await idp?.close();
});

function userRow(email: string) {
  const sqlite = openDatabase();
  try {
    return sqlite
      .prepare("select u.role, u.organization_id as organizationId, u.name from users u where lower(u.email) = ?")
      .get(email) as { role: string; organizationId: number; name: string } | undefined;
  } finally {
    sqlite.close();
  }
}

async function signOut(page: Page) {
  await page
    .getByRole("button", { name: /Sign out|退出/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/signin/);
}

/** From the sign-in page: the email, then the provider's own login form. */
async function signInWithSso(page: Page, email: string, labels = { sso: "Continue with single sign-on" }) {
  await page.getByLabel(/^(Email|邮箱)$/).fill(email);
  await page.getByRole("button", { name: labels.sso }).click();
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${IDP_PORT}/interaction/`));
  await expect(page.getByRole("heading", { name: "Test IdP" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password").fill(IDP_PASSWORD);
  await page.getByRole("button", { name: "Sign in at Test IdP" }).click();
}

test.describe.serial("[IDENTITY] single sign-on through the organization's identity provider", () => {
  test("[IDENTITY] an admin binds Orbit Chat to its provider, tests the connection and saves", async ({
    page,
    signIn,
  }) => {
    await signIn("admin@attain.test");
    await page.goto(`/admin/organizations/${orbitId}/sso`);
    await expect(page.getByRole("heading", { name: "Single sign-on", exact: true })).toBeVisible();
    await expect(page.getByText("Not set up")).toBeVisible();
    await expect(page.getByLabel("Redirect URI")).toHaveValue(`http://127.0.0.1:${PORTAL_PORT}/api/sso/callback`);

    await page.getByLabel("Issuer URL").fill("http://login.orbit.example");
    await page.getByLabel("Client ID").fill(idp.clientId);
    await page.getByLabel("Client secret").fill("wrong-secret");
    await page.getByLabel("Email domains").fill("orbit.example");
    await page.getByRole("button", { name: "Save single sign-on" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("must use https");

    await page.getByLabel("Issuer URL").fill(idp.issuer);
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByText("The issuer answered but refused the client ID or secret.")).toBeVisible();
    await page.getByLabel("Client secret").fill(idp.clientSecret);
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByText(/^Connected: http:\/\/127\.0\.0\.1:\d+ answered in \d+ ms/)).toBeVisible();

    await page.getByRole("button", { name: "Save single sign-on" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Single sign-on settings saved." })).toBeVisible();
    await expect(page.getByText("Configured", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Client secret")).toHaveValue("");
    await expect(page.getByText("A secret is saved and never shown.")).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, "settings-desktop.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SHOTS, "settings-phone.png"), fullPage: true });
  });

  test("[IDENTITY] a new Orbit Chat colleague signs in at the provider and lands in the portal as a customer of Orbit Chat", async ({
    page,
  }) => {
    await page.goto("/signin?callbackUrl=%2Ftickets");
    await page.getByLabel("Email").fill("lin.wei@orbit.example");
    await page.screenshot({ path: path.join(SHOTS, "signin-desktop.png"), fullPage: true });
    await signInWithSso(page, "lin.wei@orbit.example");
    await expect(page).toHaveURL(`http://127.0.0.1:${PORTAL_PORT}/tickets`);
    await expect(page.getByText("Lin Wei").first()).toBeVisible();
    await page.getByRole("link", { name: "Organization" }).click();
    await expect(page.getByRole("heading", { name: /Orbit Chat/ }).first()).toBeVisible();
    expect(userRow("lin.wei@orbit.example")).toMatchObject({ role: "customer", organizationId: orbitId });

    const session = (await (await page.request.get("/api/auth/session")).json()) as {
      attain?: { email: string; organizationId: number };
    };
    expect(session.attain).toMatchObject({ email: "lin.wei@orbit.example", organizationId: orbitId });
    await signOut(page);
  });

  test("[IDENTITY] an address whose domain has no provider carries on with the password", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill("dev@nimbus.example");
    await page.getByRole("button", { name: "Continue with single sign-on" }).click();
    await expect(page.getByText("Single sign-on is not set up for nimbus.example.")).toBeVisible();
    await expect(page.getByLabel("Password")).toBeFocused();
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Your account team" })).toBeVisible();
  });

  test("[I18N] in Chinese, a colleague signs in through single sign-on and errors read in Chinese", async ({
    page,
  }) => {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh", url: `http://127.0.0.1:${PORTAL_PORT}` }]);
    await page.goto("/signin?error=sso_unreachable");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "无法连接您组织的身份提供商。请几分钟后重试，或联系您的管理员。",
    );
    await page.getByLabel("邮箱").fill("zhang.min@orbit.example");
    await page.screenshot({ path: path.join(SHOTS, "signin-zh-desktop.png"), fullPage: true });
    await signInWithSso(page, "zhang.min@orbit.example", { sso: "使用单点登录继续" });
    await expect(page).toHaveURL(`http://127.0.0.1:${PORTAL_PORT}/`);
    await expect(page.getByText("张敏").first()).toBeVisible();
    expect(userRow("zhang.min@orbit.example")).toMatchObject({ role: "customer", organizationId: orbitId });
  });

  test("[IDENTITY] once Orbit Chat requires single sign-on, its people are refused a password and told to use single sign-on", async ({
    page,
    signIn,
    browser,
    baseURL,
  }) => {
    await signIn("admin@attain.test");
    await page.goto(`/admin/organizations/${orbitId}/sso`);
    await page.getByLabel("Require single sign-on").check();
    await page.getByRole("button", { name: "Save single sign-on" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Single sign-on settings saved." })).toBeVisible();

    const visitor = await browser.newContext({ baseURL });
    try {
      const tab = await visitor.newPage();
      await tab.goto("/signin");
      await tab.getByLabel("Email").fill("ops@orbit.example");
      await tab.getByLabel("Password").fill(PASSWORD);
      await tab.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(tab.getByRole("main").getByRole("alert")).toHaveText(
        "Your organization signs in with single sign-on only. Use “Continue with single sign-on”.",
      );
      const session = (await (await tab.request.get("/api/auth/session")).json()) as { attain?: unknown };
      expect(session?.attain ?? null).toBeNull();
      await tab.setViewportSize({ width: 390, height: 844 });
      await tab.screenshot({ path: path.join(SHOTS, "signin-required-phone.png"), fullPage: true });

      // The same person through single sign-on: their existing account, in Orbit Chat.
      await tab.setViewportSize({ width: 1280, height: 800 });
      await signInWithSso(tab, "ops@orbit.example");
      await expect(tab).toHaveURL(`${baseURL}/`);
      const after = (await (await tab.request.get("/api/auth/session")).json()) as {
        attain?: { email: string; organizationId: number };
      };
      expect(after.attain).toMatchObject({ email: "ops@orbit.example", organizationId: orbitId });
    } finally {
      await visitor.close();
    }
  });

  test("[IDENTITY] an unreachable provider sends the person back to the sign-in page quickly, with a message", async ({
    page,
    signIn,
  }) => {
    await signIn("admin@attain.test");
    await page.goto(`/admin/organizations/${orbitId}/sso`);
    await page.getByLabel("Issuer URL").fill("http://127.0.0.1:9");
    await page.getByLabel("Require single sign-on").uncheck();
    await page.getByRole("button", { name: "Save single sign-on" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Single sign-on settings saved." })).toBeVisible();
    await signOut(page);

    await page.getByLabel("Email").fill("lin.wei@orbit.example");
    const started = Date.now();
    await page.getByRole("button", { name: "Continue with single sign-on" }).click();
    await expect(page).toHaveURL(/\/signin\?error=sso_unreachable/);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "We could not reach your organization's identity provider. Try again in a few minutes, or ask your administrator.",
    );
    expect(Date.now() - started).toBeLessThan(6000);
  });

  test("[IDENTITY] a staff member signs in through the staff provider with their own role", async ({ page }) => {
    await page.goto("/signin");
    await signInWithSso(page, "manager@attain.test");
    await expect(page).toHaveURL(`http://127.0.0.1:${PORTAL_PORT}/`);
    const session = (await (await page.request.get("/api/auth/session")).json()) as {
      attain?: { email: string; role: string; organizationId: number | null };
    };
    expect(session.attain).toMatchObject({ email: "manager@attain.test", role: "manager", organizationId: null });
  });

  test("[SECURITY] a callback without the browser's own pending sign-in is refused and signs nobody in", async ({
    page,
  }) => {
    for (const cookie of [null, "forged.value.that.is.not.a.jwe"]) {
      await page.context().clearCookies();
      if (cookie) {
        await page
          .context()
          .addCookies([{ name: "attain.sso-pending", value: cookie, url: `http://127.0.0.1:${PORTAL_PORT}/api/sso` }]);
      }
      const res = await page.request.get("/api/sso/callback?code=stolen-code&state=guessed", { maxRedirects: 0 });
      expect(res.status()).toBe(303);
      expect(res.headers()["location"]).toContain("/signin?error=sso_state");
      const session = (await (await page.request.get("/api/auth/session")).json()) as { attain?: unknown };
      expect(session?.attain ?? null).toBeNull();
    }
    const start = await page.request.get("/api/sso/start?email=not-an-email", { maxRedirects: 0 });
    expect(start.headers()["location"]).toContain("/signin?error=sso_no_provider");
  });

  test("[SECURITY] signing in through single sign-on on a browser someone was signed in on ends their session", async ({
    page,
    signIn,
    browser,
    baseURL,
  }) => {
    await signIn("dev@nimbus.example");
    const before = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token");
    expect(before).toBeDefined();
    await page.goto("/signin");
    // Signed in, the sign-in page goes home; someone else then uses single sign-on on this browser.
    await page.goto("/api/sso/start?email=manager%40attain.test");
    await page.getByLabel("Password").fill(IDP_PASSWORD);
    await page.getByRole("button", { name: "Sign in at Test IdP" }).click();
    await expect(page).toHaveURL(`${baseURL}/`);

    const other = await browser.newContext({ baseURL });
    try {
      await other.addCookies([{ ...before!, sameSite: "Lax" }]);
      const session = (await (await other.request.get("/api/auth/session")).json()) as { attain?: unknown };
      expect(session?.attain ?? null).toBeNull();
    } finally {
      await other.close();
    }
  });
});
