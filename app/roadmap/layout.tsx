import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PublicShell } from "@/components/shell/public-shell";

/** The product roadmap is public: what is planned, under review and shipped, and how many asked. */
export default async function RoadmapLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  return (
    <PublicShell title={t("roadmap.title")} home="/roadmap" returnTo="/roadmap">
      {children}
    </PublicShell>
  );
}
