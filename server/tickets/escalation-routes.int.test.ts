import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, rotas, tickets } from "@/db/schema";
import { onCallInRota } from "@/server/on-call/load";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff, createStaffTeam, createTicket } from "@/server/testing/factories";

const NOW = TEST_ANCHOR;
const row = (db: ReturnType<typeof createTestDb>, id: number) =>
  db.select().from(tickets).where(eq(tickets.id, id)).get()!;

describe("escalation to L2 assigns someone (issue #22)", () => {
  const db = createTestDb();
  afterAll(() => db.$client.close());
  const team = createStaffTeam(db);
  const admin = callerFor(db, team.admin, NOW);

  it("an area routed to least loaded goes to its expert holding the fewest open tickets", async () => {
    const [c] = createOrganization(db, { tier: "enterprise", region: "emea", customers: 1 }).customers;
    const busy = createStaff(db, "expert");
    const free = createStaff(db, "expert");
    await admin.tickets.saveEscalationRoute({
      productArea: "video_calling",
      mode: "least_loaded",
      expertIds: [busy.id, free.id],
    });
    for (let i = 0; i < 2; i++) {
      const t = await createTicket(db, c!, { productArea: "video_calling" }, NOW);
      await callerFor(db, team.manager, NOW).tickets.assign({ ticketId: t, assigneeId: busy.id });
    }
    const id = await createTicket(db, c!, { productArea: "video_calling" }, NOW);
    await callerFor(db, team.agent, NOW).tickets.escalate({ ticketId: id, reason: "Needs a video expert." });
    expect(row(db, id)).toMatchObject({ escalationLevel: "L2", assigneeId: free.id });
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "ticket.escalate")).all().at(-1)!;
    expect(audit.detail).toMatchObject({ after: { level: "L2", assigneeId: free.id }, route: "area_expert" });
    // The next one goes to whoever then holds fewer (a tie: the lower id).
    const next = await createTicket(db, c!, { productArea: "video_calling" }, NOW);
    await callerFor(db, team.agent, NOW).tickets.escalate({ ticketId: next, reason: "Same again." });
    expect(row(db, next).assigneeId).toBe(free.id);
  });

  it("an area routed to on call goes to whoever is on call now in the ticket's rota", async () => {
    const [c] = createOrganization(db, { tier: "enterprise", region: "china", customers: 1 }).customers;
    const a = createStaff(db, "expert");
    const b = createStaff(db, "agent");
    const { id: rotaId } = await callerFor(db, team.manager, NOW).onCall.saveRota({
      name: "Voice duty",
      region: "china",
      productArea: "voice_calling",
      timeZone: "Asia/Shanghai",
      kind: "weekly",
      startDate: "2026-01-05",
      handoverTime: "09:00",
      managerId: team.manager.id,
      ackMinutesP0: 5,
      ackMinutesP1: 15,
      members: [a.id, b.id],
    });
    const rota = db.select().from(rotas).where(eq(rotas.id, rotaId)).get()!;
    const onCall = onCallInRota(db, rota, NOW).primary;
    expect([a.id, b.id]).toContain(onCall);
    await admin.tickets.saveEscalationRoute({ productArea: "voice_calling", mode: "on_call", expertIds: [] });
    const id = await createTicket(db, c!, { productArea: "voice_calling" }, NOW);
    await callerFor(db, team.agent, NOW).tickets.escalate({ ticketId: id, reason: "Needs the on-call engineer." });
    expect(row(db, id)).toMatchObject({ escalationLevel: "L2", assigneeId: onCall });
  });

  it("an area without a route still goes to an expert, never to nobody", async () => {
    const [c] = createOrganization(db, { tier: "basic", region: "americas", customers: 1 }).customers;
    const id = await createTicket(db, c!, { productArea: "live_streaming" }, NOW);
    await callerFor(db, team.agent, NOW).tickets.escalate({ ticketId: id, reason: "Needs an expert." });
    const t = row(db, id);
    expect(t.escalationLevel).toBe("L2");
    expect(t.assigneeId).not.toBeNull();
    const role = db.$client.prepare("select role from users where id = ?").get(t.assigneeId) as { role: string };
    expect(role.role).toBe("expert");
  });

  it("only administrators set routes, to support staff only, audited with before and after", async () => {
    await expect(
      callerFor(db, team.manager, NOW).tickets.saveEscalationRoute({
        productArea: "realtime_messaging",
        mode: "on_call",
        expertIds: [],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      admin.tickets.saveEscalationRoute({
        productArea: "realtime_messaging",
        mode: "least_loaded",
        expertIds: [team.executive.id],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const { routes } = await admin.tickets.escalationRoutes();
    expect(routes.find((r) => r.productArea === "video_calling")?.mode).toBe("least_loaded");
    expect(routes.find((r) => r.productArea === "voice_calling")?.mode).toBe("on_call");
    expect(db.select().from(auditLog).where(eq(auditLog.action, "escalationRoute.save")).all()).toHaveLength(2);
  });
});
