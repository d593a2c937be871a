import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DATE_TIME_WITH_ZONE } from "@/components/format";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { AuthFrame } from "@/components/auth/auth-frame";
import { serverCaller } from "@/server/api/rsc";
import { parseToken } from "@/server/auth/tokens";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("installation");
  return { title: t("inviteTitle") };
}

/** The page an invitation email links to: who invited the visitor to what, and the form to join; or why the link no longer works. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const token = parseToken((await params).token);
  const invitation = token
    ? await (await serverCaller()).installation.invitation({ token })
    : { state: "unknown" as const };
  if (!token || invitation.state !== "pending") {
    return (
      <AuthFrame title={t("installation.inviteUnusableTitle")}>
        <p className="mt-2 text-sm text-slate-700">
          {t(`installation.inviteState.${invitation.state === "pending" ? "unknown" : invitation.state}`)}
        </p>
        <Link href="/signin" className="mt-4 inline-block text-sm font-medium text-brand-700 underline">
          {t("installation.toSignIn")}
        </Link>
      </AuthFrame>
    );
  }
  const role = invitation.role === "customer" && invitation.orgAdmin ? "customer_admin" : invitation.role;
  return (
    <AuthFrame
      title={t("installation.inviteTitle")}
      subtitle={t("installation.inviteSubtitle", {
        organization: invitation.organizationName,
        role: t(`roles.${role}`),
        expires: format.dateTime(invitation.expiresAt, DATE_TIME_WITH_ZONE),
      })}
    >
      <AcceptInvitationForm
        token={token}
        email={invitation.email}
        name={invitation.name}
        organization={invitation.organizationName}
        sso={invitation.sso}
      />
    </AuthFrame>
  );
}
