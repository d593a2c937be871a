import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SetupForm } from "@/components/auth/setup-form";
import { getDb } from "@/server/db";
import { needsSetup } from "@/server/identity/installation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("installation");
  return { title: t("setupTitle") };
}

/** The one-time setup of an installation without an administrator; afterwards it leads to the sign-in page. */
export default async function SetupPage() {
  if (!needsSetup(getDb())) redirect("/signin");
  const t = await getTranslations("installation");
  return (
    <AuthFrame title={t("setupTitle")} subtitle={t("setupSubtitle")}>
      <SetupForm />
    </AuthFrame>
  );
}
