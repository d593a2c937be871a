import { describe, expect, it } from "vitest";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam, createTicket } from "@/server/testing/factories";

const DAY = 86_400_000;
const day = (offsetDays: number) => new Date(TEST_ANCHOR.getTime() + offsetDays * DAY).toISOString().slice(0, 10);

describe("SDK support lifecycle", () => {
  const db = createTestDb();
  const staff = createStaffTeam(db);
  const org = createOrganization(db, { tier: "advanced", region: "americas" });
  const customer = org.customers[0]!;
  const admin = callerFor(db, staff.admin);

  it("an administrator publishes lines; everyone reads them with today's state, and bad lines change nothing", async () => {
    await admin.lifecycle.save({
      platform: "unity",
      line: "7.1",
      releasedOn: day(-900),
      fullSupportUntil: day(-300),
      securityUntil: day(-10),
      guideSlug: "release-notes-4-5-0",
    });
    await admin.lifecycle.save({
      platform: "unity",
      line: "7.3",
      releasedOn: day(-100),
      fullSupportUntil: day(400),
      securityUntil: day(700),
      guideSlug: null,
    });
    const rows = (await callerFor(db, null).lifecycle.list()).filter(
      (l) => l.platform === "unity" && l.line.startsWith("7."),
    );
    expect(rows.map((r) => [r.line, r.state])).toEqual([
      ["7.3", "supported"],
      ["7.1", "unsupported"],
    ]);
    await expect(
      admin.lifecycle.save({
        platform: "unity",
        line: "7.2",
        releasedOn: day(0),
        fullSupportUntil: day(-1),
        securityUntil: day(10),
        guideSlug: null,
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining("follow each other") });
    await expect(
      callerFor(db, customer).lifecycle.save({
        platform: "unity",
        line: "7.9",
        releasedOn: day(0),
        fullSupportUntil: day(1),
        securityUntil: day(2),
        guideSlug: null,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      (await callerFor(db, null).lifecycle.list()).filter((l) => l.platform === "unity" && l.line.startsWith("7.")),
    ).toHaveLength(2);
  });

  it("a customer filing on an unsupported SDK is told, and the exclusion is offered only for it", async () => {
    const check = await callerFor(db, customer).lifecycle.check({ platform: "unity", version: "7.1.4" });
    expect(check).toMatchObject({ state: "unsupported", line: "7.1", guideSlug: "release-notes-4-5-0" });
    const old = await createTicket(db, customer, { sdkPlatform: "unity", sdkVersion: "7.1.4" });
    const current = await createTicket(db, customer, { sdkPlatform: "unity", sdkVersion: "7.3.0" });
    const manager = callerFor(db, staff.manager);
    expect((await manager.tickets.get({ id: old })).ticket.sdkSupport.state).toBe("unsupported");
    expect((await manager.tickets.get({ id: current })).ticket.sdkSupport.state).toBe("supported");
    await expect(
      manager.tickets.exclude({ ticketId: current, reason: "sdk_out_of_support", note: "Old SDK" }),
    ).rejects.toMatchObject({ message: expect.stringContaining("not past its support window") });
    expect((await manager.tickets.get({ id: current })).ticket.exclusionReason).toBeNull();
    await manager.tickets.exclude({ ticketId: old, reason: "sdk_out_of_support", note: "Unity 7.1 ended its window." });
    expect((await manager.tickets.get({ id: old })).ticket.exclusionReason).toBe("sdk_out_of_support");
  });
});
