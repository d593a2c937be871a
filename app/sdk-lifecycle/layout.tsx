import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PublicShell } from "@/components/shell/public-shell";

/** The SDK support lifecycle is public: read before choosing a version or filing a ticket. */
export default async function SdkLifecycleLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  return (
    <PublicShell title={t("lifecycle.title")} home="/sdk-lifecycle" returnTo="/sdk-lifecycle">
      {children}
    </PublicShell>
  );
}
