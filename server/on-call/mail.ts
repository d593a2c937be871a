/**
 * On-call emails (a page, an at-risk or breach warning, a disabled webhook) in the recipient's
 * language, queued in the outbox inside the caller's transaction. A page has an HTML part beside its
 * plain text, as ticket mails do: the engineer woken by it finds the acknowledge and ticket links as
 * buttons.
 */
import { outbox } from "@/db/schema";
import type { Locale, Metric, PageLevel } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import { noticeHtml } from "@/server/email/compose";
import { mailMessages, mailTranslator, type MailTranslate } from "@/server/identity/mail";
import { shownSubject } from "@/server/tickets/subject";

export type OnCallMailKind = "page" | "atRisk" | "breach" | "webhookDisabled";

/** A mail's values; a metric and an on-call level are given as codes and written in the recipient's words. */
export type OnCallMailValues = Record<string, string | number> & { metric?: Metric; level?: PageLevel };

/**
 * A page: who is on call for which ticket, the link that acknowledges it (`link`, the on-call page)
 * and the ticket's own (`ticketLink`), in a plain and an HTML part that say the same.
 */
function pageMail(
  t: MailTranslate,
  locale: Locale | null | undefined,
  words: Record<string, string | number>,
): { subject: string; body: string; html: string } {
  const lead = t("onCallMail.page.lead", words);
  const ticket = `#${words.id} ${words.subject}`;
  const repeat = t("onCallMail.page.repeat");
  const acknowledge = String(words.link);
  const open = String(words.ticketLink);
  return {
    subject: t("onCallMail.page.subject", words),
    body: [
      lead,
      "",
      ticket,
      "",
      t("onCallMail.page.acknowledge", { link: acknowledge }),
      t("onCallMail.page.open", { link: open }),
      "",
      repeat,
    ].join("\n"),
    html: noticeHtml(locale, [
      { text: lead },
      { text: ticket, strong: true },
      { link: acknowledge, label: t("onCallMail.page.acknowledgeButton") },
      { link: open, label: t("onCallMail.page.openButton") },
      { text: repeat, muted: true },
    ]),
  };
}

/**
 * The subject and body of an on-call email (`onCallMail.<kind>` in the message files), and for a
 * page its HTML part: a metric reads as the glossary writes it mid-sentence ("first response",
 * "首次响应"), a level as the on-call page names it ("primary", "主值班"), never as their codes.
 */
export function onCallMail(
  kind: OnCallMailKind,
  locale: Locale | null | undefined,
  values: OnCallMailValues,
): { subject: string; body: string; html: string | null } {
  const t = mailTranslator(locale);
  const words = {
    ...values,
    ...(values.metric ? { metric: t(`onCallMail.metrics.${values.metric}`) } : {}),
    ...(values.level ? { level: t(`onCall.levels.${values.level}`) } : {}),
    // A ticket opened from a mail without a subject stores none: the recipient reads their "(no subject)".
    ...(typeof values.subject === "string"
      ? { subject: shownSubject(values.subject, t("tickets.placeholders.noSubject")) }
      : {}),
  };
  if (kind === "page") return pageMail(t, locale, words);
  return { ...mailMessages(t, `onCallMail.${kind}`, words), html: null };
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
  const { subject, body, html } = onCallMail(kind, locale, values);
  tx.insert(outbox).values({ to, subject, body, html, createdAt: now }).run();
}
