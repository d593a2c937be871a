import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam, createTicket } from "@/server/testing/factories";

type IssueInput = Parameters<ReturnType<typeof callerFor>["knownIssues"]["save"]>[0];

const ISSUE: IssueInput = {
  titleEn: "Audio drops after a network change",
  titleZh: "网络切换后音频中断",
  productArea: "voice_calling",
  platforms: ["android", "ios"],
  affectedVersions: ">=4.2.0 <4.5.1",
  symptomsEn: "Audio stops for everyone after switching from Wi-Fi to 5G.",
  symptomsZh: "从 Wi-Fi 切换到 5G 后所有人的音频中断。",
  workaroundEn: "Leave and rejoin the channel.",
  workaroundZh: "离开并重新加入频道。",
  status: "investigating",
  fixVersion: null,
  public: true,
  organizationIds: [],
};

describe("known issues", () => {
  const db = createTestDb();
  const staff = createStaffTeam(db);
  const a = createOrganization(db, { tier: "enterprise", region: "americas", name: "Known Issue Org A" });
  const b = createOrganization(db, { tier: "advanced", region: "emea", name: "Known Issue Org B" });
  const agent = callerFor(db, staff.agent);

  it("two organizations' tickets link to one issue; fixed tells both requesters, who verify the fix", async () => {
    const { id } = await agent.knownIssues.save({ ...ISSUE, organizationIds: [] });
    const ta = await createTicket(db, a.customers[0]!, { sdkPlatform: "android", sdkVersion: "4.4.2" });
    const tb = await createTicket(db, b.customers[0]!, { sdkPlatform: "ios", sdkVersion: "4.3.0" });
    await agent.knownIssues.link({ ticketId: ta, knownIssueId: id });
    await agent.knownIssues.link({ ticketId: tb, knownIssueId: id });
    const customerA = callerFor(db, a.customers[0]!);
    expect((await customerA.tickets.get({ id: ta })).ticket.knownIssue).toMatchObject({ id, status: "investigating" });
    await expect(customerA.knownIssues.verify({ ticketId: ta, works: true })).rejects.toMatchObject({
      message: expect.stringContaining("no fix to verify"),
    });

    await agent.knownIssues.save({ ...ISSUE, id, status: "fixed", fixVersion: "4.5.1", organizationIds: [] });
    for (const [ticketId, org] of [
      [ta, a],
      [tb, b],
    ] as const) {
      const told = db
        .select()
        .from(notifications)
        .where(and(eq(notifications.ticketId, ticketId), eq(notifications.kind, "known_issue_fixed")))
        .all();
      expect(told.map((n) => n.userId)).toEqual([org.customers[0]!.id]);
    }
    await customerA.knownIssues.verify({ ticketId: ta, works: true });
    expect((await customerA.tickets.get({ id: ta })).ticket.knownIssue?.verified).toBe("works");
    // Saving it fixed again tells nobody twice.
    await agent.knownIssues.save({ ...ISSUE, id, status: "fixed", fixVersion: "4.5.1", organizationIds: [] });
    expect(db.select().from(notifications).where(eq(notifications.kind, "known_issue_fixed")).all().length).toBe(2);
  });

  it("an issue limited to one organization is hidden from others and cannot be linked to their tickets", async () => {
    const { id } = await agent.knownIssues.save({ ...ISSUE, public: false, organizationIds: [a.id] });
    const tb = await createTicket(db, b.customers[0]!);
    await expect(agent.knownIssues.link({ ticketId: tb, knownIssueId: id })).rejects.toMatchObject({
      message: expect.stringContaining("not shown to the ticket's organization"),
    });
    expect((await agent.tickets.get({ id: tb })).ticket.knownIssue).toBeNull();
    await expect(callerFor(db, b.customers[0]!).knownIssues.get({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(db, null).knownIssues.get({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await callerFor(db, a.customers[0]!).knownIssues.get({ id })).id).toBe(id);
    expect((await callerFor(db, null).knownIssues.list({ q: "network change" })).map((i) => i.id)).not.toContain(id);
  });

  it("bad ranges and versions are refused and change nothing", async () => {
    const before = (await agent.knownIssues.list({})).length;
    await expect(agent.knownIssues.save({ ...ISSUE, affectedVersions: "four point two" })).rejects.toMatchObject({
      message: expect.stringContaining("version range"),
    });
    await expect(agent.knownIssues.save({ ...ISSUE, status: "fixed", fixVersion: null })).rejects.toMatchObject({
      message: expect.stringContaining("Name the version"),
    });
    await expect(agent.knownIssues.save({ ...ISSUE, status: "fixed", fixVersion: "soon" })).rejects.toMatchObject({
      message: expect.stringContaining("as a version"),
    });
    expect((await agent.knownIssues.list({})).length).toBe(before);
  });
});
