import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passwordReset");
  return { title: t("forgotTitle") };
}

/** "Forgot password?": an address in, always the same answer out. */
export default async function ForgotPasswordPage() {
  const t = await getTranslations("passwordReset");
  return (
    <AuthFrame title={t("forgotTitle")} subtitle={t("forgotSubtitle")}>
      <ForgotPasswordForm />
    </AuthFrame>
  );
}
