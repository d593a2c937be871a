import type { Metadata } from "next";
import localFont from "next/font/local";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/shell/demo-banner";
import { HydrationMark } from "@/components/shell/hydration-mark";
import { TRPCReactProvider } from "@/components/trpc/client";
import { getDb } from "@/server/db";
import { clientMessages } from "@/server/i18n/client-messages";
import { isDemoDatabase } from "@/server/identity/installation";
import "./globals.css";
import { languageTag } from "@/server/i18n/negotiate";

const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Attain", template: "%s · Attain" },
  description: "Customer success portal: tickets, knowledge base, SLA attainment and service reviews.",
  icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const messages = clientMessages(await getMessages());
  return (
    <html lang={languageTag(locale)} className={inter.variable}>
      <body className="min-h-screen font-sans">
        {/* Every page of a demo installation says so (server/identity/installation.ts). */}
        {isDemoDatabase(getDb()) ? <DemoBanner /> : null}
        <HydrationMark />
        <NextIntlClientProvider messages={messages}>
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
