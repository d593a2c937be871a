import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";
import { UnusableLink } from "@/components/auth/unusable-link";
import { serverCaller } from "@/server/api/rsc";

// The token is in this page's address: no other site may learn it from a Referer.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("emailChange"), referrer: "no-referrer" };
}

/**
 * An address change link from the email: a button that confirms while the link may be used (opening
 * the link changes nothing, so a mail scanner following it does no harm), else what to do instead.
 */
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("emailChange");
  const check = await (await serverCaller()).emailChange.check({ token }).catch(() => ({ valid: false, email: null }));
  if (!check.valid || !check.email)
    return (
      <UnusableLink title={t("invalidTitle")} message={t("invalid")} href="/account#email" action={t("toAccount")} />
    );
  return (
    <AuthFrame>
      <ConfirmEmailForm token={token} email={check.email} />
    </AuthFrame>
  );
}
