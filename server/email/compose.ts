/**
 * The notification mails of a ticket, composed in the recipient's language with a plain-text and an
 * HTML part and the headers that thread them (addresses.ts). Pure: everything it needs is passed in.
 */
import { createTranslator } from "next-intl";
import type { Locale, NotificationKind, Priority, TicketStatus } from "@/db/schema/enums";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";
import { REPLY_ABOVE_MARKER } from "./trim";
import { languageTag } from "@/server/i18n/negotiate";
import { shownSubject } from "@/server/tickets/subject";

/** What a status or priority change changed to, named in the mail (a customer learns the ticket now waits on them). */
export type TicketChange = { status: TicketStatus } | { priority: { from: Priority; to: Priority } };

export type ComposedMail = { subject: string; text: string; html: string; headers: Record<string, string> };

export type MailThread = {
  /** This mail's own Message-ID. */
  messageId: string;
  /** The ticket's root id: every mail of the ticket refers to it. */
  rootId: string;
  /** The ticket's reply address. */
  replyTo: string;
};

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function translator(locale: Locale | null | undefined) {
  const lang = locale === "zh" ? "zh" : "en";
  return createTranslator({ locale: lang, messages: lang === "zh" ? zh : en, namespace: "emailChannel.mail" });
}

function wordsOf(locale: Locale | null | undefined) {
  const lang = locale === "zh" ? "zh" : "en";
  return createTranslator({ locale: lang, messages: lang === "zh" ? zh : en });
}

/** A ticket's subject in the recipient's words: their "(no subject)" when its mail had none (decision 043). */
function subjectFor(locale: Locale | null | undefined, subject: string): string {
  return shownSubject(subject, wordsOf(locale)("tickets.placeholders.noSubject"));
}

/** The sentence naming a change's new value, in words: "New status: Pending customer." */
function changeSentence(locale: Locale | null | undefined, change: TicketChange): string {
  const t = wordsOf(locale);
  return "status" in change
    ? t("emailChannel.mail.statusNow", { status: t(`tickets.statuses.${change.status}`) })
    : t("emailChannel.mail.priorityNow", {
        from: t(`priority.${change.priority.from}`),
        to: t(`priority.${change.priority.to}`),
      });
}

function kindLabel(locale: Locale | null | undefined, kind: NotificationKind): string {
  const lang = locale === "zh" ? "zh" : "en";
  const t = createTranslator({ locale: lang, messages: lang === "zh" ? zh : en, namespace: "notifications.kinds" });
  return t(kind);
}

/** Headers that thread a mail into its ticket and keep autoresponders from answering it. */
export function threadHeaders(thread: MailThread, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "Message-ID": thread.messageId,
    "In-Reply-To": thread.rootId,
    References: thread.rootId,
    "Reply-To": thread.replyTo,
    "Auto-Submitted": "auto-generated",
    "X-Auto-Response-Suppress": "All",
    ...extra,
  };
}

function assemble(
  locale: Locale | null | undefined,
  parts: {
    subject: string;
    lead: string;
    change?: string;
    quote?: { author: string; text: string };
    ticketLink: string;
    preferencesLink: string;
  },
  headers: Record<string, string>,
): ComposedMail {
  const t = translator(locale);
  const text = [
    REPLY_ABOVE_MARKER,
    "",
    parts.lead,
    ...(parts.change ? [parts.change] : []),
    ...(parts.quote ? ["", t("wrote", { name: parts.quote.author }), "", parts.quote.text] : []),
    "",
    t("open", { link: parts.ticketLink }),
    t("replyHint"),
    "",
    "-- ",
    t("preferences", { link: parts.preferencesLink }),
  ].join("\n");
  const html = [
    `<!doctype html><html lang="${languageTag(locale)}"><body style="font-family:system-ui,sans-serif;line-height:1.5">`,
    `<p style="color:#888;font-size:12px">${escapeHtml(REPLY_ABOVE_MARKER)}</p>`,
    `<p>${escapeHtml(parts.lead)}</p>`,
    parts.change ? `<p><strong>${escapeHtml(parts.change)}</strong></p>` : "",
    parts.quote
      ? `<p><strong>${escapeHtml(t("wrote", { name: parts.quote.author }))}</strong></p><div style="white-space:pre-wrap;border-left:3px solid #ccc;padding-left:12px">${escapeHtml(parts.quote.text)}</div>`
      : "",
    `<p><a href="${escapeHtml(parts.ticketLink)}">${escapeHtml(t("openButton"))}</a></p>`,
    `<p style="color:#666">${escapeHtml(t("replyHint"))}</p>`,
    `<hr><p style="color:#888;font-size:12px"><a href="${escapeHtml(parts.preferencesLink)}">${escapeHtml(t("preferencesButton"))}</a></p>`,
    "</body></html>",
  ].join("");
  return { subject: parts.subject, text, html, headers };
}

/**
 * A notification about a ticket: what happened (the in-app sentence of its kind), the comment's text
 * when there is one, the ticket's link, how to answer, and the one-click link to the preferences.
 */
export function composeTicketMail(input: {
  locale: Locale | null | undefined;
  kind: NotificationKind;
  ticket: { id: number; subject: string };
  comment?: { author: string; text: string } | null;
  change?: TicketChange | null;
  ticketLink: string;
  preferencesLink: string;
  thread: MailThread;
}): ComposedMail {
  const subject = `[#${input.ticket.id}] ${subjectFor(input.locale, input.ticket.subject)}`;
  const what = kindLabel(input.locale, input.kind);
  // A ticket without a subject is named by its number alone ("(no subject)" in brackets reads badly).
  const lead = input.ticket.subject.trim()
    ? translator(input.locale)("lead", { id: input.ticket.id, subject: input.ticket.subject, what })
    : translator(input.locale)("leadNoSubject", { id: input.ticket.id, what });
  return assemble(
    input.locale,
    {
      subject,
      lead,
      change: input.change ? changeSentence(input.locale, input.change) : undefined,
      quote: input.comment ?? undefined,
      ticketLink: input.ticketLink,
      preferencesLink: input.preferencesLink,
    },
    threadHeaders(input.thread, { "List-Unsubscribe": `<${input.preferencesLink}>` }),
  );
}

/** The acknowledgement of a ticket opened by email: its number, so the customer can refer to it. */
export function composeAcknowledgement(input: {
  locale: Locale | null | undefined;
  ticket: { id: number; subject: string };
  inReplyTo: string | null;
  ticketLink: string;
  preferencesLink: string;
  thread: MailThread;
}): ComposedMail {
  const t = translator(input.locale);
  const headers = threadHeaders(input.thread, { "Auto-Submitted": "auto-replied" });
  if (input.inReplyTo) {
    headers["In-Reply-To"] = input.inReplyTo;
    headers.References = `${input.thread.rootId} ${input.inReplyTo}`;
  }
  return assemble(
    input.locale,
    {
      subject: `[#${input.ticket.id}] ${subjectFor(input.locale, input.ticket.subject)}`,
      lead: t("acknowledged", { id: input.ticket.id }),
      ticketLink: input.ticketLink,
      preferencesLink: input.preferencesLink,
    },
    headers,
  );
}

/** A daily digest: one line per notification, newest last. */
export function composeDigest(input: {
  locale: Locale | null | undefined;
  items: { kind: NotificationKind; ticketId: number | null; subject: string | null; link: string }[];
  preferencesLink: string;
}): { subject: string; text: string; html: string; headers: Record<string, string> } {
  const t = translator(input.locale);
  const lines = input.items.map(
    (i) =>
      `${kindLabel(input.locale, i.kind)}${i.ticketId ? ` · #${i.ticketId} ${subjectFor(input.locale, i.subject ?? "")}` : ""}`,
  );
  const text = [
    t("digestLead", { n: input.items.length }),
    "",
    ...lines.map((l, k) => `- ${l}\n  ${input.items[k]!.link}`),
    "",
    "-- ",
    t("preferences", { link: input.preferencesLink }),
  ].join("\n");
  const html = [
    `<!doctype html><html lang="${languageTag(input.locale)}"><body style="font-family:system-ui,sans-serif">`,
    `<p>${escapeHtml(t("digestLead", { n: input.items.length }))}</p><ul>`,
    ...lines.map((l, k) => `<li><a href="${escapeHtml(input.items[k]!.link)}">${escapeHtml(l)}</a></li>`),
    `</ul><hr><p style="font-size:12px"><a href="${escapeHtml(input.preferencesLink)}">${escapeHtml(t("preferencesButton"))}</a></p></body></html>`,
  ].join("");
  return {
    subject: t("digestSubject", { n: input.items.length }),
    text,
    html,
    headers: {
      "Auto-Submitted": "auto-generated",
      "X-Auto-Response-Suppress": "All",
      "List-Unsubscribe": `<${input.preferencesLink}>`,
    },
  };
}

/** A block of a notice's HTML part: a paragraph (the lead in bold) or a labelled link. */
export type NoticeBlock = { text: string; strong?: boolean; muted?: boolean } | { link: string; label: string };

/**
 * The HTML part of a notice that is not a ticket thread (an on-call page): the paragraphs and links
 * its plain part says, in the recipient's language, each link behind its label as in ticket mails.
 */
export function noticeHtml(locale: Locale | null | undefined, blocks: NoticeBlock[]): string {
  const inner = blocks.map((b) =>
    "link" in b
      ? `<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.label)}</a></p>`
      : b.strong
        ? `<p><strong>${escapeHtml(b.text)}</strong></p>`
        : `<p${b.muted ? ' style="color:#666"' : ""}>${escapeHtml(b.text)}</p>`,
  );
  return [
    `<!doctype html><html lang="${languageTag(locale)}"><body style="font-family:system-ui,sans-serif;line-height:1.5">`,
    ...inner,
    "</body></html>",
  ].join("");
}
