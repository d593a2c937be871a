import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Files a ticket as the signed-in customer through the API (the filing form has its own tests). */
async function fileTicket(page: Page, subject: string): Promise<number> {
  const res = await page.request.post("/api/trpc/tickets.create", {
    data: {
      json: {
        subject,
        description: "Remote audio cuts out for a second every few minutes on Android.",
        productArea: "voice_calling",
        category: "functional_bug",
        priority: "P2",
      },
    },
  });
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { result: { data: { json: { id: number } } } }).result.data.json.id;
}

test.describe("[WORKSPACE] the agent's ticket page", () => {
  test("[WORKSPACE] an agent opens a ticket with the reply box in view, applies a macro, changes status and priority (giving the reason in a dialog) and replies in one save", async ({
    page,
    signIn,
  }) => {
    await signIn("dev@nimbus.example");
    const subject = "Workspace: audio cuts out every few minutes";
    const id = await fileTicket(page, subject);

    // The agent keeps a personal macro that asks for the log and sets the ticket to wait on the customer.
    await signIn("agent@attain.test");
    await page.goto("/macros");
    await expect(page.getByRole("heading", { name: "Macros", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Save macro" })).toBeEnabled();
    await page.getByLabel("Title (English)").fill("Ask for the SDK log");
    await page.getByLabel("Title (Chinese)").fill("索取 SDK 日志");
    await page
      .getByLabel("Text (English)")
      .fill("Hi {{customer.name}}, please attach the SDK log to {{ticket.number}}. Next target: {{ticket.due}}.");
    await page.getByLabel("Text (Chinese)").fill("{{customer.name}}您好，请为 {{ticket.number}} 附上 SDK 日志。");
    await page.getByLabel("Also set the status").selectOption("pending_customer");
    await page.getByRole("button", { name: "Save macro" }).click();
    await expect(page.getByRole("region", { name: "Your macros" })).toContainText("Ask for the SDK log");

    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/tickets/${id}`);
    await expect(page.getByRole("heading", { name: new RegExp(subject) })).toBeVisible();
    await expect(page.getByRole("button", { name: "Send reply" })).toBeEnabled();
    // The reply box and its send button are on screen without scrolling.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page.getByLabel("Your reply")).toBeInViewport();
    await expect(page.getByRole("button", { name: "Send reply" })).toBeInViewport();

    // The macro menu works from the keyboard: ArrowDown opens it on the first (shared) macro, End goes to
    // "Manage macros", ArrowUp to the agent's own macro listed last, Enter applies it.
    await page.getByRole("button", { name: /Macros/ }).focus();
    await page.keyboard.press("ArrowDown");
    const menu = page.getByRole("menu", { name: "Macros" });
    await expect(menu.getByRole("menuitem", { name: /Acknowledge and take the ticket \(shared\)/ })).toBeFocused();
    await page.keyboard.press("End");
    await expect(menu.getByRole("menuitem", { name: "Manage macros" })).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(menu.getByRole("menuitem", { name: /Ask for the SDK log \(personal\)/ })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveCount(0);
    const reply = page.getByLabel("Your reply");
    await expect(reply).toHaveValue(
      new RegExp(`^Hi .+, please attach the SDK log to #${id}\\. Next target: .+\\(.+/.+\\)\\.$`),
    );
    await expect(page.getByText("Macro “Ask for the SDK log” applied.")).toBeVisible();
    await expect(page.getByLabel("Status")).toHaveValue("pending_customer");

    // A priority change asks its reason; Escape closes the dialog and saves nothing.
    await page.getByLabel("Priority").selectOption("P1");
    await page.getByRole("button", { name: "Save properties" }).click();
    const dialog = page.getByRole("dialog", { name: "Why this change?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Reason for the priority change (P2 → P1)")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Save properties" })).toBeFocused();
    await expect(page.getByText("P2 normal").first()).toBeVisible();

    // One save: the reply, the status from the macro and the priority with its reason.
    await expect(page.getByText("2 property changes are saved with it.")).toBeVisible();
    await page.getByRole("button", { name: "Send reply" }).click();
    await dialog
      .getByLabel("Reason for the priority change (P2 → P1)")
      .fill("Every call of the customer's app is affected.");
    await dialog.getByRole("button", { name: "Save with this reason" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    const conversation = page.getByRole("region", { name: "Conversation" });
    await expect(conversation).toContainText(`please attach the SDK log to #${id}`);
    await expect(reply).toHaveValue("");
    await expect(page.getByText("P1 high").first()).toBeVisible();
    await expect(page.getByLabel("Priority")).toHaveValue("P1");
    await expect(page.getByLabel("Status")).toHaveValue("pending_customer");
    const timeline = page.getByRole("region", { name: "Timeline" });
    await expect(timeline).toContainText("Priority changed P2 → P1");
    await expect(timeline).toContainText("Waiting on the customer");

    // n writes an internal note; back to open by staff is not "customer responded".
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("n");
    await expect(page.getByLabel("Your internal note")).toBeFocused();
    await page.keyboard.type("Customer's app id noted in the log request.");
    await page.getByLabel("Status").selectOption("open");
    await page.getByRole("button", { name: "Add internal note" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(conversation).toContainText("Customer's app id noted in the log request.");
    await expect(timeline).toContainText("Back to open (by support)");
    await expect(timeline).not.toContainText("Customer responded");

    // j opens the next unassigned ticket.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("j");
    await expect(page).not.toHaveURL(new RegExp(`/tickets/${id}$`));
    await expect(page).toHaveURL(/\/tickets\/\d+$/);
    await expect(page.getByRole("button", { name: "Send reply" })).toBeVisible();
  });

  test("[WORKSPACE] a manager upholds a priority dispute in a dialog and the priority control shows the new priority; the executive reads why it is due", async ({
    page,
    signIn,
  }) => {
    await signIn("dev@nimbus.example");
    const id = await fileTicket(page, "Workspace: dispute upheld");
    const dispute = await page.request.post("/api/trpc/tickets.openDispute", {
      data: { json: { ticketId: id, kind: "priority", proposedPriority: "P1", reason: "All our users are affected." } },
    });
    expect(dispute.ok()).toBe(true);

    await signIn("manager@attain.test");
    await page.goto(`/tickets/${id}`);
    await expect(page.getByLabel("Priority")).toHaveValue("P2");
    await page.getByRole("button", { name: "Decide dispute: Priority dispute" }).click();
    const dialog = page.getByRole("dialog", { name: "Decide dispute: Priority dispute" });
    await expect(dialog.getByRole("button", { name: "Record decision" })).toBeEnabled();
    await dialog.getByRole("radio", { name: "Uphold" }).check();
    await dialog.getByLabel("Decision note").fill("Impact confirmed in monitoring.");
    await dialog.getByRole("button", { name: "Record decision" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByLabel("Priority")).toHaveValue("P1");
    // Nothing changed since: the panel has nothing to save.
    await expect(page.getByRole("button", { name: "Save properties" })).toBeDisabled();

    await signIn("exec@attain.test");
    await page.goto(`/sla/tickets/${id}`);
    const workaround = page.locator('[data-metric="workaround"]');
    await workaround.getByText("Why is it due then?").click();
    await expect(workaround).toContainText("Target:");
    await expect(workaround).toContainText("A dispute upheld at");
  });

  test("[WORKSPACE] on a long conversation the reply box stays in view at 1280x720 and 1920x1080 (screenshots, and at phone width)", async ({
    page,
    signIn,
  }, testInfo) => {
    await signIn("dev@nimbus.example");
    const id = await fileTicket(page, "Workspace: screenshots");
    await signIn("agent@attain.test");
    // A long conversation: the reply box stays pinned in view at the bottom of the conversation.
    for (let n = 1; n <= 10; n++) {
      const res = await page.request.post("/api/trpc/tickets.reply", {
        data: { json: { ticketId: id, body: `Internal note ${n}: checked the SDK log excerpt ${n}.`, internal: true } },
      });
      expect(res.ok()).toBe(true);
    }
    for (const [name, width, height] of [
      ["1280x720", 1280, 720],
      ["1920x1080", 1920, 1080],
      ["phone", 390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`/tickets/${id}`);
      await expect(page.getByRole("button", { name: "Send reply" })).toBeEnabled();
      if (width >= 1280) {
        await expect(page.getByLabel("Your reply")).toBeInViewport();
        await expect(page.getByRole("button", { name: "Send reply" })).toBeInViewport();
      }
      await page.screenshot({ path: testInfo.outputPath(`workspace-${name}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto("/macros");
    await page.screenshot({ path: testInfo.outputPath("macros-1280x720.png") });
  });
  test("[WORKSPACE] an agent works five tickets in a row from the queue with next ticket, a macro and the properties panel, the reply box always in view", async ({
    page,
    signIn,
  }) => {
    await signIn("agent@attain.test");
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto("/queue");
    await page.getByRole("link", { name: "Next ticket" }).click();
    const worked: string[] = [];
    for (let n = 0; n < 5; n++) {
      // Three at 1280x720, two at 1920x1080.
      if (n === 3) await page.setViewportSize({ width: 1920, height: 1080 });
      await expect(page).toHaveURL(/\/tickets\/\d+$/);
      const id = page.url().split("/").pop()!;
      expect(worked, "next ticket takes a ticket not yet worked").not.toContain(id);
      worked.push(id);
      const send = page.getByRole("button", { name: "Send reply" });
      await expect(send).toBeEnabled();
      await expect(page.getByLabel("Your reply")).toBeInViewport();
      await expect(send).toBeInViewport();

      // The shared macro asks for the log and sets the status, saved with the reply in one go.
      await page.getByRole("button", { name: /Macros/ }).click();
      await page
        .getByRole("menu", { name: "Macros" })
        .getByRole("menuitem", { name: /Request the SDK log|请求 SDK 日志/ })
        .click();
      // In the requester's language: "…attach the SDK log … to #id" or "…在工单 #id 中附上…".
      await expect(page.getByLabel("Your reply")).toHaveValue(
        new RegExp(`(SDK log|SDK 日志).*#${id}|#${id}.*SDK 日志`, "s"),
      );
      await expect(page.getByLabel("Status")).toHaveValue("pending_customer");
      await send.click();
      await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
      await expect(page.getByLabel("Your reply")).toHaveValue("");
      await expect(page.getByRole("region", { name: "Conversation" })).toContainText(`#${id}`);
      await expect(page.getByLabel("Status")).toHaveValue("pending_customer");

      // j: the next most urgent unassigned ticket.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press("j");
      await expect(page).not.toHaveURL(new RegExp(`/tickets/${id}$`));
    }
    expect(new Set(worked).size).toBe(5);
  });
});
