import type { Role } from "@/db/schema/enums";

/**
 * When a signed-in session still stands. The session cookie (next-auth's JWT) carries the id of a
 * row in `sessions` and what the user was when they signed in; the row and the user as they are
 * now decide. Pure: `now` is an argument.
 */

/** How long a session lasts from signing in (next-auth's JWT maxAge is the same). */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** What the cookie claims. */
export type SessionClaim = { sessionId: string; userId: number; role: Role; organizationId: number | null };

/** The session's row and its user as they are now; null when there is no such row. */
export type StoredSession = {
  expiresAt: Date;
  revokedAt: Date | null;
  userId: number;
  role: Role;
  organizationId: number | null;
  active: boolean;
};

export type SessionVerdict =
  | "valid"
  | "unknown" // no row: never issued here, or deleted with its user
  | "revoked" // signed out, or ended by deactivation or a role change
  | "expired"
  | "userChanged"; // deactivated, or another role or organization than at sign-in: end it now

/**
 * A session stands while its row exists, is neither revoked nor expired, and its user is still
 * active with the role and organization the session was issued for. A change of role or
 * organization ends the session rather than carrying it over: what the user could see and do was
 * decided at sign-in, and they sign in again to get the new rights.
 */
export function sessionVerdict(claim: SessionClaim, stored: StoredSession | null, now: Date): SessionVerdict {
  if (!stored || stored.userId !== claim.userId) return "unknown";
  if (stored.revokedAt !== null) return "revoked";
  if (stored.expiresAt <= now) return "expired";
  if (!stored.active || stored.role !== claim.role || stored.organizationId !== claim.organizationId)
    return "userChanged";
  return "valid";
}
