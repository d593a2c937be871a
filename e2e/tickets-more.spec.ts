import { fileTicket } from "./api";
import { expect, test } from "./fixtures";

test.describe("[TICKETS] complaints and assignment", () => {
  test("[TICKETS] a customer complains about how a ticket is handled, a manager answers from the complaints list, and the customer reads the answer", async ({
    page,
    signIn,
  }) => {
    await signIn("dev@nimbus.example");
    const subject = "Complaint: calls drop after two minutes";
    const id = await fileTicket(page, subject);
    await page.goto(`/tickets/${id}`);
    await expect(page.getByRole("button", { name: "Send complaint" })).toBeEnabled();
    await page.getByLabel("What went wrong?").fill("Nobody has answered for a day although production is affected.");
    await page.getByRole("button", { name: "Send complaint" }).click();
    const complaints = page.getByRole("region", { name: "Complaints" });
    await expect(complaints).toContainText("With the managers");
    await expect(complaints).toContainText("Nobody has answered for a day although production is affected.");
    await expect(page.getByRole("button", { name: "Send complaint" })).toHaveCount(0);

    await signIn("manager@attain.test");
    await page.goto("/notifications");
    await expect(page.getByText("Complaint raised").first()).toBeVisible();
    await expect(page.getByRole("link", { name: `#${id} ${subject}` }).first()).toBeVisible();
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Complaints" }).click();
    await expect(page.getByRole("heading", { name: "Complaints", level: 1 })).toBeVisible();
    const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `#${id} ${subject}` }) });
    await expect(item).toContainText("Nobody has answered for a day although production is affected.");
    await expect(item).toContainText("Nimbus Live");
    await item.getByRole("link", { name: /Answer on the ticket page/ }).click();
    await expect(page.getByRole("button", { name: "Send answer" })).toBeEnabled();
    await page.getByRole("radio", { name: "Resolve" }).check();
    await page
      .getByLabel("Response (visible to the customer)")
      .fill("Sorry for the wait: an engineer now owns this ticket and will call you today.");
    await page.getByRole("button", { name: "Send answer" }).click();
    await expect(page.getByRole("region", { name: "Complaints" })).toContainText("Resolved");
    await page.goto("/complaints");
    await expect(page.getByRole("link", { name: `#${id} ${subject}` })).toHaveCount(0);
    await page.getByRole("link", { name: "Resolved", exact: true }).click();
    await expect(page.getByRole("link", { name: `#${id} ${subject}` })).toBeVisible();

    await signIn("dev@nimbus.example");
    await page.goto(`/tickets/${id}`);
    const answered = page.getByRole("region", { name: "Complaints" });
    await expect(answered).toContainText("Complaint resolved");
    await expect(answered).toContainText(
      "Sorry for the wait: an engineer now owns this ticket and will call you today.",
    );
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Complaint resolved");
  });

  test("[TICKETS] an agent assigns a ticket to another agent, who is notified", async ({ page, signIn }) => {
    await signIn("dev@nimbus.example");
    const subject = "Assign: echo on iOS calls";
    const id = await fileTicket(page, subject);

    await signIn("agent@attain.test");
    await page.goto(`/tickets/${id}`);
    await expect(page.getByRole("button", { name: "Save properties" })).toBeDisabled();
    const select = page.getByRole("combobox", { name: /^Assignee/ });
    await expect(select.locator("option", { hasText: "agent2@attain.test" })).toHaveCount(1);
    await select.selectOption({ label: "Zhou Ling · Support engineer (L1) · agent2@attain.test" });
    await page.getByRole("button", { name: "Save properties" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(select).toHaveValue(/\d+/);
    await expect(page.getByRole("region", { name: "Nimbus Live" })).toContainText("Zhou Ling");

    await signIn("agent2@attain.test");
    await page.goto("/notifications");
    const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `#${id} ${subject}` }) });
    await expect(row).toContainText("Assigned to you");
  });
});
