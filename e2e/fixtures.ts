import { test as base, expect, type Page } from "@playwright/test";

export const PASSWORD = "attain-demo";

/** Signs in through next-auth's credentials endpoint, without the UI; cookies land in the page's context. */
export async function signInAs(page: Page, email: string): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { email, password: PASSWORD, csrfToken, json: "true" },
  });
  expect(res.ok()).toBe(true);
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.attain?.email).toBe(email);
}

/**
 * After a navigation to one of our pages, waits until React has hydrated it (components/shell/
 * hydration-mark.tsx): a value typed into server HTML before that would be replaced by React's.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "1", null, { timeout: 15_000 });
}

function hydratingGoto(page: Page): void {
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const res = await goto(url, options);
    if (res && res.ok() && (res.headers()["content-type"] ?? "").includes("text/html")) await waitForHydration(page);
    return res;
  };
}

export const test = base.extend<{ signIn: (email: string) => Promise<void> }>({
  page: async ({ page }, provide) => {
    hydratingGoto(page);
    await provide(page);
  },
  signIn: async ({ page }, provide) => {
    await provide((email) => signInAs(page, email));
  },
});

export { expect };
