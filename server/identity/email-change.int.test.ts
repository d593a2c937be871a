import { TRPCError } from "@trpc/server";
import { and, eq, gt, isNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, emailChanges, identityProviders, outbox, sessions, users } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { authenticate } from "@/server/auth/options";
import type { SessionUser } from "@/server/auth/session";
import { startSession } from "@/server/auth/sessions";
import { hashToken } from "@/server/auth/tokens";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb, mailedToken } from "@/server/testing/db";
import { createCustomer, createOrganization, createStaff, setPassword } from "@/server/testing/factories";
import { EMAIL_CHANGE_TTL_MS } from "./account-rules";

const db = createTestDb();
afterAll(() => db.$client.close());

const PASSWORD = "copper kettle morning tide";
const HOUR = 3_600_000;
let serial = 0;
/** An address nobody uses yet. */
const freshAddress = (domain = "elsewhere.example") => `moved-${++serial}@${domain}`;

/** A customer of a fresh organization with a password, reading `locale` in Shanghai. */
async function person(locale: "en" | "zh" = "en"): Promise<SessionUser> {
  const user = createOrganization(db, { tier: "basic", region: "china" }).customers[0]!;
  await setPassword(db, user, PASSWORD);
  db.update(users).set({ locale, timeZone: "Asia/Shanghai" }).where(eq(users.id, user.id)).run();
  return user;
}

function callerIn(user: SessionUser | null, sessionId: string | null, now: Date = TEST_ANCHOR, ip = "198.51.100.9") {
  return createCaller(createContext({ db, user, sessionId, now: () => now, ip }));
}

const emailOf = (id: number) => db.select({ email: users.email }).from(users).where(eq(users.id, id)).get()!.email;
const mailsTo = (email: string) => db.select().from(outbox).where(eq(outbox.to, email)).all();
const linkTo = (email: string) => mailedToken(db, email, "/signin/email/");
const standing = (userId: number) =>
  db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, TEST_ANCHOR)))
    .all()
    .map((s) => s.id);
const audits = (action: string, userId: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(userId))))
    .all();

async function refusal(p: Promise<unknown>): Promise<{ code: string; messageKey?: string; message: string }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCError);
  const err = e as TRPCError & { cause?: { messageKey?: string } };
  return { code: err.code, messageKey: err.cause?.messageKey, message: err.message };
}

/** Binds an organization's single sign-on to `domain` (no network: only the row the lookups read). */
function bindSso(organizationId: number, domain: string) {
  db.insert(identityProviders)
    .values({
      organizationId,
      issuer: "http://127.0.0.1:9/",
      clientId: "attain",
      clientSecret: "secret",
      emailDomains: [domain],
      createdAt: TEST_ANCHOR,
      updatedAt: TEST_ANCHOR,
    })
    .run();
}

describe("[IDENTITY] changing one's own sign-in address", () => {
  it("asking sends a link to the new address in the person's language and changes nothing yet", async () => {
    const user = await person("zh");
    const to = freshAddress();
    const sent = await callerIn(user, null).me.requestEmailChange({
      newEmail: ` ${to.toUpperCase()} `,
      currentPassword: PASSWORD,
    });
    expect(sent).toEqual({ email: to, expiresAt: new Date(TEST_ANCHOR.getTime() + EMAIL_CHANGE_TTL_MS) });
    const [mail] = mailsTo(to);
    expect(mail!.subject).toBe("确认您新的 Attain 登录邮箱");
    expect(mail!.body).toContain(user.email);
    expect(mail!.body).toContain("(Asia/Shanghai)");
    const token = linkTo(to);
    // Only the hash is kept.
    const stored = db.select().from(emailChanges).where(eq(emailChanges.userId, user.id)).all();
    expect(stored.map((r) => r.tokenHash)).toEqual([hashToken(token)]);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(emailOf(user.id)).toBe(user.email);
    expect(mailsTo(user.email)).toEqual([]);
    expect(audits("email_change_requested", user.id)[0]!.detail).toEqual({
      before: { email: user.email },
      after: { email: to },
    });
    expect(await callerIn(user, null).me.emailChange()).toEqual({
      managedBySso: false,
      pending: { email: to, expiresAt: sent.expiresAt },
    });
  });

  it("following the link changes the address, tells the old one, and ends every other session", async () => {
    const user = await person("en");
    const here = startSession(db, user.id, TEST_ANCHOR).id;
    const elsewhere = startSession(db, user.id, TEST_ANCHOR).id;
    const to = freshAddress();
    await callerIn(user, here).me.requestEmailChange({ newEmail: to, currentPassword: PASSWORD });
    const token = linkTo(to);
    expect(await callerIn(null, null).emailChange.check({ token })).toEqual({ valid: true, email: to });
    // A reset link mailed to the old address before the change dies with it.
    await callerIn(null, null).passwordReset.request({ email: user.email });
    const reset = mailedToken(db, user.email, "/signin/reset/");
    expect((await callerIn(null, null).passwordReset.check({ token: reset })).valid).toBe(true);

    const later = new Date(TEST_ANCHOR.getTime() + 10 * 60_000);
    const done = await callerIn(user, here, later).emailChange.confirm({ token });
    expect(done).toEqual({ email: to, signedIn: true });
    expect(emailOf(user.id)).toBe(to);
    expect(standing(user.id)).toEqual([here]);
    expect(standing(user.id)).not.toContain(elsewhere);
    expect((await callerIn(null, null, later).passwordReset.check({ token: reset })).valid).toBe(false);
    const notice = mailsTo(user.email).at(-1)!;
    expect(notice.subject).toBe("Your Attain sign-in address was changed");
    expect(notice.body).toContain(`from ${user.email} to ${to}`);
    expect(audits("email_changed", user.id)[0]!.detail).toMatchObject({
      before: { email: user.email },
      after: { email: to },
      sessionsEnded: 1,
    });
    // The person now signs in with the new address, and no longer with the old one.
    expect((await authenticate({ email: to, password: PASSWORD }, { db, now: TEST_ANCHOR }))?.id).toBe(user.id);
    expect(await authenticate({ email: user.email, password: PASSWORD }, { db, now: TEST_ANCHOR })).toBeNull();
  });

  it("following the link in another browser (signed out) ends every session", async () => {
    const user = await person();
    const session = startSession(db, user.id, TEST_ANCHOR).id;
    const to = freshAddress();
    await callerIn(user, session).me.requestEmailChange({ newEmail: to, currentPassword: PASSWORD });
    expect(await callerIn(null, null).emailChange.confirm({ token: linkTo(to) })).toEqual({
      email: to,
      signedIn: false,
    });
    expect(standing(user.id)).toEqual([]);
  });

  it("a link works once, and a newer request voids the older link", async () => {
    const user = await person();
    const first = freshAddress();
    const second = freshAddress();
    await callerIn(user, null).me.requestEmailChange({ newEmail: first, currentPassword: PASSWORD });
    const older = linkTo(first);
    await callerIn(user, null).me.requestEmailChange({ newEmail: second, currentPassword: PASSWORD });
    const newer = linkTo(second);
    expect(await refusal(callerIn(null, null).emailChange.confirm({ token: older }))).toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.account.emailLinkInvalid",
    });
    await callerIn(null, null).emailChange.confirm({ token: newer });
    expect(emailOf(user.id)).toBe(second);
    expect(await refusal(callerIn(null, null).emailChange.confirm({ token: newer }))).toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.account.emailLinkInvalid",
    });
    expect(await callerIn(null, null).emailChange.check({ token: newer })).toEqual({ valid: false, email: null });
    expect(emailOf(user.id)).toBe(second);
  });

  it("a link past its day no longer works, and the address stays", async () => {
    const user = await person();
    const to = freshAddress();
    await callerIn(user, null).me.requestEmailChange({ newEmail: to, currentPassword: PASSWORD });
    const token = linkTo(to);
    const late = new Date(TEST_ANCHOR.getTime() + EMAIL_CHANGE_TTL_MS);
    expect(await callerIn(null, null, late).emailChange.check({ token })).toEqual({ valid: false, email: null });
    expect(await refusal(callerIn(null, null, late).emailChange.confirm({ token }))).toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.account.emailLinkInvalid",
    });
    expect(emailOf(user.id)).toBe(user.email);
    expect(mailsTo(user.email)).toEqual([]);
  });

  it("an address someone uses, one's own, or one of a single sign-on domain is refused with what to do, and nothing is sent", async () => {
    const user = await person("zh");
    const other = await person();
    const ssoOrg = createOrganization(db, { tier: "enterprise", region: "americas", customers: 0 });
    bindSso(ssoOrg.id, "sso-bound.example");
    const ask = (newEmail: string) =>
      refusal(callerIn(user, null).me.requestEmailChange({ newEmail, currentPassword: PASSWORD }));
    expect(await ask(other.email.toUpperCase())).toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.account.emailTaken",
    });
    expect(await ask(user.email)).toMatchObject({ code: "CONFLICT", messageKey: "errors.account.emailSame" });
    expect(await ask("mei@sso-bound.example")).toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.account.emailSso",
      message:
        "Addresses at sso-bound.example sign in through single sign-on, which sets them. Enter an address at another domain.",
    });
    expect(await ask("not an address")).toMatchObject({ code: "BAD_REQUEST" });
    expect(db.select().from(emailChanges).where(eq(emailChanges.userId, user.id)).all()).toEqual([]);
  });

  it("a wrong current password is refused, audited, and sends nothing", async () => {
    const user = await person();
    const to = freshAddress();
    expect(
      await refusal(callerIn(user, null).me.requestEmailChange({ newEmail: to, currentPassword: "not my password" })),
    ).toMatchObject({ code: "BAD_REQUEST", messageKey: "errors.account.currentPasswordWrong" });
    expect(mailsTo(to)).toEqual([]);
    expect(audits("email_change_failed", user.id)).toHaveLength(1);
  });

  it("someone taking the address before the link is followed makes the link refuse", async () => {
    const user = await person();
    const to = freshAddress();
    await callerIn(user, null).me.requestEmailChange({ newEmail: to, currentPassword: PASSWORD });
    const token = linkTo(to);
    const other = await person();
    db.update(users).set({ email: to }).where(eq(users.id, other.id)).run();
    expect(await refusal(callerIn(null, null).emailChange.confirm({ token }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.account.emailTaken",
    });
    expect(emailOf(user.id)).toBe(user.email);
  });

  it("a person whose address single sign-on keeps is told so, on the page and when asking", async () => {
    const org = createOrganization(db, { tier: "enterprise", region: "americas", customers: 0 });
    bindSso(org.id, "keeps-sso.example");
    const user = createCustomer(db, org);
    db.update(users).set({ email: "ana@keeps-sso.example" }).where(eq(users.id, user.id)).run();
    await setPassword(db, user, PASSWORD);
    expect((await callerIn(user, null).me.emailChange()).managedBySso).toBe(true);
    expect(
      await refusal(
        callerIn(user, null).me.requestEmailChange({ newEmail: freshAddress(), currentPassword: PASSWORD }),
      ),
    ).toMatchObject({ code: "FORBIDDEN", messageKey: "errors.account.emailManagedBySso" });
  });

  it("after three requests in an hour a fourth is refused with the minutes to wait; the next hour it goes", async () => {
    const user = await person();
    for (let i = 0; i < 3; i++)
      await callerIn(user, null).me.requestEmailChange({ newEmail: freshAddress(), currentPassword: PASSWORD });
    const to = freshAddress();
    const later = new Date(TEST_ANCHOR.getTime() + 10 * 60_000);
    expect(
      await refusal(callerIn(user, null, later).me.requestEmailChange({ newEmail: to, currentPassword: PASSWORD })),
    ).toMatchObject({ code: "TOO_MANY_REQUESTS", messageKey: "errors.account.emailChangeThrottled" });
    expect(mailsTo(to)).toEqual([]);
    const nextHour = new Date(TEST_ANCHOR.getTime() + HOUR);
    await callerIn(user, null, nextHour).me.requestEmailChange({ newEmail: to, currentPassword: PASSWORD });
    expect(mailsTo(to)).toHaveLength(1);
  });
});

describe("[PEOPLE] an administrator corrects someone's sign-in address", () => {
  it("an administrator corrects a customer's address: changed at once, sessions ended, old address told, audited", async () => {
    const admin = createStaff(db, "admin");
    const user = await person("zh");
    startSession(db, user.id, TEST_ANCHOR);
    const to = freshAddress();
    expect(await callerFor(db, admin).people.correctEmail({ userId: user.id, email: to.toUpperCase() })).toEqual({
      email: to,
    });
    expect(emailOf(user.id)).toBe(to);
    expect(standing(user.id)).toEqual([]);
    const notice = mailsTo(user.email).at(-1)!;
    expect(notice.subject).toBe("您的 Attain 登录邮箱已更改");
    expect(notice.body).toContain("管理员已于");
    const [entry] = audits("user_email_corrected", user.id);
    expect(entry!.actorId).toBe(admin.id);
    expect(entry!.detail).toMatchObject({ before: { email: user.email }, after: { email: to } });
  });

  it("a customer administrator cannot move a colleague's address (to a mailbox of their own, then reset the password): refused, nothing changes", async () => {
    const org = createOrganization(db, { tier: "advanced", region: "emea", customers: 2 });
    const [orgAdmin, colleague] = org.customers as [SessionUser, SessionUser];
    db.update(users).set({ orgAdmin: true }).where(eq(users.id, orgAdmin.id)).run();
    const asOrgAdmin = callerFor(db, { ...orgAdmin, orgAdmin: true });
    for (const who of [colleague, await person()]) {
      expect(await refusal(asOrgAdmin.people.correctEmail({ userId: who.id, email: freshAddress() }))).toMatchObject({
        code: "FORBIDDEN",
      });
      expect(emailOf(who.id)).toBe(who.email);
    }
  });

  it("the same refusals hold: a used address, a single sign-on domain, one's own address through the account page", async () => {
    const admin = createStaff(db, "admin");
    const user = await person();
    const other = await person();
    const ssoOrg = createOrganization(db, { tier: "enterprise", region: "americas", customers: 0 });
    bindSso(ssoOrg.id, "admin-sso.example");
    const correct = (userId: number, email: string) =>
      refusal(callerFor(db, admin).people.correctEmail({ userId, email }));
    expect(await correct(user.id, other.email)).toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.account.emailTaken",
    });
    expect(await correct(user.id, "li@admin-sso.example")).toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.account.emailSso",
    });
    expect(await correct(user.id, user.email)).toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.people.emailSame",
    });
    expect(await correct(admin.id, freshAddress())).toMatchObject({
      code: "FORBIDDEN",
      messageKey: "errors.people.selfEmail",
    });
    expect(emailOf(user.id)).toBe(user.email);
    expect(audits("user_email_corrected", user.id)).toEqual([]);
  });
});
