import { TEST_POSTGRES_URL } from "@/server/testing/constants";
import { eq } from "drizzle-orm";
import { getServerSession, type NextAuthOptions } from "next-auth";
import { decode, encode, type JWT } from "next-auth/jwt";
import { afterAll, describe, expect, it } from "vitest";
import { sessions, users } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { createTestDb } from "@/server/testing/db";
import { createCustomer, createOrganization, createStaff, setPassword } from "@/server/testing/factories";
import { authenticate, buildAuthOptions } from "./options";
import type { SessionUser } from "./session";
import { revokeUserSessions } from "./sessions";

process.env.NEXTAUTH_URL ??= "http://127.0.0.1:3000"; // next-auth reads it when resolving a session
const db = createTestDb();
afterAll(() => db.$client.close());

const PASSWORD = "sessions-test-password";
/** People this file signs in as, each with a password, in two organizations of its own. */
const nimbus = createOrganization(db, { tier: "advanced", region: "americas", customers: 3 });
const orbit = createOrganization(db, { tier: "enterprise", region: "china", customers: 0 });
const [dev, cto, qa] = nimbus.customers as [SessionUser, SessionUser, SessionUser];
const ops = createCustomer(db, orbit, TEST_ANCHOR, { locale: "zh", timeZone: "Asia/Shanghai" });
const agent = createStaff(db, "agent");
const expert = createStaff(db, "expert");
const manager = createStaff(db, "manager");
const exec = createStaff(db, "executive");
const am = createStaff(db, "account_manager");
await Promise.all([dev, cto, qa, ops, agent, expert, manager, exec, am].map((u) => setPassword(db, u, PASSWORD)));

const secret = "sessions-test-secret-0123456789abcdef";
let clock = TEST_ANCHOR;
const options: NextAuthOptions = { ...buildAuthOptions({ db: () => db, now: () => clock }), secret };
const COOKIE = "next-auth.session-token";

/** Signs in as next-auth does: check the password, then the JWT callback starts the session; the cookie is the JWT. */
async function signIn(person: SessionUser): Promise<string> {
  const user = await authenticate({ email: person.email, password: PASSWORD }, { db, now: clock, ip: "203.0.113.5" });
  if (!user) throw new Error(`cannot sign in as ${person.email}`);
  const token = await options.callbacks!.jwt!({
    token: { name: user.name, email: user.email },
    user: { ...user, id: String(user.id) },
    account: null,
    trigger: "signIn",
  });
  return encode({ token, secret });
}

/** The signed-in user a request with this cookie gets, through next-auth's own session reading. */
async function userFor(cookie: string): Promise<SessionUser | null> {
  const res = { getHeader: () => undefined, setCookie: () => undefined, setHeader: () => undefined };
  const req = { headers: {}, cookies: { [COOKIE]: cookie } };
  const session = (await getServerSession(req as never, res as never, options)) as { attain?: SessionUser } | null;
  return session?.attain ?? null;
}

/** What next-auth does on sign-out: decode the cookie, fire the signOut event. */
async function signOut(cookie: string): Promise<void> {
  const token = (await decode({ token: cookie, secret })) as JWT;
  await options.events!.signOut!({ token, session: null as never });
}

const sessionRow = async (cookie: string) => {
  const token = (await decode({ token: cookie, secret })) as JWT;
  return db
    .select()
    .from(sessions)
    .where(eq(sessions.id, token.sid as string))
    .get();
};

describe("[SECURITY] sessions end at once", () => {
  it("signing in starts a server-side session whose id, not the user's rights, is what the cookie is worth", async () => {
    const cookie = await signIn(dev);
    expect(await userFor(cookie)).toMatchObject({ email: dev.email, role: "customer", organizationId: nimbus.id });
    const row = await sessionRow(cookie);
    expect(row).toMatchObject({ createdAt: clock, revokedAt: null });
    expect(row!.expiresAt.getTime() - clock.getTime()).toBe(12 * 3_600_000);
    expect(row!.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("signing out ends the session: a copy of the cookie no longer signs anyone in, in pages or in tRPC", async () => {
    const cookie = await signIn(dev);
    const copy = cookie;
    expect(await userFor(copy)).not.toBeNull();
    await signOut(cookie);
    expect(await userFor(copy)).toBeNull();
    expect((await sessionRow(copy))?.revokedAt).toEqual(clock);
    // pages redirect when getSessionUser is null; tRPC's authed procedures answer UNAUTHORIZED
    const caller = createCaller(createContext({ db, user: await userFor(copy), now: () => clock }));
    await expect(caller.me.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("signing out ends only that session: the same user on another device stays signed in", async () => {
    const laptop = await signIn(cto);
    const phone = await signIn(cto);
    await signOut(laptop);
    expect(await userFor(laptop)).toBeNull();
    expect(await userFor(phone)).toMatchObject({ email: cto.email });
  });

  it("deactivating a user ends their sessions on the next request, and reactivating them does not bring the sessions back", async () => {
    const cookie = await signIn(qa);
    expect(await userFor(cookie)).not.toBeNull();
    db.update(users).set({ active: false }).where(eq(users.id, qa.id)).run();
    expect(await userFor(cookie)).toBeNull();
    db.update(users).set({ active: true }).where(eq(users.id, qa.id)).run();
    expect(await userFor(cookie)).toBeNull();
    expect((await sessionRow(cookie))?.revokedAt).toEqual(clock);
  });

  it("changing a user's role or organization ends their sessions: the old rights do not carry over", async () => {
    const agentCookie = await signIn(agent);
    expect(await userFor(agentCookie)).toMatchObject({ role: "agent" });
    db.update(users).set({ role: "manager" }).where(eq(users.id, agent.id)).run();
    expect(await userFor(agentCookie)).toBeNull();
    db.update(users).set({ role: "agent" }).where(eq(users.id, agent.id)).run();

    const customer = await signIn(ops);
    expect(await userFor(customer)).toMatchObject({ organizationId: orbit.id });
    db.update(users).set({ organizationId: nimbus.id }).where(eq(users.id, ops.id)).run();
    expect(await userFor(customer)).toBeNull();
    db.update(users).set({ organizationId: orbit.id }).where(eq(users.id, ops.id)).run();
    expect(await userFor(await signIn(ops))).toMatchObject({ organizationId: orbit.id });
  });

  it("revokeUserSessions ends every session of one user at once, and nobody else's", async () => {
    const a = await signIn(expert);
    const b = await signIn(expert);
    const other = await signIn(manager);
    expect(revokeUserSessions(db, expert.id, clock)).toBe(2);
    expect(await userFor(a)).toBeNull();
    expect(await userFor(b)).toBeNull();
    expect(await userFor(other)).toMatchObject({ email: manager.email });
    expect(revokeUserSessions(db, expert.id, clock)).toBe(0);
  });

  it("a session ends 12 hours after signing in, whatever the cookie says", async () => {
    const cookie = await signIn(exec);
    const signedInAt = clock;
    try {
      clock = new Date(signedInAt.getTime() + 12 * 3_600_000 - 1);
      expect(await userFor(cookie)).not.toBeNull();
      clock = new Date(signedInAt.getTime() + 12 * 3_600_000);
      expect(await userFor(cookie)).toBeNull();
    } finally {
      clock = signedInAt;
    }
  });

  it("a cookie without a server-side session (issued before them, or forged with the secret) signs nobody in", async () => {
    const attain = { id: dev.id, role: dev.role, organizationId: dev.organizationId, name: dev.name, email: dev.email };
    expect(await userFor(await signIn(dev))).not.toBeNull();
    expect(await userFor(await encode({ token: { attain }, secret }))).toBeNull();
    expect(await userFor(await encode({ token: { attain, sid: "made-up" }, secret }))).toBeNull();
  });

  it("a renamed user's session shows the new name at once", async () => {
    const cookie = await signIn(am);
    expect(await userFor(cookie)).toMatchObject({ name: am.name });
    db.update(users).set({ name: "Renamed Manager" }).where(eq(users.id, am.id)).run();
    expect(await userFor(cookie)).toMatchObject({ name: "Renamed Manager", email: am.email });
  });

  // SQLite's plan; PostgreSQL chooses between an index and a scan by the tables' sizes.
  it.skipIf(TEST_POSTGRES_URL)("the per-request check reads two rows by primary key", () => {
    const plan = db.$client
      .prepare(
        "explain query plan select s.expires_at, u.role from sessions s join users u on u.id = s.user_id where s.id = ?",
      )
      .all("x") as { detail: string }[];
    const details = plan.map((p) => p.detail).join("\n");
    expect(details).toMatch(/SEARCH s USING INDEX sqlite_autoindex_sessions_1 \(id=\?\)/);
    expect(details).toMatch(/SEARCH u USING INTEGER PRIMARY KEY \(rowid=\?\)/);
  });
});
