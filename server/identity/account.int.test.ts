import { TRPCError } from "@trpc/server";
import { and, eq, gt, isNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, outbox, sessions, users } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { buildAuthOptions } from "@/server/auth/options";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import type { SessionUser } from "@/server/auth/session";
import { startSession } from "@/server/auth/sessions";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { createTestDb } from "@/server/testing/db";
import { createOrganization } from "@/server/testing/factories";
import zh from "@/server/i18n/messages/zh.json";
import { sessionRef } from "./account-service";

const db = createTestDb();
afterAll(() => db.$client.close());

const OLD = "copper kettle morning tide";
const NEW = "violet harbour lantern 2026";
const CHROME_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";

/** A customer of a fresh organization with a known password and language. */
async function person(locale: "en" | "zh" = "en"): Promise<SessionUser> {
  const user = createOrganization(db, { tier: "basic", region: "china" }).customers[0]!;
  db.update(users)
    .set({
      passwordHash: await hashPassword(OLD),
      locale,
      timeZone: locale === "zh" ? "Asia/Shanghai" : "Europe/London",
    })
    .where(eq(users.id, user.id))
    .run();
  return user;
}

function callerIn(user: SessionUser, sessionId: string | null, now: Date = TEST_ANCHOR) {
  return createCaller(createContext({ db, user, sessionId, now: () => now, ip: "198.51.100.7" }));
}

const row = (id: number) => db.select().from(users).where(eq(users.id, id)).get()!;
const standing = (userId: number) =>
  db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, TEST_ANCHOR)))
    .all()
    .map((s) => s.id)
    .sort();
const mailsTo = (email: string) => db.select().from(outbox).where(eq(outbox.to, email)).all();

async function refusal(p: Promise<unknown>): Promise<{ code: string; messageKey?: string }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCError);
  const err = e as TRPCError & { cause?: { messageKey?: string } };
  return { code: err.code, messageKey: err.cause?.messageKey };
}

describe("[ACCOUNT] profile", () => {
  it("a user changes their name, language and time zone; the name is trimmed and the change audited", async () => {
    const user = await person();
    const out = await callerIn(user, null).me.updateProfile({
      name: "  Mei Lin  ",
      locale: "zh",
      timeZone: "Asia/Shanghai",
    });
    expect(out).toMatchObject({ name: "Mei Lin", locale: "zh", timeZone: "Asia/Shanghai" });
    expect(row(user.id)).toMatchObject({ name: "Mei Lin", locale: "zh", timeZone: "Asia/Shanghai" });
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "profile_updated")).all().at(-1)!;
    expect(audit.actorId).toBe(user.id);
    expect(audit.detail).toMatchObject({ before: { name: user.name }, after: { name: "Mei Lin" } });
  });

  it("an empty or overlong name, or an unknown time zone, is refused with a translated reason and changes nothing", async () => {
    const user = await person();
    const before = row(user.id);
    const api = callerIn(user, null);
    expect(await refusal(api.me.updateProfile({ name: "   ", locale: "en", timeZone: "UTC" }))).toEqual({
      code: "BAD_REQUEST",
      messageKey: "errors.account.nameEmpty",
    });
    expect(await refusal(api.me.updateProfile({ name: "名".repeat(121), locale: "en", timeZone: "UTC" }))).toEqual({
      code: "BAD_REQUEST",
      messageKey: "errors.account.nameTooLong",
    });
    expect(await refusal(api.me.updateProfile({ name: "Line\nbreak", locale: "en", timeZone: "UTC" }))).toEqual({
      code: "BAD_REQUEST",
      messageKey: "errors.account.nameInvalid",
    });
    const zone = await refusal(api.me.updateProfile({ name: "Mei", locale: "en", timeZone: "Mars/Olympus" }));
    expect(zone.code).toBe("BAD_REQUEST");
    expect(row(user.id)).toEqual(before);
    // 120 Chinese characters are within the limit (characters, not bytes).
    await api.me.updateProfile({ name: "名".repeat(120), locale: "en", timeZone: "UTC" });
    expect(row(user.id).name).toHaveLength(120);
  });
});

describe("[ACCOUNT] changing one's password", () => {
  it("a wrong current password is refused and changes nothing: hash, sessions, mail", async () => {
    const user = await person();
    const current = startSession(db, user.id, TEST_ANCHOR).id;
    startSession(db, user.id, TEST_ANCHOR);
    const before = row(user.id).passwordHash;
    const sessionsBefore = standing(user.id);
    const r = await refusal(
      callerIn(user, current).me.changePassword({ currentPassword: "not my password", newPassword: NEW }),
    );
    expect(r).toEqual({ code: "BAD_REQUEST", messageKey: "errors.account.currentPasswordWrong" });
    expect(row(user.id).passwordHash).toBe(before);
    expect(standing(user.id)).toEqual(sessionsBefore);
    expect(mailsTo(user.email)).toHaveLength(0);
  });

  it("a weak new password is refused with what to fix, and the old one still works", async () => {
    const user = await person();
    db.update(users).set({ name: "Xiuying Qianlong" }).where(eq(users.id, user.id)).run();
    const api = callerIn(user, null);
    for (const [pw, key] of [
      ["short pw", "errors.password.tooShort"],
      ["password123456", "errors.password.common"],
      ["Qianlong Xiuying 2026", "errors.password.personal"],
    ] as const) {
      expect(await refusal(api.me.changePassword({ currentPassword: OLD, newPassword: pw }))).toEqual({
        code: "BAD_REQUEST",
        messageKey: key,
      });
    }
    expect(await verifyPassword(OLD, row(user.id).passwordHash)).toBe(true);
  });

  it("the right current password and a strong new one: other sessions end, this one stays, mail in the user's language", async () => {
    const user = await person("zh");
    const bystander = await person();
    const current = startSession(db, user.id, TEST_ANCHOR).id;
    const other1 = startSession(db, user.id, TEST_ANCHOR).id;
    const other2 = startSession(db, user.id, TEST_ANCHOR).id;
    const theirs = startSession(db, bystander.id, TEST_ANCHOR).id;
    const out = await callerIn(user, current).me.changePassword({ currentPassword: OLD, newPassword: NEW });
    expect(out).toEqual({ otherSessionsEnded: 2 });
    expect(standing(user.id)).toEqual([current]);
    expect(standing(bystander.id)).toEqual([theirs]);
    expect([other1, other2].every((id) => !standing(user.id).includes(id))).toBe(true);
    expect(await verifyPassword(NEW, row(user.id).passwordHash)).toBe(true);
    expect(await verifyPassword(OLD, row(user.id).passwordHash)).toBe(false);
    const mail = mailsTo(user.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe(zh.identityMail.passwordChanged.subject);
    expect(mail[0]!.body).toContain("Asia/Shanghai");
    expect(mail[0]!.body).toContain("/signin/forgot");
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "password_changed")).all().at(-1)!;
    expect(audit).toMatchObject({ actorId: user.id, ip: "198.51.100.7", detail: { otherSessionsEnded: 2 } });
    expect(JSON.stringify(audit.detail)).not.toContain(NEW);
  });

  it("after five wrong current passwords in 15 minutes even the right one is refused until the window ends", async () => {
    const user = await person();
    const api = callerIn(user, null);
    for (let i = 0; i < 5; i++)
      expect((await refusal(api.me.changePassword({ currentPassword: `wrong ${i}`, newPassword: NEW }))).code).toBe(
        "BAD_REQUEST",
      );
    const locked = await refusal(api.me.changePassword({ currentPassword: OLD, newPassword: NEW }));
    expect(locked).toEqual({ code: "TOO_MANY_REQUESTS", messageKey: "errors.account.passwordThrottled" });
    expect(await verifyPassword(OLD, row(user.id).passwordHash)).toBe(true);
    const later = callerIn(user, null, new Date(TEST_ANCHOR.getTime() + 15 * 60_000));
    await later.me.changePassword({ currentPassword: OLD, newPassword: NEW });
    expect(await verifyPassword(NEW, row(user.id).passwordHash)).toBe(true);
  });
});

describe("[ACCOUNT] sessions", () => {
  it("sign-in with a password records the browser and address the list of sessions shows", async () => {
    const user = await person();
    const options = buildAuthOptions({ db: () => db, now: () => TEST_ANCHOR });
    const provider = options.providers[0] as unknown as {
      options: { authorize: (c: unknown, req: unknown) => Promise<Record<string, unknown> | null> };
    };
    const signedIn = await provider.options.authorize(
      { email: user.email, password: OLD },
      { headers: { "user-agent": SAFARI_IPHONE, "x-attain-peer": "203.0.113.9" } },
    );
    expect(signedIn).not.toBeNull();
    const token = (await options.callbacks!.jwt!({
      token: {},
      user: signedIn as never,
      account: null,
      trigger: "signIn",
    })) as { sid: string };
    const stored = db.select().from(sessions).where(eq(sessions.id, token.sid)).get()!;
    expect(stored).toMatchObject({ userAgent: SAFARI_IPHONE, method: "password" });
    const [item] = await callerIn(user, token.sid).me.sessions();
    expect(item).toMatchObject({ browser: "Safari", os: "iOS", method: "password", current: true });
  });

  it("the list holds the sessions that stand, this one first and marked; sign out one, then all others", async () => {
    const user = await person();
    const bystander = await person();
    const hour = 3_600_000;
    const current = startSession(db, user.id, new Date(TEST_ANCHOR.getTime() - hour), {
      userAgent: CHROME_LINUX,
      ip: "198.51.100.7",
    }).id;
    const phone = startSession(db, user.id, new Date(TEST_ANCHOR.getTime() - 2 * hour), {
      userAgent: SAFARI_IPHONE,
      ip: "203.0.113.9",
      method: "sso",
    }).id;
    const laptop = startSession(db, user.id, new Date(TEST_ANCHOR.getTime() - 3 * hour)).id;
    startSession(db, user.id, new Date(TEST_ANCHOR.getTime() - 13 * hour)); // expired
    const ended = startSession(db, user.id, TEST_ANCHOR).id;
    db.update(sessions).set({ revokedAt: TEST_ANCHOR }).where(eq(sessions.id, ended)).run();
    const theirs = startSession(db, bystander.id, TEST_ANCHOR).id;

    const api = callerIn(user, current);
    const list = await api.me.sessions();
    expect(list.map((s) => s.ref)).toEqual([sessionRef(current), sessionRef(phone), sessionRef(laptop)]);
    expect(list[0]).toMatchObject({ current: true, browser: "Chrome", os: "Linux", ip: "198.51.100.7" });
    expect(list[1]).toMatchObject({ current: false, browser: "Safari", os: "iOS", method: "sso" });
    expect(list[2]).toMatchObject({ browser: null, os: null, ip: null, method: "password" });
    expect(JSON.stringify(list)).not.toContain(current);

    // Another user's session "does not exist" for this user.
    expect(await refusal(api.me.revokeSession({ ref: sessionRef(theirs) }))).toEqual({
      code: "NOT_FOUND",
      messageKey: "errors.account.sessionNotFound",
    });
    expect(standing(bystander.id)).toEqual([theirs]);

    expect(await api.me.revokeSession({ ref: sessionRef(phone) })).toEqual({ current: false });
    expect(standing(user.id)).toEqual([current, laptop].sort());
    expect(await api.me.revokeOtherSessions()).toEqual({ ended: 1 });
    expect(standing(user.id)).toEqual([current]);
    expect((await api.me.sessions()).map((s) => s.current)).toEqual([true]);
  });
});
