/**
 * On-call emails (a page, an at-risk or breach warning, a disabled webhook) in the recipient's
 * language, queued in the outbox inside the caller's transaction.
 */
import { outbox } from "@/db/schema";
import type { Locale, Metric, PageLevel } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import { mailMessages, mailTranslator } from "@/server/identity/mail";

export type OnCallMailKind = "page" | "atRisk" | "breach" | "webhookDisabled";

/** A mail's values; a metric and an on-call level are given as codes and written in the recipient's words. */
export type OnCallMailValues = Record<string, string | number> & { metric?: Metric; level?: PageLevel };

/**
 * The subject and body of an on-call email (`onCallMail.<kind>` in the message files): a metric
 * reads as the glossary writes it mid-sentence ("first response", "首次响应"), a level as the
 * on-call page names it ("primary", "主值班"), never as their codes.
 */
export function onCallMail(
  kind: OnCallMailKind,
  locale: Locale | null | undefined,
  values: OnCallMailValues,
): { subject: string; body: string } {
  const t = mailTranslator(locale);
  const words = {
    ...values,
    ...(values.metric ? { metric: t(`onCallMail.metrics.${values.metric}`) } : {}),
    ...(values.level ? { level: t(`onCall.levels.${values.level}`) } : {}),
  };
  return mailMessages(t, `onCallMail.${kind}`, words);
}

/** Queues an on-call email in the outbox (delivery starts after the caller's commit). */
export function queueOnCallMail(
  tx: Pick<Db, "insert">,
  to: string,
  kind: OnCallMailKind,
  locale: Locale | null | undefined,
  values: OnCallMailValues,
  now: Date,
): void {
  const { subject, body } = onCallMail(kind, locale, values);
  tx.insert(outbox).values({ to, subject, body, createdAt: now }).run();
}
