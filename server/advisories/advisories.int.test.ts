import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { advisoryOrganizations, auditLog, notifications, organizationSdks, outbox } from "@/db/schema";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createCustomer, createOrganization, createStaffTeam, createTicket } from "@/server/testing/factories";

type AdvisoryInput = Parameters<ReturnType<typeof callerFor>["advisories"]["save"]>[0];

// Unity 7.x: no demo ticket reports it, so the organizations below are the only ones in range.
const ADVISORY: AdvisoryInput = {
  titleEn: "Remote code execution in the Unity plugin",
  titleZh: "Unity 插件远程代码执行",
  bodyEn: "A crafted message runs code in the app.",
  bodyZh: "构造的消息可在应用中执行代码。",
  productAreas: ["realtime_messaging"],
  affected: [{ platform: "unity", range: "7.2.0 - 7.4.x", fixedVersion: "7.5.1" }],
  cvssVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
  upgradeStepsEn: "Upgrade the plugin to 7.5.1.",
  upgradeStepsZh: "将插件升级到 7.5.1。",
};

describe("security advisories", () => {
  const db = createTestDb();
  const staff = createStaffTeam(db);
  const org = (name: string) => createOrganization(db, { tier: "advanced", region: "emea", name });
  const onTicket = org("Advisory Org on 7.3.1 by ticket");
  const declared = org("Advisory Org declaring 7.4.0");
  const fixed = org("Advisory Org on 7.5.2");
  const otherPlatform = org("Advisory Org on iOS 7.3.1");
  const admin = callerFor(db, staff.admin);

  it("publishing a critical advisory tells exactly the organizations in range, in each reader's language", async () => {
    const zhReader = createCustomer(db, onTicket, TEST_ANCHOR, { locale: "zh" });
    await createTicket(db, onTicket.customers[0]!, { sdkPlatform: "unity", sdkVersion: "7.3.1" });
    await createTicket(db, fixed.customers[0]!, { sdkPlatform: "unity", sdkVersion: "7.5.2" });
    await createTicket(db, otherPlatform.customers[0]!, { sdkPlatform: "ios", sdkVersion: "7.3.1" });
    db.insert(organizationSdks)
      .values({ organizationId: declared.id, platform: "unity", version: "7.4.0", declaredAt: TEST_ANCHOR })
      .run();

    const { id } = await admin.advisories.save(ADVISORY);
    const draft = await admin.advisories.get({ id });
    expect(draft).toMatchObject({ status: "draft", cvssScore: 9.8, severity: "critical", fixDueAt: null });
    await expect(callerFor(db, null).advisories.get({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await admin.advisories.publish({ id })).toEqual({ organizations: 2 });
    const sent = db
      .select({ organizationId: advisoryOrganizations.organizationId })
      .from(advisoryOrganizations)
      .where(eq(advisoryOrganizations.advisoryId, id))
      .all()
      .map((r) => r.organizationId)
      .sort((a, b) => a - b);
    expect(sent).toEqual([onTicket.id, declared.id].sort((a, b) => a - b));

    const published = await callerFor(db, null).advisories.get({ id });
    expect(published.fixDueAt?.toISOString()).toBe("2026-11-27T12:00:00.000Z");

    const told = (ids: number[]) =>
      db
        .select({ userId: notifications.userId })
        .from(notifications)
        .where(and(eq(notifications.kind, "security_advisory"), inArray(notifications.userId, ids)))
        .all()
        .map((n) => n.userId);
    expect(told([onTicket.customers[0]!.id, zhReader.id, declared.customers[0]!.id]).length).toBe(3);
    expect(told([fixed.customers[0]!.id, otherPlatform.customers[0]!.id])).toEqual([]);

    const mail = db.select().from(outbox).where(eq(outbox.to, zhReader.email)).all();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("安全公告（严重）：Unity 插件远程代码执行");
    expect(mail[0]!.body).toContain(`/advisories/${id}`);
    // The fix deadline as the reader writes dates, in their zone: never an ISO date.
    expect(mail[0]!.body).toContain("修复期限：2026年11月27日");
    expect(mail[0]!.body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const enMail = db.select().from(outbox).where(eq(outbox.to, declared.customers[0]!.email)).get();
    expect(enMail?.subject).toBe("Security advisory (Critical): Remote code execution in the Unity plugin");

    await expect(admin.advisories.publish({ id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a customer acknowledges for their organization once; staff see who has not", async () => {
    const id = (await admin.advisories.list())[0]!.id;
    const customer = callerFor(db, declared.customers[0]!);
    expect(await customer.advisories.pending()).toEqual([expect.objectContaining({ id, severity: "critical" })]);
    expect((await customer.advisories.get({ id })).ours).toEqual({ acknowledgedAt: null });

    const at = new Date(TEST_ANCHOR.getTime() + 3_600_000);
    const later = new Date(TEST_ANCHOR.getTime() + 7_200_000);
    expect(await callerFor(db, declared.customers[0]!, at).advisories.acknowledge({ id })).toEqual({
      acknowledgedAt: at,
    });
    expect(await callerFor(db, declared.customers[0]!, later).advisories.acknowledge({ id })).toEqual({
      acknowledgedAt: at,
    });
    expect(await customer.advisories.pending()).toEqual([]);

    await expect(callerFor(db, fixed.customers[0]!).advisories.acknowledge({ id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const status = await admin.advisories.get({ id });
    expect(status.organizations.map((o) => [o.id, o.acknowledgedAt !== null]).sort()).toEqual(
      [
        [declared.id, true],
        [onTicket.id, false],
      ].sort(),
    );
    expect(status.organizations.find((o) => o.id === declared.id)?.acknowledgedBy).toBe(declared.customers[0]!.name);
    const audits = db.select().from(auditLog).where(eq(auditLog.action, "advisory.acknowledge")).all();
    expect(audits).toHaveLength(1);
  });

  it("a range that does not parse and an invalid vector are refused with a translated message, saving nothing", async () => {
    const before = (await admin.advisories.list()).length;
    await expect(
      admin.advisories.save({ ...ADVISORY, affected: [{ platform: "unity", range: "seven-ish", fixedVersion: null }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("seven-ish") });
    await expect(admin.advisories.save({ ...ADVISORY, cvssVector: "CVSS:3.1/AV:N/AC:L" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await admin.advisories.list()).length).toBe(before);
  });

  it("customers and agents may not write advisories", async () => {
    await expect(callerFor(db, staff.agent).advisories.save(ADVISORY)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(db, onTicket.customers[0]!).advisories.save(ADVISORY)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
