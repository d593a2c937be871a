import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { HeaderSearch } from "@/components/shell/header-search";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { getSessionUser } from "@/server/auth/get-session";

/**
 * A public page's frame: signed-in users read it inside the portal shell, visitors get a plain
 * header with the language switch and a way to sign in that comes back to the page.
 */
export async function PublicShell({
  children,
  title,
  home,
  returnTo,
}: {
  children: ReactNode;
  title: string;
  home: string;
  returnTo: string;
}) {
  const user = await getSessionUser();
  if (user) return <AppShell user={user}>{children}</AppShell>;
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("app.skipToContent")}
      </a>
      <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur print:hidden">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4 sm:px-6">
          <Link href={home} className="flex min-w-0 items-center gap-2 font-semibold text-brand-900">
            <span
              aria-hidden
              className="grid h-7 w-7 shrink-0 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white"
            >
              A
            </span>
            <span className="truncate">{title}</span>
          </Link>
          <HeaderSearch className="ml-4 hidden w-72 md:flex" />
          <div className="ml-auto flex items-center gap-3">
            <LocaleSwitcher label={t("nav.language")} signedIn={false} />
            <Link
              href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`}
              className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold whitespace-nowrap text-white hover:bg-brand-700"
            >
              {t("kb.signIn")}
            </Link>
          </div>
        </div>
        <div className="border-t border-slate-100 px-4 py-2 md:hidden">
          <HeaderSearch className="flex" />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
