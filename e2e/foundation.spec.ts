import { expect, test } from "./fixtures";

const ROLES = [
  {
    email: "dev@nimbus.example",
    role: "Customer",
    nav: ["Home", "Tickets", "Organization", "Our service", "Reviews", "Status", "Knowledge base"],
    heading: "Your account team",
  },
  {
    email: "ops@orbit.example",
    role: "客户",
    // Orbit Chat is on Basic: no service reviews, so no Reviews item (issue #21).
    nav: ["首页", "工单", "组织", "我们的服务", "服务状态", "知识库"],
    heading: "服务权益",
  },
  {
    email: "agent@attain.test",
    role: "Support engineer (L1)",
    nav: [
      "Home",
      "Tickets",
      "Queue",
      "Mail",
      "Macros",
      "Organizations",
      "Incidents",
      "On call",
      "Status",
      "Knowledge base",
    ],
    heading: "Open tickets by priority",
  },
  {
    email: "expert@attain.test",
    role: "Technical expert (L2)",
    nav: [
      "Home",
      "Tickets",
      "Queue",
      "Mail",
      "Macros",
      "Organizations",
      "Incidents",
      "On call",
      "Status",
      "Knowledge base",
    ],
    heading: "Open tickets by priority",
  },
  {
    email: "manager@attain.test",
    role: "Customer service manager",
    nav: [
      "Home",
      "Tickets",
      "Queue",
      "Mail",
      "Macros",
      "Complaints",
      "Disputes",
      "Portfolio",
      "Reviews",
      "Incidents",
      "On call",
      "SLA",
      "Status",
      "Knowledge base",
    ],
    heading: "Open tickets by priority",
  },
  {
    email: "am@attain.test",
    role: "Account manager",
    nav: ["Home", "Portfolio", "Organizations", "Reviews", "Incidents", "Status", "Knowledge base"],
    heading: "Open tickets by priority",
  },
  {
    email: "exec@attain.test",
    role: "Executive",
    nav: ["Home", "Organizations", "Reviews", "Incidents", "SLA", "Status", "Knowledge base"],
    heading: "Service tiers",
  },
  {
    email: "admin@attain.test",
    role: "Administrator",
    nav: [
      "Home",
      "Macros",
      "Portfolio",
      "Reviews",
      "Incidents",
      "SLA",
      "Status",
      "Administration",
      "People",
      "Knowledge base",
    ],
    heading: "Open tickets by priority",
  },
];

test.describe("[FOUNDATION] sign-in by role", () => {
  for (const r of ROLES) {
    test(`[FOUNDATION] ${r.email} signs in and sees their own navigation and home`, async ({ page, signIn }) => {
      await signIn(r.email);
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: /Main navigation|主导航/ });
      await expect(nav.getByRole("link")).toHaveText(r.nav);
      await expect(page.getByText(r.role, { exact: true }).first()).toBeVisible();
      await expect(page.getByRole("heading", { name: r.heading })).toBeVisible();
    });
  }

  test("[FOUNDATION] a customer signs in through the form and sees Nimbus Live on the home page", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await page.getByLabel("Email").fill("dev@nimbus.example");
    await page.getByLabel("Password").fill("attain-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
    await expect(page.getByText("Nimbus Live").first()).toBeVisible();
    await expect(page.getByText("Enterprise", { exact: true })).toBeVisible();
    await expect(page.getByText("Amelia Brooks")).toBeVisible();
  });

  test("[FOUNDATION] a wrong password shows a clear message and nothing else", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await page.getByLabel("Email").fill("dev@nimbus.example");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is not correct.");
    await expect(page).toHaveURL(/\/signin/);
    const session = await (await page.request.get("/api/auth/session")).json();
    expect(session?.attain).toBeFalsy();
  });

  test("[FOUNDATION] a customer opening a staff page is refused", async ({ page, signIn }) => {
    await signIn("dev@nimbus.example");
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByText("Enterprise P0")).toHaveCount(0);
    const res = await page.request.get("/api/trpc/admin.tiers");
    expect(res.status()).toBe(403);
  });

  test("[FOUNDATION] a visitor who is not signed in is sent to the sign-in page", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
    await expect(page.getByRole("heading", { name: "Sign in to Attain" })).toBeVisible();
  });

  test("[FOUNDATION] the user signs out and is back at the sign-in page", async ({ page, signIn }) => {
    await signIn("agent@attain.test");
    await page.goto("/");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
  });
});

test.describe("[I18N] two languages", () => {
  test.use({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });

  test("[I18N] a browser asking for Chinese gets the Chinese interface", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "登录 Attain" })).toBeVisible();
    await expect(page.getByLabel("邮箱")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });

  test("[I18N] the language switcher turns the interface to English and it stays", async ({ page, signIn }) => {
    await signIn("exec@attain.test");
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "服务等级" })).toBeVisible();
    await page.getByLabel("语言").selectOption("en");
    await expect(page.getByRole("heading", { name: "Service tiers" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Service tiers" })).toBeVisible();
  });
});

test.describe("[ADMIN] tiers and targets", () => {
  test("[ADMIN] the admin reads the SLA target matrix from the database", async ({ page, signIn }) => {
    await signIn("admin@attain.test");
    await page.goto("/admin");
    const enterprise = page.getByRole("region", { name: "Enterprise" });
    await expect(enterprise.getByRole("row", { name: /P0 urgent/ })).toContainText("15 min");
    await expect(enterprise.getByRole("row", { name: /P0 urgent/ })).toContainText("5 business days");
    await expect(page.getByRole("row", { name: /China support/ })).toContainText("Asia/Shanghai");
    await page.getByRole("link", { name: "Email outbox" }).click();
    await expect(page.getByRole("heading", { name: "Email outbox" })).toBeVisible();
  });
});
