import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { safeCallbackPath } from "@/server/auth/callback-url";
import { getSessionUser } from "@/server/auth/get-session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen flex-col bg-gradient-to-b from-brand-50 to-slate-50">
      <div className="flex justify-end p-4">
        <LocaleSwitcher label={t("nav.language")} signedIn={false} />
      </div>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-8 sm:pt-16">
        <div className="w-full max-w-sm">
          <div className="mb-6 flex items-center gap-2">
            <span
              aria-hidden
              className="grid h-9 w-9 place-items-center rounded-lg bg-brand-600 text-lg font-bold text-white"
            >
              A
            </span>
            <span className="text-xl font-semibold text-brand-900">{t("app.name")}</span>
          </div>
          <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <h1 className="text-xl font-semibold text-slate-900">{t("signin.title")}</h1>
            <p className="mt-1 text-sm text-slate-600">{t("signin.subtitle")}</p>
            <SignInForm callbackUrl={callbackUrl} />
          </div>
          <p className="mt-4 text-center text-xs text-slate-500">{t("signin.demoHint")}</p>
        </div>
      </main>
    </div>
  );
}
