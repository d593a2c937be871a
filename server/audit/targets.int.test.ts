import { afterAll, describe, expect, it } from "vitest";
import { calendars } from "@/db/schema";
import { createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff, createTicket } from "@/server/testing/factories";
import { auditTargets, targetKey } from "./targets";

const db = createTestDb();
afterAll(() => db.$client.close());

describe("[SECURITY] what audit entries were about, by name", () => {
  it("a page of entries of several kinds is named in one read: a ticket's subject, a person's name and email, an organization", async () => {
    const org = createOrganization(db, { tier: "enterprise", region: "americas", name: "Audit Target Org" });
    const customer = org.customers[0]!;
    const admin = createStaff(db, "admin");
    const ticketId = await createTicket(db, customer, { subject: "Video freezes on Android 14" });
    const calendar = db.select({ id: calendars.id, name: calendars.name }).from(calendars).get()!;
    const entries = [
      { entity: "ticket", entityId: String(ticketId) },
      { entity: "user", entityId: String(customer.id) },
      { entity: "user", entityId: String(admin.id) },
      { entity: "organization", entityId: String(org.id) },
      { entity: "calendar", entityId: String(calendar.id) },
      // Not named here: something since deleted, a kind without names, a key that is not an id, no id.
      { entity: "ticket", entityId: "999999999" },
      { entity: "invitation", entityId: "7" },
      { entity: "settings", entityId: "attachment_limits" },
      { entity: "user", entityId: null },
    ];
    const statements: string[] = [];
    const prepare = db.$client.prepare.bind(db.$client);
    db.$client.prepare = ((source: string) => {
      statements.push(source);
      return prepare(source);
    }) as typeof db.$client.prepare;
    let named: ReturnType<typeof auditTargets>;
    try {
      named = auditTargets(db, entries);
    } finally {
      db.$client.prepare = prepare;
    }

    expect(statements).toHaveLength(1);
    expect(named.get(targetKey("ticket", ticketId))).toEqual({
      name: "Video freezes on Android 14",
      nameZh: null,
      extra: null,
      organizationId: org.id,
    });
    expect(named.get(targetKey("user", customer.id))).toEqual({
      name: customer.name,
      nameZh: null,
      extra: customer.email,
      organizationId: org.id,
    });
    expect(named.get(targetKey("user", admin.id))).toMatchObject({ name: admin.name, organizationId: null });
    expect(named.get(targetKey("organization", org.id))).toMatchObject({ name: "Audit Target Org" });
    expect(named.get(targetKey("calendar", calendar.id))).toMatchObject({ name: calendar.name });
    expect(named.size).toBe(5);
  });

  it("a page about nothing nameable reads nothing", () => {
    expect(auditTargets(db, [{ entity: "settings", entityId: "attachment_limits" }]).size).toBe(0);
  });
});
