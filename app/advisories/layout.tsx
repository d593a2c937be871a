import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PublicShell } from "@/components/shell/public-shell";

/** Published security advisories are public: read without signing in, in both languages. */
export default async function AdvisoriesLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  return (
    <PublicShell title={t("advisories.title")} home="/advisories" returnTo="/advisories">
      {children}
    </PublicShell>
  );
}
