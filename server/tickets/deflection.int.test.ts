import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { deflectionEvents } from "@/db/schema";
import { callerAs, createTestDb, sessionFor } from "@/server/testing/db";

const db = createTestDb();
afterAll(() => db.$client.close());

describe("ticket deflection", () => {
  it("a customer's opened suggestion, abandoned form and filed ticket are recorded for their organization", async () => {
    const dev = sessionFor(db, "dev@nimbus.example");
    const api = callerAs(db, "dev@nimbus.example");
    const hits = await callerAs(db, "dev@nimbus.example").kb.search({ q: "error 110", limit: 5, logGaps: false });
    await api.tickets.deflection({ kind: "suggestion_opened", articleId: hits.items[0]!.id, query: "error 110" });
    await api.tickets.deflection({ kind: "abandoned", query: "error 110" });
    await api.tickets.create({
      subject: "Token error 110 after renewal",
      description: "We renew tokens but still get 110.",
      productArea: "realtime_messaging",
      category: "integration_question",
      priority: "P3",
    });
    const rows = db.select().from(deflectionEvents).where(eq(deflectionEvents.userId, dev.id)).all();
    expect(rows.map((r) => r.kind)).toEqual(["suggestion_opened", "abandoned", "filed"]);
    expect(rows.every((r) => r.organizationId === dev.organizationId)).toBe(true);
    expect(rows[0]!.articleId).toBe(hits.items[0]!.id);
  });

  it("staff and anonymous callers cannot record deflection, and bad input writes nothing", async () => {
    const before = db.select().from(deflectionEvents).all().length;
    await expect(callerAs(db, "agent@attain.test").tickets.deflection({ kind: "abandoned" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(db, null).tickets.deflection({ kind: "abandoned" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      callerAs(db, "dev@nimbus.example").tickets.deflection({ kind: "bogus" as "abandoned" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(db.select().from(deflectionEvents).all().length).toBe(before);
  });
});
