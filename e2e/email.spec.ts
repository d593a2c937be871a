import nodemailer from "nodemailer";
import { expect, test } from "./fixtures";

const smtpPort = Number(process.env.E2E_SMTP_PORT);

test.describe("email channel", () => {
  test("[EMAIL] mail from an unknown address waits under Mail, and an agent opens a ticket from it for a customer", async ({
    page,
    signIn,
  }) => {
    const subject = `Login fails for our SSO users ${Date.now()}`;
    const mail = nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, ignoreTLS: true });
    await mail.sendMail({
      from: "Dana Private <dana.private@gmail.example>",
      to: "support@attain.test",
      subject,
      text: "Hi, this is Dana from Nimbus Live, writing from my own address. Our SSO users cannot sign in since this morning.",
    });

    await signIn("agent@attain.test");
    await page.goto("/mail");
    await expect(page.getByRole("heading", { name: "Mail", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Unmatched mail", level: 2 })).toBeVisible();
    const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: subject }) });
    await expect(item).toContainText("dana.private@gmail.example");
    await expect(item).toContainText("Our SSO users cannot sign in");
    await expect(item.getByRole("link", { name: "Download the original (.eml)" })).toBeVisible();
    await item.getByLabel("Customer (email)").fill("dev@nimbus.example");
    await item.getByRole("button", { name: "Open a ticket for this customer" }).click();
    const opened = page.getByRole("status").getByRole("link", { name: /A ticket was opened: #\d+/ });
    await expect(opened).toBeVisible();
    await expect(page.getByRole("heading", { name: subject })).toHaveCount(0);
    await opened.click();
    await expect(page.getByRole("heading", { name: subject })).toBeVisible();
    await expect(page.getByText("Our SSO users cannot sign in since this morning.")).toBeVisible();
  });

  test("[EMAIL] a Chinese customer's mail without a subject or text reads （无主题） and （无正文） to them, (no subject) to an English agent", async ({
    page,
    signIn,
  }) => {
    const mail = nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, ignoreTLS: true });
    await mail.sendMail({ from: "ops@orbit.example", to: "support@attain.test" });

    await signIn("ops@orbit.example");
    await page.goto("/tickets");
    const link = page.getByRole("link", { name: "（无主题）" }).first();
    await expect(link).toBeVisible();
    await link.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^#\d+ （无主题）$/);
    await expect(page.getByText("（无正文）")).toBeVisible();
    await expect(page.getByText(/no subject|no text/)).toHaveCount(0);
    const ticketPath = new URL(page.url()).pathname;

    await signIn("agent@attain.test");
    await page.goto(ticketPath);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^#\d+ \(no subject\)$/);
    await expect(page.getByText("(no text)")).toBeVisible();
  });

  test("[EMAIL] a customer chooses a daily digest for new replies, and the choice is kept", async ({
    page,
    signIn,
  }) => {
    await signIn("ops@orbit.example");
    await page.goto("/account#notifications");
    const section = page.getByRole("region", { name: "邮件通知" });
    await expect(section).toBeVisible();
    // The link in every mail lands on this section, not on the top of the page.
    await expect(page.locator("#notifications")).toContainText("邮件通知");
    await expect.poll(async () => (await section.boundingBox())?.y ?? Infinity).toBeLessThan(200);
    await section.getByLabel("新回复").selectOption({ label: "每日摘要" });
    await section.getByRole("button", { name: "保存通知设置" }).click();
    await expect(section.getByRole("status")).toHaveText("已保存。");
    await page.reload();
    await expect(page.getByRole("region", { name: "邮件通知" }).getByLabel("新回复")).toHaveValue("digest");
  });
});
