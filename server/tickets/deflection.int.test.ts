import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { deflectionEvents } from "@/db/schema";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createArticle, createOrganization, createStaffTeam } from "@/server/testing/factories";

const db = createTestDb();
afterAll(() => db.$client.close());

// Everyone here is made for this file: an Enterprise organization's customer, staff, and the article they find.
const enterprise = createOrganization(db, { tier: "enterprise", region: "emea" });
const customer = enterprise.customers[0]!;
const staff = createStaffTeam(db);

describe("ticket deflection", () => {
  it("a customer's opened suggestion, abandoned form and filed ticket are recorded for their organization", async () => {
    const article = await createArticle(db, staff.expert, {
      title: "Quetzal token error 110 after renewal",
      summary: "Error 110 means the renewed token was signed with the old certificate.",
      errorCodes: ["110"],
    });
    const api = callerFor(db, customer);
    const hits = await api.kb.search({ q: "quetzal error 110", limit: 5, logGaps: false });
    expect(hits.items.map((h) => h.id)).toContain(article.id);
    await api.tickets.deflection({ kind: "suggestion_opened", articleId: article.id, query: "error 110" });
    await api.tickets.deflection({ kind: "abandoned", query: "error 110" });
    await api.tickets.create({
      subject: "Token error 110 after renewal",
      description: "We renew tokens but still get 110.",
      productArea: "realtime_messaging",
      category: "integration_question",
      priority: "P3",
    });
    const rows = db.select().from(deflectionEvents).where(eq(deflectionEvents.userId, customer.id)).all();
    expect(rows.map((r) => r.kind)).toEqual(["suggestion_opened", "abandoned", "filed"]);
    expect(rows.every((r) => r.organizationId === enterprise.id)).toBe(true);
    expect(rows[0]!.articleId).toBe(article.id);
  });

  it("staff and anonymous callers cannot record deflection, and bad input writes nothing", async () => {
    const before = db.select().from(deflectionEvents).all().length;
    await expect(callerFor(db, staff.agent).tickets.deflection({ kind: "abandoned" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(db, null).tickets.deflection({ kind: "abandoned" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(callerFor(db, customer).tickets.deflection({ kind: "bogus" as "abandoned" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(db.select().from(deflectionEvents).all().length).toBe(before);
    // The customer's well-formed event is recorded.
    await callerFor(db, customer).tickets.deflection({ kind: "abandoned" });
    expect(db.select().from(deflectionEvents).all().length).toBe(before + 1);
  });
});
