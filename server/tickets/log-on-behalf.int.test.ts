import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { tickets } from "@/db/schema";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam } from "@/server/testing/factories";

const db = createTestDb();
afterAll(() => db.$client.close());

// Everyone here is made for this file: an Enterprise organization found by its distinctive name,
// another organization, and one staff member of each role.
const enterprise = createOrganization(db, { tier: "enterprise", region: "emea", name: "Quokka Hotline Media" });
const requester = enterprise.customers[0]!;
const other = createOrganization(db, { tier: "basic", region: "americas" }).customers[0]!;
const staff = createStaffTeam(db);

const NOW = new Date("2026-11-18T18:00:00Z");
const BASE = {
  subject: "Hotline call: calls drop in Frankfurt",
  description: "Customer called the hotline: calls drop after 2 minutes.",
  productArea: "voice_calling",
  category: "functional_bug",
  priority: "P1",
} as const;

describe("staff log a ticket received by phone, email or chat", () => {
  it("an agent finds the customer and logs a phone ticket for them; the channel and requester are recorded", async () => {
    const agent = callerFor(db, staff.agent, NOW);
    const found = await agent.tickets.requesters({ query: "quokka hotline", limit: 10 });
    expect(found).toEqual([
      { id: requester.id, name: requester.name, email: requester.email, organization: "Quokka Hotline Media" },
    ]);
    const { id } = await agent.tickets.create({ ...BASE, requesterId: requester.id, channel: "phone" });
    const row = db.select().from(tickets).where(eq(tickets.id, id)).get()!;
    expect(row).toMatchObject({ channel: "phone", requesterId: requester.id, organizationId: enterprise.id });
    expect(row.frDueAt?.toISOString()).toBe(new Date(NOW.getTime() + 30 * 60_000).toISOString());
    expect((await callerFor(db, requester, NOW).tickets.get({ id })).ticket.channel).toBe("phone");
  });

  it("staff must name a customer; a staff member or unknown id as requester is refused and nothing is written", async () => {
    const agent = callerFor(db, staff.agent, NOW);
    const before = db.select().from(tickets).all().length;
    await expect(agent.tickets.create({ ...BASE })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(agent.tickets.create({ ...BASE, requesterId: staff.manager.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(agent.tickets.create({ ...BASE, requesterId: 9_999_999 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(db.select().from(tickets).all().length).toBe(before);
    // The same agent logs the ticket once the requester is a customer.
    const { id } = await agent.tickets.create({
      ...BASE,
      description: "Customer called back: calls now drop after 1 minute.",
      requesterId: requester.id,
    });
    expect(db.select().from(tickets).where(eq(tickets.id, id)).get()?.requesterId).toBe(requester.id);
  });

  it("a customer's own filing ignores any requester or channel it sends: it is theirs, through the portal", async () => {
    const { id } = await callerFor(db, requester, NOW).tickets.create({
      ...BASE,
      description: "Calls drop after 2 minutes on every network we tried.",
      requesterId: other.id,
      channel: "phone",
    });
    const row = db.select().from(tickets).where(eq(tickets.id, id)).get()!;
    expect(row).toMatchObject({ requesterId: requester.id, organizationId: enterprise.id, channel: "portal" });
  });

  it("only support staff may search customers", async () => {
    for (const user of [requester, staff.executive, staff.account_manager, staff.admin]) {
      await expect(callerFor(db, user).tickets.requesters({ query: "quokka", limit: 5 })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(callerFor(db, null).tickets.requesters({ query: "quokka", limit: 5 })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await callerFor(db, staff.agent).tickets.requesters({ query: "quokka", limit: 5 })).toHaveLength(1);
  });
});
