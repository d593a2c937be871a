import type { Role } from "@/db/schema/enums";

export type NavItem = { href: string; key: "home" | "admin" | "tickets" | "queue" | "kb" };

/** What each role may use; pages enforce the same rule on the server. */
export function navItemsFor(role: Role): NavItem[] {
  const items: NavItem[] = [{ href: "/", key: "home" }];
  if (role === "customer" || role === "agent" || role === "expert" || role === "manager") items.push({ href: "/tickets", key: "tickets" });
  if (role === "agent" || role === "expert" || role === "manager") items.push({ href: "/queue", key: "queue" });
  if (role === "admin") items.push({ href: "/admin", key: "admin" });
  items.push({ href: "/kb", key: "kb" });
  return items;
}
