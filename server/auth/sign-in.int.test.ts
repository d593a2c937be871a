import { and, eq, like } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, outbox, rateCounters } from "@/db/schema";
import { openDb } from "@/server/db";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import {
  createCustomer,
  createOrganization,
  createStaffTeam,
  createTicket,
  setPassword,
} from "@/server/testing/factories";
import { sessionCookies } from "./cookies";
import type { SessionUser } from "./session";
import { authenticate, SignInThrottledError } from "./options";
import { verifyPassword } from "./password";

// Counts the real password checks (scrypt), the work a throttle exists to bound.
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const passwordChecks = () => vi.mocked(verifyPassword).mock.calls.length;

const db = createTestDb();
afterAll(() => db.$client.close());
const PASSWORD = "sign-in-test-password";
/** The people this file signs in as, with a password, and an Orbit-like customer who reads Chinese in Shanghai. */
const nimbus = createOrganization(db, { tier: "advanced", region: "americas", customers: 3 });
const [dev, cto, qa] = nimbus.customers as [SessionUser, SessionUser, SessionUser];
const orbit = createOrganization(db, { tier: "enterprise", region: "china", customers: 0 });
const ops = createCustomer(db, orbit, TEST_ANCHOR, { locale: "zh", timeZone: "Asia/Shanghai" });
const team = createStaffTeam(db);
await Promise.all([dev, cto, qa, ops].map((u) => setPassword(db, u, PASSWORD)));
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
      { email: dev.email.replace("person", "Person").toUpperCase(), password: PASSWORD },
      { db, now: at(0), ip: "203.0.113.7" },
    );
    expect(user).toMatchObject({ email: dev.email, role: "customer", organizationId: nimbus.id });
    expect(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "sign_in"), eq(auditLog.at, at(0))))
        .get(),
    ).toMatchObject({ actorId: user!.id, ip: "203.0.113.7" });
  });

  it("a wrong password and an unknown email get the same refusal, and both are audited without the password", async () => {
    const secret = "correct-horse-battery-staple";
    expect(await authenticate({ email: qa.email, password: secret }, { db, now: at(1), ip: "203.0.113.8" })).toBeNull();
    expect(
      await authenticate({ email: "nobody@nimbus.example", password: secret }, { db, now: at(1), ip: "203.0.113.8" }),
    ).toBeNull();
    const failed = auditFor("sign_in_failed").filter((r) => r.at.getTime() === at(1).getTime());
    expect(failed.map((r) => r.detail)).toEqual([{ email: qa.email }, { email: "nobody@nimbus.example" }]);
    expect(failed[0]!.actorId).not.toBeNull();
    expect(failed[1]!.actorId).toBeNull();
    const everything = JSON.stringify(db.select().from(auditLog).all());
    expect(everything).not.toContain(secret);
    expect(logged.join("\n")).not.toContain(secret);
  });

  it("the sixth attempt from one address is refused, even with the right password, and says how long to wait; the owner from another address still gets in", async () => {
    for (let i = 0; i < 5; i++)
      expect(
        await authenticate({ email: cto.email, password: "guess" }, { db, now: at(10 + i), ip: "198.51.100.1" }),
      ).toBeNull();
    const error = await authenticate(
      { email: cto.email, password: PASSWORD },
      { db, now: at(15), ip: "198.51.100.1" },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInThrottledError);
    expect((error as Error).message).toBe("TooManyAttempts:15");
    expect(auditFor("sign_in_throttled").at(-1)).toMatchObject({
      ip: "198.51.100.1",
      detail: { email: cto.email },
    });
    // another account from another address is unaffected
    expect(
      await authenticate({ email: dev.email, password: PASSWORD }, { db, now: at(15), ip: "198.51.100.3" }),
    ).not.toBeNull();
    // the owner on their own network gets in at once; the guessing address waits out its lock
    expect(
      await authenticate({ email: cto.email, password: PASSWORD }, { db, now: at(16), ip: "198.51.100.2" }),
    ).not.toBeNull();
    await expect(
      authenticate({ email: cto.email, password: PASSWORD }, { db, now: at(29), ip: "198.51.100.1" }),
    ).rejects.toBeInstanceOf(SignInThrottledError);
    expect(
      await authenticate({ email: cto.email, password: PASSWORD }, { db, now: at(30), ip: "198.51.100.1" }),
    ).not.toBeNull();
  });

  it("one address failing across many accounts is throttled after 20 failures", async () => {
    for (let i = 0; i < 20; i++)
      await authenticate({ email: `guess${i}@nimbus.example`, password: "x" }, { db, now: at(30), ip: "192.0.2.9" });
    await expect(
      authenticate({ email: dev.email, password: PASSWORD }, { db, now: at(31), ip: "192.0.2.9" }),
    ).rejects.toBeInstanceOf(SignInThrottledError);
  });

  it("40 wrong passwords sent at once for one account make at most 5 real password checks", async () => {
    vi.mocked(verifyPassword).mockClear();
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        authenticate({ email: qa.email, password: `parallel-${i}` }, { db, now: at(35), ip: "203.0.113.40" }),
      ),
    );
    expect(passwordChecks()).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.status === "fulfilled" && r.value === null)).toHaveLength(5);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof SignInThrottledError)).toHaveLength(35);
  });

  it("the limits are shared by every server process: attempts through two connections count together", async () => {
    const other = openDb(db.$client.name); // a second connection, as another worker process has
    try {
      vi.mocked(verifyPassword).mockClear();
      const both = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          authenticate(
            { email: cto.email, password: `two-processes-${i}` },
            { db: i % 2 ? db : other, now: at(40), ip: "203.0.113.41" },
          ),
        ),
      );
      expect(passwordChecks()).toBe(5);
      expect(both.filter((r) => r.status === "rejected")).toHaveLength(15);
    } finally {
      other.$client.close();
    }
  });

  it("a successful sign-in clears the account's failures from that address", async () => {
    const attempt = (password: string, min: number) =>
      authenticate({ email: dev.email, password }, { db, now: at(min), ip: "203.0.113.42" });
    for (let i = 0; i < 4; i++) expect(await attempt("typo", 45)).toBeNull();
    expect(await attempt(PASSWORD, 46)).not.toBeNull();
    for (let i = 0; i < 5; i++) expect(await attempt("typo", 47)).toBeNull();
    await expect(attempt(PASSWORD, 47)).rejects.toBeInstanceOf(SignInThrottledError);
  });

  it("guesses from many addresses lock the account for a while, tell its owner once, in their language, and spare the owner's own network", async () => {
    const owner = ops.email; // Simplified Chinese, Asia/Shanghai
    expect(
      await authenticate({ email: owner, password: PASSWORD }, { db, now: at(50), ip: "198.51.100.88" }),
    ).not.toBeNull();
    const before = db.select().from(outbox).all().length;
    for (let i = 0; i < 10; i++)
      expect(
        await authenticate({ email: owner, password: "guess" }, { db, now: at(51), ip: `203.0.113.${60 + i}` }),
      ).toBeNull();
    const refused = await authenticate(
      { email: owner, password: PASSWORD },
      { db, now: at(52), ip: "203.0.113.99" },
    ).catch((e: unknown) => e);
    expect((refused as Error).message).toBe("TooManyAttempts:15");
    for (let i = 0; i < 5; i++)
      await expect(
        authenticate({ email: owner, password: "guess" }, { db, now: at(53), ip: `203.0.113.${80 + i}` }),
      ).rejects.toBeInstanceOf(SignInThrottledError);
    const mail = db.select().from(outbox).all().slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: owner, subject: "您的 Attain 账号已暂停登录" });
    expect(mail[0]!.body).toContain("10 次");
    expect(mail[0]!.body).toContain("21:07"); // the lock ends at(67) = 13:07 UTC, 21:07 in Shanghai
    expect(mail[0]!.body).toContain("Asia/Shanghai");
    expect(mail[0]!.body).toContain("联系管理员");
    // the owner, from the network they signed in from before, is not locked out
    expect(
      await authenticate({ email: owner, password: PASSWORD }, { db, now: at(54), ip: "198.51.100.88" }),
    ).not.toBeNull();
    // after the lock, anyone with the password gets in from anywhere
    expect(
      await authenticate({ email: owner, password: PASSWORD }, { db, now: at(67), ip: "203.0.113.99" }),
    ).not.toBeNull();
  });

  it("sign-in counters stay among their own keys in the shared table", () => {
    const rows = db.select().from(rateCounters).all();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.key.startsWith("signin:"))).toBe(true);
    expect(db.select().from(rateCounters).where(like(rateCounters.key, "%parallel%")).all()).toHaveLength(0);
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
    const ticketId = await createTicket(db, dev, { subject: "Calls drop after two minutes" }, at(39));
    await callerFor(db, team.agent, at(40)).tickets.reply({ ticketId, body: "Looking into it." });
    const admin = callerFor(db, team.admin);
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

    // Each entry names what it was about (read for the whole page at once), never a table and an id.
    const reply = (await admin.audit.list({ action: "ticket.reply", page: 1, pageSize: 50 })).items.find(
      (e) => e.entityId === String(ticketId),
    );
    expect(reply?.target).toEqual({
      name: "Calls drop after two minutes",
      nameZh: null,
      extra: null,
      organizationId: nimbus.id,
    });
    const signIn = inWindow.items.find((e) => e.action === "sign_in")!;
    expect(signIn.target).toEqual({ name: dev.name, nameZh: null, extra: dev.email, organizationId: nimbus.id });
    const unknown = byPerson.items.find((e) => e.entityId === null);
    expect(unknown?.target ?? null).toBeNull();
  });

  it("is refused to everyone but admins", async () => {
    expect((await callerFor(db, team.admin).audit.list({})).total).toBeGreaterThan(0);
    for (const user of [team.manager, team.executive, dev])
      await expect(callerFor(db, user).audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
