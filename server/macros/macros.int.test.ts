import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createStaff, createStaffTeam } from "@/server/testing/factories";

const db = createTestDb();
afterAll(() => db.$client.close());
const team = createStaffTeam(db);
const agent2 = createStaff(db, "agent");

const MACRO = {
  titleEn: "Ask for the SDK log",
  titleZh: "索取 SDK 日志",
  bodyEn: "Hi {{customer.name}}, please attach the SDK log to {{ticket.number}} before {{ticket.due}}.",
  bodyZh: "{{customer.name}}您好，请在 {{ticket.due}} 前为 {{ticket.number}} 附上 SDK 日志。",
  setStatus: "pending_customer" as const,
  setCategory: null,
  assignToMe: true,
};

describe("macros", () => {
  it("a manager's shared macro is read by every agent; an agent's personal macro only by that agent", async () => {
    const shared = await callerFor(db, team.manager).macros.save({ ...MACRO, shared: true });
    const mine = await callerFor(db, team.agent).macros.save({ ...MACRO, shared: false, titleEn: "My greeting" });
    const agentList = await callerFor(db, team.agent).macros.list();
    const otherList = await callerFor(db, agent2).macros.list();
    expect(agentList.map((m) => [m.id, m.shared])).toEqual(
      expect.arrayContaining([
        [shared.id, true],
        [mine.id, false],
      ]),
    );
    expect(otherList.map((m) => m.id)).toContain(shared.id);
    expect(otherList.map((m) => m.id)).not.toContain(mine.id);
    expect(agentList.find((m) => m.id === shared.id)).toMatchObject({
      bodyZh: MACRO.bodyZh,
      setStatus: "pending_customer",
    });
  });

  it("an agent cannot write a shared macro nor change one, nor touch another agent's personal macro", async () => {
    const shared = await callerFor(db, team.admin).macros.save({ ...MACRO, shared: true, titleEn: "Admin's" });
    const mine = await callerFor(db, team.agent).macros.save({ ...MACRO, shared: false });
    await expect(callerFor(db, team.agent).macros.save({ ...MACRO, shared: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      callerFor(db, team.agent).macros.save({ ...MACRO, id: shared.id, shared: false, titleEn: "Hijack" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(db, agent2).macros.delete({ id: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(db, team.agent).macros.delete({ id: shared.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await callerFor(db, team.agent).macros.delete({ id: mine.id });
    expect((await callerFor(db, team.agent).macros.list()).map((m) => m.id)).not.toContain(mine.id);
    const actions = db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, String(mine.id)))
      .all()
      .filter((a) => a.action.startsWith("macro."))
      .map((a) => a.action);
    expect(actions).toEqual(["macro.create", "macro.delete"]);
  });

  it("a placeholder spelled wrong is refused in either language, naming it", async () => {
    await expect(
      callerFor(db, team.agent).macros.save({ ...MACRO, shared: false, bodyZh: "{{custmer.name}}您好" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("{{custmer.name}}") });
  });

  it("customers, account managers and executives have no macros", async () => {
    const [customer] = (await import("@/server/testing/factories")).createOrganization(db, {
      tier: "basic",
      region: "china",
      customers: 1,
    }).customers;
    for (const who of [customer!, team.account_manager, team.executive])
      await expect(callerFor(db, who).macros.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
