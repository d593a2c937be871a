import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog } from "@/db/schema";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerAs, createTestDb } from "@/server/testing/db";
import { sessionCookies } from "./cookies";
import { authenticate, SignInThrottledError } from "./options";
import { SignInThrottle } from "./throttle";

const db = createTestDb();
afterAll(() => db.$client.close());
const PASSWORD = "attain-demo";
const at = (min: number) => new Date(TEST_ANCHOR.getTime() + min * 60_000);

let logged: string[] = [];
beforeEach(() => {
  logged = [];
  for (const level of ["log", "info", "warn", "error", "debug"] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
});
afterEach(() => vi.restoreAllMocks());

const auditFor = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe("[SECURITY] sign-in", () => {
  it("a correct password signs in and is audited with the address", async () => {
    const user = await authenticate(
      { email: "Dev@Nimbus.example", password: PASSWORD },
      { db, now: at(0), ip: "203.0.113.7", throttle: new SignInThrottle() },
    );
    expect(user).toMatchObject({ email: "dev@nimbus.example", role: "customer", organizationId: 1 });
    expect(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "sign_in"), eq(auditLog.at, at(0))))
        .get(),
    ).toMatchObject({ actorId: user!.id, ip: "203.0.113.7" });
  });

  it("a wrong password and an unknown email get the same refusal, and both are audited without the password", async () => {
    const throttle = new SignInThrottle();
    const secret = "correct-horse-battery-staple";
    expect(
      await authenticate(
        { email: "qa@nimbus.example", password: secret },
        { db, now: at(1), ip: "203.0.113.8", throttle },
      ),
    ).toBeNull();
    expect(
      await authenticate(
        { email: "nobody@nimbus.example", password: secret },
        { db, now: at(1), ip: "203.0.113.8", throttle },
      ),
    ).toBeNull();
    const failed = auditFor("sign_in_failed").filter((r) => r.at.getTime() === at(1).getTime());
    expect(failed.map((r) => r.detail)).toEqual([{ email: "qa@nimbus.example" }, { email: "nobody@nimbus.example" }]);
    expect(failed[0]!.actorId).not.toBeNull();
    expect(failed[1]!.actorId).toBeNull();
    const everything = JSON.stringify(db.select().from(auditLog).all());
    expect(everything).not.toContain(secret);
    expect(logged.join("\n")).not.toContain(secret);
  });

  it("the sixth failure in 15 minutes is throttled, even with the right password, and says how long to wait", async () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 5; i++)
      expect(
        await authenticate(
          { email: "cto@nimbus.example", password: "guess" },
          { db, now: at(10 + i), ip: "198.51.100.1", throttle },
        ),
      ).toBeNull();
    const error = await authenticate(
      { email: "cto@nimbus.example", password: PASSWORD },
      { db, now: at(15), ip: "198.51.100.2", throttle },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInThrottledError);
    expect((error as Error).message).toBe("TooManyAttempts:10");
    expect(auditFor("sign_in_throttled").at(-1)).toMatchObject({
      ip: "198.51.100.2",
      detail: { email: "cto@nimbus.example" },
    });
    // another account from another address is unaffected; the account recovers after the window
    expect(
      await authenticate(
        { email: "dev@nimbus.example", password: PASSWORD },
        { db, now: at(15), ip: "198.51.100.3", throttle },
      ),
    ).not.toBeNull();
    expect(
      await authenticate(
        { email: "cto@nimbus.example", password: PASSWORD },
        { db, now: at(25), ip: "198.51.100.2", throttle },
      ),
    ).not.toBeNull();
  });

  it("one address failing across many accounts is throttled after 20 failures", async () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 20; i++)
      await authenticate(
        { email: `guess${i}@nimbus.example`, password: "x" },
        { db, now: at(30), ip: "192.0.2.9", throttle },
      );
    await expect(
      authenticate({ email: "dev@nimbus.example", password: PASSWORD }, { db, now: at(31), ip: "192.0.2.9", throttle }),
    ).rejects.toBeInstanceOf(SignInThrottledError);
  });
});

describe("[SECURITY] session cookies", () => {
  it("are httpOnly and SameSite=Lax always, Secure with the __Secure- prefix under HTTPS", () => {
    expect(sessionCookies(true).sessionToken).toEqual({
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
    expect(sessionCookies(false).sessionToken?.options).toMatchObject({
      httpOnly: true,
      sameSite: "lax",
      secure: false,
    });
  });
});

describe("[SECURITY] the audit log for admins", () => {
  it("lists sign-ins and staff actions newest first, filtered by action, person and time, one page at a time", async () => {
    const open = db.$client
      .prepare("select id from tickets where organization_id = 1 and status = 'open' order by id limit 1")
      .get() as { id: number };
    await callerAs(db, "agent@attain.test", at(40)).tickets.reply({ ticketId: open.id, body: "Looking into it." });
    const admin = callerAs(db, "admin@attain.test");
    const failures = await admin.audit.list({ action: "sign_in_failed", page: 1, pageSize: 2 });
    expect(failures.total).toBeGreaterThanOrEqual(27);
    expect(failures.items).toHaveLength(2);
    expect(failures.items.every((e) => e.action === "sign_in_failed")).toBe(true);
    expect(failures.items[0]!.at.getTime()).toBeGreaterThanOrEqual(failures.items[1]!.at.getTime());
    const page2 = await admin.audit.list({ action: "sign_in_failed", page: 2, pageSize: 2 });
    expect(page2.items.map((e) => e.id)).not.toContain(failures.items[0]!.id);

    const byPerson = await admin.audit.list({ actor: "nobody@nimbus", page: 1, pageSize: 50 });
    expect(byPerson.items.map((e) => e.detail)).toContain(JSON.stringify({ email: "nobody@nimbus.example" }));
    const inWindow = await admin.audit.list({ from: at(10), to: at(16), page: 1, pageSize: 50 });
    expect(new Set(inWindow.items.map((e) => e.action))).toEqual(
      new Set(["sign_in_failed", "sign_in_throttled", "sign_in"]),
    );
    expect(inWindow.items.every((e) => e.at >= at(10) && e.at < at(16))).toBe(true);
    expect(inWindow.total).toBe(7); // five failures, the throttled attempt, dev@'s sign-in at minute 15
    const staff = await admin.audit.list({ action: "ticket.", page: 1, pageSize: 5 });
    expect(staff.total).toBeGreaterThan(0);
    expect(staff.items.every((e) => e.action.startsWith("ticket.") && e.actor !== null)).toBe(true);
    expect(failures.actions).toEqual(expect.arrayContaining(["sign_in", "sign_in_failed", "sign_in_throttled"]));
  });

  it("is refused to everyone but admins", async () => {
    for (const email of ["manager@attain.test", "exec@attain.test", "dev@nimbus.example"])
      await expect(callerAs(db, email).audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
