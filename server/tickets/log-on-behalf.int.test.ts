import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { tickets } from "@/db/schema";
import { callerAs, createTestDb, sessionFor } from "@/server/testing/db";

const db = createTestDb();
afterAll(() => db.$client.close());
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
    const found = await callerAs(db, "agent@attain.test", NOW).tickets.requesters({ query: "nimbus", limit: 10 });
    const dev = found.find((r) => r.email === "dev@nimbus.example");
    expect(dev?.organization).toBe("Nimbus Live");
    const { id } = await callerAs(db, "agent@attain.test", NOW).tickets.create({
      ...BASE,
      requesterId: dev!.id,
      channel: "phone",
    });
    const row = db.select().from(tickets).where(eq(tickets.id, id)).get()!;
    expect(row).toMatchObject({
      channel: "phone",
      requesterId: dev!.id,
      organizationId: sessionFor(db, "dev@nimbus.example").organizationId,
    });
    expect(row.frDueAt?.toISOString()).toBe(new Date(NOW.getTime() + 30 * 60_000).toISOString());
    expect((await callerAs(db, "dev@nimbus.example", NOW).tickets.get({ id })).ticket.channel).toBe("phone");
  });

  it("staff must name a customer; a staff member or unknown id as requester is refused and nothing is written", async () => {
    const before = db.select().from(tickets).all().length;
    await expect(callerAs(db, "agent@attain.test", NOW).tickets.create({ ...BASE })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      callerAs(db, "agent@attain.test", NOW).tickets.create({
        ...BASE,
        requesterId: sessionFor(db, "manager@attain.test").id,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      callerAs(db, "agent@attain.test", NOW).tickets.create({ ...BASE, requesterId: 9_999_999 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(db.select().from(tickets).all().length).toBe(before);
  });

  it("a customer's own filing ignores any requester or channel it sends: it is theirs, through the portal", async () => {
    const other = sessionFor(db, "ops@orbit.example");
    const { id } = await callerAs(db, "dev@nimbus.example", NOW).tickets.create({
      ...BASE,
      requesterId: other.id,
      channel: "phone",
    });
    const row = db.select().from(tickets).where(eq(tickets.id, id)).get()!;
    expect(row).toMatchObject({ requesterId: sessionFor(db, "dev@nimbus.example").id, channel: "portal" });
  });

  it("only support staff may search customers", async () => {
    for (const email of ["dev@nimbus.example", "exec@attain.test", "am@attain.test", "admin@attain.test"]) {
      await expect(callerAs(db, email).tickets.requesters({ query: "nimbus", limit: 5 })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(callerAs(db, null).tickets.requesters({ query: "nimbus", limit: 5 })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
