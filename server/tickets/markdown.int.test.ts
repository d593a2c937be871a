import { afterAll, describe, expect, it } from "vitest";
import { callerAs, createTestDb } from "@/server/testing/db";

const db = createTestDb();
afterAll(() => db.$client.close());

const HOSTILE =
  'Steps:\n\n1. join\n\n<script>alert(1)</script><img src=x onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n```kotlin\nval x = 1\n```';

describe("ticket Markdown", () => {
  it("descriptions and comments are rendered as sanitized HTML: no script, event handler or javascript: link survives", async () => {
    const { id } = await callerAs(db, "dev@nimbus.example").tickets.create({
      subject: "Hostile markdown",
      description: HOSTILE,
      productArea: "other",
      category: "integration_question",
      priority: "P3",
    });
    await callerAs(db, "dev@nimbus.example").tickets.reply({ ticketId: id, body: HOSTILE });
    const detail = await callerAs(db, "agent@attain.test").tickets.get({ id });
    for (const html of [detail.ticket.descriptionHtml, detail.conversation.at(-1)!.html]) {
      expect(html).toContain("<ol>");
      expect(html).toContain("<code");
      expect(html).not.toMatch(/<script|onerror|javascript:/i);
    }
    expect(detail.ticket.description).toBe(HOSTILE);
  });

  it("the preview renders the same way, for signed-in users only", async () => {
    const { html } = await callerAs(db, "dev@nimbus.example").tickets.preview({ markdown: HOSTILE });
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
    await expect(callerAs(db, null).tickets.preview({ markdown: "x" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(
      callerAs(db, "dev@nimbus.example").tickets.preview({ markdown: "x".repeat(20_001) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
