import { createTranslator } from "next-intl";
import { outbox } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The emails of accounts and identity, each in `identityMail.<kind>` of the message files. */
export type IdentityMailKind =
  "invitation" | "passwordReset" | "passwordChanged" | "deactivated" | "emailChangeConfirm" | "emailChanged";

/** A message of the recipient's language by its full key ("metric.firstResponse"), for mail composed on the server. */
export type MailTranslate = (key: string, values?: Record<string, string | number>) => string;

/** The translator of a mail's recipient: Simplified Chinese for "zh", else English. */
export function mailTranslator(locale: Locale | null | undefined): MailTranslate {
  const lang = locale === "zh" ? "zh" : "en";
  return createTranslator({ locale: lang, messages: lang === "zh" ? zh : en }) as unknown as MailTranslate;
}

/** A mail's subject and body, the messages `<key>.subject` and `<key>.body` in the recipient's language. */
export function mailMessages(
  t: MailTranslate,
  key: string,
  values: Record<string, string | number>,
): { subject: string; body: string } {
  return { subject: t(`${key}.subject`, values), body: t(`${key}.body`, values) };
}

/** An absolute link into the portal (NEXTAUTH_URL is its public address). */
export function portalLink(path: string): string {
  const base = (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${path}`;
}

/** A role's name in a language, for mail ("Account manager", "客户成功经理"). */
export function roleLabel(locale: Locale | null | undefined, role: string): string {
  return mailTranslator(locale)(`roles.${role}`);
}

/** An instant as people read it in mail: the recipient's language and zone, with the zone named. */
export function mailTime(at: Date, locale: Locale | null | undefined, timeZone: string): string {
  let zone = timeZone;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    zone = "UTC";
  }
  const text = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: zone,
  }).format(at);
  return `${text} (${zone})`;
}

/** An identity email in the recipient's language. */
export function identityMail(
  kind: IdentityMailKind,
  locale: Locale | null | undefined,
  values: Record<string, string | number>,
): { subject: string; body: string } {
  return mailMessages(mailTranslator(locale), `identityMail.${kind}`, values);
}

/**
 * Queues an identity email in the outbox inside the caller's transaction; the caller starts
 * delivery after commit (`scheduleOutboxDelivery`), so a rolled-back change sends nothing.
 */
export function queueIdentityMail(
  tx: Tx,
  to: string,
  kind: IdentityMailKind,
  locale: Locale | null | undefined,
  values: Record<string, string | number>,
  now: Date,
): void {
  const mail = identityMail(kind, locale, values);
  tx.insert(outbox).values({ to, subject: mail.subject, body: mail.body, createdAt: now }).run();
}
