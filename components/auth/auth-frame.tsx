import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { AuthHeading } from "./auth-heading";

/**
 * The frame of the pages a visitor sees before they are signed in (sign-in, first setup, accepting
 * an invitation): the brand, the language switcher and one card; `footer` goes under the card.
 * Without `title`, the children start with their own AuthHeading (one that changes as they do).
 */
export async function AuthFrame({
  title,
  subtitle,
  footer,
  children,
}: {
  title?: string;
  subtitle?: string;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen flex-col bg-gradient-to-b from-brand-50 to-slate-50">
      <header className="flex justify-end p-4">
        <LocaleSwitcher label={t("nav.language")} signedIn={false} />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-4 pb-12 sm:pt-12">
        <div className="w-full max-w-md">
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
            {title ? <AuthHeading title={title} subtitle={subtitle} /> : null}
            {children}
          </div>
          {footer}
        </div>
      </main>
    </div>
  );
}
