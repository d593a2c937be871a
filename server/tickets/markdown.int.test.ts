import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { comments, tickets } from "@/db/schema";
import { unsafeMarkup } from "@/server/security/xss-corpus";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam } from "@/server/testing/factories";

const db = createTestDb();
afterAll(() => db.$client.close());

// Everyone here is made for this file: an Enterprise organization's customer and one staff member of each role.
const enterprise = createOrganization(db, { tier: "enterprise", region: "americas" });
const CUSTOMER = enterprise.customers[0]!;
const staff = createStaffTeam(db);
const AGENT = staff.agent;

const HOSTILE =
  'Steps:\n\n1. join\n\n<script>alert(1)</script><img src=x onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n```kotlin\nval x = 1\n```';

describe("ticket Markdown", () => {
  it("descriptions and comments are rendered as sanitized HTML: no script, event handler or javascript: link survives", async () => {
    const { id } = await callerFor(db, CUSTOMER).tickets.create({
      subject: "Hostile markdown",
      description: HOSTILE,
      productArea: "other",
      category: "integration_question",
      priority: "P3",
    });
    await callerFor(db, CUSTOMER).tickets.reply({ ticketId: id, body: HOSTILE });
    const detail = await callerFor(db, AGENT).tickets.get({ id });
    for (const html of [detail.ticket.descriptionHtml, detail.conversation.at(-1)!.html]) {
      expect(html).toContain("<ol>");
      expect(html).toContain("<code");
      // No element or attribute that runs script; the HTML typed is shown as text (escaped).
      expect(unsafeMarkup(html)).toEqual([]);
      expect(html).not.toMatch(/<script|<img|href="javascript:/i);
      expect(html).toContain("&#x3C;script>alert(1)&#x3C;/script>");
    }
    expect(detail.ticket.description).toBe(HOSTILE);
  });

  it("the preview renders the same way, for signed-in users only", async () => {
    const { html } = await callerFor(db, CUSTOMER).tickets.preview({ markdown: HOSTILE });
    // What the preview shows is what is saved: the same HTML as the filed description.
    const { id } = await callerFor(db, CUSTOMER).tickets.create({
      subject: "Preview equals saved",
      description: HOSTILE,
      productArea: "other",
      category: "integration_question",
      priority: "P3",
    });
    expect((await callerFor(db, CUSTOMER).tickets.get({ id })).ticket.descriptionHtml).toBe(html);
    expect(unsafeMarkup(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<img|href="javascript:/i);
    await expect(callerFor(db, null).tickets.preview({ markdown: "x" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(callerFor(db, CUSTOMER).tickets.preview({ markdown: "x".repeat(20_001) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

/** Everything a ticket write touches, to prove a refused write changed nothing. */
function snapshot() {
  const n = (table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    tickets: n("tickets"),
    comments: n("comments"),
    events: n("ticket_events"),
    audit: n("audit_log"),
    notifications: n("notifications"),
    alerts: n("proactive_alerts"),
  };
}

const later = (minutes: number) => new Date(TEST_ANCHOR.getTime() + minutes * 60_000);
const DEEP = `${"> ".repeat(40)}help`;
const refusedAsDeep = {
  code: "BAD_REQUEST",
  cause: { messageKey: "markdown.limits.depth", values: { found: 40, max: 20 } },
};

describe("ticket Markdown limits", () => {
  it("filing, replying, internal notes, workaround, resolution, reopening, escalation and the preview refuse over-limit text with what to fix, and write nothing", async () => {
    const { id } = await callerFor(db, CUSTOMER).tickets.create({
      subject: "Limits on every write",
      description: "Calls drop after 30 s.",
      productArea: "voice_calling",
      category: "functional_bug",
      priority: "P2",
    });
    const before = snapshot();
    const customer = callerFor(db, CUSTOMER, later(1));
    const agent = callerFor(db, AGENT, later(1));
    const file = {
      subject: "Deep quotes",
      productArea: "other",
      category: "integration_question",
      priority: "P3",
    } as const;
    await expect(customer.tickets.create({ ...file, description: DEEP })).rejects.toMatchObject(refusedAsDeep);
    await expect(customer.tickets.reply({ ticketId: id, body: DEEP })).rejects.toMatchObject(refusedAsDeep);
    await expect(agent.tickets.reply({ ticketId: id, body: DEEP, internal: true })).rejects.toMatchObject(
      refusedAsDeep,
    );
    await expect(agent.tickets.workaround({ ticketId: id, body: DEEP })).rejects.toMatchObject(refusedAsDeep);
    await expect(agent.tickets.resolve({ ticketId: id, kind: "answer", body: DEEP })).rejects.toMatchObject(
      refusedAsDeep,
    );
    await expect(customer.tickets.escalate({ ticketId: id, reason: DEEP })).rejects.toMatchObject(refusedAsDeep);
    await expect(customer.tickets.preview({ markdown: DEEP })).rejects.toMatchObject(refusedAsDeep);
    await expect(customer.tickets.preview({ markdown: "- a\n".repeat(301) })).rejects.toMatchObject({
      cause: { messageKey: "markdown.limits.listItems", values: { found: 301, max: 300 } },
    });
    await agent.tickets.resolve({ ticketId: id, kind: "answer", body: "Fixed in 4.5.2." });
    const resolved = snapshot();
    await expect(
      callerFor(db, CUSTOMER, later(2)).tickets.reopen({ ticketId: id, reason: `${"[".repeat(25)}still` }),
    ).rejects.toMatchObject({ cause: { messageKey: "markdown.limits.bracketDepth", values: { found: 25, max: 20 } } });
    expect(snapshot()).toEqual(resolved);
    expect(resolved.comments).toBe(before.comments + 1);
  });

  it("a proactive alert whose text is over the limits opens no ticket and records no alert", async () => {
    const before = snapshot();
    const orgId = enterprise.id;
    await expect(
      callerFor(db, staff.manager).alerts.raise({
        organizationId: orgId,
        productArea: "video_calling",
        description: `Jitter spike detected.\n\n${"- ".repeat(30)}x`,
        detectedAt: later(-30),
      }),
    ).rejects.toMatchObject({ cause: { messageKey: "markdown.limits.depth" } });
    expect(snapshot()).toEqual(before);
  });

  it("text stored before the limits opens as escaped plain text, and the ticket page works", async () => {
    const { id } = await callerFor(db, CUSTOMER).tickets.create({
      subject: "Stored before the limits",
      description: "placeholder text",
      productArea: "other",
      category: "integration_question",
      priority: "P3",
    });
    await callerFor(db, CUSTOMER).tickets.reply({ ticketId: id, body: "placeholder reply" });
    // As an older version of the portal stored them: no limit applied.
    const description = ">".repeat(20_000);
    const reply = "1. ".repeat(6_000) + "\n<script>alert(1)</script>";
    db.update(tickets).set({ description }).where(eq(tickets.id, id)).run();
    db.update(comments).set({ body: reply }).where(eq(comments.ticketId, id)).run();
    const started = performance.now();
    const detail = await callerFor(db, AGENT).tickets.get({ id });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(detail.ticket.descriptionHtml).toBe(`<p class="md-plain">${"&gt;".repeat(20_000)}</p>`);
    const html = detail.conversation.at(-1)!.html;
    expect(html).toBe(`<p class="md-plain">${"1. ".repeat(6_000)}\n&lt;script&gt;alert(1)&lt;/script&gt;</p>`);
    expect(detail.ticket.description).toBe(description);
    // The ticket still works: a reply is added and rendered as Markdown.
    await callerFor(db, AGENT, later(5)).tickets.reply({ ticketId: id, body: "**Looking** into it." });
    const after = await callerFor(db, AGENT).tickets.get({ id });
    expect(after.conversation.at(-1)!.html).toContain("<strong>Looking</strong>");
  });
});
