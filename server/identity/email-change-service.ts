/**
 * Changing the address one signs in with. A person with a password account asks for a new address
 * with their current password; a single-use link (a day; only its hash is kept; earlier unused
 * links die) goes to the new address in their language, and only following it changes the
 * address. An administrator may correct someone's address directly (server/people/service.ts).
 * Either way the old address is told, reset and address links sent before die, and the same
 * refusals apply: an address someone already uses, and one whose domain signs in through single
 * sign-on (the identity provider gives those people their address).
 */
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { emailChanges, users } from "@/db/schema";
import { recordAudit } from "@/server/audit/service";
import { revokeUserSessions } from "@/server/auth/sessions";
import { hashToken, newToken, parseToken } from "@/server/auth/tokens";
import type { Db } from "@/server/db";
import { DomainError, refuseIf } from "@/server/errors";
import { scheduleOutboxDelivery } from "@/server/notifications/mailer";
import { allowWrite, countWrite } from "@/server/security/write-limit-service";
import { windowStart } from "@/server/security/write-limits";
import {
  EMAIL_CHANGE_TTL_MS,
  EMAIL_CHANGES_PER_ACCOUNT,
  emailChangeKey,
  linkUsable,
  minutesLeft,
  type Refusal,
} from "./account-rules";
import { checkCurrentPassword, endOtherSessions, loadUser, voidResetLinks, type Self } from "./account-service";
import { mailTime, portalLink, queueIdentityMail } from "./mail";
import { emailDomain } from "./sso";
import { isStaffSsoEmail, providerForEmail, staffProviderFromEnv } from "./sso-lookup";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type UserRow = typeof users.$inferSelect;

/** Whether an address's domain signs in through single sign-on (an organization's provider or the staff one). */
export function ssoBoundAddress(db: Db | Tx, email: string): boolean {
  return providerForEmail(db as Db, email) !== null || isStaffSsoEmail(staffProviderFromEnv(), email);
}

/**
 * What stands in the way of `email` becoming the sign-in address of user `userId`, or null: it is
 * their address already, someone else signs in with it, or its domain signs in through single
 * sign-on. `whose` picks the wording: the person's own ("your address") or an administrator's.
 */
export function newAddressRefusal(
  db: Db | Tx,
  user: { id: number; email: string },
  email: string,
  whose: "own" | "other",
): Refusal | null {
  if (email === user.email.toLowerCase())
    return whose === "own"
      ? { message: "That is already your address. Enter the new one.", messageKey: "errors.account.emailSame" }
      : { message: "That is already their address. Enter the new one.", messageKey: "errors.people.emailSame" };
  const taken = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email), ne(users.id, user.id)))
    .get();
  if (taken)
    return {
      message: "Someone already signs in with that address. Enter another one.",
      messageKey: "errors.account.emailTaken",
    };
  if (ssoBoundAddress(db, email))
    return {
      message: `Addresses at ${emailDomain(email)} sign in through single sign-on, which sets them. Enter an address at another domain.`,
      messageKey: "errors.account.emailSso",
      values: { domain: emailDomain(email) ?? "" },
    };
  return null;
}

/** The refusal for a person whose address their identity provider keeps. */
export function ssoAccountRefusal(whose: "own" | "other"): Refusal {
  return whose === "own"
    ? {
        message:
          "You sign in through single sign-on: your identity provider sets your address. Ask your administrator.",
        messageKey: "errors.account.emailManagedBySso",
      }
    : {
        message: "This person signs in through single sign-on: their identity provider sets their address.",
        messageKey: "errors.people.emailManagedBySso",
      };
}

/** Ends every address change link of a user not yet used. */
function voidEmailChangeLinks(tx: Db | Tx, userId: number, now: Date): void {
  tx.update(emailChanges)
    .set({ expiresAt: now })
    .where(and(eq(emailChanges.userId, userId), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now)))
    .run();
}

/**
 * Makes `newEmail` the user's sign-in address inside the caller's transaction: the row, links sent
 * before (reset and address change) voided, the notice to the old address in the user's language,
 * and the audit entry. The caller has checked `newAddressRefusal` in this same transaction.
 */
export function applyEmailChange(
  tx: Tx,
  user: UserRow,
  newEmail: string,
  by: { actorId: number; action: "email_changed" | "user_email_corrected"; sessionsEnded: number },
  now: Date,
  ip: string | null,
): void {
  tx.update(users).set({ email: newEmail }).where(eq(users.id, user.id)).run();
  voidResetLinks(tx, user.id, now);
  voidEmailChangeLinks(tx, user.id, now);
  queueIdentityMail(
    tx,
    user.email,
    "emailChanged",
    user.locale,
    {
      name: user.name,
      email: user.email,
      newEmail,
      at: mailTime(now, user.locale, user.timeZone),
      byAdmin: by.action === "user_email_corrected" ? "yes" : "no",
    },
    now,
  );
  recordAudit(tx, {
    actorId: by.actorId,
    action: by.action,
    entity: "user",
    entityId: String(user.id),
    detail: { before: { email: user.email }, after: { email: newEmail }, sessionsEnded: by.sessionsEnded },
    at: now,
    ip,
  });
}

/** Where the account page stands: whether the address can be changed here, and a change awaiting confirmation. */
export function emailChangeStatus(
  db: Db,
  self: Self,
): { managedBySso: boolean; pending: { email: string; expiresAt: Date } | null } {
  const user = loadUser(db, self.userId);
  const pending = db
    .select({ email: emailChanges.newEmail, expiresAt: emailChanges.expiresAt })
    .from(emailChanges)
    .where(and(eq(emailChanges.userId, user.id), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, self.now)))
    .orderBy(sql`${emailChanges.createdAt} desc`)
    .get();
  return { managedBySso: ssoBoundAddress(db, user.email), pending: pending ?? null };
}

/**
 * Asks to change one's own sign-in address: refused for people whose address single sign-on
 * keeps, after a wrong current password (throttled like a password change), past
 * EMAIL_CHANGES_PER_ACCOUNT requests an hour, and for a taken or single sign-on address (checked
 * after the password and the count, so nobody tries addresses faster than that). Otherwise, in one
 * transaction: earlier unused links voided, the new link's hash stored, the confirmation mail
 * to the new address queued in the person's language, an audit entry. Nothing changes yet.
 */
export async function requestEmailChange(
  db: Db,
  self: Self,
  input: { newEmail: string; currentPassword: string },
): Promise<{ email: string; expiresAt: Date }> {
  const email = input.newEmail.trim().toLowerCase();
  const user = loadUser(db, self.userId);
  if (ssoBoundAddress(db, user.email)) refuseIf(ssoAccountRefusal("own"), "FORBIDDEN");
  await checkCurrentPassword(db, self, user, input.currentPassword, "email_change_failed");
  const { token, hash } = newToken();
  const expiresAt = new Date(self.now.getTime() + EMAIL_CHANGE_TTL_MS);
  const start = windowStart(self.now, EMAIL_CHANGES_PER_ACCOUNT.windowMs);
  const outcome = db.transaction(
    (tx): { throttled: true } | { refused: Refusal } | null => {
      // Every request is counted, refused ones too (so nobody tries addresses for who has an
      // account faster than the limit); a refusal is returned, since a throw would undo the count.
      if (countWrite(tx, emailChangeKey(user.id), start) > EMAIL_CHANGES_PER_ACCOUNT.limit) return { throttled: true };
      const refused = newAddressRefusal(tx, user, email, "own");
      if (refused) return { refused };
      voidEmailChangeLinks(tx, user.id, self.now);
      tx.insert(emailChanges)
        .values({ tokenHash: hash, userId: user.id, newEmail: email, createdAt: self.now, expiresAt })
        .run();
      queueIdentityMail(
        tx,
        email,
        "emailChangeConfirm",
        user.locale,
        {
          name: user.name,
          email: user.email,
          newEmail: email,
          expires: mailTime(expiresAt, user.locale, user.timeZone),
          link: portalLink(`/signin/email/${token}`),
        },
        self.now,
      );
      recordAudit(tx, {
        actorId: user.id,
        action: "email_change_requested",
        entity: "user",
        entityId: String(user.id),
        detail: { before: { email: user.email }, after: { email } },
        at: self.now,
        ip: self.ip,
      });
      return null;
    },
    { behavior: "immediate" },
  );
  if (outcome && "refused" in outcome) refuseIf(outcome.refused, "CONFLICT");
  if (outcome) {
    const minutes = minutesLeft(start, EMAIL_CHANGES_PER_ACCOUNT.windowMs, self.now);
    throw new DomainError(
      "TOO_MANY_REQUESTS",
      `You asked for several address changes this hour. Try again in ${minutes} minutes.`,
      "errors.account.emailChangeThrottled",
      { minutes },
    );
  }
  scheduleOutboxDelivery(db, () => new Date());
  return { email, expiresAt };
}

/** The change a link names and its account, when the link may still be used. */
function usableChange(tx: Db | Tx, rawToken: unknown, now: Date) {
  const token = parseToken(rawToken);
  if (!token) return null;
  const change = tx
    .select()
    .from(emailChanges)
    .where(eq(emailChanges.tokenHash, hashToken(token)))
    .get();
  if (!change || !linkUsable(change, now)) return null;
  const user = tx.select().from(users).where(eq(users.id, change.userId)).get();
  if (!user || !user.active) return null;
  return { change, user };
}

/** Whether an address change link may still be used, and the address it makes the sign-in (the page shows it). */
export function checkEmailChange(db: Db, token: string, now: Date): { valid: boolean; email: string | null } {
  const found = usableChange(db, token, now);
  return { valid: found !== null, email: found?.change.newEmail ?? null };
}

function linkInvalid(): DomainError {
  return new DomainError(
    "NOT_FOUND",
    "This link has expired or was already used. Ask for the change again on your account page.",
    "errors.account.emailLinkInvalid",
  );
}

/**
 * Confirms an address change through its link (anyone holding the link: it reached the new
 * mailbox). The link must be usable and the address still free and not bound to single sign-on.
 * In one transaction: the link used (a second use finds it used), the address changed, links sent
 * before voided, the notice to the old address queued, every session of the account ended but the
 * one confirming (when it is the account's own), and an audit entry. Counts against the anonymous
 * identity limits per client address. Returns the new address (to sign in with) and whether the
 * confirming session stays signed in.
 */
export function confirmEmailChange(
  db: Db,
  req: { token: string; userId: number | null; sessionId: string | null; ip: string | null; now: Date },
): { email: string; signedIn: boolean } {
  if (!db.transaction((tx) => allowWrite(tx, "identity", { userId: req.userId, ip: req.ip }, req.now)))
    throw new DomainError(
      "TOO_MANY_REQUESTS",
      "Too many attempts from your network. Try again in an hour.",
      "errors.tooManyAttempts",
    );
  const done = db.transaction(
    (tx) => {
      const found = usableChange(tx, req.token, req.now);
      if (!found) throw linkInvalid();
      const { change, user } = found;
      if (ssoBoundAddress(tx, user.email)) refuseIf(ssoAccountRefusal("own"), "FORBIDDEN");
      refuseIf(newAddressRefusal(tx, user, change.newEmail, "own"), "CONFLICT");
      tx.update(emailChanges).set({ usedAt: req.now }).where(eq(emailChanges.id, change.id)).run();
      const own = req.userId === user.id && req.sessionId !== null;
      const sessionsEnded = own
        ? endOtherSessions(tx, { userId: user.id, sessionId: req.sessionId, ip: req.ip, now: req.now })
        : revokeUserSessions(tx, user.id, req.now);
      applyEmailChange(
        tx,
        user,
        change.newEmail,
        { actorId: user.id, action: "email_changed", sessionsEnded },
        req.now,
        req.ip,
      );
      return { email: change.newEmail, signedIn: own };
    },
    { behavior: "immediate" },
  );
  scheduleOutboxDelivery(db, () => new Date());
  return done;
}
