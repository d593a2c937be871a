/**
 * On-call emails (a page, an at-risk or breach warning, a disabled webhook) in the recipient's
 * language, queued in the outbox inside the caller's transaction.
 */
import { createTranslator } from "next-intl";
import { outbox } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";

export type OnCallMailKind = "page" | "atRisk" | "breach" | "webhookDisabled";

/** The subject and body of an on-call email (`onCallMail.<kind>` in the message files). */
export function onCallMail(
  kind: OnCallMailKind,
  locale: Locale | null | undefined,
  values: Record<string, string | number>,
): { subject: string; body: string } {
  const lang = locale === "zh" ? "zh" : "en";
  const t = createTranslator({ locale: lang, messages: lang === "zh" ? zh : en, namespace: `onCallMail.${kind}` });
  return { subject: t("subject", values), body: t("body", values) };
}

/** Queues an on-call email in the outbox (delivery starts after the caller's commit). */
export function queueOnCallMail(
  tx: Pick<Db, "insert">,
  to: string,
  kind: OnCallMailKind,
  locale: Locale | null | undefined,
  values: Record<string, string | number>,
  now: Date,
): void {
  const { subject, body } = onCallMail(kind, locale, values);
  tx.insert(outbox).values({ to, subject, body, createdAt: now }).run();
}
