"use client";

import { NextIntlClientProvider, useLocale, useMessages } from "next-intl";
import { useMemo, type ReactNode } from "react";

type Messages = Record<string, unknown>;

/** Two sets of messages as one: a namespace present in both keeps the parts of each. */
function mergeMessages(a: Messages, b: Messages): Messages {
  const out: Messages = { ...a };
  for (const [ns, value] of Object.entries(b)) {
    const mine = out[ns];
    out[ns] =
      mine && typeof mine === "object" && value && typeof value === "object"
        ? { ...(mine as Messages), ...(value as Messages) }
        : value;
  }
  return out;
}

/**
 * Adds a route's message namespaces to those the root layout hands to the browser (the shared
 * ones): a nested provider replaces its parent's messages, so this one hands on both, part by
 * part where both carry parts of one namespace (the server's refusal texts and a route's group).
 */
export function MessagesScope({ messages, children }: { messages: Messages; children: ReactNode }) {
  const parent = useMessages() as Messages;
  const locale = useLocale();
  const merged = useMemo(() => mergeMessages(parent, messages), [parent, messages]);
  return (
    <NextIntlClientProvider locale={locale} messages={merged}>
      {children}
    </NextIntlClientProvider>
  );
}
