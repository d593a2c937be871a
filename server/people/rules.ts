/**
 * Who may invite, deactivate and change whom: the rules of people administration, pure. The
 * permissions table says who may administer people at all (`people.staff`, `people.customers`);
 * these rules add what depends on the person acted on: a customer administrator stays inside their
 * own organization and never grants a staff role, nobody deactivates or demotes themselves, and the
 * last active administrator stays.
 */
import type { Role } from "@/db/schema/enums";
import { can } from "@/server/auth/permissions";

/** How long an invitation link works. */
export const INVITATION_TTL_DAYS = 7;

export type Actor = { id: number; role: Role; organizationId: number | null; orgAdmin?: boolean };
export type Subject = { id?: number; role: Role; organizationId: number | null; orgAdmin?: boolean };
export type Refusal = { message: string; messageKey: string };

const refusal = (key: string, message: string): Refusal => ({ messageKey: `errors.people.${key}`, message });

/** Whether the actor may bring this person in (an invitation) or change them (role, administrator flag). */
export function administerRefusal(actor: Actor, subject: Subject): Refusal | null {
  if (subject.role !== "customer") {
    if (subject.organizationId !== null)
      return refusal("staffInOrganization", "Staff do not belong to a customer organization.");
    return can(actor, "people.staff") ? null : refusal("staffRole", "Only an administrator can bring in staff.");
  }
  if (subject.organizationId === null) return refusal("organizationRequired", "Choose the customer's organization.");
  if (!can(actor, "people.customers"))
    return refusal("notAllowed", "You cannot administer this organization's people.");
  if (actor.role === "customer" && actor.organizationId !== subject.organizationId)
    return refusal("otherOrganization", "You can only administer people of your own organization.");
  return null;
}

/** Whether the actor may deactivate (or reactivate) the subject. */
export function deactivateRefusal(
  actor: Actor,
  subject: Subject & { id: number },
  activeAdmins: number,
): Refusal | null {
  if (actor.id === subject.id) return refusal("self", "You cannot deactivate your own account.");
  if (subject.role === "admin" && activeAdmins <= 1)
    return refusal("lastAdmin", "The last active administrator must stay.");
  return administerRefusal(actor, subject);
}

/** Whether the actor may give a staff member another role. */
export function roleChangeRefusal(
  actor: Actor,
  subject: Subject & { id: number },
  role: Role,
  activeAdmins: number,
): Refusal | null {
  if (subject.role === "customer" || role === "customer")
    return refusal("customerRole", "Customers and staff are invited separately; a role change stays within staff.");
  if (actor.id === subject.id) return refusal("selfRole", "You cannot change your own role.");
  if (subject.role === "admin" && role !== "admin" && activeAdmins <= 1)
    return refusal("lastAdmin", "The last active administrator must stay.");
  return administerRefusal(actor, subject);
}

/** Whether the actor may correct the subject's sign-in address (`people.email`, then whom they administer). */
export function emailCorrectionRefusal(actor: Actor, subject: Subject): Refusal | null {
  if (actor.id === subject.id)
    return refusal("selfEmail", "Change your own address on your account page, with your password.");
  if (!can(actor, "people.email")) return refusal("notAllowed", "You cannot administer this organization's people.");
  return administerRefusal(actor, subject);
}

/** The state of an invitation at `now`. */
export function invitationState(
  inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): "pending" | "accepted" | "revoked" | "expired" {
  if (inv.acceptedAt) return "accepted";
  if (inv.revokedAt) return "revoked";
  return inv.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}
