"use client";

import { NextIntlClientProvider, useLocale, useMessages } from "next-intl";
import { useMemo, type ReactNode } from "react";

type Messages = Record<string, unknown>;

/**
 * Adds a route's message namespaces to those the root layout hands to the browser (the shared
 * ones): a nested provider replaces its parent's messages, so this one hands on both.
 */
export function MessagesScope({ messages, children }: { messages: Messages; children: ReactNode }) {
  const parent = useMessages() as Messages;
  const locale = useLocale();
  const merged = useMemo(() => ({ ...parent, ...messages }), [parent, messages]);
  return (
    <NextIntlClientProvider locale={locale} messages={merged}>
      {children}
    </NextIntlClientProvider>
  );
}
