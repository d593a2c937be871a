import { afterAll, describe, expect, it } from "vitest";
import { TARGET_DEFAULTS } from "@/db/seed/reference";
import type { SessionUser } from "@/server/auth/session";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff } from "@/server/testing/factories";

const db = createTestDb();
afterAll(() => db.$client.close());

const am = createStaff(db, "account_manager");
const tam = createStaff(db, "account_manager");
/** A Basic organization without a named contact, and an Advanced one with its account manager and TAM. */
const basic = createOrganization(db, { tier: "basic", region: "china", name: "Quill Basic Test" });
const advanced = createOrganization(db, {
  tier: "advanced",
  region: "americas",
  accountManager: am,
  technicalAccountManager: tam,
});
const emails = (rows: { email: string }[]) => rows.map((r) => r.email).sort();

describe("service scope", () => {
  it("a visitor reads the Advanced scope from the tier and target data: channels, 24x7 for P0-P1, the P0 first response of 1 h", async () => {
    const scope = await callerFor(db, null).sla.serviceScope({ tier: "advanced" });
    expect(scope.tier.channels).toEqual(["ticket", "email", "chat"]);
    expect(scope.coverage).toEqual({ P0: "always", P1: "always", P2: "business", P3: "business" });
    const p0 = scope.targets.find((c) => c.priority === "P0" && c.metric === "firstResponse")!;
    expect(p0.minutes).toBe(TARGET_DEFAULTS.advanced.P0.firstResponse!.minutes);
    expect(scope.businessDayMinutes).toBe(510);
    expect(scope.calendars.map((c) => c.region).sort()).toEqual(["americas", "china", "emea"]);
    expect(JSON.stringify(scope)).not.toContain(basic.name);
    expect(JSON.stringify(scope)).not.toMatch(/Nimbus|Orbit/);
  });

  it("an admin's change of a target shows on the scope page at once (no figures written into the page)", async () => {
    db.$client
      .prepare(
        "update targets set minutes = 45 where priority = 'P0' and metric = 'firstResponse' and version_id = (select max(v.id) from target_versions v join tiers t on t.id = v.tier_id where t.code = 'enterprise')",
      )
      .run();
    const scope = await callerFor(db, null).sla.serviceScope({ tier: "enterprise" });
    expect(scope.targets.find((c) => c.priority === "P0" && c.metric === "firstResponse")!.minutes).toBe(45);
  });

  it("a Basic customer's tier change request reaches the account managers (no named contact) as a notification and an email, and is audited", async () => {
    const before = db.$client.prepare("select count(*) as n from notifications").get() as { n: number };
    const { id } = await callerFor(db, basic.customers[0]!).sla.requestTierChange({
      tierCode: "enterprise",
      note: "We launch in three regions next quarter.",
    });
    const row = db.$client.prepare("select topic, preferred_times as note from meeting_requests where id = ?").get(id);
    expect(row).toEqual({ topic: "Tier change: basic → enterprise", note: "We launch in three regions next quarter." });
    const managers = db.$client
      .prepare("select email from users where role = 'account_manager' and active = 1")
      .all() as { email: string }[];
    expect(managers.length).toBeGreaterThanOrEqual(2);
    const notified = db.$client
      .prepare(
        `select u.email from notifications n join users u on u.id = n.user_id where n.kind = 'meeting_requested' order by n.id desc limit ${managers.length}`,
      )
      .all() as { email: string }[];
    expect(emails(notified)).toEqual(emails(managers));
    expect(emails(notified)).toEqual(expect.arrayContaining([am.email, tam.email]));
    expect((db.$client.prepare("select count(*) as n from notifications").get() as { n: number }).n).toBe(
      before.n + managers.length,
    );
    const mail = db.$client.prepare("select subject, body from outbox order by id desc limit 1").get() as {
      subject: string;
      body: string;
    };
    expect(mail.subject).toBe("Tier change request from Quill Basic Test");
    // The tiers by their names, with a link to answer it, never their codes.
    expect(mail.body).toContain("asks to change from Basic to Enterprise.");
    expect(mail.body).toMatch(/Answer it in your inbox: https?:\/\/\S+\/portfolio/);
    expect(mail.body).toContain("Note: We launch in three regions next quarter.");
    const audit = db.$client
      .prepare("select action, detail from audit_log where action = 'organization.tierChangeRequested'")
      .get() as { action: string; detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({
      before: { tierCode: "basic" },
      after: { tierCode: "enterprise" },
    });
  });

  it("a customer with named contacts reaches their own account manager and TAM only; asking for the tier they have is refused", async () => {
    const customer = advanced.customers[0]!;
    const { id } = await callerFor(db, customer).sla.requestTierChange({ tierCode: "enterprise", note: "" });
    const notified = db.$client
      .prepare(
        "select u.email from notifications n join users u on u.id = n.user_id where n.kind = 'meeting_requested' order by n.id desc limit 2",
      )
      .all() as { email: string }[];
    expect(emails(notified)).toEqual(emails([am, tam]));
    expect(id).toBeGreaterThan(0);
    await expect(
      callerFor(db, customer).sla.requestTierChange({ tierCode: "advanced", note: "" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("staff cannot file a tier change request", async () => {
    await expect(callerFor(db, am).sla.requestTierChange({ tierCode: "basic", note: "" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("an organization has one tier change request open: six at once make one, a colleague's waits for the answer", async () => {
    const org = createOrganization(db, { tier: "advanced", region: "emea", accountManager: am, customers: 2 });
    const [first, colleague] = org.customers as [SessionUser, SessionUser];
    const requests = () =>
      db.$client
        .prepare("select id, topic from meeting_requests where organization_id = ? order by id")
        .all(org.id) as { id: number; topic: string }[];
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        callerFor(db, first).sla.requestTierChange({ tierCode: "enterprise", note: "Three regions next quarter." }),
      ),
    );
    expect(requests()).toHaveLength(1);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x) => x.status === "rejected"))
      expect(r.reason).toMatchObject({ code: "CONFLICT", cause: { messageKey: "serviceScope.errors.requestPending" } });
    const audited = db.$client
      .prepare(
        "select count(*) as n from audit_log where action = 'organization.tierChangeRequested' and entity_id = ?",
      )
      .get(String(org.id)) as { n: number };
    expect(audited.n).toBe(1);
    await expect(callerFor(db, colleague).sla.requestTierChange({ tierCode: "basic", note: "" })).rejects.toMatchObject(
      { code: "CONFLICT" },
    );
    // Answered (declined), the organization may ask again.
    await callerFor(db, am).accounts.answerMeeting({
      id: requests()[0]!.id,
      status: "declined",
      response: "Let us talk at the quarterly review.",
    });
    await callerFor(db, colleague).sla.requestTierChange({ tierCode: "basic", note: "" });
    expect(requests().map((r) => r.topic)).toEqual([
      "Tier change: advanced → enterprise",
      "Tier change: advanced → basic",
    ]);
  });
});
