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

/** Our own pages only: a navigation that ends elsewhere (the identity provider's sign-in page) has no mark. */
function hydratingGoto(page: Page, baseURL: string | undefined): void {
  const goto = page.goto.bind(page);
  const ours = baseURL ? new URL(baseURL).origin : null;
  page.goto = async (url, options) => {
    const res = await goto(url, options);
    const html = res && res.ok() && (res.headers()["content-type"] ?? "").includes("text/html");
    if (html && ours && new URL(page.url()).origin === ours) await waitForHydration(page);
    return res;
  };
}

export const test = base.extend<{ signIn: (email: string) => Promise<void> }>({
  page: async ({ page, baseURL }, provide) => {
    hydratingGoto(page, baseURL);
    await provide(page);
  },
  signIn: async ({ page }, provide) => {
    await provide((email) => signInAs(page, email));
  },
});

export { expect };
