import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { serverCaller } from "@/server/api/rsc";
import type { SessionUser } from "@/server/auth/session";
import { LocaleSwitcher } from "./locale-switcher";
import { MobileNav, NavLinks } from "./nav-links";
import { navItemsFor } from "./nav";
import { SignOutButton } from "./sign-out-button";

/** The portal frame: brand, the navigation the role may use, language, user and sign-out. */
export async function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const t = await getTranslations();
  const items = navItemsFor(user.role).map((i) => ({ href: i.href, label: t(`nav.${i.key}`) }));
  const { unread } = await (await serverCaller()).notifications.list({ limit: 1 });
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("app.skipToContent")}
      </a>
      <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4 sm:px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold text-brand-900">
            <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white">A</span>
            <span>{t("app.name")}</span>
          </Link>
          <nav aria-label={t("nav.main")} className="hidden flex-1 md:block">
            <NavLinks items={items} />
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <Link href="/notifications" className="rounded-md px-2 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900">
              {t("notifications.link", { n: unread })}
            </Link>
            <LocaleSwitcher label={t("nav.language")} />
            <div className="hidden text-right text-xs leading-tight sm:block">
              <div className="font-medium text-slate-900">{user.name}</div>
              <div className="text-slate-500">{t(`roles.${user.role}`)}</div>
            </div>
            <SignOutButton label={t("nav.signOut")} />
            <MobileNav items={items} label={t("nav.menu")} navLabel={t("nav.main")} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
