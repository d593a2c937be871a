import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PublicShell } from "@/components/shell/public-shell";

/** Known issues are public (those limited to some organizations show only to their people and staff). */
export default async function KnownIssuesLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  return (
    <PublicShell title={t("knownIssues.title")} home="/known-issues" returnTo="/known-issues">
      {children}
    </PublicShell>
  );
}
