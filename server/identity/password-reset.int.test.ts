import { TRPCError } from "@trpc/server";
import { and, eq, gt, isNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, organizations, outbox, passwordResets, sessions, users } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import type { SessionUser } from "@/server/auth/session";
import { startSession } from "@/server/auth/sessions";
import { hashToken } from "@/server/auth/tokens";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { createTestDb } from "@/server/testing/db";
import { createOrganization } from "@/server/testing/factories";
import { RESET_ANSWER_MS, checkResetToken, requestPasswordReset } from "./password-reset-service";

const db = createTestDb();
afterAll(() => db.$client.close());

const OLD = "copper kettle morning tide";
const NEW = "violet harbour lantern 2026";
let addressSerial = 0;
/** Each test asks from its own address, so the per-address limit is the one test's own. */
const freshAddress = () => `198.51.100.${++addressSerial}`;

async function person(locale: "en" | "zh" = "en"): Promise<SessionUser> {
  const user = createOrganization(db, { tier: "basic", region: "china" }).customers[0]!;
  db.update(users)
    .set({ passwordHash: await hashPassword(OLD), locale, timeZone: "Asia/Shanghai" })
    .where(eq(users.id, user.id))
    .run();
  return user;
}

const anonymous = (ip: string, now: Date = TEST_ANCHOR) =>
  createCaller(createContext({ db, user: null, ip, now: () => now }));
const mailsTo = (email: string) => db.select().from(outbox).where(eq(outbox.to, email)).all();
const linkIn = (body: string) => /\/signin\/reset\/([A-Za-z0-9_-]+)/.exec(body)?.[1] ?? null;
const standing = (userId: number) =>
  db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, TEST_ANCHOR)))
    .all().length;

async function refusal(p: Promise<unknown>): Promise<{ code: string; messageKey?: string }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCError);
  const err = e as TRPCError & { cause?: { messageKey?: string } };
  return { code: err.code, messageKey: err.cause?.messageKey };
}

/** Asks for a link as a visitor and returns the token from the mail (null when none came). */
async function requestLink(email: string, ip = freshAddress(), now = TEST_ANCHOR): Promise<string | null> {
  const before = mailsTo(email).length;
  await anonymous(ip, now).passwordReset.request({ email });
  const mails = mailsTo(email);
  return mails.length > before ? linkIn(mails.at(-1)!.body) : null;
}

describe("[IDENTITY] asking for a password reset", () => {
  it("an unknown address gets the same answer, in about the same time, and no mail or link is made", async () => {
    const user = await person();
    const ip = freshAddress();
    const resetsBefore = db.select().from(passwordResets).all().length;
    const outboxBefore = db.select().from(outbox).all().length;
    const t0 = performance.now();
    const unknown = await anonymous(ip).passwordReset.request({ email: "nobody@nowhere.example" });
    const t1 = performance.now();
    const known = await anonymous(ip).passwordReset.request({ email: user.email.toUpperCase() });
    const t2 = performance.now();
    expect(unknown).toEqual(known);
    expect(unknown).toEqual({ ok: true });
    expect(db.select().from(passwordResets).all().length).toBe(resetsBefore + 1);
    expect(db.select().from(outbox).all().length).toBe(outboxBefore + 1);
    // Both answers take at least the padding, and differ by far less than it.
    const [a, b] = [t1 - t0, t2 - t1];
    expect(Math.min(a, b)).toBeGreaterThanOrEqual(RESET_ANSWER_MS - 5);
    expect(Math.abs(a - b)).toBeLessThan(100);
    console.info(`reset request answer times: unknown ${a.toFixed(1)} ms, known ${b.toFixed(1)} ms`);
  });

  it("an active account gets a one-hour link in its owner's language; only the token's hash is stored", async () => {
    const user = await person("zh");
    const token = await requestLink(user.email);
    expect(token).not.toBeNull();
    const mail = mailsTo(user.email).at(-1)!;
    expect(mail.subject).toBe(zh.identityMail.passwordReset.subject);
    expect(mail.body).toContain("Asia/Shanghai");
    const stored = db.select().from(passwordResets).where(eq(passwordResets.userId, user.id)).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(hashToken(token!));
    expect(JSON.stringify(stored)).not.toContain(token!);
    expect(stored[0]!.expiresAt.getTime() - TEST_ANCHOR.getTime()).toBe(60 * 60_000);
    expect(await anonymous(freshAddress()).passwordReset.check({ token: token! })).toEqual({
      valid: true,
      email: user.email,
    });
  });

  it("a new link voids the earlier unused one", async () => {
    const user = await person();
    const first = await requestLink(user.email);
    const second = await requestLink(user.email);
    expect(first).not.toEqual(second);
    const api = anonymous(freshAddress());
    expect((await api.passwordReset.check({ token: first! })).valid).toBe(false);
    expect((await api.passwordReset.check({ token: second! })).valid).toBe(true);
  });

  it("a deactivated account, and in production a customer whose organization requires single sign-on, get no link", async () => {
    const gone = await person();
    db.update(users).set({ active: false }).where(eq(users.id, gone.id)).run();
    expect(await requestLink(gone.email)).toBeNull();

    const sso = await person();
    db.update(organizations).set({ ssoRequired: true }).where(eq(organizations.id, sso.organizationId!)).run();
    const base = { email: sso.email, now: TEST_ANCHOR, answerMs: 0 };
    expect(await requestPasswordReset(db, { ...base, ip: freshAddress(), mode: "production" })).toEqual({
      sent: false,
    });
    expect(mailsTo(sso.email)).toHaveLength(0);
    // The demo signs in with passwords whatever the organization says.
    expect(await requestPasswordReset(db, { ...base, ip: freshAddress(), mode: "demo" })).toEqual({ sent: true });
  });

  it("at most three mails an hour to one address; more requests answer the same and send nothing", async () => {
    const user = await person();
    for (let i = 0; i < 3; i++) expect(await requestLink(user.email)).not.toBeNull();
    expect(await requestLink(user.email)).toBeNull();
    expect(await requestLink(user.email, freshAddress(), new Date(TEST_ANCHOR.getTime() + 60 * 60_000))).not.toBeNull();
  });

  it("one client address may ask 20 times an hour, then is told to wait (whatever the address asked for)", async () => {
    const ip = freshAddress();
    for (let i = 0; i < 20; i++)
      await requestPasswordReset(db, {
        email: `nobody${i}@nowhere.example`,
        ip,
        now: TEST_ANCHOR,
        mode: "demo",
        answerMs: 0,
      });
    expect(await refusal(anonymous(ip).passwordReset.request({ email: "nobody@nowhere.example" }))).toEqual({
      code: "TOO_MANY_REQUESTS",
      messageKey: "errors.tooManyAttempts",
    });
    expect(en.errors.tooManyAttempts).toBeTruthy();
  });
});

describe("[IDENTITY] setting a new password through the link", () => {
  it("sets the password, uses the link up, signs the account out everywhere, mails and audits", async () => {
    const user = await person();
    startSession(db, user.id, TEST_ANCHOR);
    startSession(db, user.id, TEST_ANCHOR);
    const token = (await requestLink(user.email))!;
    const api = anonymous(freshAddress());
    expect(await api.passwordReset.complete({ token, password: NEW })).toEqual({ email: user.email });
    const row = db.select().from(users).where(eq(users.id, user.id)).get()!;
    expect(await verifyPassword(NEW, row.passwordHash)).toBe(true);
    expect(standing(user.id)).toBe(0);
    expect(mailsTo(user.email).at(-1)!.subject).toBe(en.identityMail.passwordChanged.subject);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "password_reset")).all().at(-1)!;
    expect(audit).toMatchObject({ actorId: user.id, detail: { sessionsEnded: 2 } });

    // Single use: the second time the link is refused and nothing changes.
    expect((await api.passwordReset.check({ token })).valid).toBe(false);
    expect(await refusal(api.passwordReset.complete({ token, password: "another strong pass phrase" }))).toEqual({
      code: "NOT_FOUND",
      messageKey: "errors.account.resetLinkInvalid",
    });
    expect(await verifyPassword(NEW, db.select().from(users).where(eq(users.id, user.id)).get()!.passwordHash)).toBe(
      true,
    );
  });

  it("an expired link is refused and the password stays", async () => {
    const user = await person();
    const token = (await requestLink(user.email))!;
    const later = anonymous(freshAddress(), new Date(TEST_ANCHOR.getTime() + 60 * 60_000 + 1));
    expect((await later.passwordReset.check({ token })).valid).toBe(false);
    expect(await refusal(later.passwordReset.complete({ token, password: NEW }))).toEqual({
      code: "NOT_FOUND",
      messageKey: "errors.account.resetLinkInvalid",
    });
    expect(await verifyPassword(OLD, db.select().from(users).where(eq(users.id, user.id)).get()!.passwordHash)).toBe(
      true,
    );
  });

  it("a weak password is refused with what to fix, and the link still works", async () => {
    const user = await person();
    const token = (await requestLink(user.email))!;
    const api = anonymous(freshAddress());
    expect(await refusal(api.passwordReset.complete({ token, password: "password123456" }))).toEqual({
      code: "BAD_REQUEST",
      messageKey: "errors.password.common",
    });
    expect(checkResetToken(db, token, TEST_ANCHOR, "demo").valid).toBe(true);
  });

  it("a made-up or malformed token is simply not valid", async () => {
    const api = anonymous(freshAddress());
    expect(await api.passwordReset.check({ token: "x".repeat(43) })).toEqual({ valid: false, email: null });
    expect(await api.passwordReset.check({ token: "../../etc" })).toEqual({ valid: false, email: null });
  });
});
