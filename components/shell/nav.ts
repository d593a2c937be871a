import type { Role } from "@/db/schema/enums";

export type NavItem = {
  href: string;
  key:
    | "home"
    | "admin"
    | "tickets"
    | "queue"
    | "complaints"
    | "organization"
    | "portfolio"
    | "organizations"
    | "reviews"
    | "incidents"
    | "sla"
    | "status"
    | "kb";
};

/** What each role may use; pages enforce the same rule on the server. */
export function navItemsFor(role: Role): NavItem[] {
  const items: NavItem[] = [{ href: "/", key: "home" }];
  if (role === "customer" || role === "agent" || role === "expert" || role === "manager")
    items.push({ href: "/tickets", key: "tickets" });
  if (role === "agent" || role === "expert" || role === "manager") items.push({ href: "/queue", key: "queue" });
  if (role === "manager") items.push({ href: "/complaints", key: "complaints" });
  if (role === "customer") items.push({ href: "/organization", key: "organization" });
  if (role === "account_manager" || role === "manager" || role === "admin")
    items.push({ href: "/portfolio", key: "portfolio" });
  if (role === "agent" || role === "expert" || role === "account_manager" || role === "executive")
    items.push({ href: "/organizations", key: "organizations" });
  if (
    role === "customer" ||
    role === "account_manager" ||
    role === "manager" ||
    role === "executive" ||
    role === "admin"
  )
    items.push({ href: "/reviews", key: "reviews" });
  if (role !== "customer") items.push({ href: "/incidents", key: "incidents" });
  if (role === "executive" || role === "manager" || role === "admin") items.push({ href: "/sla", key: "sla" });
  items.push({ href: "/status", key: "status" });
  if (role === "admin") items.push({ href: "/admin", key: "admin" });
  items.push({ href: "/kb", key: "kb" });
  return items;
}
