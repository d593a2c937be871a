import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUser } from "@/server/auth/get-session";

/** Every portal page needs a signed-in user (proxy.ts redirects first; this is the server's own check). */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  return <AppShell user={user}>{children}</AppShell>;
}
