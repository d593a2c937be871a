import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { advisoryOrganizations, auditLog, organizationSdks, users } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createCustomer, createOrganization, createStaffTeam } from "@/server/testing/factories";
import { MAX_DECLARATIONS } from "./declarations";

describe("the SDK versions an organization declares", () => {
  const db = createTestDb();
  const staff = createStaffTeam(db);
  const org = (name: string) => createOrganization(db, { tier: "enterprise", region: "emea", name });
  const declaring = org("Declares Android 4.3.0");
  const silent = org("Declares nothing");
  const orgAdmin = (organization: { id: number }): SessionUser => {
    const u = createCustomer(db, organization);
    db.update(users).set({ orgAdmin: true }).where(eq(users.id, u.id)).run();
    return { ...u, orgAdmin: true };
  };
  const admin = orgAdmin(declaring);
  const member = declaring.customers[0]!;

  it("declaring Android 4.3.0 makes the organization receive an advisory for >=4.2.0 <4.5.0", async () => {
    const customerAdmin = callerFor(db, admin);
    expect(await customerAdmin.advisories.declarations({ organizationId: declaring.id })).toEqual([]);
    await customerAdmin.advisories.declare({ organizationId: declaring.id, platform: "android", version: "4.3.0" });
    await customerAdmin.advisories.declare({ organizationId: declaring.id, platform: "android", version: "v4.3.0" }); // the same one: no change
    await customerAdmin.advisories.declare({ organizationId: declaring.id, platform: "android", version: "4.10.2" });
    const listed = await callerFor(db, member).advisories.declarations({ organizationId: declaring.id });
    expect(listed.map((d) => `${d.platform} ${d.version}`)).toEqual(["android 4.10.2", "android 4.3.0"]);
    expect(listed[0]!.support).toBe("unknown"); // no 4.10 line in the lifecycle
    // staff see it too
    expect(await callerFor(db, staff.agent).advisories.declarations({ organizationId: declaring.id })).toHaveLength(2);

    const publisher = callerFor(db, staff.admin);
    const { id } = await publisher.advisories.save({
      titleEn: "Token replay in the Android SDK",
      titleZh: "Android SDK 令牌重放",
      bodyEn: "A captured token can be replayed.",
      bodyZh: "截获的令牌可被重放。",
      productAreas: ["realtime_messaging"],
      affected: [{ platform: "android", range: ">=4.2.0 <4.5.0", fixedVersion: "4.5.1" }],
      cvssVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      upgradeStepsEn: "Upgrade to 4.5.1.",
      upgradeStepsZh: "升级到 4.5.1。",
    });
    await publisher.advisories.publish({ id });
    const sent = db
      .select({ organizationId: advisoryOrganizations.organizationId })
      .from(advisoryOrganizations)
      .where(eq(advisoryOrganizations.advisoryId, id))
      .all()
      .map((r) => r.organizationId);
    expect(sent).toContain(declaring.id);
    expect(sent).not.toContain(silent.id);
    expect(await callerFor(db, member).advisories.pending()).toEqual([expect.objectContaining({ id })]);

    await customerAdmin.advisories.undeclare({ organizationId: declaring.id, platform: "android", version: "4.10.2" });
    expect(await customerAdmin.advisories.declarations({ organizationId: declaring.id })).toHaveLength(1);
    const audits = db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, String(declaring.id)))
      .all()
      .map((a) => a.action);
    expect(audits.filter((a) => a === "organization.sdkDeclared")).toHaveLength(2);
    expect(audits).toContain("organization.sdkRemoved");
  });

  it("refuses a version that is not one, more than the bound, members, and other organizations; account staff keep it for them", async () => {
    const customerAdmin = callerFor(db, admin);
    for (const version of ["", "4.3", "four", "4.3.0.1"])
      await expect(
        customerAdmin.advisories.declare({ organizationId: declaring.id, platform: "ios", version }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "Give the version as major.minor.patch, for example 4.4.2.",
      });
    await expect(
      callerFor(db, member).advisories.declare({ organizationId: declaring.id, platform: "ios", version: "1.0.0" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(db, silent.customers[0]!).advisories.declarations({ organizationId: declaring.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      callerFor(db, orgAdmin(silent)).advisories.declare({
        organizationId: declaring.id,
        platform: "ios",
        version: "1.0.0",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // account staff keep the list for the customer
    await callerFor(db, staff.account_manager).advisories.declare({
      organizationId: silent.id,
      platform: "ios",
      version: "1.0.0",
    });
    expect(await callerFor(db, silent.customers[0]!).advisories.declarations({ organizationId: silent.id })).toEqual([
      expect.objectContaining({ platform: "ios", version: "1.0.0" }),
    ]);
    await expect(
      callerFor(db, staff.account_manager).advisories.declare({
        organizationId: 999_999,
        platform: "ios",
        version: "1.0.0",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const have = db.select().from(organizationSdks).where(eq(organizationSdks.organizationId, declaring.id)).all();
    db.insert(organizationSdks)
      .values(
        Array.from({ length: MAX_DECLARATIONS - have.length }, (_, i) => ({
          organizationId: declaring.id,
          platform: "web" as const,
          version: `1.0.${i}`,
          declaredAt: TEST_ANCHOR,
        })),
      )
      .run();
    await expect(
      customerAdmin.advisories.declare({ organizationId: declaring.id, platform: "web", version: "2.0.0" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `An organization declares at most ${MAX_DECLARATIONS} versions; remove one first.`,
    });
    expect(
      db.select().from(organizationSdks).where(eq(organizationSdks.organizationId, declaring.id)).all(),
    ).toHaveLength(MAX_DECLARATIONS);
  });
});
