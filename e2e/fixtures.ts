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

export const test = base.extend<{ signIn: (email: string) => Promise<void> }>({
  signIn: async ({ page }, provide) => {
    await provide((email) => signInAs(page, email));
  },
});

export { expect };
