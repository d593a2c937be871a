import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// axe-core (a devDependency) run on each role's key pages: no serious or critical violation of
// WCAG 2.1 A/AA, and none of the landmark and table-heading rules an audit once found broken.

const AXE = createRequire(path.join(process.cwd(), "package.json")).resolve("axe-core/axe.min.js");
/** Best-practice rules that are only "moderate" or "minor", held to anyway. */
const ALSO = new Set([
  "region",
  "landmark-unique",
  "landmark-no-duplicate-main",
  "landmark-main-is-top-level",
  "empty-table-header",
]);

type Violation = { id: string; impact: string | null; help: string; targets: string[] };

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    })) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return (found as Violation[])
    .filter((v) => v.impact === "serious" || v.impact === "critical" || ALSO.has(v.id))
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(", ")}`);
}

/** Opens each page and collects what axe finds there, so one run names every page's problems. */
async function audit(page: Page, paths: (string | (() => Promise<string>))[], ready?: (p: string) => Promise<void>) {
  const problems: string[] = [];
  for (const entry of paths) {
    const p = typeof entry === "string" ? entry : await entry();
    await page.goto(p);
    await ready?.(p);
    for (const v of await violations(page)) problems.push(`${p}: ${v}`);
  }
  expect(problems).toEqual([]);
}

/** The first link on `list` whose address matches `pattern` (a ticket, a review, an article). */
function firstLink(page: Page, list: string, pattern: RegExp): () => Promise<string> {
  return async () => {
    await page.goto(list);
    const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const href = hrefs.find((h) => pattern.test(h));
    expect(href, `a link matching ${pattern} on ${list}`).toBeTruthy();
    return href!;
  };
}

/** /sla and a review draw their Recharts charts after the first paint: audit them once drawn. */
async function chartsDrawn(page: Page, p: string) {
  if (p === "/sla" || p.startsWith("/reviews/")) await expect(page.locator(".recharts-surface").first()).toBeVisible();
}

test.describe("[A11Y] axe finds no serious problem on the key pages", () => {
  test("[A11Y] a visitor signs in, resets a password and meets a missing page", async ({ page }) => {
    await audit(page, ["/signin", "/signin/forgot", "/kb", "/no-such-page"]);
  });

  test("[A11Y] a customer reads their home, a ticket, the new-ticket form, the knowledge base, their service and a review", async ({
    page,
    signIn,
  }) => {
    await signIn("dev@nimbus.example");
    await audit(
      page,
      [
        "/",
        firstLink(page, "/tickets", /^\/tickets\/\d+$/),
        "/tickets/new",
        "/kb",
        "/kb/api-join-channel",
        "/organization/sla",
        // A 404 inside the portal's frame: one main landmark.
        "/organization/sla/tickets",
        firstLink(page, "/reviews", /^\/reviews\/\d+$/),
      ],
      (p) => chartsDrawn(page, p),
    );
  });

  test("[A11Y] a support engineer works the queue and a ticket", async ({ page, signIn }) => {
    await signIn("agent@attain.test");
    await audit(page, ["/", "/queue", firstLink(page, "/queue", /^\/tickets\/\d+$/), "/kb/new"]);
  });

  test("[A11Y] a manager reads the SLA dashboard, a ticket behind it, the portfolio and a review", async ({
    page,
    signIn,
  }) => {
    await signIn("manager@attain.test");
    await audit(
      page,
      [
        "/sla",
        // A manager's drill-down links the ticket itself; the SLA view of it is the executives' page.
        async () =>
          (await firstLink(page, "/sla/tickets?metric=resolution", /^\/tickets\/\d+$/)()).replace(
            "/tickets/",
            "/sla/tickets/",
          ),
        "/portfolio",
        firstLink(page, "/reviews", /^\/reviews\/\d+$/),
      ],
      (p) => chartsDrawn(page, p),
    );
  });

  test("[A11Y] an admin manages tiers and calendars on a phone, and the page does not scroll sideways", async ({
    page,
    signIn,
  }) => {
    await signIn("admin@attain.test");
    await page.setViewportSize({ width: 390, height: 844 });
    await audit(page, ["/admin", "/kb"]);
    for (const p of ["/admin", "/queue", "/sla", "/organizations"]) {
      await page.goto(p);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(wide, `${p} is no wider than the screen`).toBeLessThanOrEqual(0);
    }
    // The calendars' table scrolls inside its card, in a named box the keyboard reaches.
    await page.goto("/admin");
    await expect(page.getByRole("group", { name: "Support calendars" })).toHaveAttribute("tabindex", "0");
  });
});
