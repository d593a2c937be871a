import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RefusalNotice } from "@/components/ui/refused";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("refusedTitle") };
}

/** A portal page the signed-in role may not use (components/ui/refused.tsx): answered with 403. */
export default function Forbidden() {
  return <RefusalNotice />;
}
