import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { sessions, users } from "@/db/schema";
import { perDatabase, type Db } from "@/server/db";
import { SESSION_MAX_AGE_S, sessionVerdict, type SessionClaim } from "./session-rules";
import type { SessionUser } from "./session";

/**
 * Server-side sessions (decision 017): signing in writes a row, every request reads it by its
 * primary key, and signing out, deactivation or a role change revoke it, which ends the session at
 * once everywhere (pages, tRPC, every server process).
 */

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** How a session began, for the user's list of sessions: the browser, its address and the sign-in method. */
export type SessionDetails = { method?: "password" | "sso"; ip?: string | null; userAgent?: string | null };

/** Starts a session for a user who just signed in; returns its id, which goes into the cookie. */
export function startSession(
  db: Db | Tx,
  userId: number,
  now: Date,
  details: SessionDetails = {},
): { id: string; expiresAt: Date } {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_S * 1000);
  // A user's sessions long past their end are of no use to anyone: drop them (on the user_id index).
  db.delete(sessions)
    .where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date(now.getTime() - 86_400_000))))
    .run();
  db.insert(sessions)
    .values({
      id,
      userId,
      createdAt: now,
      expiresAt,
      method: details.method ?? "password",
      ip: details.ip ?? null,
      userAgent: details.userAgent?.slice(0, 512) ?? null,
    })
    .run();
  return { id, expiresAt };
}

/** The session-and-user read, prepared once per database. */
const lookupFor = perDatabase((db: Db) =>
  db
    .select({
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      userId: users.id,
      role: users.role,
      organizationId: users.organizationId,
      active: users.active,
      orgAdmin: users.orgAdmin,
      name: users.name,
      email: users.email,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare(),
);

/**
 * The user of a session as they are now, or null when the session no longer stands (see
 * `sessionVerdict`). One prepared read on two primary keys per call; a session whose user was
 * deactivated or changed role is revoked on the spot, so it stays ended if the change is undone.
 */
export function resolveSession(db: Db, claim: SessionClaim, now: Date): SessionUser | null {
  const row = lookupFor(db).get({ id: claim.sessionId }) ?? null;
  const verdict = sessionVerdict(claim, row, now);
  if (verdict === "userChanged") endSession(db, claim.sessionId, now);
  if (verdict !== "valid" || !row) return null;
  return {
    id: row.userId,
    role: row.role,
    organizationId: row.organizationId,
    name: row.name,
    email: row.email,
    orgAdmin: row.orgAdmin,
  };
}

/** Ends one session (signing out). */
export function endSession(db: Db | Tx, sessionId: string, now: Date): void {
  db.update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .run();
}

/**
 * Ends the sessions an organization's customers began with a password: call it in the transaction
 * that makes the organization require single sign-on, so nobody keeps a way in that is now refused.
 * Sessions begun by single sign-on stay. Returns how many sessions were ended.
 */
export function revokePasswordSessionsOfOrganization(db: Db | Tx, organizationId: number, now: Date): number {
  const customers = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, "customer")));
  return db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(isNull(sessions.revokedAt), eq(sessions.method, "password"), inArray(sessions.userId, customers)))
    .run().changes;
}

/**
 * Ends every session of a user at once: call it in the same transaction that deactivates them or
 * changes their role or organization (the per-request check would also catch the change, but
 * revoking makes the end explicit and permanent). Returns how many sessions were ended.
 */
export function revokeUserSessions(db: Db | Tx, userId: number, now: Date): number {
  return db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .run().changes;
}
