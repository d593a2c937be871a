import { expect, PASSWORD, test } from "./fixtures";

const SESSION_COOKIE = "next-auth.session-token";

test.describe("[SECURITY] sessions end at once", () => {
  test("[SECURITY] after a customer signs out, a copy of their session cookie opens no page and no API", async ({
    page,
    signIn,
    browser,
    baseURL,
  }) => {
    await signIn("dev@nimbus.example");
    const copied = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(copied).toBeDefined();
    await page.goto("/tickets");
    await expect(page).toHaveURL(/\/tickets$/);

    await page.getByRole("button", { name: "Sign out" }).first().click();
    await expect(page).toHaveURL(/\/signin/);

    // Someone who kept the cookie (a shared computer, a stolen cookie) tries it in a fresh browser.
    const thief = await browser.newContext({ baseURL });
    try {
      await thief.addCookies([{ ...copied!, sameSite: "Lax" }]);
      const tab = await thief.newPage();
      await tab.goto("/tickets");
      await expect(tab).toHaveURL(/\/signin/);
      await expect(tab.getByRole("heading", { name: "Sign in to Attain" })).toBeVisible();
      const api = await thief.request.get("/api/trpc/me.get");
      expect(api.status()).toBe(401);
      const session = (await (await thief.request.get("/api/auth/session")).json()) as { attain?: unknown };
      expect(session?.attain ?? null).toBeNull();
    } finally {
      await thief.close();
    }
  });
});

test.describe("[SECURITY] after signing in, only pages of the portal are followed", () => {
  test("[SECURITY] a sign-in link whose callback points to another site lands on the portal's home page", async ({
    page,
    baseURL,
  }) => {
    await page.goto("/signin?callbackUrl=/%5Cevil.example");
    await page.getByLabel("Email").fill("dev@nimbus.example");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${baseURL}/`);
    await expect(page.getByRole("heading", { name: "Your account team" })).toBeVisible();

    // Signed in, the sign-in page redirects at once: to a portal path, never elsewhere.
    for (const callback of [
      "/%5Cevil.example",
      "/%09/evil.example",
      "//evil.example",
      "/%5C/evil.example",
      "%2F%2Fevil.example",
      "/%255Cevil.example",
      "https://evil.example",
      "https:%2F%2Fevil.example",
      "/%0D%0A/evil.example",
    ]) {
      const res = await page.request.get(`/signin?callbackUrl=${callback}`, { maxRedirects: 0 });
      expect(res.status(), callback).toBe(307);
      expect(res.headers()["location"], callback).toBe("/");
    }
    const kept = await page.request.get(`/signin?callbackUrl=${encodeURIComponent("/tickets?status=open")}`, {
      maxRedirects: 0,
    });
    expect(kept.headers()["location"]).toBe("/tickets?status=open");
  });
});
