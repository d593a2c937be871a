import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { notifications, tickets } from "@/db/schema";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam, createTicket } from "@/server/testing/factories";

/*
 * A ticket reclassified as a feature request or custom development leaves the bug SLA exactly as
 * one filed in that category is outside it (the flag, no clocks, the feature request's own
 * acknowledgement target and roadmap entry, the account manager told); changed back to a bug
 * category it is in the SLA again, clocked from its filing like a bug filed then.
 */
const db = createTestDb();
afterAll(() => db.$client.close());

const team = createStaffTeam(db);
const org = createOrganization(db, { tier: "enterprise", region: "americas", accountManager: team.account_manager });
const dev = org.customers[0]!;
const MIN = 60_000;
const FILED = new Date("2026-11-18T18:00:00Z");
const at = (minutes: number) => new Date(FILED.getTime() + minutes * MIN);

const row = (id: number) => db.select().from(tickets).where(eq(tickets.id, id)).get()!;
const sla = (id: number) => {
  const t = row(id);
  return {
    outsideSla: t.outsideSla,
    frDueAt: t.frDueAt,
    frStatus: t.frStatus,
    resDueAt: t.resDueAt,
    resStatus: t.resStatus,
    nextDueAt: t.nextDueAt,
  };
};
const reclassify = (id: number, category: "feature_request" | "custom_development" | "functional_bug", m: number) =>
  callerFor(db, team.agent, at(m)).tickets.update({
    ticketId: id,
    version: row(id).updatedAt,
    properties: { category },
  });

describe("changing a ticket's category across the bug SLA", () => {
  it("to a feature request: out of the SLA as if filed so, with the request's acknowledgement target and a roadmap entry", async () => {
    const bug = await createTicket(db, dev, { subject: "Let us mute a whole channel" }, FILED);
    const filedAsFeature = await createTicket(db, dev, { category: "feature_request", priority: "P3" }, FILED);
    const filedAsBug = await createTicket(db, dev, {}, FILED);
    expect(row(bug).outsideSla).toBe(false);
    expect(row(bug).frDueAt).not.toBeNull();

    await reclassify(bug, "feature_request", 10);
    expect(sla(bug)).toEqual({ ...sla(filedAsFeature), nextDueAt: null });
    expect(sla(bug).outsideSla).toBe(true);
    expect(sla(bug).frDueAt).toBeNull();
    const feature = await callerFor(db, dev, at(11)).requests.feature({ ticketId: bug });
    expect(feature).toMatchObject({ status: "under_review" });
    expect(feature?.ackDueAt).not.toBeNull();
    const roadmap = await callerFor(db, null, at(11)).requests.roadmap();
    expect(roadmap.under_review.map((r) => r.ticketId)).toContain(bug);

    // back to a bug: in the SLA again, clocked from its filing as a bug filed then is
    await reclassify(bug, "functional_bug", 20);
    const back = sla(bug);
    const control = sla(filedAsBug);
    expect(back.outsideSla).toBe(false);
    expect(back.frDueAt?.getTime()).toBe(control.frDueAt?.getTime());
    expect(back.resDueAt?.getTime()).toBe(control.resDueAt?.getTime());
    expect(await callerFor(db, dev, at(21)).requests.feature({ ticketId: bug })).toBeNull();
    const after = await callerFor(db, null, at(21)).requests.roadmap();
    expect(after.under_review.map((r) => r.ticketId)).not.toContain(bug);
    await expect(callerFor(db, dev, at(22)).requests.vote({ ticketId: bug })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("to custom development: out of the SLA, in the account manager's queue and the account manager told", async () => {
    const bug = await createTicket(db, dev, { subject: "Build us a moderation dashboard" }, FILED);
    await reclassify(bug, "custom_development", 15);
    expect(sla(bug)).toMatchObject({ outsideSla: true, frDueAt: null, resDueAt: null, nextDueAt: null });
    const told = db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, team.account_manager.id), eq(notifications.ticketId, bug)))
      .all()
      .map((n) => n.kind);
    expect(told).toContain("custom_development_filed");
    const queue = await callerFor(db, team.account_manager, at(16)).requests.customQueue({});
    expect(queue.items.map((q) => q.ticketId)).toContain(bug);

    // a feature request moved to custom development leaves the roadmap
    const feature = await createTicket(db, dev, { category: "feature_request", priority: "P3" }, FILED);
    await reclassify(feature, "custom_development", 30);
    expect((await callerFor(db, null, at(31)).requests.roadmap()).under_review.map((r) => r.ticketId)).not.toContain(
      feature,
    );
    expect(row(feature).outsideSla).toBe(true);
  });

  it("the ticket list says which tickets are outside the SLA, so a new request does not read as done", async () => {
    const request = await createTicket(db, dev, { category: "custom_development", priority: "P3" }, FILED);
    const bug = await createTicket(db, dev, {}, FILED);
    const { items } = await callerFor(db, dev, at(5)).tickets.list({ limit: 100 });
    expect(items.find((i) => i.id === request)).toMatchObject({ outsideSla: true, nextDueAt: null });
    expect(items.find((i) => i.id === bug)).toMatchObject({ outsideSla: false });
  });
});
