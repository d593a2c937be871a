/**
 * "Forgot password" (issue #16): a visitor asks for a link for an address and always gets the same
 * answer, in about the same time, whether or not an account has that address; an active account
 * gets a single-use link for an hour (only its hash is kept; earlier unused links die) in its
 * owner's language. Following the link sets a new password under the policy, uses the link up and
 * signs the account out everywhere. Both steps count against the anonymous identity limits per
 * client address; mails per address are limited on top.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { organizations, passwordResets, users } from "@/db/schema";
import { recordAudit } from "@/server/audit/service";
import { hashPassword } from "@/server/auth/password";
import { passwordProblem } from "@/server/auth/password-policy";
import { revokeUserSessions } from "@/server/auth/sessions";
import { hashToken, newToken, parseToken } from "@/server/auth/tokens";
import type { Db } from "@/server/db";
import { DomainError, refuseIf } from "@/server/errors";
import { scheduleOutboxDelivery } from "@/server/notifications/mailer";
import { allowWrite, countWrite } from "@/server/security/write-limit-service";
import { windowStart } from "@/server/security/write-limits";
import { RESET_MAILS_PER_ACCOUNT, RESET_TTL_MS, resetMailKey, linkUsable } from "./account-rules";
import { voidResetLinks } from "./account-service";
import { mailTime, portalLink, queueIdentityMail } from "./mail";
import { passwordRefusal } from "./password-refusal";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The least time a reset request takes, so its answer does not tell by its speed whether the account exists. */
export const RESET_ANSWER_MS = 300;

export type ResetRequest = {
  email: string;
  ip: string | null;
  now: Date;
  /** In production, customers of an organization that requires single sign-on have no password to reset. */
  mode: "demo" | "production";
  /** Tests may shorten the padding; the router uses RESET_ANSWER_MS. */
  answerMs?: number;
};

function throttled(): DomainError {
  return new DomainError(
    "TOO_MANY_REQUESTS",
    "Too many attempts from your network. Try again in an hour.",
    "errors.tooManyAttempts",
  );
}

/** The account a reset may be for: active, and not one that signs in only through single sign-on. */
function resettableUser(tx: Db | Tx, email: string, mode: ResetRequest["mode"]) {
  const row = tx
    .select({ user: users, ssoRequired: organizations.ssoRequired })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(sql`lower(${users.email})`, email))
    .get();
  if (!row || !row.user.active) return null;
  if (mode === "production" && row.user.role === "customer" && row.ssoRequired) return null;
  return row.user;
}

/**
 * Asks for a reset link. Always answers the same (nothing, after at least RESET_ANSWER_MS) for
 * an address with or without an account; refuses only when the client address has used up its
 * anonymous identity requests (which says nothing about any account). Returns whether a link was
 * sent, for tests; the router does not pass it on.
 */
export async function requestPasswordReset(db: Db, req: ResetRequest): Promise<{ sent: boolean }> {
  const started = performance.now();
  const email = req.email.trim().toLowerCase();
  const { token, hash } = newToken();
  const sent = db.transaction(
    (tx) => {
      if (!allowWrite(tx, "identity", { userId: null, ip: req.ip }, req.now)) throw throttled();
      const user = resettableUser(tx, email, req.mode);
      // At most a few mails an hour to one address: more requests answer the same and send nothing.
      const mailsThisHour = user
        ? countWrite(tx, resetMailKey(hashToken(email)), windowStart(req.now, RESET_MAILS_PER_ACCOUNT.windowMs))
        : 0;
      const send = user !== null && mailsThisHour <= RESET_MAILS_PER_ACCOUNT.limit;
      recordAudit(tx, {
        actorId: null,
        action: "password_reset_requested",
        entity: "user",
        entityId: user ? String(user.id) : null,
        detail: { email, sent: send },
        at: req.now,
        ip: req.ip,
      });
      if (!user || !send) return false;
      voidResetLinks(tx, user.id, req.now);
      const expiresAt = new Date(req.now.getTime() + RESET_TTL_MS);
      tx.insert(passwordResets).values({ tokenHash: hash, userId: user.id, createdAt: req.now, expiresAt }).run();
      queueIdentityMail(
        tx,
        user.email,
        "passwordReset",
        user.locale,
        {
          name: user.name,
          email: user.email,
          expires: mailTime(expiresAt, user.locale, user.timeZone),
          link: portalLink(`/signin/reset/${token}`),
        },
        req.now,
      );
      return true;
    },
    { behavior: "immediate" },
  );
  if (sent) scheduleOutboxDelivery(db, () => new Date());
  const wait = (req.answerMs ?? RESET_ANSWER_MS) - (performance.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return { sent };
}

/** The reset row and account a link names, when the link may still be used. */
function usableReset(tx: Db | Tx, rawToken: unknown, now: Date, mode: ResetRequest["mode"]) {
  const token = parseToken(rawToken);
  if (!token) return null;
  const reset = tx
    .select()
    .from(passwordResets)
    .where(eq(passwordResets.tokenHash, hashToken(token)))
    .get();
  if (!reset || !linkUsable(reset, now)) return null;
  const user = tx.select().from(users).where(eq(users.id, reset.userId)).get();
  if (!user || resettableUser(tx, user.email.toLowerCase(), mode)?.id !== user.id) return null;
  return { reset, user };
}

/** Whether a reset link may still be used, and for which address (the form shows it). */
export function checkResetToken(
  db: Db,
  token: string,
  now: Date,
  mode: ResetRequest["mode"],
): { valid: boolean; email: string | null } {
  const found = usableReset(db, token, now, mode);
  return { valid: found !== null, email: found?.user.email ?? null };
}

function linkInvalid(): DomainError {
  return new DomainError("NOT_FOUND", "This link has expired or was already used.", "errors.account.resetLinkInvalid");
}

/**
 * Sets a new password through a reset link: the link must be usable, the password must pass the
 * policy. In one transaction: the new hash, the link used (a second use finds it used, even in
 * parallel), other unused links voided, every session of the account ended, the "password
 * changed" email queued and an audit entry. Returns the account's address (to sign in with).
 */
export async function completePasswordReset(
  db: Db,
  req: { token: string; password: string; ip: string | null; now: Date; mode: ResetRequest["mode"] },
): Promise<{ email: string }> {
  if (!db.transaction((tx) => allowWrite(tx, "identity", { userId: null, ip: req.ip }, req.now))) throw throttled();
  const found = usableReset(db, req.token, req.now, req.mode);
  if (!found) throw linkInvalid();
  const { reset, user } = found;
  const problem = passwordProblem(req.password, { email: user.email, name: user.name });
  if (problem) refuseIf(passwordRefusal(problem));
  const passwordHash = await hashPassword(req.password);
  db.transaction(
    (tx) => {
      const used = tx
        .update(passwordResets)
        .set({ usedAt: req.now })
        .where(and(eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt)))
        .run().changes;
      if (used !== 1) throw linkInvalid();
      tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
      voidResetLinks(tx, user.id, req.now);
      const sessionsEnded = revokeUserSessions(tx, user.id, req.now);
      queueIdentityMail(
        tx,
        user.email,
        "passwordChanged",
        user.locale,
        {
          name: user.name,
          email: user.email,
          at: mailTime(req.now, user.locale, user.timeZone),
          link: portalLink("/signin/forgot"),
        },
        req.now,
      );
      recordAudit(tx, {
        actorId: user.id,
        action: "password_reset",
        entity: "user",
        entityId: String(user.id),
        detail: { sessionsEnded },
        at: req.now,
        ip: req.ip,
      });
    },
    { behavior: "immediate" },
  );
  scheduleOutboxDelivery(db, () => new Date());
  return { email: user.email };
}
