import { afterAll, describe, expect, it } from "vitest";
import { callerAs, createTestDb } from "@/server/testing/db";

const db = createTestDb();
afterAll(() => db.$client.close());

describe("home procedures", () => {
  it("a Nimbus Live customer sees their own organization, Enterprise tier and account team", async () => {
    const home = await callerAs(db, "dev@nimbus.example").home.customer();
    expect(home.name).toBe("Nimbus Live");
    expect(home.tier.code).toBe("enterprise");
    expect(home.tier.availabilityCommitment).toBe(99.99);
    expect(home.team.map((m) => m.role).sort()).toEqual(["am", "tam"]);
    expect(home.team.find((m) => m.role === "am")?.email).toBe("am@attain.test");
    expect(home.targets.find((c) => c.priority === "P0" && c.metric === "firstResponse")).toEqual({
      priority: "P0",
      metric: "firstResponse",
      minutes: 15,
      calendarMode: "always",
    });
  });

  it("an Orbit Chat customer sees Basic with no named contacts", async () => {
    const home = await callerAs(db, "ops@orbit.example").home.customer();
    expect(home.name).toBe("Orbit Chat");
    expect(home.tier.code).toBe("basic");
    expect(home.team).toEqual([]);
  });

  it("staff are refused the customer home, which is scoped by session and takes no organization input", async () => {
    await expect(callerAs(db, "agent@attain.test").home.customer()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("an anonymous caller is asked to sign in", async () => {
    await expect(callerAs(db, null).home.customer()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(db, null).me.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("staff home counts open tickets by priority; customers and executives are refused", async () => {
    const staff = await callerAs(db, "agent@attain.test").home.staff();
    expect(staff.byPriority.map((r) => r.priority)).toEqual(["P0", "P1", "P2", "P3"]);
    expect(staff.byPriority.reduce((s, r) => s + r.total, 0)).toBeGreaterThan(0);
    await expect(callerAs(db, "dev@nimbus.example").home.staff()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(db, "exec@attain.test").home.staff()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the tier overview is for executives, managers and admins only", async () => {
    const tiers = await callerAs(db, "exec@attain.test").home.tiers();
    expect(tiers.map((t) => t.code)).toEqual(["basic", "advanced", "enterprise"]);
    expect(tiers.reduce((s, t) => s + t.organizations, 0)).toBe(40);
    for (const t of tiers) {
      if (t.firstResponse.attainment !== null)
        expect(t.firstResponse.attainment).toBeCloseTo(
          t.firstResponse.met / (t.firstResponse.met + t.firstResponse.breached),
        );
    }
    await expect(callerAs(db, "agent@attain.test").home.tiers()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(db, "dev@nimbus.example").home.tiers()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("admin procedures", () => {
  it("the admin reads the target matrix of every tier from the database", async () => {
    const tiers = await callerAs(db, "admin@attain.test").admin.tiers();
    const basic = tiers.find((t) => t.code === "basic")!;
    expect(basic.cells.find((c) => c.priority === "P0" && c.metric === "firstResponse")).toMatchObject({
      minutes: 240,
      calendarMode: "business",
    });
    expect(basic.cells.some((c) => c.priority === "P2" && c.metric === "workaround")).toBe(false);
    const cals = await callerAs(db, "admin@attain.test").admin.calendars();
    expect(cals.map((c) => c.timeZone).sort()).toEqual(["America/Los_Angeles", "Asia/Shanghai", "Europe/London"]);
  });

  it("every other role is refused the admin procedures", async () => {
    for (const email of [
      "exec@attain.test",
      "manager@attain.test",
      "agent@attain.test",
      "am@attain.test",
      "dev@nimbus.example",
    ]) {
      await expect(callerAs(db, email).admin.tiers()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerAs(db, email).admin.calendars()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("me procedures", () => {
  it("a user changes only their own language, and bad input changes nothing", async () => {
    const api = callerAs(db, "ops@orbit.example");
    expect((await api.me.get()).locale).toBe("zh");
    await api.me.setLocale({ locale: "en" });
    expect((await api.me.get()).locale).toBe("en");
    await expect(api.me.setLocale({ locale: "fr" as "en" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await api.me.get()).locale).toBe("en");
    await expect(api.me.setTimeZone({ timeZone: "Mars/Olympus" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await callerAs(db, "dev@nimbus.example").me.get()).locale).toBe("en");
  });

  it("the trivial procedure answers anyone", async () => {
    expect(await callerAs(db, null).health.ping()).toEqual({ ok: true });
  });
});
