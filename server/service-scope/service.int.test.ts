import { afterAll, describe, expect, it } from "vitest";
import { callerAs, createTestDb } from "@/server/testing/db";
import { TARGET_DEFAULTS } from "@/db/seed/reference";

const db = createTestDb();
afterAll(() => db.$client.close());

describe("service scope", () => {
  it("a visitor reads the Advanced scope from the tier and target data: channels, 24x7 for P0-P1, the P0 first response of 1 h", async () => {
    const scope = await callerAs(db, null).sla.serviceScope({ tier: "advanced" });
    expect(scope.tier.channels).toEqual(["ticket", "email", "chat"]);
    expect(scope.coverage).toEqual({ P0: "always", P1: "always", P2: "business", P3: "business" });
    const p0 = scope.targets.find((c) => c.priority === "P0" && c.metric === "firstResponse")!;
    expect(p0.minutes).toBe(TARGET_DEFAULTS.advanced.P0.firstResponse!.minutes);
    expect(scope.businessDayMinutes).toBe(510);
    expect(scope.calendars.map((c) => c.region).sort()).toEqual(["americas", "china", "emea"]);
    expect(JSON.stringify(scope)).not.toMatch(/Nimbus|Orbit/);
  });

  it("an admin's change of a target shows on the scope page at once (no figures written into the page)", async () => {
    db.$client
      .prepare(
        "update targets set minutes = 45 where priority = 'P0' and metric = 'firstResponse' and version_id = (select max(v.id) from target_versions v join tiers t on t.id = v.tier_id where t.code = 'enterprise')",
      )
      .run();
    const scope = await callerAs(db, null).sla.serviceScope({ tier: "enterprise" });
    expect(scope.targets.find((c) => c.priority === "P0" && c.metric === "firstResponse")!.minutes).toBe(45);
  });

  it("a Basic customer's tier change request reaches the account managers (no named contact) as a notification and an email, and is audited", async () => {
    const before = db.$client.prepare("select count(*) as n from notifications").get() as { n: number };
    const { id } = await callerAs(db, "ops@orbit.example").sla.requestTierChange({
      tierCode: "enterprise",
      note: "We launch in three regions next quarter.",
    });
    const row = db.$client.prepare("select topic, preferred_times as note from meeting_requests where id = ?").get(id);
    expect(row).toEqual({ topic: "Tier change: basic → enterprise", note: "We launch in three regions next quarter." });
    const notified = db.$client
      .prepare(
        "select u.email from notifications n join users u on u.id = n.user_id where n.kind = 'meeting_requested' order by n.id desc limit 3",
      )
      .all() as { email: string }[];
    expect(notified.map((n) => n.email).sort()).toEqual(["am2@attain.test", "am@attain.test", "tam@attain.test"]);
    expect((db.$client.prepare("select count(*) as n from notifications").get() as { n: number }).n).toBe(before.n + 3);
    const mail = db.$client.prepare("select subject from outbox order by id desc limit 1").get() as { subject: string };
    expect(mail.subject).toBe("Tier change request from Orbit Chat");
    const audit = db.$client
      .prepare("select action, detail from audit_log where action = 'organization.tierChangeRequested'")
      .get() as { action: string; detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({
      before: { tierCode: "basic" },
      after: { tierCode: "enterprise" },
    });
  });

  it("an Enterprise customer's request reaches their own account manager and TAM only; asking for the tier they have is refused", async () => {
    const { id } = await callerAs(db, "dev@nimbus.example").sla.requestTierChange({ tierCode: "advanced", note: "" });
    const notified = db.$client
      .prepare(
        "select u.email from notifications n join users u on u.id = n.user_id where n.kind = 'meeting_requested' order by n.id desc limit 2",
      )
      .all() as { email: string }[];
    expect(notified.map((n) => n.email).sort()).toEqual(["am@attain.test", "tam@attain.test"]);
    expect(id).toBeGreaterThan(0);
    await expect(
      callerAs(db, "dev@nimbus.example").sla.requestTierChange({ tierCode: "enterprise", note: "" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("staff cannot file a tier change request", async () => {
    await expect(
      callerAs(db, "am@attain.test").sla.requestTierChange({ tierCode: "basic", note: "" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
