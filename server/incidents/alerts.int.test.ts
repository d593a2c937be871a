import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { outbox, tickets, users } from "@/db/schema";
import { can } from "@/server/auth/permissions";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam } from "@/server/testing/factories";
import { ticketPageBase } from "@/server/tickets/links";

const db = createTestDb();
afterAll(() => db.$client.close());
const MIN = 60_000;
const team = createStaffTeam(db);

describe("a proactive alert's ticket (issue #22)", () => {
  it("came in through monitoring and is requested by the organization's customer administrator, not whoever joined first", async () => {
    const org = createOrganization(db, { tier: "enterprise", region: "americas", customers: 3 });
    const admin = org.customers[2]!;
    db.update(users).set({ orgAdmin: true }).where(eq(users.id, admin.id)).run();
    const { ticketId } = await callerFor(db, team.account_manager, TEST_ANCHOR).alerts.raise({
      organizationId: org.id,
      productArea: "voice_calling",
      description: "Audio packet loss above 8 % in EU Central.",
      detectedAt: new Date(TEST_ANCHOR.getTime() - 5 * MIN),
    });
    const ticket = db.select().from(tickets).where(eq(tickets.id, ticketId)).get()!;
    expect(ticket.channel).toBe("monitoring");
    expect(ticket.requesterId).toBe(admin.id);
  });

  it("stores what the alert says and no English of the portal's: a Chinese customer's mail names it in Chinese", async () => {
    const org = createOrganization(db, { tier: "enterprise", region: "china", customers: 1 });
    const customer = org.customers[0]!;
    db.update(users).set({ locale: "zh" }).where(eq(users.id, customer.id)).run();
    const { ticketId } = await callerFor(db, team.account_manager, TEST_ANCHOR).alerts.raise({
      organizationId: org.id,
      productArea: "voice_calling",
      description: "加入频道失败率升至 12 %\n上海区域的 Android 用户受影响。",
      detectedAt: new Date(TEST_ANCHOR.getTime() - 5 * MIN),
    });
    expect(db.select().from(tickets).where(eq(tickets.id, ticketId)).get()).toMatchObject({
      subject: "加入频道失败率升至 12 %",
      description: "加入频道失败率升至 12 %\n上海区域的 Android 用户受影响。",
    });
    const mail = db.select().from(outbox).where(eq(outbox.to, customer.email)).get()!;
    expect(mail.subject).toBe(`[#${ticketId}] 加入频道失败率升至 12 %`);
    expect(`${mail.subject}\n${mail.body}`).not.toMatch(/Proactive alert|Our monitoring/);
  });

  it("links its author to a ticket page the author can open: the read-only view for an account manager", async () => {
    const am = team.account_manager;
    expect(can(am, "alerts.raise")).toBe(true);
    expect(ticketPageBase(am)).toBe("/sla/tickets/");
    expect(can(am, "tickets.readAll")).toBe(true);
    expect(ticketPageBase(team.agent)).toBe("/tickets/");
    expect(can(team.agent, "tickets.work")).toBe(true);
    // Every role that may raise an alert may open the page it is sent to.
    for (const who of Object.values(team).filter((u) => can(u, "alerts.raise")))
      expect(can(who, ticketPageBase(who) === "/tickets/" ? "tickets.work" : "tickets.readAll"), who.role).toBe(true);
  });

  it("staff logging a ticket cannot claim it came from monitoring", async () => {
    const org = createOrganization(db, { tier: "enterprise", region: "americas", customers: 1 });
    await expect(
      callerFor(db, team.agent, TEST_ANCHOR).tickets.create({
        subject: "Calls drop",
        description: "Calls drop when switching networks.",
        productArea: "voice_calling",
        category: "functional_bug",
        priority: "P2",
        channel: "monitoring" as "phone",
        requesterId: org.customers[0]!.id,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
