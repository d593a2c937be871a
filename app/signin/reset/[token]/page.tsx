import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
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
      <AuthFrame title={t("invalidTitle")}>
        <p role="alert" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("invalid")}
        </p>
        <Link
          href="/signin/forgot"
          className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          {t("requestNew")}
        </Link>
      </AuthFrame>
    );
  return (
    <AuthFrame title={t("resetTitle")} subtitle={t("resetSubtitle", { email: check.email })}>
      <ResetPasswordForm token={token} email={check.email} />
    </AuthFrame>
  );
}
