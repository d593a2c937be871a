import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PublicShell } from "@/components/shell/public-shell";

/** The service scope pages are public: read before signing a contract or filing a ticket. */
export default async function ServiceScopeLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  return (
    <PublicShell title={t("serviceScope.header")} home="/service-scope/basic" returnTo="/service-scope/basic">
      {children}
    </PublicShell>
  );
}
