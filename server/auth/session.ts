import type { Role } from "@/db/schema/enums";

/** What a signed-in session carries everywhere on the server. */
export type SessionUser = {
  id: number;
  role: Role;
  organizationId: number | null;
  name: string;
  email: string;
  /** A customer who administers their own organization's people (absent: false). */
  orgAdmin?: boolean;
};

/**
 * The session user of an account row: what every session carries, the customer administrator
 * flag included (a session made without it would quietly act as a plain customer).
 */
export function sessionUserOf(u: SessionUser & { orgAdmin: boolean }): SessionUser {
  return {
    id: u.id,
    role: u.role,
    organizationId: u.organizationId,
    name: u.name,
    email: u.email,
    orgAdmin: u.orgAdmin,
  };
}
