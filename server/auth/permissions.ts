/**
 * Who may do what: the one table. tRPC procedures (`permittedProcedure`), page guards
 * (`<Refused permission>`), the navigation and the domain services all read it; nobody keeps a list
 * of roles of their own. Organization scoping (which organization's rows) is the other half, in
 * server/api/scope.ts. Pure, importable by client components.
 */
import type { Role } from "@/db/schema/enums";

/**
 * Who a permission is granted to: a role, or `customer_admin`, a customer who administers their
 * own organization's people (`users.org_admin`); a customer administrator also holds everything a
 * customer does.
 */
export type Grantee = Role | "customer_admin";

const SUPPORT = ["agent", "expert", "manager"] as const satisfies readonly Role[];
const STAFF = [
  "agent",
  "expert",
  "manager",
  "account_manager",
  "executive",
  "admin",
] as const satisfies readonly Role[];
const ACCOUNT_EDITORS = ["account_manager", "manager", "admin"] as const satisfies readonly Role[];

export const PERMISSIONS = {
  /** File, follow, reply to and escalate tickets; raise complaints; add watchers. */
  "tickets.work": ["customer", ...SUPPORT],
  /**
   * Take a watcher (CC) off a ticket: oneself ("Stop watching"), anyone on one's own ticket as its
   * requester, or anyone with `tickets.watchersManage` (server/tickets/rules.ts, mayRemoveWatcher).
   */
  "tickets.unwatch": ["customer", ...SUPPORT],
  /** Take anyone off the watchers of a ticket one can see: the organization's customer administrator and support staff. */
  "tickets.watchersManage": ["customer_admin", ...SUPPORT],
  /** The support queue and every staff action on a ticket (priority, assignment, workaround...). */
  "tickets.support": SUPPORT,
  /** Read a ticket's file in the page (a log), as the ticket itself: every signed-in role, scoped like the ticket. */
  "attachments.read": ["customer", ...STAFF],
  /** Read the attachment limits: those who attach files, and the administrators who set them. */
  "attachments.limits": ["customer", ...SUPPORT, "admin"],
  /** Remove (redact) a ticket's file, with a reason kept on the timeline and in the audit log. */
  "attachments.redact": SUPPORT,
  /** Macros (canned replies): apply them in the reply box, read the shared ones, keep personal ones. */
  "macros.use": [...SUPPORT, "admin"],
  /** Write and delete the shared macros everyone who works tickets applies. */
  "macros.shared": ["manager", "admin"],
  /** Exclusions, dispute decisions, the complaints desk. */
  "tickets.manage": ["manager"],
  /** Read any ticket without working it (the read-only ticket view): whoever does not work tickets but follows them. */
  "tickets.readAll": ["executive", "manager", "admin", "account_manager"],
  /** Customer organization pages of any organization, and the staff-wide lists. */
  "organizations.read": STAFF,
  /** Where the navigation offers the organization directory (managers and admins use the portfolio). */
  "organizations.browse": ["agent", "expert", "account_manager", "executive"],
  /** Engagements, meeting answers, the portfolio and service reviews of an account. */
  "accounts.edit": ACCOUNT_EDITORS,
  /** Ask the account team for a meeting (customers) or read the requests (account staff). */
  "meetings.read": ["customer", ...ACCOUNT_EDITORS],
  /** Account health: score, band and factors, wherever they are held (a review's snapshot too). */
  "accounts.health": ["account_manager", "manager", "admin", "executive"],
  /** Read service reviews (customers only their own organization's shared ones). */
  "reviews.read": ["customer", "account_manager", "manager", "executive", "admin"],
  /** The customer's own organization page. */
  "organization.own": ["customer"],
  /** Read the SDK versions an organization declares (customers their own). */
  "organization.sdksRead": ["customer", ...STAFF],
  /**
   * Declare the SDK versions an organization ships (security advisories reach it by them): the
   * customer administrator their own organization's, account staff any organization's for them.
   */
  "organization.sdks": ["customer_admin", "account_manager", "admin"],
  /** Incidents: the staff list, and credits and alerts of any organization. */
  "incidents.read": STAFF,
  /** Record incidents, their updates and post-incident reviews. */
  "incidents.write": ["agent", "expert", "manager", "admin"],
  /** Subscribe to incident and maintenance notices of one's own organization (decision 027). */
  "incidents.subscribe": ["customer"],
  /** Raise a proactive alert (opens a P0 ticket for an Enterprise customer). */
  "alerts.raise": ["agent", "expert", "manager", "account_manager", "admin"],
  /** The staff home page figures. */
  "home.staff": ["agent", "expert", "manager", "account_manager", "admin"],
  /** SLA dashboards, tier overview and drill-downs. */
  "sla.dashboards": ["executive", "manager", "admin"],
  /** Publish and withdraw the quarterly SLA report. */
  "sla.publish": ["executive", "admin"],
  /** Write knowledge base drafts, read internal articles and the KB report. */
  "kb.write": STAFF,
  /** Put an article live, take it down or change a live one (others write drafts: decision 007). */
  "kb.publish": ["expert", "manager", "admin"],
  /** Tiers, targets, calendars, the outbox and the audit log. */
  "admin.settings": ["admin"],
  /** Create and edit organizations: tier, region, contract, account team, channels, single sign-on. */
  "organizations.admin": ["admin"],
  /** Invite staff with a role, change a staff member's role, deactivate and reactivate staff. */
  "people.staff": ["admin"],
  /**
   * Invite, deactivate and reactivate customer users (customer administrators: of their own
   * organization only, and never with a staff role; server/api/scope.ts).
   */
  "people.customers": ["admin", "account_manager", "customer_admin"],
  /**
   * Correct someone's sign-in address: administrators anyone's, a customer administrator their own
   * organization's people (server/people/rules.ts, emailCorrectionRefusal).
   */
  "people.email": ["admin"],
  /** The People page of one's own organization (the customer administrator's). */
  "people.own": ["customer_admin"],
  /** Who is on call, the paging log, and acknowledging a page (issue #19). */
  "oncall.read": SUPPORT,
  /** Duty rotas (shifts, overrides) and the at-risk warning setting. */
  "oncall.manage": ["manager"],
  /** Outgoing webhooks: endpoints, events, the delivery log. */
  "webhooks.admin": ["admin"],
  /** The inbound monitoring endpoint's signing key: create and rotate it (decision 028). */
  "alerts.monitoring": ["admin"],
  /** Feature requests (issue #20): the signed-in list and a request's votes. */
  "features.read": ["customer", ...STAFF],
  /** Vote for a feature request (once per person). */
  "features.vote": ["customer"],
  /** Set a feature request's roadmap status, public note and acknowledgement target. */
  "features.manage": [...SUPPORT, "account_manager", "admin"],
  /** Read a custom development request's scoping on its ticket page (customers: their own organization's). */
  "customDevelopment.read": ["customer", ...STAFF],
  /** Scope custom development requests (the organization's account manager; managers and admins). */
  "customDevelopment.scope": ACCOUNT_EDITORS,
  /** Write, publish and follow security advisories (who has acknowledged them). */
  "advisories.manage": ["manager", "admin"],
  /** Acknowledge a security advisory for one's organization, and see those awaiting it. */
  "advisories.acknowledge": ["customer"],
} as const satisfies Record<string, readonly Grantee[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Who holds a permission. */
export function rolesFor(permission: Permission): readonly Grantee[] {
  return PERMISSIONS[permission];
}

/** True when the user holds the permission, by role or as their organization's customer administrator. */
export function can(user: { role: Role; orgAdmin?: boolean } | null | undefined, permission: Permission): boolean {
  if (user == null) return false;
  const grantees = PERMISSIONS[permission] as readonly Grantee[];
  return (
    grantees.includes(user.role) ||
    (user.role === "customer" && user.orgAdmin === true && grantees.includes("customer_admin"))
  );
}
