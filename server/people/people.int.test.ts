import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, installation, invitations, outbox, sessions, users } from "@/db/schema";
import { authenticate } from "@/server/auth/options";
import { startSession } from "@/server/auth/sessions";
import { env } from "@/server/env";
import { DEMO_PASSWORD } from "@/server/identity/demo";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb, invitationToken } from "@/server/testing/db";
import { createOrganization, createStaff } from "@/server/testing/factories";
import { completeSetup, issueSetupToken, needsSetup } from "@/server/identity/installation";

const db = createTestDb();

const PASSWORD = "a long and unusual passphrase";
const DAY = 86_400_000;

const tokenOf = (email: string) => invitationToken(db, email);

async function refusal(p: Promise<unknown>): Promise<{ code: string; key: unknown }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError)
      return { code: e.code, key: (e.cause as { messageKey?: string } | undefined)?.messageKey };
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("[PEOPLE] invitations", () => {
  it("an account manager invites a customer administrator, who accepts once and signs in; the link cannot be used again", async () => {
    const am = createStaff(db, "account_manager");
    const org = createOrganization(db, { tier: "advanced", region: "emea" });
    const email = `lead-${org.id}@example.org`;
    const invitation = await callerFor(db, am).people.invite({
      email,
      name: "Lena Lead",
      role: "customer",
      organizationId: org.id,
      orgAdmin: true,
      locale: "zh",
    });
    expect(invitation.expiresAt.getTime() - TEST_ANCHOR.getTime()).toBe(7 * DAY);
    const mail = db.select().from(outbox).where(eq(outbox.to, email)).get()!;
    expect(mail.subject).toContain("邀请您加入 Attain");
    expect(mail.body).toContain(org.name);
    const token = tokenOf(email);
    expect(db.select().from(invitations).where(eq(invitations.id, invitation.id)).get()!.tokenHash).not.toContain(
      token,
    );

    const anonymous = callerFor(db, null);
    expect(await anonymous.installation.invitation({ token })).toMatchObject({
      state: "pending",
      email,
      orgAdmin: true,
    });
    await anonymous.installation.acceptInvitation({
      token,
      name: "Lena Lead",
      password: PASSWORD,
      locale: "en",
      timeZone: "Europe/London",
    });
    const user = db.select().from(users).where(eq(users.email, email)).get()!;
    expect(user).toMatchObject({
      role: "customer",
      organizationId: org.id,
      orgAdmin: true,
      active: true,
      timeZone: "Europe/London",
    });
    expect(await authenticate({ email, password: PASSWORD }, { db, now: TEST_ANCHOR })).toMatchObject({
      id: user.id,
      orgAdmin: true,
    });

    expect(
      await refusal(
        anonymous.installation.acceptInvitation({
          token,
          name: "Again",
          password: PASSWORD,
          locale: "en",
          timeZone: "UTC",
        }),
      ),
    ).toEqual({
      code: "CONFLICT",
      key: "errors.people.invitationClosed",
    });
    expect(await anonymous.installation.invitation({ token })).toEqual({ state: "accepted" });
    expect(
      db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "invitation_accepted"))
        .all()
        .some((a) => a.entityId === String(user.id)),
    ).toBe(true);
  });

  it("an expired invitation, a weak password and a taken address are refused and change nothing", async () => {
    const admin = createStaff(db, "admin");
    const org = createOrganization(db, { tier: "basic", region: "china", customers: 1 });
    const email = `late-${org.id}@example.org`;
    await callerFor(db, admin).people.invite({
      email,
      name: "Late",
      role: "customer",
      organizationId: org.id,
      orgAdmin: false,
      locale: "en",
    });
    const token = tokenOf(email);
    const usersBefore = db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .get()!.n;

    const weak = await refusal(
      callerFor(db, null).installation.acceptInvitation({
        token,
        name: "Late",
        password: "password1234",
        locale: "en",
        timeZone: "UTC",
      }),
    );
    expect(weak).toEqual({ code: "BAD_REQUEST", key: "errors.password.common" });
    const later = new Date(TEST_ANCHOR.getTime() + 8 * DAY);
    const expired = await refusal(
      callerFor(db, null, later).installation.acceptInvitation({
        token,
        name: "Late",
        password: PASSWORD,
        locale: "en",
        timeZone: "UTC",
      }),
    );
    expect(expired).toEqual({ code: "CONFLICT", key: "errors.people.invitationExpired" });
    expect(
      db
        .select({ n: sql<number>`count(*)` })
        .from(users)
        .get()!.n,
    ).toBe(usersBefore);

    const taken = await refusal(
      callerFor(db, admin).people.invite({
        email: org.customers[0]!.email,
        name: "Twin",
        role: "customer",
        organizationId: org.id,
        orgAdmin: false,
        locale: "en",
      }),
    );
    expect(taken).toEqual({ code: "CONFLICT", key: "errors.people.emailTaken" });
  });

  it("a customer administrator invites into their own organization only, and never staff", async () => {
    const org = createOrganization(db, { tier: "enterprise", region: "americas", customers: 2 });
    const other = createOrganization(db, { tier: "enterprise", region: "americas" });
    db.update(users).set({ orgAdmin: true }).where(eq(users.id, org.customers[0]!.id)).run();
    const customerAdmin = { ...org.customers[0]!, orgAdmin: true };
    const plain = org.customers[1]!;
    const asAdmin = callerFor(db, customerAdmin);
    const base = { name: "New Colleague", orgAdmin: false, locale: "en" as const };

    await asAdmin.people.invite({
      ...base,
      email: `colleague-${org.id}@example.org`,
      role: "customer",
      organizationId: org.id,
    });
    expect(
      (await asAdmin.people.list({ organizationId: org.id, page: 1, pageSize: 50 })).invitations.map((i) => i.email),
    ).toContain(`colleague-${org.id}@example.org`);
    expect(
      await refusal(
        asAdmin.people.invite({
          ...base,
          email: `x-${org.id}@example.org`,
          role: "customer",
          organizationId: other.id,
        }),
      ),
    ).toEqual({
      code: "FORBIDDEN",
      key: "errors.people.otherOrganization",
    });
    expect(
      await refusal(
        asAdmin.people.invite({ ...base, email: `y-${org.id}@example.org`, role: "agent", organizationId: null }),
      ),
    ).toEqual({
      code: "FORBIDDEN",
      key: "errors.people.staffRole",
    });
    expect((await refusal(asAdmin.people.list({ organizationId: other.id, page: 1, pageSize: 50 }))).code).toBe(
      "NOT_FOUND",
    );
    expect(
      (
        await refusal(
          callerFor(db, plain).people.invite({
            ...base,
            email: `z-${org.id}@example.org`,
            role: "customer",
            organizationId: org.id,
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(db.select().from(invitations).where(eq(invitations.organizationId, other.id)).all()).toEqual([]);
  });
});

describe("[PEOPLE] invitation mail", () => {
  it('names the customer\'s organization, and for staff only Attain (not "Attain on Attain")', async () => {
    const admin = createStaff(db, "admin");
    const org = createOrganization(db, { tier: "basic", region: "china" });
    const asAdmin = callerFor(db, admin);
    const invite = (email: string, locale: "en" | "zh", organizationId: number | null) =>
      asAdmin.people.invite({
        email,
        name: "Pat Person",
        role: organizationId === null ? "agent" : "customer",
        organizationId,
        orgAdmin: false,
        locale,
      });
    const body = (email: string) => db.select().from(outbox).where(eq(outbox.to, email)).get()!.body;
    await invite(`staff-en-${org.id}@vendor.example`, "en", null);
    await invite(`staff-zh-${org.id}@vendor.example`, "zh", null);
    await invite(`cust-en-${org.id}@example.org`, "en", org.id);
    await invite(`cust-zh-${org.id}@example.org`, "zh", org.id);
    expect(body(`staff-en-${org.id}@vendor.example`)).toContain("invited you to Attain as Support engineer (L1).");
    expect(body(`staff-zh-${org.id}@vendor.example`)).toMatch(/身份加入 Attain。/);
    expect(body(`cust-en-${org.id}@example.org`)).toContain(`invited you to ${org.name} on Attain as Customer.`);
    expect(body(`cust-zh-${org.id}@example.org`)).toContain(`身份加入 Attain 上的 ${org.name}。`);
    for (const email of [`staff-en-${org.id}@vendor.example`, `staff-zh-${org.id}@vendor.example`])
      expect(body(email)).not.toMatch(/Attain on Attain|Attain 上的 Attain/);
  });
});

describe("[PEOPLE] deactivation and roles", () => {
  it("deactivating a user ends their sessions at once, tells them, and keeps their account; reactivating lets them back", async () => {
    const admin = createStaff(db, "admin");
    const org = createOrganization(db, { tier: "advanced", region: "americas", customers: 1 });
    const person = org.customers[0]!;
    const session = startSession(db, person.id, TEST_ANCHOR);
    const result = await callerFor(db, admin).people.setActive({ userId: person.id, active: false });
    expect(result).toEqual({ active: false, sessionsEnded: 1 });
    expect(db.select().from(sessions).where(eq(sessions.id, session.id)).get()!.revokedAt).toEqual(TEST_ANCHOR);
    expect(db.select().from(users).where(eq(users.id, person.id)).get()).toMatchObject({
      active: false,
      deactivatedAt: TEST_ANCHOR,
    });
    expect(
      db
        .select()
        .from(outbox)
        .where(eq(outbox.to, person.email))
        .all()
        .some((m) => m.subject.includes("deactivated")),
    ).toBe(true);
    const audit = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "user_deactivated"))
      .all()
      .find((a) => a.entityId === String(person.id));
    expect(audit?.detail).toMatchObject({ before: { active: true }, after: { active: false } });
    await callerFor(db, admin).people.setActive({ userId: person.id, active: true });
    expect(db.select().from(users).where(eq(users.id, person.id)).get()).toMatchObject({
      active: true,
      deactivatedAt: null,
    });
  });

  it("an administrator changes a staff role (sessions end), but nobody demotes themselves or the last administrator", async () => {
    const admin = createStaff(db, "admin");
    const agent = createStaff(db, "agent");
    const session = startSession(db, agent.id, TEST_ANCHOR);
    await callerFor(db, admin).people.changeRole({ userId: agent.id, role: "expert" });
    expect(db.select().from(users).where(eq(users.id, agent.id)).get()!.role).toBe("expert");
    expect(db.select().from(sessions).where(eq(sessions.id, session.id)).get()!.revokedAt).not.toBeNull();
    expect((await refusal(callerFor(db, admin).people.changeRole({ userId: admin.id, role: "agent" }))).key).toBe(
      "errors.people.selfRole",
    );
    expect((await refusal(callerFor(db, admin).people.setActive({ userId: admin.id, active: false }))).key).toBe(
      "errors.people.self",
    );
    expect(
      (
        await refusal(
          callerFor(db, createStaff(db, "account_manager")).people.changeRole({ userId: agent.id, role: "agent" }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});

describe("[PEOPLE] a customer administrator's reach", () => {
  it("a customer administrator makes a colleague an administrator, but of a staff member or another organization's customer they are only told they may not", async () => {
    const org = createOrganization(db, { tier: "advanced", region: "emea", customers: 2 });
    const other = createOrganization(db, { tier: "advanced", region: "emea" });
    const staff = createStaff(db, "agent");
    db.update(users).set({ orgAdmin: true }).where(eq(users.id, org.customers[0]!.id)).run();
    const asAdmin = callerFor(db, { ...org.customers[0]!, orgAdmin: true });
    const colleague = org.customers[1]!;

    expect(await asAdmin.people.setOrgAdmin({ userId: colleague.id, orgAdmin: true })).toEqual({ orgAdmin: true });
    expect(await refusal(asAdmin.people.setOrgAdmin({ userId: staff.id, orgAdmin: true }))).toEqual({
      code: "FORBIDDEN",
      key: "errors.people.staffRole",
    });
    expect(await refusal(asAdmin.people.setOrgAdmin({ userId: other.customers[0]!.id, orgAdmin: true }))).toEqual({
      code: "FORBIDDEN",
      key: "errors.people.otherOrganization",
    });
    const flags = (id: number) => db.select({ orgAdmin: users.orgAdmin }).from(users).where(eq(users.id, id)).get();
    expect([flags(colleague.id), flags(staff.id), flags(other.customers[0]!.id)]).toEqual([
      { orgAdmin: true },
      { orgAdmin: false },
      { orgAdmin: false },
    ]);
  });
});

describe("[SETUP] the first administrator of a production installation", () => {
  it("is created once with the setup token; a wrong token or a second attempt is refused", async () => {
    const empty = createTestDb();
    empty.delete(users).where(eq(users.role, "admin")).run();
    expect(needsSetup(empty)).toBe(true);
    const token = issueSetupToken(empty, TEST_ANCHOR)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(issueSetupToken(empty, TEST_ANCHOR)).toBeNull(); // another process finds one standing
    const stored = empty.select().from(installation).where(eq(installation.key, "setup_token")).get()!;
    expect(stored.value).not.toContain(token);
    const input = {
      token,
      name: "First Admin",
      email: "first@vendor.example",
      password: PASSWORD,
      locale: "en" as const,
      timeZone: "UTC",
    };
    await expect(completeSetup(empty, { ...input, token: "x".repeat(43) }, TEST_ANCHOR, null)).rejects.toMatchObject({
      messageKey: "errors.setup.token",
    });
    await expect(completeSetup(empty, { ...input, password: "short" }, TEST_ANCHOR, null)).rejects.toMatchObject({
      messageKey: "errors.password.tooShort",
    });
    expect(needsSetup(empty)).toBe(true);
    await completeSetup(empty, input, TEST_ANCHOR, null);
    expect(needsSetup(empty)).toBe(false);
    expect(empty.select().from(users).where(eq(users.email, "first@vendor.example")).get()!.role).toBe("admin");
    await expect(completeSetup(empty, input, TEST_ANCHOR, null)).rejects.toMatchObject({
      messageKey: "errors.setup.done",
    });
  });
});

describe("[SETUP] demo credentials in production mode", () => {
  it("the demo password signs a demo account in on a demo installation, and never in production mode", async () => {
    const credentials = { email: "dev@nimbus.example", password: DEMO_PASSWORD };
    expect(await authenticate(credentials, { db, now: TEST_ANCHOR })).toMatchObject({ email: "dev@nimbus.example" });
    const mode = env.ATTAIN_MODE;
    env.ATTAIN_MODE = "production";
    try {
      expect(await authenticate(credentials, { db, now: TEST_ANCHOR })).toBeNull();
    } finally {
      env.ATTAIN_MODE = mode;
    }
  });
});
