import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * A description with headings that would take ids the page's scripts use (`__next_f` is the global
 * Next.js streams its data through; an element id is also a global in the browser), and with
 * pathological Markdown that the limits still accept.
 */
const CLOBBERING_DESCRIPTION = [
  "## __next_f",
  "",
  "## document",
  "",
  "Steps: see [the first heading](#__next_f).",
  "",
  `${"> ".repeat(15)}a quote nested fifteen levels`,
  "",
  "- item\n".repeat(60),
  "*a".repeat(200),
  "",
  "[".repeat(15) + "nested" + "]".repeat(15),
  "",
  "| a | b | c |\n| - | - | - |\n" + "| 1 | 2 | 3 |\n".repeat(40),
  "```js\nconst x = `template`; // a comment\n```",
].join("\n");

/** Errors thrown in the page (a failed hydration among them), collected while the test runs. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

async function fillTicket(page: Page, subject: string, description: string) {
  await page.goto("/tickets/new");
  await expect(page.getByRole("button", { name: "Submit ticket" })).toBeEnabled();
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Product area").selectOption("video_calling");
  await page.getByLabel("Category").selectOption("functional_bug");
  await page.getByRole("radio", { name: /P2 normal/ }).check();
  await page.getByLabel("Description").fill(description);
}

test.describe("[SECURITY] Markdown in tickets", () => {
  test("[SECURITY] a customer's ticket with a `## __next_f` heading and heavy Markdown opens, stays interactive and takes a reply", async ({
    page,
    signIn,
  }) => {
    const errors = pageErrors(page);
    await signIn("dev@nimbus.example");
    await fillTicket(page, "Headings that clobber globals", CLOBBERING_DESCRIPTION);
    await page.getByRole("button", { name: "Submit ticket" }).click();
    await expect(page.getByRole("heading", { name: "Headings that clobber globals" })).toBeVisible();

    // Opened afresh, as staff would open it: the server-rendered page must hydrate.
    const ticketUrl = page.url();
    await page.goto(ticketUrl);
    const conversation = page.getByRole("region", { name: "Conversation" });
    // Interactive (hydrated): the reply box is enabled, posts, and the conversation shows the reply.
    await expect(page.getByRole("button", { name: "Send reply" })).toBeEnabled();
    await page.getByLabel("Your reply").fill("Still happening on **4.5.2**.");
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(conversation.locator("strong", { hasText: "4.5.2" })).toBeVisible();
    expect(errors).toEqual([]);
    // The headings keep their text but take prefixed ids; in-page links follow them.
    await expect(conversation.getByRole("heading", { name: "__next_f" })).toHaveAttribute(
      "id",
      "user-content-__next_f",
    );
    await expect(conversation.getByRole("link", { name: "the first heading" })).toHaveAttribute(
      "href",
      "#user-content-__next_f",
    );
    await expect(conversation.locator("blockquote")).toHaveCount(15);
    await expect(conversation.locator("table tbody tr")).toHaveCount(40);
    expect(
      await page.evaluate(() => ({
        clobbered: document.getElementById("__next_f") !== null || document.getElementById("document") !== null,
        nextData: Array.isArray((self as unknown as { __next_f?: unknown }).__next_f),
      })),
    ).toEqual({ clobbered: false, nextData: true });
  });

  test("[SECURITY] a description nested too deep is refused in the form with what to fix, in the writer's language, and nothing is filed", async ({
    page,
    signIn,
  }) => {
    await signIn("dev@nimbus.example");
    const deep = `Logs:\n\n${"> ".repeat(40)}help`;
    await fillTicket(page, "Quotes nested forty levels deep", deep);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText(
      "Quotes or lists are nested 40 levels deep; at most 20 are allowed.",
    );
    await page.getByRole("button", { name: "Submit ticket" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText(
      "Quotes or lists are nested 40 levels deep; at most 20 are allowed.",
    );
    await expect(page).toHaveURL(/\/tickets\/new$/);

    // As the language switcher sets it: for the whole site (path /), the tRPC endpoint included.
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh", url: new URL(page.url()).origin }]);
    await page.goto("/tickets/new");
    await expect(page.getByRole("button", { name: "提交工单" })).toBeEnabled();
    await page.getByLabel("标题").fill("嵌套四十层的引用");
    await page.getByLabel("产品").selectOption("video_calling");
    await page.getByLabel("类别").selectOption("functional_bug");
    await page.getByLabel("问题描述").fill("- a\n".repeat(301));
    await page.getByRole("button", { name: "提交工单" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("文本有 301 个列表项，最多允许 300 个。");

    await page.context().clearCookies({ name: "NEXT_LOCALE" });
    await page.goto("/tickets?status=open");
    await expect(page.getByRole("heading", { name: "Tickets" })).toBeVisible();
    await expect(page.getByText("Quotes nested forty levels deep")).toHaveCount(0);
    await expect(page.getByText("嵌套四十层的引用")).toHaveCount(0);
  });
});
