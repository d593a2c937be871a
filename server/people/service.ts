/**
 * People administration: invitations (single use, expiring, sent by email), accepting them,
 * deactivating and reactivating accounts, staff roles and customer administrators. Each write is
 * one IMMEDIATE transaction that also writes its audit entry (actor, target, before/after) and
 * queues its email; delivery starts after commit. The rules are people/rules.ts's.
 */
import { and, asc, count, desc, eq, isNull, like, or, sql } from "drizzle-orm";
import { invitations, organizations, users } from "@/db/schema";
import type { Locale, Role } from "@/db/schema/enums";
import { recordAudit } from "@/server/audit/service";
import { hashPassword } from "@/server/auth/password";
import { passwordProblem } from "@/server/auth/password-policy";
import { revokeUserSessions } from "@/server/auth/sessions";
import { hashToken, newToken } from "@/server/auth/tokens";
import type { Db } from "@/server/db";
import { DomainError, notFound, refuseIf } from "@/server/errors";
import {
  applyEmailChange,
  newAddressRefusal,
  ssoAccountRefusal,
  ssoBoundAddress,
} from "@/server/identity/email-change-service";
import { mailTime, portalLink, queueIdentityMail, roleLabel } from "@/server/identity/mail";
import { providerForEmail } from "@/server/identity/sso-lookup";
import { scheduleOutboxDelivery } from "@/server/notifications/mailer";
import {
  administerRefusal,
  deactivateRefusal,
  emailCorrectionRefusal,
  invitationState,
  INVITATION_TTL_DAYS,
  roleChangeRefusal,
  type Actor,
} from "./rules";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
const DAY = 86_400_000;
const STAFF_ORGANIZATION_NAME = "Attain";

function afterCommit(db: Db): void {
  scheduleOutboxDelivery(db, () => new Date());
}

function activeAdmins(tx: Tx): number {
  return tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true)))
    .get()!.n;
}

function emailTaken(tx: Tx | Db, email: string): boolean {
  return !!tx
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .get();
}

function organizationName(tx: Tx, organizationId: number | null): string {
  if (organizationId === null) return STAFF_ORGANIZATION_NAME;
  const org = tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .get();
  if (!org) throw notFound("Organization");
  return org.name;
}

export type InviteInput = {
  email: string;
  name: string;
  role: Role;
  organizationId: number | null;
  orgAdmin: boolean;
  locale: Locale;
};

/** Writes an invitation and queues its email; the token only ever travels in that email. */
function writeInvitation(tx: Tx, actor: Actor & { name: string }, input: InviteInput, now: Date) {
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * DAY);
  const row = tx
    .insert(invitations)
    .values({
      tokenHash: hash,
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
      organizationId: input.organizationId,
      orgAdmin: input.role === "customer" && input.orgAdmin,
      invitedById: actor.id,
      createdAt: now,
      expiresAt,
    })
    .returning({ id: invitations.id })
    .get();
  queueIdentityMail(
    tx,
    input.email,
    "invitation",
    input.locale,
    {
      name: input.name,
      inviter: actor.name,
      organization: organizationName(tx, input.organizationId),
      staff: input.organizationId === null ? "yes" : "no",
      role: roleLabel(input.locale, input.role === "customer" && input.orgAdmin ? "customer_admin" : input.role),
      expires: mailTime(expiresAt, input.locale, "UTC"),
      link: portalLink(`/invite/${token}`),
    },
    now,
  );
  return { id: row.id, expiresAt };
}

/** Invites a person: staff (admins only) or a customer of an organization (admins, account managers, its customer administrator). */
export function invite(
  db: Db,
  actor: Actor & { name: string },
  input: InviteInput,
  now: Date,
  ip: string | null,
): { id: number; expiresAt: Date } {
  refuseIf(administerRefusal(actor, input), "FORBIDDEN");
  const result = db.transaction(
    (tx) => {
      if (input.organizationId !== null) organizationName(tx, input.organizationId);
      if (emailTaken(tx, input.email))
        throw new DomainError("CONFLICT", "Someone already uses that email address.", "errors.people.emailTaken");
      const pending = tx
        .select({
          id: invitations.id,
          acceptedAt: invitations.acceptedAt,
          revokedAt: invitations.revokedAt,
          expiresAt: invitations.expiresAt,
        })
        .from(invitations)
        .where(eq(invitations.email, input.email.toLowerCase()))
        .all()
        .some((i) => invitationState(i, now) === "pending");
      if (pending)
        throw new DomainError(
          "CONFLICT",
          "An invitation to that address is already pending; resend it instead.",
          "errors.people.invitationPending",
        );
      const written = writeInvitation(tx, actor, input, now);
      recordAudit(tx, {
        actorId: actor.id,
        action: "invitation_sent",
        entity: "invitation",
        entityId: String(written.id),
        detail: {
          after: {
            email: input.email.toLowerCase(),
            name: input.name,
            role: input.role,
            organizationId: input.organizationId,
            orgAdmin: input.orgAdmin,
          },
        },
        at: now,
        ip,
      });
      return written;
    },
    { behavior: "immediate" },
  );
  afterCommit(db);
  return result;
}

function loadInvitation(tx: Tx, id: number) {
  const inv = tx.select().from(invitations).where(eq(invitations.id, id)).get();
  if (!inv) throw notFound("Invitation");
  return inv;
}

/** Sends a pending or expired invitation again with a new link (the old link stops working). */
export function resendInvitation(
  db: Db,
  actor: Actor & { name: string },
  id: number,
  locale: Locale,
  now: Date,
  ip: string | null,
): { id: number; expiresAt: Date } {
  const result = db.transaction(
    (tx) => {
      const inv = loadInvitation(tx, id);
      refuseIf(administerRefusal(actor, inv), "FORBIDDEN");
      const state = invitationState(inv, now);
      if (state === "accepted" || state === "revoked")
        throw new DomainError(
          "CONFLICT",
          "This invitation was already used or withdrawn.",
          "errors.people.invitationClosed",
        );
      if (emailTaken(tx, inv.email))
        throw new DomainError("CONFLICT", "Someone already uses that email address.", "errors.people.emailTaken");
      tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, id)).run();
      const written = writeInvitation(tx, actor, { ...inv, locale }, now);
      recordAudit(tx, {
        actorId: actor.id,
        action: "invitation_resent",
        entity: "invitation",
        entityId: String(written.id),
        detail: {
          before: { invitationId: id, expiresAt: inv.expiresAt.toISOString() },
          after: { expiresAt: written.expiresAt.toISOString() },
          email: inv.email,
        },
        at: now,
        ip,
      });
      return written;
    },
    { behavior: "immediate" },
  );
  afterCommit(db);
  return result;
}

/** Withdraws a pending invitation: its link stops working. */
export function revokeInvitation(db: Db, actor: Actor, id: number, now: Date, ip: string | null): void {
  db.transaction(
    (tx) => {
      const inv = loadInvitation(tx, id);
      refuseIf(administerRefusal(actor, inv), "FORBIDDEN");
      if (invitationState(inv, now) !== "pending" && invitationState(inv, now) !== "expired")
        throw new DomainError(
          "CONFLICT",
          "This invitation was already used or withdrawn.",
          "errors.people.invitationClosed",
        );
      tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, id)).run();
      recordAudit(tx, {
        actorId: actor.id,
        action: "invitation_revoked",
        entity: "invitation",
        entityId: String(id),
        detail: { email: inv.email, before: { state: invitationState(inv, now) }, after: { state: "revoked" } },
        at: now,
        ip,
      });
    },
    { behavior: "immediate" },
  );
}

export type InvitationPreview =
  | {
      state: "pending";
      email: string;
      name: string;
      role: Role;
      orgAdmin: boolean;
      organizationName: string;
      expiresAt: Date;
      /** The organization's identity provider signs this address in: offered beside a password, or required. */
      sso: "offered" | "required" | null;
    }
  | { state: "accepted" | "revoked" | "expired" | "unknown" };

/** What the invitation page shows for a link: who is invited to what, or why the link no longer works. */
export function previewInvitation(db: Db, token: string, now: Date): InvitationPreview {
  const inv = db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)))
    .get();
  if (!inv) return { state: "unknown" };
  const state = invitationState(inv, now);
  if (state !== "pending") return { state };
  const organization =
    inv.organizationId === null
      ? STAFF_ORGANIZATION_NAME
      : (db
          .select({ name: organizations.name })
          .from(organizations)
          .where(eq(organizations.id, inv.organizationId))
          .get()?.name ?? "");
  return {
    state,
    email: inv.email,
    name: inv.name,
    role: inv.role,
    orgAdmin: inv.orgAdmin,
    organizationName: organization,
    expiresAt: inv.expiresAt,
    sso: invitationSso(db, inv),
  };
}

/** Whether the invited customer's organization signs this address in through its identity provider. */
function invitationSso(db: Db, inv: { email: string; role: Role; organizationId: number | null }) {
  if (inv.role !== "customer" || inv.organizationId === null) return null;
  const found = providerForEmail(db, inv.email);
  if (!found || found.provider.organizationId !== inv.organizationId) return null;
  return found.ssoRequired ? "required" : "offered";
}

/**
 * Accepts an invitation: creates the account with the chosen name and password and spends the
 * link, in one IMMEDIATE transaction (a second use finds it accepted). The password must meet the
 * policy; nothing is written otherwise.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; name: string; password: string; locale: Locale; timeZone: string },
  now: Date,
  ip: string | null,
): Promise<{ userId: number; email: string }> {
  const preview = previewInvitation(db, input.token, now);
  if (preview.state !== "pending") throw invitationUnusable(preview.state);
  // A password would never sign them in: the first single sign-on spends the invitation instead.
  if (preview.sso === "required")
    throw new DomainError("CONFLICT", "Your organization signs in with single sign-on only.", "sso.signin.required");
  const problem = passwordProblem(input.password, { email: preview.email, name: input.name });
  if (problem) throw new DomainError("INVALID", "The password does not meet the rules.", `errors.password.${problem}`);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(
    (tx) => {
      const inv = tx
        .select()
        .from(invitations)
        .where(eq(invitations.tokenHash, hashToken(input.token)))
        .get();
      const state = inv ? invitationState(inv, now) : "unknown";
      if (!inv || state !== "pending") throw invitationUnusable(state);
      if (emailTaken(tx, inv.email))
        throw new DomainError("CONFLICT", "Someone already uses that email address.", "errors.people.emailTaken");
      const org = inv.organizationId
        ? tx
            .select({ timeZone: organizations.timeZone })
            .from(organizations)
            .where(eq(organizations.id, inv.organizationId))
            .get()
        : undefined;
      const user = tx
        .insert(users)
        .values({
          email: inv.email,
          name: input.name,
          passwordHash,
          role: inv.role,
          organizationId: inv.organizationId,
          orgAdmin: inv.orgAdmin,
          locale: input.locale,
          timeZone: input.timeZone || org?.timeZone || "UTC",
          createdAt: now,
        })
        .returning({ id: users.id })
        .get();
      tx.update(invitations).set({ acceptedAt: now, acceptedUserId: user.id }).where(eq(invitations.id, inv.id)).run();
      recordAudit(tx, {
        actorId: user.id,
        action: "invitation_accepted",
        entity: "user",
        entityId: String(user.id),
        detail: {
          invitationId: inv.id,
          invitedById: inv.invitedById,
          after: {
            email: inv.email,
            name: input.name,
            role: inv.role,
            organizationId: inv.organizationId,
            orgAdmin: inv.orgAdmin,
          },
        },
        at: now,
        ip,
      });
      return { userId: user.id, email: inv.email };
    },
    { behavior: "immediate" },
  );
}

/**
 * An account was made without its invitation (just in time, by single sign-on): the address's
 * pending invitation to that organization is spent by it, so its customer administrator flag
 * applies and admins no longer see it open; any other pending invitation of the address is
 * withdrawn, since a taken address can never accept it. Returns the spent invitation, if any.
 */
export function settleInvitationsOnJoin(
  tx: Tx,
  user: { id: number; email: string; organizationId: number | null },
  now: Date,
): { id: number; orgAdmin: boolean } | null {
  const pending = tx
    .select()
    .from(invitations)
    .where(eq(invitations.email, user.email.toLowerCase()))
    .all()
    .filter((inv) => invitationState(inv, now) === "pending");
  const spent = pending.find((inv) => inv.role === "customer" && inv.organizationId === user.organizationId) ?? null;
  for (const inv of pending) {
    if (inv === spent)
      tx.update(invitations).set({ acceptedAt: now, acceptedUserId: user.id }).where(eq(invitations.id, inv.id)).run();
    else tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, inv.id)).run();
  }
  if (spent?.orgAdmin) tx.update(users).set({ orgAdmin: true }).where(eq(users.id, user.id)).run();
  return spent && { id: spent.id, orgAdmin: spent.orgAdmin };
}

function invitationUnusable(state: string): DomainError {
  return state === "expired"
    ? new DomainError("CONFLICT", "This invitation has expired; ask for a new one.", "errors.people.invitationExpired")
    : new DomainError("CONFLICT", "This invitation was already used or withdrawn.", "errors.people.invitationClosed");
}

function loadSubject(tx: Tx, userId: number) {
  const u = tx.select().from(users).where(eq(users.id, userId)).get();
  if (!u) throw notFound("User");
  return u;
}

/**
 * Deactivates or reactivates an account. Deactivating ends every session of the user at once and
 * tells them by email; their tickets, comments and history stay.
 */
export function setActive(
  db: Db,
  actor: Actor & { name: string },
  userId: number,
  active: boolean,
  now: Date,
  ip: string | null,
): { active: boolean; sessionsEnded: number } {
  const result = db.transaction(
    (tx) => {
      const subject = loadSubject(tx, userId);
      refuseIf(deactivateRefusal(actor, subject, activeAdmins(tx)), "FORBIDDEN");
      if (subject.active === active) return { active, sessionsEnded: 0 };
      tx.update(users)
        .set({ active, deactivatedAt: active ? null : now })
        .where(eq(users.id, userId))
        .run();
      const sessionsEnded = active ? 0 : revokeUserSessions(tx, userId, now);
      if (!active)
        queueIdentityMail(
          tx,
          subject.email,
          "deactivated",
          subject.locale,
          {
            name: subject.name,
            email: subject.email,
            actor: actor.name,
            at: mailTime(now, subject.locale, subject.timeZone),
          },
          now,
        );
      recordAudit(tx, {
        actorId: actor.id,
        action: active ? "user_reactivated" : "user_deactivated",
        entity: "user",
        entityId: String(userId),
        detail: { email: subject.email, before: { active: subject.active }, after: { active }, sessionsEnded },
        at: now,
        ip,
      });
      return { active, sessionsEnded };
    },
    { behavior: "immediate" },
  );
  afterCommit(db);
  return result;
}

/** Gives a staff member another staff role; their sessions end (they sign in again with the new role). */
export function changeRole(
  db: Db,
  actor: Actor,
  userId: number,
  role: Role,
  now: Date,
  ip: string | null,
): { role: Role } {
  return db.transaction(
    (tx) => {
      const subject = loadSubject(tx, userId);
      refuseIf(roleChangeRefusal(actor, subject, role, activeAdmins(tx)), "FORBIDDEN");
      if (subject.role === role) return { role };
      tx.update(users).set({ role }).where(eq(users.id, userId)).run();
      revokeUserSessions(tx, userId, now);
      recordAudit(tx, {
        actorId: actor.id,
        action: "user_role_changed",
        entity: "user",
        entityId: String(userId),
        detail: { email: subject.email, before: { role: subject.role }, after: { role } },
        at: now,
        ip,
      });
      return { role };
    },
    { behavior: "immediate" },
  );
}

/**
 * Corrects someone's sign-in address (a typo, a renamed mailbox), with the refusals of a change of
 * one's own (taken, single sign-on) and no link to follow: the administrator answers for it. Every
 * session of the person ends (they sign in again with the new address), the old address is told,
 * and the audit log keeps both addresses.
 */
export function correctEmail(
  db: Db,
  actor: Actor,
  userId: number,
  email: string,
  now: Date,
  ip: string | null,
): { email: string } {
  const result = db.transaction(
    (tx) => {
      const subject = loadSubject(tx, userId);
      refuseIf(emailCorrectionRefusal(actor, subject), "FORBIDDEN");
      if (ssoBoundAddress(tx, subject.email)) refuseIf(ssoAccountRefusal("other"), "CONFLICT");
      refuseIf(newAddressRefusal(tx, subject, email, "other"), "CONFLICT");
      const sessionsEnded = revokeUserSessions(tx, userId, now);
      applyEmailChange(
        tx,
        subject,
        email,
        { actorId: actor.id, action: "user_email_corrected", sessionsEnded },
        now,
        ip,
      );
      return { email };
    },
    { behavior: "immediate" },
  );
  afterCommit(db);
  return result;
}

/** Makes a customer their organization's customer administrator, or not. */
export function setOrgAdmin(
  db: Db,
  actor: Actor,
  userId: number,
  orgAdmin: boolean,
  now: Date,
  ip: string | null,
): { orgAdmin: boolean } {
  return db.transaction(
    (tx) => {
      const subject = loadSubject(tx, userId);
      // Whom the actor may administer first: a customer administrator learns nothing of staff accounts.
      refuseIf(administerRefusal(actor, subject), "FORBIDDEN");
      if (subject.role !== "customer")
        throw new DomainError(
          "INVALID",
          "Only customers can be customer administrators.",
          "errors.people.customerOnly",
        );
      if (actor.id === userId && !orgAdmin)
        throw new DomainError("INVALID", "You cannot remove your own administrator rights.", "errors.people.selfRole");
      if (subject.orgAdmin === orgAdmin) return { orgAdmin };
      tx.update(users).set({ orgAdmin }).where(eq(users.id, userId)).run();
      recordAudit(tx, {
        actorId: actor.id,
        action: "user_org_admin_changed",
        entity: "user",
        entityId: String(userId),
        detail: { email: subject.email, before: { orgAdmin: subject.orgAdmin }, after: { orgAdmin } },
        at: now,
        ip,
      });
      return { orgAdmin };
    },
    { behavior: "immediate" },
  );
}

export type PeopleFilter = { organizationId: number | null; q?: string; page: number; pageSize: number };

/**
 * The people of one organization (or the staff, with `organizationId: null`) and their open
 * invitations. Scoping is the caller's (the router checks the actor may administer that organization).
 */
export function listPeople(db: Db, filter: PeopleFilter, now: Date) {
  const scope =
    filter.organizationId === null ? isNull(users.organizationId) : eq(users.organizationId, filter.organizationId);
  const q = filter.q?.trim().toLowerCase();
  const where = q
    ? and(scope, or(like(sql`lower(${users.name})`, `%${q}%`), like(sql`lower(${users.email})`, `%${q}%`)))
    : scope;
  const total = db.select({ n: count() }).from(users).where(where).get()!.n;
  const people = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      orgAdmin: users.orgAdmin,
      active: users.active,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(where)
    .orderBy(desc(users.active), asc(users.name), asc(users.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .all();
  const invScope =
    filter.organizationId === null
      ? isNull(invitations.organizationId)
      : eq(invitations.organizationId, filter.organizationId);
  const open = db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      orgAdmin: invitations.orgAdmin,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      invitedBy: users.name,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedById))
    .where(and(invScope, isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt))
    .limit(100)
    .all()
    .map(({ acceptedAt, revokedAt, ...i }) => ({
      ...i,
      state: invitationState({ acceptedAt, revokedAt, expiresAt: i.expiresAt }, now) as "pending" | "expired",
    }));
  return { people, total, invitations: open };
}
