import { afterAll, describe, expect, it } from "vitest";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam, createTicket } from "@/server/testing/factories";

const db = createTestDb();
afterAll(() => db.$client.close());
const team = createStaffTeam(db);
const NOW = TEST_ANCHOR;

describe("the managers' disputes worklist (issue #22)", () => {
  it("lists open priority and exclusion disputes oldest first; a decision takes one off; only managers see it", async () => {
    const [c] = createOrganization(db, { tier: "enterprise", region: "americas", customers: 1 }).customers;
    const manager = callerFor(db, team.manager, NOW);
    const before = await manager.tickets.disputes({});
    const a = await createTicket(db, c!, { priority: "P3" }, NOW);
    const b = await createTicket(db, c!, { priority: "P2" }, NOW);
    await callerFor(db, team.manager, NOW).tickets.exclude({ ticketId: b, reason: "third_party", note: "Their CDN." });
    const customer = callerFor(db, c!, new Date(NOW.getTime() + 60_000));
    const { id: priorityDispute } = await customer.tickets.openDispute({
      ticketId: a,
      kind: "priority",
      proposedPriority: "P1",
      reason: "All calls fail in production.",
    });
    await callerFor(db, c!, new Date(NOW.getTime() + 120_000)).tickets.openDispute({
      ticketId: b,
      kind: "exclusion",
      reason: "Our CDN is fine; your SDK drops the stream.",
    });
    const list = await manager.tickets.disputes({});
    expect(list.total).toBe(before.total + 2);
    expect(list.items.slice(-2).map((d) => [d.ticketId, d.kind])).toEqual([
      [a, "priority"],
      [b, "exclusion"],
    ]);
    expect(list.items.at(-2)).toMatchObject({ priority: "P3", proposedPriority: "P1" });
    expect((await manager.tickets.disputes({ kind: "exclusion" })).items.every((d) => d.kind === "exclusion")).toBe(
      true,
    );
    await manager.tickets.decideDispute({ disputeId: priorityDispute, upheld: true, note: "Agreed: P1." });
    expect((await manager.tickets.disputes({})).items.map((d) => d.id)).not.toContain(priorityDispute);
    for (const who of [team.agent, team.account_manager, team.executive])
      await expect(callerFor(db, who, NOW).tickets.disputes({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
