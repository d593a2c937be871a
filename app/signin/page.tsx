import type { Metadata } from "next";
import { RouteMessages } from "@/components/i18n/route-messages";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/server/auth/callback-url";
import { getSessionUser } from "@/server/auth/get-session";
import { getDb } from "@/server/db";
import { DEMO_PASSWORD } from "@/server/identity/demo";
import { isDemoDatabase, needsSetup } from "@/server/identity/installation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signin");
  return { title: t("title") };
}

const NOTICES = { setup: "installation.setupDone", joined: "installation.joined" } as const;

/**
 * Sign-in. An installation without an administrator leads to its setup first; a demo installation
 * says so and names the demo password, a production one never does.
 */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; setup?: string; joined?: string }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const db = getDb();
  if (needsSetup(db)) redirect("/setup");
  const demo = isDemoDatabase(db);
  const t = await getTranslations();
  const notice = params.setup ? NOTICES.setup : params.joined ? NOTICES.joined : null;
  return (
    <RouteMessages namespaces={["security", "signin", "sso.errors", "sso.signin", "sso.signinErrors"]}>
      <AuthFrame
        title={t("signin.title")}
        subtitle={t("signin.subtitle")}
        footer={
          demo ? (
            <p className="mt-4 text-center text-xs text-slate-500">
              {t("installation.demoHint", { password: DEMO_PASSWORD })}
            </p>
          ) : null
        }
      >
        {notice ? (
          <p role="status" className="mt-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t(notice)}
          </p>
        ) : null}
        <SignInForm callbackUrl={callbackUrl} />
      </AuthFrame>
    </RouteMessages>
  );
}
