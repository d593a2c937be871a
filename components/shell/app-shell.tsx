import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PendingAdvisoriesBanner } from "@/components/advisories/pending-banner";
import { serverCaller } from "@/server/api/rsc";
import type { SessionUser } from "@/server/auth/session";
import { HeaderSearch } from "./header-search";
import { LocaleSwitcher } from "./locale-switcher";
import { MobileNav, NavLinks } from "./nav-links";
import { navItemsFor } from "./nav";
import { SignOutButton } from "./sign-out-button";

/** The portal frame: brand, the navigation the role may use, language, user and sign-out. */
export async function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const t = await getTranslations();
  const api = await serverCaller();
  const entitlements =
    user.role === "customer" && user.organizationId !== null ? await api.sla.ourTier() : { reviews: true };
  const items = navItemsFor(user, entitlements).map((i) => ({ href: i.href, label: t(`nav.${i.key}`) }));
  const { unread } = await api.notifications.list({ limit: 1 });
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("app.skipToContent")}
      </a>
      <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur print:hidden">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-4 sm:gap-4 sm:px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold text-brand-900">
            <span
              aria-hidden
              className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white"
            >
              A
            </span>
            <span>{t("app.name")}</span>
          </Link>
          <HeaderSearch className="ml-4 hidden w-72 lg:flex" />
          <div className="ml-auto flex items-center gap-2 sm:gap-3">
            <Link
              href="/notifications"
              aria-label={t("notifications.linkLabel", { n: unread })}
              className="flex items-center gap-1 rounded-md px-2 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5 sm:hidden">
                <path d="M10 2a6 6 0 0 0-6 6v3.6l-1.7 2.9A1 1 0 0 0 3.2 16h13.6a1 1 0 0 0 .9-1.5L16 11.6V8a6 6 0 0 0-6-6Zm0 18a3 3 0 0 1-2.8-2h5.6A3 3 0 0 1 10 20Z" />
              </svg>
              <span aria-hidden className="hidden sm:inline">
                {t("notifications.link", { n: unread })}
              </span>
              {unread > 0 ? (
                <span
                  aria-hidden
                  className="rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white sm:hidden"
                >
                  {unread}
                </span>
              ) : null}
            </Link>
            <LocaleSwitcher label={t("nav.language")} />
            <Link
              href="/account"
              className="hidden rounded-md px-2 py-1 text-right text-xs leading-tight hover:bg-slate-100 sm:block"
            >
              <span className="sr-only">{t("nav.account")}: </span>
              <span className="block font-medium text-slate-900">{user.name}</span>
              <span className="block text-slate-500">{t(`roles.${user.role}`)}</span>
            </Link>
            <div className="hidden sm:block">
              <SignOutButton label={t("nav.signOut")} />
            </div>
            <MobileNav items={items} label={t("nav.menu")} navLabel={t("nav.main")}>
              <HeaderSearch className="mt-2 flex border-t border-slate-200 pt-3" />
              <div className="mt-2 flex items-center justify-between border-t border-slate-200 pt-2 sm:hidden">
                <Link href="/account" className="rounded-md px-1 py-1 text-xs leading-tight hover:bg-slate-100">
                  <span className="sr-only">{t("nav.account")}: </span>
                  <span className="block font-medium text-slate-900">{user.name}</span>
                  <span className="block text-slate-500">{t(`roles.${user.role}`)}</span>
                </Link>
                <SignOutButton label={t("nav.signOut")} />
              </div>
            </MobileNav>
          </div>
        </div>
      </header>
      <PendingAdvisoriesBanner user={user} />
      <div className="mx-auto flex w-full max-w-7xl flex-1">
        {/* A plain box: its navigation is the landmark (an unnamed <aside> around it was a second,
            indistinct complementary landmark beside a page's own). */}
        <div className="hidden w-52 shrink-0 border-r border-slate-200 px-3 py-6 lg:block print:hidden">
          <nav aria-label={t("nav.main")} className="sticky top-20">
            <NavLinks items={items} vertical />
          </nav>
        </div>
        <main id="main" className="w-full min-w-0 flex-1 px-4 py-6 sm:px-6 sm:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
