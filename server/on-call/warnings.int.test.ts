import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications, rotaMembers, rotas, slaWarnings, tickets, users } from "@/db/schema";
import type { Db } from "@/server/db";
import { runDueJobs } from "@/server/scheduler/service";
import { createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff, createTicket } from "@/server/testing/factories";
import { slaWarningJob } from "./jobs";

const MIN = 60_000;

function rota(db: Db) {
  const engineer = createStaff(db, "agent");
  const manager = createStaff(db, "manager");
  const r = db
    .insert(rotas)
    .values({
      name: "Americas",
      region: "americas",
      timeZone: "America/New_York",
      kind: "weekly",
      startDate: "2026-01-05",
      handoverTime: "09:00",
      managerId: manager.id,
      createdAt: new Date("2026-01-01T00:00:00Z"),
      updatedAt: new Date("2026-01-01T00:00:00Z"),
    })
    .returning()
    .get();
  db.insert(rotaMembers).values({ rotaId: r.id, position: 0, userId: engineer.id }).run();
  return { engineer, manager };
}

const count = (db: Db, userId: number, kind: "at_risk" | "breach_warning") =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)))
    .all().length;

describe("at-risk and breach warnings", () => {
  it("an unassigned P2's first response warns the engineer on call once when at risk, and the rota's manager once at breach", async () => {
    const db = createTestDb();
    const { engineer, manager } = rota(db);
    const org = createOrganization(db, { tier: "enterprise", region: "americas" });
    const filed = new Date("2026-03-04T15:00:00Z");
    const id = await createTicket(db, org.customers[0]!, { priority: "P2" }, filed);
    const due = db.select({ d: tickets.frDueAt }).from(tickets).where(eq(tickets.id, id)).get()!.d!;
    const pass = (at: Date) => runDueJobs(db, at, { jobs: [slaWarningJob], holder: "t" });

    await pass(new Date(filed.getTime() + MIN));
    expect(count(db, engineer.id, "at_risk")).toBe(0);
    // A minute before it is due, surely within the last quarter; then every minute until it is.
    await pass(new Date(due.getTime() - MIN));
    expect(count(db, engineer.id, "at_risk")).toBe(1);
    await pass(new Date(due.getTime() - 1));
    expect(count(db, engineer.id, "at_risk")).toBe(1);
    await pass(new Date(due.getTime() + MIN));
    expect(count(db, manager.id, "breach_warning")).toBe(1);
    await pass(new Date(due.getTime() + 5 * MIN));
    await pass(new Date(due.getTime() + 60 * MIN));
    expect(count(db, manager.id, "breach_warning")).toBe(1);
    expect(
      db
        .select({ kind: slaWarnings.kind, metric: slaWarnings.metric })
        .from(slaWarnings)
        .where(eq(slaWarnings.ticketId, id))
        .all()
        .filter((w) => w.metric === "firstResponse"),
    ).toEqual([
      { kind: "at_risk", metric: "firstResponse" },
      { kind: "breach", metric: "firstResponse" },
    ]);
  });

  it("a P2 assigned to an agent who was deactivated warns the engineer on call when at risk, not the agent", async () => {
    const db = createTestDb();
    const { engineer } = rota(db);
    const gone = createStaff(db, "agent");
    const org = createOrganization(db, { tier: "enterprise", region: "americas" });
    const filed = new Date("2026-03-04T15:00:00Z");
    const id = await createTicket(db, org.customers[0]!, { priority: "P2" }, filed);
    db.update(tickets).set({ assigneeId: gone.id }).where(eq(tickets.id, id)).run();
    db.update(users).set({ active: false, deactivatedAt: filed }).where(eq(users.id, gone.id)).run();
    const due = db.select({ d: tickets.frDueAt }).from(tickets).where(eq(tickets.id, id)).get()!.d!;
    await runDueJobs(db, new Date(due.getTime() - MIN), { jobs: [slaWarningJob], holder: "t" });
    expect(count(db, gone.id, "at_risk")).toBe(0);
    expect(count(db, engineer.id, "at_risk")).toBe(1);
  });

  it("after three hours of downtime the first pass still warns a breach that happened meanwhile, once", async () => {
    const db = createTestDb();
    const { manager } = rota(db);
    const org = createOrganization(db, { tier: "enterprise", region: "americas" });
    const filed = new Date("2026-03-04T15:00:00Z");
    const id = await createTicket(db, org.customers[0]!, { priority: "P1" }, filed);
    const due = db.select({ d: tickets.frDueAt }).from(tickets).where(eq(tickets.id, id)).get()!.d!;
    await runDueJobs(db, filed, { jobs: [slaWarningJob], holder: "t" });
    await runDueJobs(db, new Date(due.getTime() + 3 * 60 * MIN), { jobs: [slaWarningJob], holder: "t" });
    expect(count(db, manager.id, "breach_warning")).toBe(1);
  });
});
