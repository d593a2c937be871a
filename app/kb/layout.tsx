import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PublicShell } from "@/components/shell/public-shell";
import "./kb.css";

/**
 * The knowledge base is public: signed-in users read it inside the portal shell, visitors get a
 * plain header with the search, the language switch and a way to sign in.
 */
export default async function KbLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  return (
    <PublicShell title={t("kb.publicHeader")} home="/kb" returnTo="/kb">
      {children}
    </PublicShell>
  );
}
