import type { Role } from "@/db/schema/enums";
import { can, type Permission } from "@/server/auth/permissions";

export type NavItem = {
  href: string;
  key:
    | "home"
    | "admin"
    | "tickets"
    | "queue"
    | "mail"
    | "macros"
    | "complaints"
    | "disputes"
    | "organization"
    | "ourService"
    | "portfolio"
    | "organizations"
    | "reviews"
    | "incidents"
    | "onCall"
    | "sla"
    | "status"
    | "people"
    | "kb";
};

/** The navigation, each entry behind the permission its page checks (server/auth/permissions.ts). */
const ITEMS: readonly (NavItem & { permission?: Permission })[] = [
  { href: "/", key: "home" },
  { href: "/tickets", key: "tickets", permission: "tickets.work" },
  { href: "/queue", key: "queue", permission: "tickets.support" },
  { href: "/mail", key: "mail", permission: "tickets.support" },
  { href: "/macros", key: "macros", permission: "macros.use" },
  { href: "/complaints", key: "complaints", permission: "tickets.manage" },
  { href: "/disputes", key: "disputes", permission: "tickets.manage" },
  { href: "/organization", key: "organization", permission: "organization.own" },
  { href: "/organization/sla", key: "ourService", permission: "organization.own" },
  { href: "/portfolio", key: "portfolio", permission: "accounts.edit" },
  { href: "/organizations", key: "organizations", permission: "organizations.browse" },
  { href: "/reviews", key: "reviews", permission: "reviews.read" },
  { href: "/incidents", key: "incidents", permission: "incidents.read" },
  { href: "/on-call", key: "onCall", permission: "oncall.read" },
  { href: "/sla", key: "sla", permission: "sla.dashboards" },
  { href: "/status", key: "status" },
  { href: "/organization/people", key: "people", permission: "people.own" },
  { href: "/admin", key: "admin", permission: "admin.settings" },
  { href: "/admin/people", key: "people", permission: "people.staff" },
  { href: "/kb", key: "kb" },
];

/**
 * What a user may use, in the navigation's order; pages enforce the same permissions on the server.
 * `entitlements.reviews` false (a customer on a tier without service reviews) leaves out Reviews.
 */
export function navItemsFor(
  user: Role | { role: Role; orgAdmin?: boolean },
  entitlements: { reviews: boolean } = { reviews: true },
): NavItem[] {
  const who = typeof user === "string" ? { role: user } : user;
  return ITEMS.filter((i) => !i.permission || can(who, i.permission))
    .filter((i) => i.key !== "reviews" || who.role !== "customer" || entitlements.reviews)
    .map(({ href, key }) => ({ href, key }));
}
