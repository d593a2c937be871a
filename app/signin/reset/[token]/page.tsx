import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { UnusableLink } from "@/components/auth/unusable-link";
import { serverCaller } from "@/server/api/rsc";

// The token is in this page's address: no other site may learn it from a Referer.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passwordReset");
  return { title: t("resetTitle"), referrer: "no-referrer" };
}

/** A reset link from the email: the form while the link may be used, else how to get a new one. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("passwordReset");
  const check = await (
    await serverCaller()
  ).passwordReset
    .check({ token })
    .catch(() => ({ valid: false, email: null }));
  if (!check.valid || !check.email)
    return (
      <UnusableLink title={t("invalidTitle")} message={t("invalid")} href="/signin/forgot" action={t("requestNew")} />
    );
  return (
    <AuthFrame title={t("resetTitle")} subtitle={t("resetSubtitle", { email: check.email })}>
      <ResetPasswordForm token={token} email={check.email} />
    </AuthFrame>
  );
}
