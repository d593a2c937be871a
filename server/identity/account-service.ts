/**
 * A user's own account (issue #16, self-service): their profile, their password and their
 * sessions. Every change is one transaction and audited; changing the password checks the current
 * one (throttled), applies the password policy, signs out every other session and tells the owner
 * by email.
 */
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { passwordResets, rateCounters, sessions, users } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import type { Db } from "@/server/db";
import { DomainError, notFound, refuseIf } from "@/server/errors";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { passwordProblem } from "@/server/auth/password-policy";
import { endSession } from "@/server/auth/sessions";
import { hashToken } from "@/server/auth/tokens";
import { scheduleOutboxDelivery } from "@/server/notifications/mailer";
import { countWrite } from "@/server/security/write-limit-service";
import { windowStart } from "@/server/security/write-limits";
import {
  describeBrowser,
  minutesLeft,
  nameProblem,
  PASSWORD_CHECK_LIMIT,
  passwordCheckKey,
  sessionStands,
} from "./account-rules";
import { mailTime, portalLink, queueIdentityMail } from "./mail";
import { passwordRefusal } from "./password-refusal";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Who is acting on their own account, from the request. */
export type Self = { userId: number; sessionId: string | null; ip: string | null; now: Date };

export type Profile = { name: string; email: string; locale: Locale | null; timeZone: string };

export function loadUser(db: Db | Tx, userId: number) {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw notFound("The account");
  return user;
}

/** Changes the name, language and time zone of one's own account. */
export function updateProfile(db: Db, self: Self, input: { name: string; locale: Locale; timeZone: string }): Profile {
  const name = input.name.trim();
  refuseIf(nameProblem(name));
  return db.transaction(
    (tx) => {
      const before = loadUser(tx, self.userId);
      tx.update(users)
        .set({ name, locale: input.locale, timeZone: input.timeZone })
        .where(eq(users.id, before.id))
        .run();
      recordAudit(tx, {
        actorId: before.id,
        action: "profile_updated",
        entity: "user",
        entityId: String(before.id),
        detail: {
          before: { name: before.name, locale: before.locale, timeZone: before.timeZone },
          after: { name, locale: input.locale, timeZone: input.timeZone },
        },
        at: self.now,
        ip: self.ip,
      });
      return { name, email: before.email, locale: input.locale, timeZone: input.timeZone };
    },
    { behavior: "immediate" },
  );
}

/**
 * Counts one check of the current password against the user's limit, before the check, in one
 * IMMEDIATE transaction, so parallel guesses cannot all pass. Refuses once the limit is reached.
 */
function reservePasswordCheck(db: Db, userId: number, now: Date): void {
  const start = windowStart(now, PASSWORD_CHECK_LIMIT.windowMs);
  const count = db.transaction((tx) => countWrite(tx, passwordCheckKey(userId), start), { behavior: "immediate" });
  if (count > PASSWORD_CHECK_LIMIT.limit) {
    const minutes = minutesLeft(start, PASSWORD_CHECK_LIMIT.windowMs, now);
    throw new DomainError(
      "TOO_MANY_REQUESTS",
      `Too many wrong passwords. Try again in ${minutes} minutes.`,
      "errors.account.passwordThrottled",
      { minutes },
    );
  }
}

/**
 * Checks the current password a person typed to confirm a change of their own account (wrong ones
 * are limited to PASSWORD_CHECK_LIMIT per user, counted before the check); a wrong one is audited
 * under `failedAction` and refused.
 */
export async function checkCurrentPassword(
  db: Db,
  self: Self,
  user: { id: number; passwordHash: string },
  currentPassword: string,
  failedAction: string,
): Promise<void> {
  reservePasswordCheck(db, user.id, self.now);
  if (await verifyPassword(currentPassword, user.passwordHash)) return;
  recordAudit(db, {
    actorId: user.id,
    action: failedAction,
    entity: "user",
    entityId: String(user.id),
    detail: { reason: "wrong_current_password" },
    at: self.now,
    ip: self.ip,
  });
  throw new DomainError("INVALID", "Your current password is not correct.", "errors.account.currentPasswordWrong");
}

/**
 * Changes one's own password: the current password must be right (wrong ones are limited to
 * PASSWORD_CHECK_LIMIT), the new one must pass the policy. On success, in one transaction: the new
 * hash, every other session of the user signed out (this one stays), unused reset links voided,
 * the "password changed" email queued in the user's language, and an audit entry.
 * Returns how many other sessions were signed out.
 */
export async function changePassword(
  db: Db,
  self: Self,
  input: { currentPassword: string; newPassword: string },
): Promise<{ otherSessionsEnded: number }> {
  const user = loadUser(db, self.userId);
  const problem = passwordProblem(input.newPassword, { email: user.email, name: user.name });
  if (problem) refuseIf(passwordRefusal(problem));
  await checkCurrentPassword(db, self, user, input.currentPassword, "password_change_failed");
  const passwordHash = await hashPassword(input.newPassword);
  const ended = db.transaction(
    (tx) => {
      // Changed meanwhile (another tab, a reset): the check above was against an old password.
      const changed = tx
        .update(users)
        .set({ passwordHash })
        .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)))
        .run().changes;
      if (changed !== 1)
        throw new DomainError(
          "CONFLICT",
          "Your password was changed meanwhile. Please try again.",
          "errors.account.passwordRaced",
        );
      tx.delete(rateCounters)
        .where(eq(rateCounters.key, passwordCheckKey(user.id)))
        .run();
      const otherSessionsEnded = endOtherSessions(tx, self);
      voidResetLinks(tx, user.id, self.now);
      queueIdentityMail(
        tx,
        user.email,
        "passwordChanged",
        user.locale,
        {
          name: user.name,
          email: user.email,
          at: mailTime(self.now, user.locale, user.timeZone),
          link: portalLink("/signin/forgot"),
        },
        self.now,
      );
      recordAudit(tx, {
        actorId: user.id,
        action: "password_changed",
        entity: "user",
        entityId: String(user.id),
        detail: { otherSessionsEnded },
        at: self.now,
        ip: self.ip,
      });
      return otherSessionsEnded;
    },
    { behavior: "immediate" },
  );
  scheduleOutboxDelivery(db, () => new Date());
  return { otherSessionsEnded: ended };
}

/** Signs out every session of the user but the current one (all of them when it is unknown). */
export function endOtherSessions(tx: Tx, self: Self): number {
  return tx
    .update(sessions)
    .set({ revokedAt: self.now })
    .where(
      and(
        eq(sessions.userId, self.userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, self.now),
        self.sessionId ? ne(sessions.id, self.sessionId) : undefined,
      ),
    )
    .run().changes;
}

/** Ends every reset link of a user not yet used (they were for the old password). */
export function voidResetLinks(tx: Db | Tx, userId: number, now: Date): void {
  tx.update(passwordResets)
    .set({ expiresAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .run();
}

/**
 * How a session is named to its user and in requests: a hash of its id, so the id itself (which
 * the session cookie carries) never reaches a page.
 */
export function sessionRef(sessionId: string): string {
  return hashToken(sessionId).slice(0, 32);
}

export type SessionListItem = {
  ref: string;
  startedAt: Date;
  expiresAt: Date;
  browser: string | null;
  os: string | null;
  ip: string | null;
  method: "password" | "sso";
  current: boolean;
};

/** The user's sessions that stand (neither signed out nor expired), this one first, then newest first. */
export function listSessions(db: Db, self: Self): SessionListItem[] {
  const rows = db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, self.userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, self.now)))
    .orderBy(sql`${sessions.createdAt} desc`)
    .all();
  return rows
    .map((r) => ({
      ref: sessionRef(r.id),
      startedAt: r.createdAt,
      expiresAt: r.expiresAt,
      ...describeBrowser(r.userAgent),
      ip: r.ip,
      method: r.method,
      current: r.id === self.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Signs out one of the user's own sessions, named by its reference; another user's is "not found". */
export function revokeSession(db: Db, self: Self, ref: string): { current: boolean } {
  return db.transaction(
    (tx) => {
      const target = tx
        .select()
        .from(sessions)
        .where(eq(sessions.userId, self.userId))
        .all()
        .find((r) => sessionStands(r, self.now) && sessionRef(r.id) === ref);
      if (!target)
        throw new DomainError("NOT_FOUND", "This session has already ended.", "errors.account.sessionNotFound");
      endSession(tx, target.id, self.now);
      recordAudit(tx, {
        actorId: self.userId,
        action: "session_revoked",
        entity: "user",
        entityId: String(self.userId),
        detail: { session: ref, startedAt: target.createdAt.toISOString(), ip: target.ip },
        at: self.now,
        ip: self.ip,
      });
      return { current: target.id === self.sessionId };
    },
    { behavior: "immediate" },
  );
}

/** Signs out every other session of the user (all of them when this one is unknown); returns how many. */
export function revokeOtherSessions(db: Db, self: Self): { ended: number } {
  return db.transaction(
    (tx) => {
      const ended = endOtherSessions(tx, self);
      recordAudit(tx, {
        actorId: self.userId,
        action: "sessions_revoked",
        entity: "user",
        entityId: String(self.userId),
        detail: { ended, keptCurrent: self.sessionId !== null },
        at: self.now,
        ip: self.ip,
      });
      return { ended };
    },
    { behavior: "immediate" },
  );
}
