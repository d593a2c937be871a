import { afterAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff, createStaffTeam, createTicket } from "@/server/testing/factories";

const db = createTestDb();
afterAll(() => db.$client.close());

// Everyone here is made for this file: an Enterprise organization with its account team, a Basic
// one without, and one staff member of each role.
const staff = createStaffTeam(db);
const tam = createStaff(db, "account_manager");
const enterprise = createOrganization(db, {
  tier: "enterprise",
  region: "emea",
  name: "Foundation Enterprise Org",
  accountManager: staff.account_manager,
  technicalAccountManager: tam,
});
const basic = createOrganization(db, { tier: "basic", region: "china", name: "Foundation Basic Org" });
const enterpriseCustomer = enterprise.customers[0]!;
const basicCustomer = basic.customers[0]!;
const callerAs = (user: SessionUser | null) => callerFor(db, user);
const organizationsOfTier = (code: string) =>
  (
    db.$client
      .prepare("select count(*) as n from organizations o join tiers t on t.id = o.tier_id where t.code = ?")
      .get(code) as { n: number }
  ).n;

describe("home procedures", () => {
  it("an Enterprise customer sees their own organization, Enterprise tier and account team", async () => {
    const home = await callerAs(enterpriseCustomer).home.customer();
    expect(home.name).toBe("Foundation Enterprise Org");
    expect(home.tier.code).toBe("enterprise");
    expect(home.tier.availabilityCommitment).toBe(99.99);
    expect(home.team.map((m) => m.role).sort()).toEqual(["am", "tam"]);
    expect(home.team.find((m) => m.role === "am")?.email).toBe(staff.account_manager.email);
    expect(home.team.find((m) => m.role === "tam")?.email).toBe(tam.email);
    expect(home.targets.find((c) => c.priority === "P0" && c.metric === "firstResponse")).toEqual({
      priority: "P0",
      metric: "firstResponse",
      minutes: 15,
      calendarMode: "always",
    });
  });

  it("a Basic customer sees Basic with no named contacts", async () => {
    const home = await callerAs(basicCustomer).home.customer();
    expect(home.name).toBe("Foundation Basic Org");
    expect(home.tier.code).toBe("basic");
    expect(home.team).toEqual([]);
  });

  it("staff are refused the customer home, which is scoped by session and takes no organization input", async () => {
    await expect(callerAs(staff.agent).home.customer()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("an anonymous caller is asked to sign in", async () => {
    await expect(callerAs(null).home.customer()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(null).me.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("staff home counts open tickets by priority; customers and executives are refused", async () => {
    const before = await callerAs(staff.agent).home.staff();
    expect(before.byPriority.map((r) => r.priority)).toEqual(["P0", "P1", "P2", "P3"]);
    await createTicket(db, enterpriseCustomer, { priority: "P1" });
    const after = await callerAs(staff.agent).home.staff();
    const total = (home: typeof before, priority: string) =>
      home.byPriority.find((r) => r.priority === priority)!.total;
    expect(total(after, "P1")).toBe(total(before, "P1") + 1);
    expect(total(after, "P2")).toBe(total(before, "P2"));
    await expect(callerAs(enterpriseCustomer).home.staff()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(staff.executive).home.staff()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the tier overview is for executives, managers and admins only", async () => {
    const tiers = await callerAs(staff.executive).home.tiers();
    expect(tiers.map((t) => t.code)).toEqual(["basic", "advanced", "enterprise"]);
    for (const t of tiers) expect(t.organizations, t.code).toBe(organizationsOfTier(t.code));
    expect(tiers.find((t) => t.code === "enterprise")!.organizations).toBeGreaterThanOrEqual(1);
    for (const t of tiers) {
      if (t.firstResponse.attainment !== null)
        expect(t.firstResponse.attainment).toBeCloseTo(
          t.firstResponse.met / (t.firstResponse.met + t.firstResponse.breached),
        );
    }
    await expect(callerAs(staff.agent).home.tiers()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(enterpriseCustomer).home.tiers()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("admin procedures", () => {
  it("the admin reads the target matrix of every tier from the database", async () => {
    const tiers = await callerAs(staff.admin).admin.tiers();
    const basic = tiers.find((t) => t.code === "basic")!;
    expect(basic.cells.find((c) => c.priority === "P0" && c.metric === "firstResponse")).toMatchObject({
      minutes: 240,
      calendarMode: "business",
    });
    expect(basic.cells.some((c) => c.priority === "P2" && c.metric === "workaround")).toBe(false);
    const cals = await callerAs(staff.admin).admin.calendars();
    expect(cals.map((c) => c.timeZone).sort()).toEqual(["America/Los_Angeles", "Asia/Shanghai", "Europe/London"]);
  });

  it("every other role is refused the admin procedures", async () => {
    for (const user of [staff.executive, staff.manager, staff.agent, staff.account_manager, enterpriseCustomer]) {
      await expect(callerAs(user).admin.tiers()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerAs(user).admin.calendars()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("me procedures", () => {
  it("a user changes only their own language, and bad input changes nothing", async () => {
    const api = callerAs(basicCustomer);
    // Factory people have chosen no language yet.
    expect((await api.me.get()).locale).toBeNull();
    await api.me.setLocale({ locale: "zh" });
    expect((await api.me.get()).locale).toBe("zh");
    await expect(api.me.setLocale({ locale: "fr" as "en" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await api.me.get()).locale).toBe("zh");
    await expect(api.me.setTimeZone({ timeZone: "Mars/Olympus" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await callerAs(enterpriseCustomer).me.get()).locale).toBeNull();
  });

  it("the trivial procedure answers anyone", async () => {
    expect(await callerAs(null).health.ping()).toEqual({ ok: true });
  });
});
